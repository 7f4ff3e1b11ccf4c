import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCharReferences } from './entities.ts';
import { render } from './index.ts';
import { markdownToWikitext as convert } from './markdown-to-wikitext.ts';
import { testEnv } from './testing.ts';

/** Visible text of rendered HTML: tags dropped, entities decoded, spaces collapsed. */
function textOf(html: string): string {
  return decodeCharReferences(html.replace(/<[^>]*>/g, ' ')).replace(/[\s\u00A0\u202F]+/g, ' ').trim();
}

function renderWikitext(wikitext: string): string {
  return render(wikitext, 'wikitext', testEnv({ editSections: false })).html;
}

describe('markdownToWikitext: each construct', () => {
  it('headings, emphasis, strikethrough, inline code', () => {
    expect(convert('# Un\n\n## Deux *en italique*\n\n###### Six')).toBe("= Un =\n\n== Deux ''en italique'' ==\n\n====== Six ======");
    expect(convert('Du **gras**, de l’*italique*, ***les deux***, ~~barré~~ et `a<b> & {{c}}`.'))
      .toBe("Du '''gras''', de l’''italique'', '''''les deux''''', <s>barré</s> et <code><nowiki>a&lt;b&gt; &amp; {{c}}</nowiki></code>.");
  });

  it('bullet, ordered, nested and task lists; an ordered list starting elsewhere is HTML', () => {
    expect(convert('- un\n- deux\n  1. a\n  2. b\n- trois')).toBe('* un\n* deux\n*# a\n*# b\n* trois');
    expect(convert('1. a\n2. b')).toBe('# a\n# b');
    expect(convert('3. c\n4. d')).toBe('<ol start="3">\n<li>c</li>\n<li>d</li>\n</ol>');
    expect(convert('- [ ] à faire\n- [x] fait')).toBe('* ☐ à faire\n* ☑ fait');
    // A line break inside an item cannot end the item in wikitext.
    expect(convert('- une\n  suite')).toBe('* une suite');
  });

  it('block quotes, code blocks, horizontal rules', () => {
    expect(convert('> cité\n>\n> second')).toBe('<blockquote>\ncité\n\nsecond\n</blockquote>');
    expect(convert('```js\nif (a < b && c) {{x}}\n```')).toBe('<pre>if (a &lt; b &amp;&amp; c) {{x}}</pre>');
    expect(convert('    indenté')).toBe('<pre>indenté</pre>');
    expect(convert('a\n\n---\n\nb')).toBe('a\n\n----\n\nb');
  });

  it('tables with alignment; a pipe in a cell stays text', () => {
    expect(convert('| A | B |\n|:-|-:|\n| 1 \\| 2 | [[Accueil]] |')).toBe([
      '{| class="wikitable"', '|-', '! style="text-align:left" | A', '! style="text-align:right" | B', '|-',
      '| style="text-align:left" | 1 &#124; 2', '| style="text-align:right" | [[Accueil]]', '|}',
    ].join('\n'));
  });

  it('wiki links keep their target and label; category and file links stay links', () => {
    expect(convert('[[Accueil]], [[accueil]], [[Aide:Modifier|l’*aide*]], [[#Haut]], [[Charte#Principes]]'))
      .toBe("[[Accueil]], [[Accueil|accueil]], [[Aide:Modifier|l’''aide'']], [[#Haut]], [[Charte#Principes]]");
    expect(convert('[[:Catégorie:Outils]] et [[:Fichier:Logo.png]]')).toBe('[[:Catégorie:Outils]] et [[:Fichier:Logo.png]]');
  });

  it('external links, autolinks, relative links and images', () => {
    expect(convert('[Le site](https://exemple.ca/a?b=1|c) et <https://exemple.ca> et www.exemple.ca'))
      .toBe('[https://exemple.ca/a?b=1%7Cc Le site] et [https://exemple.ca https://exemple.ca] et [http://www.exemple.ca www.exemple.ca]');
    expect(convert('[une page](/wiki/Accueil) et [ancre](#Haut)')).toBe('[{{SERVER}}/wiki/Accueil une page] et [[#Haut|ancre]]');
    expect(convert('![Logo](https://exemple.ca/logo.png)')).toBe('[https://exemple.ca/logo.png Logo]');
    expect(convert('![Le logo](/fichiers/Logo_r%C3%A9seau.png) et ![](/fichiers/vignettes/220/3/Plan.jpg)')).toBe('[[Fichier:Logo réseau.png|alt=Le logo]] et [[Fichier:Plan.jpg]]');
    expect(convert('![Schéma](img/schema.png)')).toBe('[{{SERVER}}/img/schema.png Schéma]');
    expect(convert('[voir [note]](https://exemple.ca)')).toBe('[https://exemple.ca voir &#91;note&#93;]');
  });

  it('embedded files keep their options (canonical names) and caption', () => {
    expect(convert('[[Fichier:Logo.png|vignette|droite|200px|alt=Le logo|Légende avec [[Accueil]]]]'))
      .toBe('[[Fichier:Logo.png|thumb|right|200px|alt=Le logo|Légende avec [[Accueil]]]]');
    expect(convert('Un [[Fichier:Icône.svg|20px]] en ligne.')).toBe('Un [[Fichier:Icône.svg|20px]] en ligne.');
  });

  it('footnotes become <ref> (named when repeated) and the list <references />', () => {
    expect(convert('Un[^a] deux[^a] trois[^2].\n\n[^a]: Note A.\n[^2]: Note *deux*.'))
      .toBe("Un<ref name=\"a\">Note A.</ref> deux<ref name=\"a\" /> trois<ref>Note ''deux''.</ref>.\n\n<references />");
  });

  it('categories, redirects and front matter', () => {
    expect(convert('Texte.\n\n[[Catégorie:Outils]]\n[[Catégorie:Guides|Fiche]]')).toBe('Texte.\n\n[[Catégorie:Outils]]\n[[Catégorie:Guides|Fiche]]');
    expect(convert('#REDIRECTION [[Accueil#Haut]]\n')).toBe('#REDIRECT [[Accueil#Haut]]');
    expect(convert('#redirect [[Catégorie:Outils]]\nTexte')).toBe('#REDIRECT [[Catégorie:Outils]]\nTexte');
    expect(convert('---\nnom: Atelier\nsite: https://a.ca\n---\nTexte.')).toBe('<!--\n---\nnom: Atelier\nsite: https://a.ca\n---\n-->\n\nTexte.');
  });

  it('raw HTML goes through MediaWiki’s sanitizer: allowed tags stay, handlers and scripts do not', () => {
    expect(convert('<div class="note" onclick="alert(1)">Bloc</div>')).toBe('<div class="note">Bloc</div>');
    expect(convert('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(convert('Un <span style="color:red">mot</span> <!-- note -->.')).toBe('Un <span style="color:red">mot</span> <!-- note -->.');
  });

  it('escapes text that would otherwise mean wikitext', () => {
    expect(convert("{{modèle}} ~~~~ l'' \\_\\_TOC\\_\\_ ISBN 2123456802 &amp; &eacute;&amp;lt; http://a.ca"))
      .toBe('&#123;{modèle&#125;} &#126;&#126;~~ l&#39;&#39; &#95;_TOC&#95;_ &#73;SBN 2123456802 & é&amp;lt; [http://a.ca http://a.ca]');
    expect(convert('\\* pas une liste\n\\# ni numérotée\n: ni retrait')).toBe('&#42; pas une liste\n&#35; ni numérotée\n&#58; ni retrait');
    expect(convert('a [[Page inexistante|')).toBe('a &#91;[Page inexistante|');
  });
});

describe('markdownToWikitext: rendered by our wikitext engine, the same text', () => {
  const cases = [
    "# Titre\n\nDu **gras** et {{pas un modèle}} [[Accueil|la page]] l'*é* ~~~~ 100 % !",
    '- a\n- b\n  - c\n\n1. un\n2. deux',
    '| A | B |\n|---|:-:|\n| 1 \\| 2 | x |',
    '> citation\n\n```\ncode <b>\n```\n\nAprès `a|b` [lien](https://exemple.ca) fin.',
    "Texte avec & < > \" ' et\ttab, émoji 🎉, espace insécable\u00A0!",
  ];
  for (const md of cases) {
    it(JSON.stringify(md.slice(0, 40)), () => {
      expect(textOf(renderWikitext(convert(md)))).toBe(textOf(render(md, 'markdown', testEnv({ editSections: false })).html));
    });
  }

  it('property: converting never throws, on any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
      expect(typeof convert(s)).toBe('string');
    }), { numRuns: 500 });
  });

  it('property: every word of a Markdown document shows, in order, in the wikitext rendered by our engine', () => {
    const word = fc.stringMatching(/^[a-zàéèç]{1,8}$/);
    const special = fc.constantFrom("'", "''", '{{', '}}', '[[', ']]', '[', ']', '|', '~~~~', '__', '<b>', '&amp;', '*', '#', ':', '=', '!!', '-', 'http://x.ca', 'ISBN 2123456802');
    const inline = fc.array(fc.oneof(
      word,
      special,
      word.map((w) => `*${w}*`),
      word.map((w) => `**${w}**`),
      word.map((w) => `\`${w}\``),
      word.map((w) => `[[${w}]]`),
      fc.tuple(word, word).map(([a, b]) => `[[${a}|${b}]]`),
      fc.tuple(word, word).map(([a, b]) => `[${a}](https://exemple.ca/${b})`),
    ), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(' '));
    const block = fc.oneof(
      inline,
      inline.map((s) => `## ${s}`),
      fc.array(inline, { minLength: 1, maxLength: 3 }).map((items) => items.map((i) => `- ${i}`).join('\n')),
      fc.array(inline, { minLength: 1, maxLength: 3 }).map((items) => items.map((i, n) => `${n + 1}. ${i}`).join('\n')),
      inline.map((s) => `> ${s}`),
      fc.tuple(word, inline).map(([h, c]) => `| ${h} |\n|---|\n| ${c.replace(/\|/g, '\\|')} |`),
    );
    const words = (html: string): string[] => textOf(html).match(/[a-zàéèç]+/g) ?? [];
    fc.assert(fc.property(fc.array(block, { minLength: 1, maxLength: 5 }), (blocks) => {
      const md = blocks.join('\n\n');
      const expected = words(render(md, 'markdown', testEnv({ editSections: false })).html);
      const got = words(render(convert(md), 'wikitext', testEnv({ editSections: false })).html);
      // In order: each expected word is found after the previous one.
      let at = 0;
      for (const w of expected) {
        const i = got.indexOf(w, at);
        expect(i, `${w} in ${JSON.stringify(md)} → ${JSON.stringify(convert(md))}`).toBeGreaterThanOrEqual(0);
        at = i + 1;
      }
    }), { numRuns: 300 });
  });
});
