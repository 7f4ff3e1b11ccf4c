import { describe, expect, it } from 'vitest';
import { expandForInclusion, expandForSave, preprocess, preprocessToTree } from './index.ts';
import { expand, readable, testContext } from './testing.ts';

const pages = {
  'Modèle:Écho': '{{{1}}}',
  'Modèle:Nommé': '[{{{nom}}}|{{{2|deux}}}|{{{absent|}}}]',
  'Modèle:Liste': '* élément',
  'Modèle:Boucle': 'avant {{Boucle}} après',
  'Modèle:Ping': 'ping {{Pong}}',
  'Modèle:Pong': 'pong {{Ping}}',
  'Modèle:Profond': '{{Profond}}',
  'Modèle:Inclus': 'visible<noinclude> (doc)</noinclude><includeonly> inclus</includeonly>',
  'Modèle:Seul': 'ignoré<onlyinclude>gardé</onlyinclude>ignoré',
  'Modèle:Redirigé': '#REDIRECTION [[Modèle:Écho]]',
  'Modèle:Titre': '== Section du modèle ==\ntexte',
  'Modèle:Manquant': null,
  'Modèle:Compteur': '{{{1|}}}',
  'Page principale': 'texte de la page',
};

describe('template expansion', () => {
  it('substitutes templates with numbered and named arguments', () => {
    expect(expand('a {{Écho|b}} c', { pages })).toBe('a b c');
    expect(expand('{{Nommé| nom = x |1|  y  }}', { pages })).toBe('[x|  y  |]');
    expect(expand('{{Nommé|nom=1|nom=2}}', { pages })).toBe('[2|deux|]');
    expect(expand('{{Écho|1=a|b}}', { pages })).toBe('b');
    expect(expand('{{Écho|b|1= a }}', { pages })).toBe('a');
  });

  it('reads the template namespace by default, the main one after a colon, and others by prefix', () => {
    expect(expand('{{:Page principale}}', { pages })).toBe('texte de la page');
    expect(expand('{{Template:Écho|x}}', { pages })).toBe('x');
    expect(expand('{{ écho |x}}', { pages })).toBe('x');
  });

  it('keeps block syntax at the start of a result on its own line', () => {
    expect(expand('x{{Liste}}', { pages })).toBe('x\n* élément');
    expect(expand('x\n{{Liste}}', { pages })).toBe('x\n* élément');
  });

  it('renders missing templates as red links and reports unknown ones', () => {
    const ctx = testContext({ pages });
    expect(readable(preprocess('{{Inconnu}} {{Manquant}}', ctx), ctx)).toBe('[[:Modèle:Inconnu]] [[:Modèle:Manquant]]');
    expect([...ctx.output.unresolved]).toEqual(['Modèle:Inconnu']);
    expect(ctx.output.templates).toEqual(['Modèle:Inconnu', 'Modèle:Manquant']);
  });

  it('records transcluded pages once per render and follows redirects', () => {
    const ctx = testContext({ pages });
    expect(readable(preprocess('{{Écho|a}}{{Écho|b}}{{Redirigé|c}}', ctx), ctx)).toBe('abc');
    expect(ctx.output.templates).toEqual(['Modèle:Écho', 'Modèle:Redirigé', 'Modèle:Écho']);
  });

  it('leaves invalid titles as written', () => {
    expect(expand('{{[[x]]}} {{a]]|b}} {{a|b]]}}', { pages })).toBe('{{[[x]]}} {{a]]|b}} [[:Modèle:A]]');
    expect(expand('{{#inconnue:x|y}}', { pages })).toBe('{{#inconnue:x|y}}');
  });

  it('stops template loops and deep recursion with MediaWiki errors', () => {
    const ctx = testContext({ pages });
    expect(readable(preprocess('{{Boucle}}', ctx), ctx)).toBe('avant <span class="error">Boucle de modèle détectée : [[Modèle:Boucle]]</span> après');
    expect(ctx.output.limitWarnings).toEqual(['template loop: Modèle:Boucle']);
    expect(expand('{{Ping}}', { pages })).toBe('ping pong <span class="error">Boucle de modèle détectée : [[Modèle:Ping]]</span>');
    expect(expand('{{Boucle}}', { pages: { 'Template:Boucle': 'a{{Boucle}}' }, language: 'en' })).toContain('<span class="error">Template loop detected: [[Template:Boucle]]</span>');
  });

  it('limits the template depth', () => {
    const deep = { 'Modèle:D': '{{D{{{1|}}}x|{{{1|}}}x}}' } as Record<string, string>;
    const ctx = testContext({ pages: deep, env: { options: { maxTemplateDepth: 3 } as never } });
    const out = readable(preprocess('{{D}}', ctx), ctx);
    expect(out).toContain('[[:Modèle:Dx]]');
    const ctx2 = testContext({ pages: { 'Modèle:N': '{{N{{{1}}}|{{{1}}}}}', 'Modèle:N1': 'a{{N2|1}}', 'Modèle:N2': 'b{{N3|1}}', 'Modèle:N3': 'c' }, env: { options: { maxTemplateDepth: 2 } as never } });
    expect(readable(preprocess('{{N1}}', ctx2), ctx2)).toBe('ab<span class="error">Limite de profondeur des appels de modèles dépassée (2)</span>');
  });

  it('honours the post-expand include size', () => {
    const ctx = testContext({ pages: { 'Modèle:Gros': 'x'.repeat(40) }, env: { options: { maxIncludeSize: 30 } as never } });
    const out = readable(preprocess('{{Gros}}', ctx), ctx);
    expect(out).toBe('[[:Modèle:Gros]]<!-- WARNING: template omitted, post-expand include size too large -->');
  });

  it('counts the include size in UTF-8 bytes, as PHP strlen does', () => {
    const sized = (text: string) => {
      const ctx = testContext({ pages: { 'Modèle:T': text }, env: { options: { maxIncludeSize: 30 } as never } });
      return readable(preprocess('{{T}}', ctx), ctx) === text;
    };
    expect(sized('é'.repeat(15))).toBe(true); // 30 bytes
    expect(sized('é'.repeat(16))).toBe(false); // 32 bytes, 16 characters
    expect(sized('€'.repeat(10))).toBe(true); // 30 bytes
    expect(sized('€'.repeat(11))).toBe(false);
    expect(sized('😀'.repeat(7))).toBe(true); // 28 bytes
    expect(sized('😀'.repeat(8))).toBe(false); // 32 bytes, 16 UTF-16 units
  });

  it('applies include modes to transcluded pages and to the page itself', () => {
    expect(expand('{{Inclus}}', { pages })).toBe('visible inclus');
    expect(expand('visible<noinclude> (doc)</noinclude><includeonly> inclus</includeonly>')).toBe('visible (doc)');
    expect(expand('{{Seul}}', { pages })).toBe('gardé');
  });

  it('handles parameters: defaults, missing ones, and the page frame', () => {
    expect(expand('{{{1|défaut}}} {{{nom}}} {{{a|b=c}}} {{{|vide}}}')).toBe('défaut {{{nom}}} b=c vide');
    expect(expand('{{Compteur|{{{1|x}}}}}', { pages })).toBe('x');
  });

  it('keeps subst: calls and expands safesubst: ones', () => {
    expect(expand('{{subst:Écho|{{Écho|a}}}} {{safesubst:Écho|b}}', { pages })).toBe('{{subst:Écho|a}} b');
  });

  it('shows msgnw: and raw: templates', () => {
    expect(expand('{{msgnw:Nommé}}', { pages })).toBe('&#91;&#123;&#123;&#123;nom&#125;&#125;&#125;&#124;&#123;&#123;&#123;2&#124;deux&#125;&#125;&#125;&#124;&#123;&#123;&#123;absent&#124;&#125;&#125;&#125;&#93;');
    expect(expand('{{raw:Écho|a}}', { pages })).toBe('a');
  });

  it('drops comments, eating comment-only lines', () => {
    expect(expand('a<!-- x -->b\n<!-- ligne -->\nc')).toBe('ab\nc');
    expect(expand('{{Écho|a<!-- x -->b}}', { pages })).toBe('ab');
  });

  it('marks headings of each tree with their source', () => {
    const ctx = testContext({ pages });
    const out = readable(preprocess('== Un ==\n{{Titre}}\n{{Écho|\n== Arg ==\n}}\n== Deux ==', ctx), ctx);
    expect(out).toBe('==⟨h:0⟩ Un ==\n==⟨h:1⟩ Section du modèle ==\ntexte\n\n== Arg ==\n\n==⟨h:2⟩ Deux ==');
    expect(ctx.output.headingSources).toEqual([
      { key: 'Bac_à_sable', section: 1 },
      { key: 'Modèle:Titre', section: 1 },
      { key: 'Bac_à_sable', section: 3 },
    ]);
  });

  it('replaces extension tags by strip markers from their hooks, content unexpanded', () => {
    const ctx = testContext({ pages });
    const out = preprocess('<nowiki>{{Écho|x}}</nowiki> <ref name="a &amp; b">{{Écho|y}}</ref> <REF/>', ctx);
    expect(out).not.toContain('{{');
    expect(ctx.strip.unstripBoth(out)).toBe('{{Écho|x}} [ref a & b:{{Écho|y}}] [ref:]');
  });

  it('passes its frame to hooks so their wikitext sees the arguments', () => {
    const ctx = testContext({
      pages: { 'Modèle:Note': '<ref>{{{1}}}</ref>' },
      hooks: { ref: (content, _attrs, c, frame) => `[${c.recursiveTagParse(content ?? '', frame)}]` },
    });
    expect(ctx.strip.unstripBoth(preprocess('{{Note|texte}}', ctx))).toBe('[texte]');
  });

  it('exposes the tree and inclusion-mode expansion', () => {
    const ctx = testContext({ pages });
    expect(preprocessToTree('{{a}}', ctx)).toHaveLength(1);
    expect(expandForInclusion('a<noinclude>b</noinclude><includeonly>c</includeonly>', ctx)).toBe('ac');
  });

  it('expands subst: calls only when saving', () => {
    const ctx = testContext({
      pages: { 'Modèle:Sub': 'a {{{1|d}}} <!--c--> {{PAGENAME}} {{safesubst:lc:X}}<noinclude>doc</noinclude><includeonly>inc</includeonly>', 'Modèle:P': '{{{p}}}' },
    });
    expect(expandForSave('{{subst:Sub}} {{Sub}} {{{1|x}}} <!--k--> <nowiki>{{subst:Sub}}</nowiki> <includeonly>i</includeonly>', ctx)).toBe(
      'a d <!--c--> {{PAGENAME}} xinc {{Sub}} {{{1|x}}} <!--k--> <nowiki>{{subst:Sub}}</nowiki> <includeonly>i</includeonly>',
    );
    expect(expandForSave('{{subst: PAGENAME}} {{subst:P|p=q}} {{subst:Absente}} {{safesubst:uc:a}}', ctx)).toBe('Bac à sable q {{subst:Absente}} A');
  });

  it('expands 4,000 calls quickly', () => {
    const many = Array.from({ length: 4000 }, (_, i) => `{{Nommé|nom=${i}|b}}`).join('\n');
    const started = performance.now();
    const out = expand(many, { pages });
    expect(out.split('\n')).toHaveLength(4000);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
