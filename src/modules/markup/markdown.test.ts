import { describe, expect, it } from 'vitest';
import { render } from './index.ts';
import { testEnv, title, unsafeParts } from './testing.ts';

const html = (source: string, env = testEnv()): string => render(source, 'markdown', env).html;
const para = (source: string): string => html(source).replace(/^<p>|<\/p>\n$/g, '');

describe('wiki links', () => {
  it.each([
    ['[[Accueil]]', '<a href="/wiki/Accueil" title="Accueil">Accueil</a>'],
    ['[[accueil]]', '<a href="/wiki/Accueil" title="Accueil">accueil</a>'],
    ['[[Accueil|la *page* d’accueil]]', '<a href="/wiki/Accueil" title="Accueil">la <em>page</em> d’accueil</a>'],
    ['[[Accueil#Nouvelles du réseau]]', '<a href="/wiki/Accueil#Nouvelles_du_réseau" title="Accueil">Accueil#Nouvelles du réseau</a>'],
    ['[[Page absente]]', '<a href="/wiki/Page_absente?action=edit&amp;redlink=1" class="new" title="Page absente (page inexistante)">Page absente</a>'],
    ['[[Page absente#Section]]', '<a href="/wiki/Page_absente?action=edit&amp;redlink=1" class="new" title="Page absente (page inexistante)">Page absente#Section</a>'],
    ['[[Ancienne page]]', '<a href="/wiki/Ancienne_page" class="mw-redirect" title="Ancienne page">Ancienne page</a>'],
    ['[[Bac à sable]]', '<a class="mw-selflink selflink">Bac à sable</a>'],
    ['[[bac_à_sable|ici]]', '<a class="mw-selflink selflink">ici</a>'],
    ['[[Bac à sable#Plus bas]]', '<a class="mw-selflink-fragment" href="#Plus_bas">Bac à sable#Plus bas</a>'],
    ['[[#Plus bas]]', '<a href="#Plus_bas">#Plus bas</a>'],
    ['[[#Plus bas|voir plus bas]]', '<a href="#Plus_bas">voir plus bas</a>'],
    ['[[:Catégorie:Outils]]', '<a href="/wiki/Cat%C3%A9gorie:Outils" title="Catégorie:Outils">Catégorie:Outils</a>'],
    ['[[:Catégorie:Outils|les outils]]', '<a href="/wiki/Cat%C3%A9gorie:Outils" title="Catégorie:Outils">les outils</a>'],
    ['[[Help:modifier]]', '<a href="/wiki/Aide:Modifier" title="Aide:Modifier">Help:modifier</a>'],
    ['[[Spécial:Modifications récentes]]', '<a href="/wiki/Sp%C3%A9cial:Modifications_r%C3%A9centes" title="Spécial:Modifications récentes">Spécial:Modifications récentes</a>'],
    ['[[Spécial:Inconnue]]', '<a href="/wiki/Sp%C3%A9cial:Inconnue" class="new" title="Spécial:Inconnue (page inexistante)">Spécial:Inconnue</a>'],
    ['[[7%25 Solution]]', '<a href="/wiki/7%25_Solution?action=edit&amp;redlink=1" class="new" title="7% Solution (page inexistante)">7% Solution</a>'],
    ['[[Foo &amp; bar]]', '<a href="/wiki/Foo_%26_bar?action=edit&amp;redlink=1" class="new" title="Foo &amp; bar (page inexistante)">Foo &amp; bar</a>'],
    ['[[Accueil|]]', '<a href="/wiki/Accueil" title="Accueil">Accueil</a>'],
    ['[[Accueil|http://example.org/]]', '<a href="/wiki/Accueil" title="Accueil">http://example.org/</a>'],
    ['[[[Accueil]]]', '[<a href="/wiki/Accueil" title="Accueil">Accueil</a>]'],
  ])('%s', (source, expected) => {
    expect(para(source)).toBe(expected);
  });

  it.each([
    '[[foo<bar]]', '[[foo>bar]]', '[[./foo]]', '[[foo/..]]', '[[foo~~~bar]]', '[[7%2525 Solution]]', '[[Catégorie:]]', '[[#]]',
    '[[ ]]', '[[foo{bar]]', '[[Usually caused by a typo (oops}]]', '[[%3c%23]]',
  ])('leaves an invalid target as text: %s', (source) => {
    const out = para(source);
    expect(out).not.toContain('<a');
    expect(out.startsWith('[[')).toBe(true);
  });

  it('does not take URLs for page names', () => {
    expect(para('[[http://example.org]]')).toBe(
      '[[<a href="http://example.org" rel="nofollow noopener" class="external">http://example.org</a>]]',
    );
  });

  it('finds no links in code, and none where the brackets are escaped', () => {
    const r = render('`[[Accueil]]`\n\n```\n[[Accueil]]\n```\n\n    [[Accueil]]\n\n\\[[Accueil]]', 'markdown', testEnv());
    expect(r.html).not.toContain('<a');
    expect(r.links).toEqual([]);
  });

  it('works in table cells with an escaped pipe', () => {
    expect(html('| a |\n|---|\n| [[Accueil\\|acc]] |')).toContain('<td><a href="/wiki/Accueil" title="Accueil">acc</a></td>');
  });

  it('never nests links', () => {
    expect(para('[[Accueil|voir [ici](http://example.org)]]')).toBe('<a href="/wiki/Accueil" title="Accueil">voir ici</a>');
    expect(para('[avant [[Accueil]]](http://example.org)')).not.toMatch(/<a[^>]*>[^<]*<a/);
  });

  it('escapes what it writes', () => {
    const out = para('[[Accueil|<i>x</i> "q"]] [[A"b]]');
    expect(out).toBe('<a href="/wiki/Accueil" title="Accueil"><i>x</i> &quot;q&quot;</a> <a href="/wiki/A%22b?action=edit&amp;redlink=1" class="new" title="A&quot;b (page inexistante)">A&quot;b</a>');
    expect(unsafeParts(out)).toEqual([]);
  });
});

describe('categories', () => {
  it('records categories with their sort key and shows nothing', () => {
    const r = render('Texte.\n\n[[Catégorie:Outils|clé]]\n[[Category:autres]]\n[[Catégorie:Outils|autre clé]]', 'markdown', testEnv());
    expect(r.html).toBe('<p>Texte.</p>\n');
    expect(r.categories).toEqual([{ name: 'Outils', sortKey: 'autre clé' }, { name: 'Autres', sortKey: '' }]);
    expect(r.links).toEqual([]);
  });

  it('trims what a category leaves at the end of a paragraph', () => {
    expect(html('Texte.\n[[Catégorie:Outils]]')).toBe('<p>Texte.</p>\n');
    expect(html('Avant [[Catégorie:Outils]] après')).toBe('<p>Avant  après</p>\n');
  });
});

describe('redirects', () => {
  it.each(['#REDIRECTION [[Accueil]]', '#redirect [[Accueil]]', '  #Redirection:[[Accueil|ignoré]]\nsuite', '#REDIRECT [[Acc%75eil]]'])('%j', (source) => {
    expect(render(source, 'markdown', testEnv()).redirect?.full).toBe('Accueil');
  });

  it.each(['Texte\n#REDIRECTION [[Accueil]]', '#REDIRECTION Accueil', '#REDIRECTION [[foo<bar]]', '#REDIRECTION [[Spécial:Recherche]]', '#REDIRECTIONS [[Accueil]]'])(
    'no redirect: %j',
    (source) => {
      expect(render(source, 'markdown', testEnv()).redirect).toBeUndefined();
    },
  );

  it('renders the redirect header, then the rest of the page', () => {
    const r = render('#REDIRECTION [[Aide:Modifier#Liens]]\n[[Catégorie:Outils]]', 'markdown', testEnv());
    expect(r.redirect).toEqual({ ...title('Aide:Modifier'), fragment: 'Liens' });
    expect(r.html).toBe(
      '<div class="redirectMsg"><p>Redirection vers :</p><ul class="redirectText"><li>' +
        '<a href="/wiki/Aide:Modifier#Liens" title="Aide:Modifier">Aide:Modifier#Liens</a></li></ul></div>\n',
    );
    expect(r.links).toEqual(['Aide:Modifier']);
    expect(r.categories).toEqual([{ name: 'Outils', sortKey: '' }]);
  });

  it('shows only the link without the redirectTo label', () => {
    const env = testEnv();
    const r = render('#REDIRECTION [[Absente]]', 'markdown', { ...env, labels: { ...env.labels, redirectTo: undefined } });
    expect(r.html).toBe(
      '<div class="redirectMsg"><ul class="redirectText"><li><a href="/wiki/Absente?action=edit&amp;redlink=1" class="new" title="Absente (page inexistante)">Absente</a></li></ul></div>\n',
    );
  });
});

describe('GFM', () => {
  it('renders task lists with labelled, disabled checkboxes', () => {
    expect(html('- [ ] à faire\n- [x] fait\n- [X]\n- pas une tâche [ ]')).toBe(
      '<ul class="contains-task-list">\n' +
        '<li class="task-list-item"><label><input class="task-list-item-checkbox" type="checkbox" disabled> à faire</label></li>\n' +
        '<li class="task-list-item"><label><input class="task-list-item-checkbox" type="checkbox" disabled checked> fait</label></li>\n' +
        '<li class="task-list-item"><label><input class="task-list-item-checkbox" type="checkbox" disabled checked> </label></li>\n' +
        '<li>pas une tâche [ ]</li>\n</ul>\n',
    );
  });

  it('autolinks URLs, www. hosts and e-mail addresses, not bare domains', () => {
    const r = render('Voir https://example.org/a, www.example.qc.ca ou info@example.org; pas example.com.', 'markdown', testEnv());
    expect(r.html).toBe(
      '<p>Voir <a href="https://example.org/a" rel="nofollow noopener" class="external">https://example.org/a</a>, ' +
        '<a href="http://www.example.qc.ca" rel="nofollow noopener" class="external">www.example.qc.ca</a> ou ' +
        '<a href="mailto:info@example.org" rel="nofollow noopener" class="external">info@example.org</a>; pas example.com.</p>\n',
    );
    expect(r.externalLinks).toEqual(['https://example.org/a', 'http://www.example.qc.ca', 'mailto:info@example.org']);
  });

  it('marks external Markdown links and leaves relative ones alone', () => {
    const r = render('[a](https://example.org) [b](/wiki/Accueil) [c](#x) <https://example.org>', 'markdown', testEnv());
    expect(r.html).toBe(
      '<p><a href="https://example.org" rel="nofollow noopener" class="external">a</a> <a href="/wiki/Accueil">b</a> ' +
        '<a href="#x">c</a> <a href="https://example.org" rel="nofollow noopener" class="external">https://example.org</a></p>\n',
    );
    expect(r.externalLinks).toEqual(['https://example.org']);
  });

  it('renders strikethrough and footnotes', () => {
    const out = html('~~non~~ oui[^n]\n\n[^n]: La note.');
    expect(out).toContain('<s>non</s> oui<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup>');
    expect(out).toContain('<li id="fn1" class="footnote-item"><p>La note. <a href="#fnref1" class="footnote-backref">↩︎</a></p>');
  });
});

describe('inline HTML', () => {
  it('closes what a paragraph leaves open and shows stray closing tags', () => {
    expect(html('a <b>gras\n\nsuite</i>')).toBe('<p>a <b>gras</b></p>\n<p>suite&lt;/i&gt;</p>\n');
    expect(html('<span>a <b>b</span> c')).toBe('<p><span>a <b>b</b></span> c</p>\n');
  });

  it('sanitises author HTML in place', () => {
    expect(html('Texte <span style="color:red" onclick="x()">rouge</span> <script>x()</script>')).toBe(
      '<p>Texte <span style="color:red">rouge</span> &lt;script&gt;x()&lt;/script&gt;</p>\n',
    );
  });
});

describe('typography', () => {
  it('turns spaces before French punctuation and inside guillemets into no-break spaces', () => {
    expect(html('« Oui » : non ! Vraiment ? 50 %')).toBe('<p>«&#160;Oui&#160;»&#160;: non&#160;! Vraiment&#160;? 50&#160;%</p>\n');
  });

  it('leaves code, URLs and English alone', () => {
    expect(html('`a : b` Note: yes http://example.org/?q=a')).toBe(
      '<p><code>a : b</code> Note: yes <a href="http://example.org/?q=a" rel="nofollow noopener" class="external">http://example.org/?q=a</a></p>\n',
    );
  });
});

describe('headings', () => {
  it('gives unique ids that avoid ids of author HTML; headings in quotes are not sections', () => {
    const r = render('<span id="Bilan"></span>\n\n## Bilan\n\n## Bilan\n\n> ## Cité\n\n## [[Accueil|Lien]] et `code`', 'markdown', testEnv());
    expect(r.headings).toEqual([
      { level: 2, text: 'Bilan', anchor: 'Bilan_2', section: 1 },
      { level: 2, text: 'Bilan', anchor: 'Bilan_3', section: 2 },
      { level: 2, text: 'Lien et code', anchor: 'Lien_et_code', section: 3 },
    ]);
    expect(r.html).toContain('<blockquote>\n<h2 id="Cité">Cité</h2>\n</blockquote>');
    expect(r.toc).toBe('');
  });

  it('shows a table of contents from four headings', () => {
    const r = render('## A\n## B\n### B1\n## C', 'markdown', testEnv());
    expect(r.toc).toContain('<h2 id="mw-toc-heading" class="toctitle">Sommaire</h2>');
    expect(r.toc).toContain('<span class="tocnumber">2.1</span> <span class="toctext">B1</span>');
  });

  it('has no edit links when sections are not editable', () => {
    expect(html('## A', testEnv({ editSections: false }))).toBe('<div class="mw-heading mw-heading2"><h2 id="A">A</h2></div>\n');
  });
});
