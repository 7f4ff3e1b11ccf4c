import { describe, expect, it } from 'vitest';
import { preprocess } from '../preprocess/index.ts';
import { expand, testContext } from '../preprocess/testing.ts';

const en = (text: string, page?: string): string => expand(text, { language: 'en', ...(page ? { page } : {}) });

describe('core parser functions', () => {
  it('changes case', () => {
    expect(expand('{{lc:ÉCOLE}} {{uc:école}} {{lcfirst:ÉCOLE}} {{ucfirst:école}}')).toBe('école ÉCOLE éCOLE École');
    expect(expand('{{MINUS:ABC}} {{MAJUS:abc}}')).toBe('abc ABC');
  });

  it('encodes URLs three ways', () => {
    expect(en('{{urlencode:a b&c/é~}}')).toBe('a+b%26c%2F%C3%A9%7E');
    expect(en('{{urlencode:a b&c/é~|PATH}}')).toBe('a%20b%26c%2F%C3%A9~');
    expect(en('{{urlencode:a b&c/é|WIKI}}')).toBe('a_b%26c/%C3%A9');
    expect(en('{{urlencode:x<nowiki>y</nowiki>z}}')).toBe('xz');
  });

  it('encodes anchors like headings', () => {
    expect(en('{{anchorencode:Un [[lien|titre]] et \'\'italique\'\' x}}')).toBe('Un_titre_et_italique_x');
    expect(en('{{anchorencode: a%20b "c" }}')).toBe('a%2520b_&quot;c&quot;');
  });

  it('pads text', () => {
    expect(en('{{padleft:7|3}} {{padleft:7|5|ab}} {{padright:x|4|-}} {{padleft:long|2}} {{padleft:x|3|}}')).toBe('007 abab7 x--- long x');
  });

  it('formats numbers', () => {
    expect(en('{{formatnum:1234567.891}} {{formatnum:-1234}} {{formatnum:1,234.5|R}} {{formatnum:12345|NOSEP}}')).toBe('1,234,567.891 -1,234 1234.5 12345');
    expect(expand('{{formatnum:1234567,5|R}} {{formatnum:1234567.5}}')).toBe('1234567.5 1\u202F234\u202F567,5');
    expect(en('{{formatnum:abc 1234 def}}')).toBe('abc 1,234 def');
    expect(en('{{formatnum:9999999999999999}} {{formatnum:9999999999999999|LOSSLESS}}')).toBe('10,000,000,000,000,000 9999999999999999');
  });

  it('chooses plural and gender forms', () => {
    expect(en('{{PLURAL:1|page|pages}} {{PLURAL:2|page|pages}} {{PLURAL:0|page|pages}} {{PLURAL:1,000|page|pages}}')).toBe('page pages pages pages');
    expect(expand('{{PLURAL:0|page|pages}} {{PLURAL:1,5|page|pages}} {{PLURIEL:2|page|pages}} {{PLURAL:5|1=un|rien}}')).toBe('page page pages rien');
    expect(en('{{PLURAL:3|3=three|other}} {{PLURAL:3|one}}')).toBe('three one');
    expect(en('{{GENDER:Awa|il|elle|iel}} {{GENDER:|il|elle}} {{GENDER:x}}')).toBe('iel il ');
    expect(en('{{GRAMMAR:genitive|Wiki}}')).toBe('Wiki');
  });

  it('builds tags with #tag', () => {
    const ctx = testContext();
    const out = preprocess('{{#tag:ref|texte {{lc:X}}|name="n"}} {{#tag:span|x|class=a}} {{#balise:br}}', ctx);
    expect(ctx.strip.unstripBoth(out)).toBe('[ref n:texte x] <span class="a">x</span> <br/>');
  });

  it('names languages and directions', () => {
    expect(expand('{{#language:fr}} {{#language:en|fr}} {{#langue:de|fr}}')).toBe('français anglais allemand');
    expect(en('{{#language:fr|en}} {{#dir:fa}} {{#dir:en}} {{#bcp47:sr-ec}}')).toBe('French rtl ltr sr-Cyrl');
  });

  it('reads interface messages with int:', () => {
    expect(en('{{int:new-messages|a|b}} {{int:unknownkey}}')).toBe('You have a (b). ⧼unknownkey⧽');
    expect(expand('{{int:history_short}}')).toBe('Historique');
    expect(expand('{{int:mainpage}}', { language: 'en', pages: { 'MediaWiki:Mainpage': 'Home' } })).toBe('Home');
  });

  it('sets the display title under MediaWiki’s restrictions', () => {
    const ctx = testContext();
    expect(preprocess("{{DISPLAYTITLE:''Bac'' à <span style=\"color:red\">sable</span>}}", ctx)).toBe('');
    expect(ctx.output.displayTitle).toBe('<i>Bac</i> à <span style="color:red">sable</span>');
    const other = testContext();
    preprocess('{{DISPLAYTITLE:Autre titre}}', other);
    expect(other.output.displayTitle).toBeUndefined();
    const hidden = testContext();
    preprocess('{{DISPLAYTITLE:<span style="display:none">Bac</span> à sable}}', hidden);
    expect(hidden.output.displayTitle).toBe('<span style="/* attempt to bypass $wgRestrictDisplayTitle */">Bac</span> à sable');
    const off = testContext({ env: { options: { allowDisplayTitle: false } as never } });
    expect(preprocess('{{DISPLAYTITLE:Bac à sable}}', off)).toBe('[[:Modèle:DISPLAYTITLE:Bac à sable]]');
  });

  it('sets the default sort key', () => {
    const ctx = testContext();
    expect(preprocess('{{DEFAULTSORT:Sable, Bac}}{{CLEDETRI:Sable, Bac}}', ctx)).toBe('');
    expect(ctx.output.defaultSort).toBe('Sable, Bac');
    expect(preprocess('{{DEFAULTSORT:Autre}}', ctx)).toBe('<span class="error">Warning: Default sort key "Autre" overrides earlier default sort key "Sable, Bac".</span>');
    expect(preprocess('{{DEFAULTSORT:Encore|noreplace}}', ctx)).toBe('');
    expect(ctx.output.defaultSort).toBe('Autre');
  });

  it('formats dates with #formatdate', () => {
    expect(en('{{#formatdate:2009-03-24}} {{#formatdate:2009-03-24|mdy}} {{#formatdate:24 March 2009|ymd}}')).toBe(
      '<span class="mw-formatted-date" title="2009-03-24">2009-03-24</span> <span class="mw-formatted-date" title="2009-03-24">March 24, 2009</span> <span class="mw-formatted-date" title="2009-03-24">2009 March 24</span>',
    );
    expect(expand('{{#formatdate:Juin 3|dmy}} {{#formatdate:2019-22-22|dmy}}')).toBe('<span class="mw-formatted-date" title="06-03">3 juin</span> 2019-22-22');
  });
});

describe('page names, namespaces and URLs', () => {
  it('names the page in every form', () => {
    const page = 'Aide:Guide/Étape un/Détail';
    expect(expand('{{PAGENAME}}|{{FULLPAGENAME}}|{{BASEPAGENAME}}|{{ROOTPAGENAME}}|{{SUBPAGENAME}}', { page })).toBe('Guide/Étape un/Détail|Aide:Guide/Étape un/Détail|Guide/Étape un|Guide|Détail');
    expect(expand('{{PAGENAMEE}}|{{FULLPAGENAMEE}}', { page })).toBe('Guide/%C3%89tape_un/D%C3%A9tail|Aide:Guide/%C3%89tape_un/D%C3%A9tail');
    expect(expand('{{NAMESPACE}}|{{NAMESPACENUMBER}}|{{TALKSPACE}}|{{SUBJECTSPACE}}|{{TALKPAGENAME}}', { page })).toBe('Aide|12|Discussion aide|Aide|Discussion aide:Guide/Étape un/Détail');
    expect(expand('{{NOMPAGE}} {{ESPACENOMMAGE}}', { page: 'Accueil' })).toBe('Accueil ');
    expect(expand('{{PAGENAME:Modèle:Une_page}} {{NAMESPACE:Catégorie:X}} {{SUBJECTPAGENAME:Discussion:X}} {{TALKPAGENAME:Spécial:X}}')).toBe('Une page Catégorie X ');
    expect(en("{{PAGENAME:A'b}}", 'Parser test')).toBe('A&#39;b');
  });

  it('treats slashes as subpages only where MediaWiki does', () => {
    expect(expand('{{BASEPAGENAME}}', { page: 'A/B' })).toBe('A/B');
    expect(expand('{{BASEPAGENAME}}', { page: 'A/B', env: { options: { subpages: true } as never } })).toBe('A');
  });

  it('names namespaces', () => {
    expect(expand('{{ns:10}} {{ns:modèle}} {{ns:Template}} {{nse:13}} {{ns:99}} {{ESPACEN:14}}')).toBe('Modèle Modèle Modèle Discussion_aide  Catégorie');
    expect(en('{{ns:10}} {{ns:File}} {{ns:Image}} {{nse:11}}')).toBe('Template File File Template_talk');
  });

  it('builds URLs', () => {
    expect(en('{{localurl:Main Page}} {{localurl:Main Page|action=edit}} {{fullurl:Talk:X#frag}} {{canonicalurl:X}} {{fullurle:X|a=b&c=d}}')).toBe(
      '/wiki/Main_Page /index.php?title=Main_Page&action=edit http://example.org/wiki/Talk:X#frag http://example.org/wiki/X http://example.org/index.php?title=X&amp;a=b&amp;c=d',
    );
  });

  it('names special pages', () => {
    expect(en('{{#special:Recentchanges}} {{#special:randompage}} {{#special:Nothing/sub}} {{#speciale:allpages}}')).toBe('Special:RecentChanges Special:Random Special:Nothing/sub Special:AllPages');
    expect(expand('{{#spécial:Upload}}')).toBe('Spécial:Upload');
  });

  it('gives site facts and statistics', () => {
    expect(en('{{SITENAME}} {{SERVER}} {{SERVERNAME}} {{SCRIPTPATH}} {{STYLEPATH}} {{CONTENTLANGUAGE}} {{!}} {{=}}')).toBe('Maillage http://example.org example.org  /skins en | =');
    expect(expand('{{NUMBEROFPAGES}} {{NOMBREARTICLES}} {{NUMBEROFEDITS:R}}', { env: { statistics: { pages: 12345, articles: 7, edits: 2000 } } })).toBe('12\u202F345 7 2000');
    expect(en('{{server}} {{Server}}')).toBe('http://example.org http://example.org');
    expect(en('{{sitename}}')).toBe('[[:Template:Sitename]]');
  });

  it('leaves interwiki transclusions as written', () => {
    const interwiki = new Map([['wikipedia', { url: 'https://fr.wikipedia.org/wiki/$1' }]]);
    expect(expand('{{wikipedia:Foo}} {{REVISIONID:wikipedia:Foo}}', { env: { interwiki } })).toBe('{{wikipedia:Foo}} ');
  });

  it('gives content models and ISBN links', () => {
    expect(en('{{#contentmodel}} {{#contentmodel:canonical|MediaWiki:Common.css}} {{#contentmodel:|User:X/a.js}}')).toBe('wikitext css JavaScript');
    const ctx = testContext({ language: 'en' });
    expect(ctx.strip.unstripBoth(preprocess('{{#isbn:0-306-40615-2}} {{#isbn:12}}', ctx))).toBe(
      '<a href="/wiki/Special:BookSources/0306406152" class="internal mw-magiclink-isbn">ISBN 0-306-40615-2</a> ISBN 12',
    );
  });

  it('measures pages and files', () => {
    const ctx = testContext({ pages: { 'Modèle:X': 'héhé' } });
    expect(preprocess('{{PAGESIZE:Modèle:X}} {{PAGESIZE:Modèle:X|R}} {{PROTECTIONLEVEL:edit}}', ctx)).toBe('6 6 ');
    expect(preprocess('{{filepath:Rien.png}}', ctx)).toBe('');
  });

  it('transcludes relative subpages where the namespace has them', () => {
    const pages = { 'Aide:Guide/Intro': 'intro', 'Aide:Autre': 'autre' };
    expect(expand('{{/Intro}} {{../Autre}}', { page: 'Aide:Guide', pages })).toBe('intro {{../Autre}}');
    expect(expand('{{../Intro}}', { page: 'Aide:Guide/Détail', pages })).toBe('intro');
  });
});
