import { describe, expect, it } from 'vitest';
import { isCategoryTarget, scanWikiLink, wikiHref } from './wiki-link.ts';

describe('scanWikiLink (same rules as the server)', () => {
  it.each([
    ['[[Page]] suite', { raw: '[[Page]]', target: 'Page', category: false }],
    ['[[Page|texte *riche*]]', { raw: '[[Page|texte *riche*]]', target: 'Page', label: 'texte *riche*', category: false }],
    ['[[Page#Section]]', { raw: '[[Page#Section]]', target: 'Page#Section', category: false }],
    ['[[Catégorie:Outils]]', { raw: '[[Catégorie:Outils]]', target: 'Catégorie:Outils', category: true }],
    ['[[category:Tools|clé]]', { raw: '[[category:Tools|clé]]', target: 'category:Tools', label: 'clé', category: true }],
    ['[[:Catégorie:Outils]]', { raw: '[[:Catégorie:Outils]]', target: ':Catégorie:Outils', category: false }],
    ['[[Page|a|b]]', { raw: '[[Page|a|b]]', target: 'Page', label: 'a|b', category: false }],
  ])('%s', (src, expected) => {
    expect(scanWikiLink(src)).toEqual(expected);
  });

  it.each(['[[Pa[ge]]', '[[Page\n]]', '[[Page]', '[[]]', '[[https://exemple.ca]]', '[[Page|a\nb]]', 'x[[Page]]', '[[Page] ]'])('is not a link: %j', (src) => {
    expect(scanWikiLink(src)).toBeUndefined();
  });

  it('knows category namespaces and their aliases', () => {
    expect(isCategoryTarget(' Catégorie:X')).toBe(true);
    expect(isCategoryTarget('Category:X')).toBe(true);
    expect(isCategoryTarget('Aide:X')).toBe(false);
    expect(isCategoryTarget('X')).toBe(false);
  });

  it('points the editor link at the page', () => {
    expect(wikiHref('Page cible#Section')).toBe('/wiki/Page_cible');
    expect(wikiHref(':Catégorie:Outils')).toBe('/wiki/Cat%C3%A9gorie:Outils');
  });
});
