import fc from 'fast-check';
import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { toMarkdown, toVisual } from './blocks.ts';
import { markdownKit } from './kit.ts';

const { manager, schema } = markdownKit();

function visual(text: string) {
  const v = toVisual(manager, schema, text);
  if (!v) throw new Error('the lexer pieces must add up to the text');
  return v;
}

const roundTrip = (text: string): string => {
  const v = visual(text);
  return toMarkdown(manager, v.doc, v);
};

const TYPICAL = [
  '# Guide de la communauté',
  '',
  'Bienvenue sur **Maillage**, le wiki des *communautés de pratique* : voir [[Accueil]], [[Aide:Modifier|l’aide]],',
  '[[Charte#Principes]] et [[Page|texte **riche**]] ou [un lien](https://exemple.ca "titre").',
  '',
  '## Section 2',
  '',
  '- un élément',
  '- deux, avec `code`',
  '  - imbriqué',
  '',
  '1. premier',
  '2. second',
  '',
  '> Une citation',
  '> sur deux lignes',
  '',
  '```js',
  'const x = 1;',
  '```',
  '',
  '---',
  '',
  'Ligne avec ~~rature~~ et mot_clé, 5 * 3, a & b.',
  '',
  '[[Catégorie:Outils]]',
  '[[Category:Guides|clé]]',
  '',
].join('\n');

const UNREPRESENTABLE = [
  '| Colonne | Lien |',
  '|---|---|',
  '| a | [[Page\\|texte]] |',
  '',
  '- [ ] à faire',
  '- [x] fait',
  '',
  'Une note[^1] et une autre^[en ligne].',
  '',
  '[^1]: Le texte de la note.',
  '',
  '* puces en étoiles',
  '',
  'Titre souligné',
  '==============',
  '',
  '<div class="encadre">HTML</div>',
  '',
  '    code indenté',
  '',
  'a) liste lettrée',
  '',
  'Voir https://exemple.ca et &eacute;.',
  '',
].join('\n');

describe('toVisual / toMarkdown', () => {
  it('reads a typical page as visual nodes and writes it back byte for byte', () => {
    const v = visual(TYPICAL);
    expect(v.exact).toBe(true);
    expect(v.doc.content?.map((n) => n.type)).toEqual([
      'heading', 'paragraph', 'heading', 'bulletList', 'orderedList', 'blockquote', 'codeBlock', 'horizontalRule', 'paragraph', 'paragraph',
    ]);
    expect(toMarkdown(manager, v.doc, v)).toBe(TYPICAL);
  });

  it('reads wiki links as marks and categories as atoms', () => {
    const paragraph = visual('Voir [[Accueil|la page]] et [[Page]].\n\n[[Catégorie:Outils|clé]]').doc.content!;
    expect(paragraph[0]!.content).toContainEqual({ type: 'text', text: 'la page', marks: [{ type: 'wikiLink', attrs: { target: 'Accueil' } }] });
    expect(paragraph[0]!.content).toContainEqual({ type: 'text', text: 'Page', marks: [{ type: 'wikiLink', attrs: { target: 'Page' } }] });
    expect(paragraph[1]!.content).toEqual([{ type: 'wikiCategory', attrs: { raw: 'Catégorie:Outils|clé' } }]);
  });

  it('keeps what it cannot represent as Markdown blocks, unchanged', () => {
    const v = visual(UNREPRESENTABLE);
    expect(v.exact).toBe(false);
    expect(v.rawBlocks).toBe(v.doc.content!.length);
    expect(v.doc.content!.every((n) => n.type === 'markdownBlock')).toBe(true);
    expect(v.doc.content!.map((n) => n.content?.[0]?.text)).toContain('    code indenté');
    expect(toMarkdown(manager, v.doc, v)).toBe(UNREPRESENTABLE);
  });

  it('survives many switches: reading what it wrote gives the same text', () => {
    let text = `${TYPICAL}\n${UNREPRESENTABLE}`;
    for (let i = 0; i < 5; i++) text = roundTrip(text);
    expect(text).toBe(`${TYPICAL}\n${UNREPRESENTABLE}`);
  });

  it('rewrites only the blocks that changed, keeping the spacing of the others', () => {
    const text = '# Titre\n\n\nPremier  paragraphe.\nsuite\n\n* étoile\n\n| a |\n|---|\n| 1 |\n';
    const v = visual(text);
    const content = structuredClone(v.doc.content!);
    content[1] = { type: 'paragraph', content: [{ type: 'text', text: 'Paragraphe ' }, { type: 'text', text: 'réécrit', marks: [{ type: 'bold' }] }] };
    expect(toMarkdown(manager, { type: 'doc', content }, v)).toBe('# Titre\n\n\nParagraphe **réécrit**\n\n* étoile\n\n| a |\n|---|\n| 1 |\n');
  });

  it('separates a new block from its neighbours by a blank line', () => {
    const text = '# Titre\nTexte collé au titre.\n';
    const v = visual(text);
    const [heading, paragraph] = v.doc.content!;
    const added: JSONContent = { type: 'paragraph', content: [{ type: 'text', text: 'Nouveau' }] };
    expect(toMarkdown(manager, { type: 'doc', content: [heading!, paragraph!] }, v)).toBe(text);
    expect(toMarkdown(manager, { type: 'doc', content: [heading!, added, paragraph!] }, v)).toBe('# Titre\n\nNouveau\n\nTexte collé au titre.\n');
    expect(toMarkdown(manager, { type: 'doc', content: [paragraph!] }, v)).toBe('Texte collé au titre.\n');
  });

  it('writes a page made in the visual editor', () => {
    const v = visual('');
    expect(v.doc.content).toEqual([]);
    const doc: JSONContent = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Nouvelle section' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Du texte ' },
            { type: 'text', text: 'gras', marks: [{ type: 'bold' }] },
            { type: 'text', text: ' et ' },
            { type: 'text', text: 'un lien', marks: [{ type: 'wikiLink', attrs: { target: 'Page_cible' } }] },
            { type: 'text', text: ' vers ' },
            { type: 'text', text: 'Page_cible', marks: [{ type: 'wikiLink', attrs: { target: 'Page_cible' } }] },
            { type: 'text', text: '.' },
            { type: 'wikiCategory', attrs: { raw: 'Catégorie:Essais' } },
          ],
        },
        { type: 'paragraph' },
      ],
    };
    expect(toMarkdown(manager, doc, v)).toBe('## Nouvelle section\n\nDu texte **gras** et [[Page_cible|un lien]] vers [[Page_cible]].[[Catégorie:Essais]]');
  });

  it('writes a link whose label is its target without the label', () => {
    expect(roundTrip('[[Page|Page]]\n')).toBe('[[Page|Page]]\n');
    expect(visual('[[Page|Page]]\n').exact).toBe(false);
  });

  it('gives back any mix of blocks unchanged', () => {
    const block = fc.constantFrom(
      '# Titre', '## Sous-titre', 'Un paragraphe avec [[Lien]] et **gras**.', 'Deux\nlignes', '- a\n- b', '1. un\n2. deux',
      '> citation', '```\ncode\n```', '---', '| a |\n|---|\n| 1 |', '- [ ] tâche', 'Note[^1]', '[^1]: texte', '[[Catégorie:X]]',
      '* étoile', '<p>html</p>', '    indenté', 'Titre\n---', '[[Page|texte *riche*]]', 'a & b < c',
    );
    const gap = fc.constantFrom('\n', '\n\n', '\n\n\n', '  \n\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(block, gap), { minLength: 1, maxLength: 8 }), fc.constantFrom('', '\n'), (parts, lead) => {
        const text = lead + parts.map(([b, g]) => b + g).join('');
        expect(roundTrip(text)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});
