import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { render } from './index.ts';
import { getSection, replaceSection, splitSections } from './sections.ts';
import { testEnv } from './testing.ts';

const PAGE = [
  'Intro.', // lead
  '',
  '## Un',
  'texte un',
  '### Un.a',
  'texte un.a',
  '',
  '## Deux',
  'texte deux',
  '',
].join('\n');

describe('splitSections', () => {
  it('numbers the lead 0 and headings in order; a section includes its subsections', () => {
    const s = splitSections(PAGE, 'markdown');
    expect(s.map(({ index, level, title }) => [index, level, title])).toEqual([
      [0, 0, ''], [1, 2, 'Un'], [2, 3, 'Un.a'], [3, 2, 'Deux'],
    ]);
    expect(getSection(PAGE, 0)).toBe('Intro.\n\n');
    expect(getSection(PAGE, 1)).toBe('## Un\ntexte un\n### Un.a\ntexte un.a\n\n');
    expect(getSection(PAGE, 2)).toBe('### Un.a\ntexte un.a\n\n');
    expect(getSection(PAGE, 3)).toBe('## Deux\ntexte deux\n');
  });

  it('ignores headings in code, HTML blocks, quotes and lists; sees setext headings', () => {
    const src = [
      '```', '# pas un titre', '```', '', '    # code indenté', '', '<div>', '# dans du HTML', '</div>', '',
      '> # citation', '', '- # liste', '', 'Titre setext', '============', 'corps', '', '#pas-un-titre', '#', '',
    ].join('\n');
    const s = splitSections(src);
    expect(s.map((x) => [x.level, x.title])).toEqual([[0, ''], [1, 'Titre setext'], [1, '']]);
    expect(getSection(src, 1)).toBe('Titre setext\n============\ncorps\n\n#pas-un-titre\n');
  });

  it('gives offsets in the source whatever its line endings', () => {
    const src = 'a\r\n\r\n## B\r\nb\r\n## C\rc';
    const s = splitSections(src);
    expect(s.map((x) => [x.start, x.end])).toEqual([[0, 5], [5, 14], [14, 20]]);
    expect(getSection(src, 2)).toBe('## C\rc');
  });

  it('starts after the redirect line, as the renderer does', () => {
    const src = '#REDIRECTION [[Accueil]]\n## A\ntexte';
    expect(splitSections(src).map((x) => [x.title, x.start])).toEqual([['', 0], ['A', 25]]);
  });

});

describe('sections of wikitext', () => {
  const WIKI = ['Intro.', '== Un ==', 'texte un', '=== Un.a ===', 'a', '<nowiki>', '== pas un titre ==', '</nowiki>', '<!-- == caché == -->', '<pre>', '== non plus ==', '</pre>', '==Deux== <!-- c -->', 'deux', ''].join('\n');

  it('finds headings at line start, not in nowiki, pre or comments, with MediaWiki numbering', () => {
    const s = splitSections(WIKI, 'wikitext');
    expect(s.map((x) => [x.index, x.level, x.title])).toEqual([[0, 0, ''], [1, 2, 'Un'], [2, 3, 'Un.a'], [3, 2, 'Deux']]);
    expect(getSection(WIKI, 1, 'wikitext')).toBe(WIKI.slice(WIKI.indexOf('== Un =='), WIKI.indexOf('==Deux==')));
    expect(getSection(WIKI, 3, 'wikitext')).toBe('==Deux== <!-- c -->\ndeux\n');
  });

  it('takes the smaller run of = as the level, at most 6', () => {
    const s = splitSections('===a==\n=======b=======\n=c\n', 'wikitext');
    expect(s.slice(1).map((x) => [x.level, x.title])).toEqual([[2, '=a'], [6, '=b=']]);
  });

  it('numbers sections without <includeonly>, or for transclusion without <noinclude>', () => {
    const src = '<includeonly>\n== inc ==\n</includeonly>\n<noinclude>\n== no ==\n</noinclude>\n== both ==\n';
    expect(splitSections(src, 'wikitext').slice(1).map((x) => x.title)).toEqual(['no', 'both']);
    expect(splitSections(src, 'wikitext', { forInclusion: true }).slice(1).map((x) => x.title)).toEqual(['inc', 'both']);
  });

  it('does not take a line with an unclosed [[, {{ or -{ for a heading', () => {
    const s = splitSections('== a [[ b ==\nx\n== c {{ d ==\n== e ==\n', 'wikitext');
    expect(s.slice(1).map((x) => x.title)).toEqual(['e']);
  });

  it('replaces a wikitext section and keeps the next heading a heading', () => {
    const src = '== A ==\na\n== B ==\nb';
    expect(replaceSection(src, 1, '== A2 ==\nnew', 'wikitext')).toBe('== A2 ==\nnew\n\n== B ==\nb');
  });
});

describe('replaceSection', () => {
  it('replaces a section with its subsections', () => {
    expect(replaceSection(PAGE, 1, '## Un\nnouveau\n')).toBe('Intro.\n\n## Un\nnouveau\n## Deux\ntexte deux\n');
  });

  it('keeps the next heading on its own line when the new text has no final newline', () => {
    expect(replaceSection(PAGE, 2, '### Un.a\nmodifié')).toBe('Intro.\n\n## Un\ntexte un\n### Un.a\nmodifié\n\n## Deux\ntexte deux\n');
    expect(replaceSection('a\n## B\nb', 1, '## B\nnouveau')).toBe('a\n## B\nnouveau');
  });

  it('removes a section when given an empty text', () => {
    expect(replaceSection(PAGE, 3, '')).toBe('Intro.\n\n## Un\ntexte un\n### Un.a\ntexte un.a\n\n');
  });

  it('edits the lead of a page that starts with a heading', () => {
    expect(getSection('## A\n', 0)).toBe('');
    expect(replaceSection('## A\n', 0, 'Intro')).toBe('Intro\n\n## A\n');
  });

  it('refuses a section that does not exist', () => {
    expect(getSection(PAGE, 4)).toBeUndefined();
    expect(getSection(PAGE, -1)).toBeUndefined();
    expect(getSection(PAGE, 1.5)).toBeUndefined();
    expect(() => replaceSection(PAGE, 4, 'x')).toThrow(RangeError);
  });
});

const LINE = fc.oneof(
  fc.constantFrom(
    '', '# Titre', '## Sous-titre', '### Trois', '###### Six', '#pas', '  ## indenté', '    # code', '```', '~~~', '```js',
    '===', '---', '- # item', '> ## quote', '<div>', '</div>', '<!-- x -->', 'Texte simple', '[[Accueil]]', '[^1]: note',
    '#REDIRECTION [[Accueil]]', '| a | b |', '|---|---|', '\t# tab', '## Fin ##', '1. # item',
  ),
  fc.string({ maxLength: 12 }),
);
const MARKDOWN = fc.tuple(fc.array(LINE, { maxLength: 25 }), fc.constantFrom('\n', '\r\n', '\r')).map(([lines, eol]) => lines.join(eol));

describe('section properties', () => {
  it('replacing a section with itself changes nothing', () => {
    fc.assert(
      fc.property(MARKDOWN, fc.nat(30), (src, n) => {
        const sections = splitSections(src);
        const i = n % sections.length;
        expect(replaceSection(src, i, getSection(src, i)!)).toBe(src);
      }),
      { numRuns: 400 },
    );
  });

  it('sections tile the page in order and match the rendered headings', () => {
    fc.assert(
      fc.property(MARKDOWN, (src) => {
        const sections = splitSections(src);
        expect(sections[0]!.start).toBe(0);
        for (let i = 1; i < sections.length; i++) {
          expect(sections[i]!.start).toBeGreaterThanOrEqual(sections[i - 1]!.start);
          expect(sections[i]!.end).toBeGreaterThanOrEqual(sections[i]!.start);
          expect(sections[i]!.end).toBeLessThanOrEqual(src.length);
        }
        const headings = render(src, 'markdown', testEnv()).headings;
        expect(headings.map((h) => [h.section, h.level, h.text])).toEqual(sections.slice(1).map((s) => [s.index, s.level, s.title]));
      }),
      { numRuns: 300 },
    );
  });
});
