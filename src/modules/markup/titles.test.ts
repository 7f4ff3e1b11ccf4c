import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NAMESPACES, namespaceByName, parseTitle, subjectOf, talkOf, titleFromKey, titleFromStored, titleUrl } from './titles.ts';
import type { Title, TitleError } from './types.ts';

type Expected = { full: string; ns?: number; fragment?: string } | { error: TitleError; char?: string };

function ok(input: string, defaultNs = 0): Title {
  const r = parseTitle(input, defaultNs);
  if (!r.ok) throw new Error(`expected a valid title for ${JSON.stringify(input)}, got ${r.error}`);
  return r.title;
}

// Cases from MediaWiki's TitleParser behaviour and parser tests (wikiLinks.txt), with our namespaces.
const CASES: Array<[string, Expected]> = [
  ['Main Page', { full: 'Main Page', ns: 0 }],
  ['main Page', { full: 'Main Page' }],
  ['Foo_bar', { full: 'Foo bar' }],
  ['  Foo   bar  ', { full: 'Foo bar' }],
  ['Foo  bar   baz', { full: 'Foo bar baz' }],
  ['Foo\u00A0bar\u3000baz', { full: 'Foo bar baz' }],
  ['&nbsp; Main &nbsp; Page &nbsp;', { full: 'Main Page' }],
  ['\u200EFoo\u200F', { full: 'Foo' }],
  ['Bu&#103;462', { full: 'Bug462' }],
  ['Foo &amp; bar', { full: 'Foo & bar' }],
  ['Foo&copy;bar', { full: 'Foo©bar' }],
  ['&#xFB2E;', { full: '\u05D0\u05B7' }],
  ['e\u0301cole', { full: 'École' }],
  ['école', { full: 'École' }],
  ['ßtraße', { full: 'ßtraße' }],
  ['Foo~bar', { full: 'Foo~bar' }],
  ['foo\\bar', { full: 'Foo\\bar' }],
  ['7% Solution', { full: '7% Solution' }],
  ['User:+%', { full: 'Utilisateur:+%', ns: 2 }],
  ['Page+title%', { full: 'Page+title%' }],
  ['catégorie:x', { full: 'Catégorie:X', ns: 14 }],
  ['Category:x', { full: 'Catégorie:X', ns: 14 }],
  ['CATÉGORIE:chantiers actifs', { full: 'Catégorie:Chantiers actifs', ns: 14 }],
  ['Categorie:x', { full: 'Categorie:x', ns: 0 }],
  ['Category_talk:Foo', { full: 'Discussion catégorie:Foo', ns: 15 }],
  ['Discussion_utilisatrice:marie', { full: 'Discussion utilisateur:Marie', ns: 3 }],
  ['User : foo', { full: 'Utilisateur:Foo', ns: 2 }],
  ['Utilisatrice:Marie', { full: 'Utilisateur:Marie', ns: 2 }],
  ['Talk:Foo', { full: 'Discussion:Foo', ns: 1 }],
  ['project:Charte', { full: 'Maillage:Charte', ns: 4 }],
  ['Image:Logo.png', { full: 'Fichier:Logo.png', ns: 6 }],
  ['Template:Bonjour', { full: 'Modèle:Bonjour', ns: 10 }],
  ['Special:Recent changes', { full: 'Spécial:Recent changes', ns: -1 }],
  ['Foo:Bar', { full: 'Foo:Bar', ns: 0 }],
  ['Discussion:Catégorie:X', { full: 'Discussion:Catégorie:X', ns: 1 }],
  [':Catégorie:Outils', { full: 'Catégorie:Outils', ns: 14 }],
  [':Foo', { full: 'Foo', ns: 0 }],
  ['Foo#Bar baz', { full: 'Foo', fragment: 'Bar baz' }],
  ['Foo#a_b', { full: 'Foo', fragment: 'a b' }],
  ['Aide:Modifier#Les liens', { full: 'Aide:Modifier', ns: 12, fragment: 'Les liens' }],
  ['Aide:sous/page', { full: 'Aide:Sous/page', ns: 12 }],
  ['Catégorie:', { error: 'title.namespace_only' }],
  ['Catégorie: #x', { error: 'title.namespace_only' }],
  ['Catégorie::X', { error: 'title.invalid_char', char: ':' }],
  ['::Foo', { error: 'title.invalid_char', char: ':' }],
  ['', { error: 'title.empty' }],
  ['   ', { error: 'title.empty' }],
  [':', { error: 'title.empty' }],
  ['#frag', { error: 'title.empty' }],
  ['Foo &amp;amp; bar', { error: 'title.invalid_char', char: '&' }],
  ['Foo&#124;bar', { error: 'title.invalid_char', char: '|' }],
  ['Foo<bar', { error: 'title.invalid_char', char: '<' }],
  ['foo>bar', { error: 'title.invalid_char', char: '>' }],
  ['foo[bar', { error: 'title.invalid_char', char: '[' }],
  ['foo]bar', { error: 'title.invalid_char', char: ']' }],
  ['foo{bar', { error: 'title.invalid_char', char: '{' }],
  ['foo}bar', { error: 'title.invalid_char', char: '}' }],
  ['foo|bar', { error: 'title.invalid_char', char: '|' }],
  ['foo\u0001bar', { error: 'title.invalid_char', char: '\u0001' }],
  ['foo\tbar', { error: 'title.invalid_char', char: '\t' }],
  ['foo\uFFFD', { error: 'title.invalid_char', char: '\uFFFD' }],
  ['foo&#0;', { error: 'title.invalid_char', char: '\uFFFD' }],
  ['foo\uD800bar', { error: 'title.invalid_char', char: '\uD800' }],
  ['7%25 Solution', { error: 'title.invalid_char', char: '%' }],
  ['foo~~~bar', { error: 'title.invalid_char', char: '~' }],
  ['.', { error: 'title.relative' }],
  ['..', { error: 'title.relative' }],
  ['./foo', { error: 'title.relative' }],
  ['../foo', { error: 'title.relative' }],
  ['foo/./bar', { error: 'title.relative' }],
  ['foo/../bar', { error: 'title.relative' }],
  ['foo/.', { error: 'title.relative' }],
  ['foo/..', { error: 'title.relative' }],
  ['foo././bar', { error: 'title.relative' }],
  ['a'.repeat(255), { full: `A${'a'.repeat(254)}` }],
  ['a'.repeat(256), { error: 'title.too_long' }],
  ['é'.repeat(128), { error: 'title.too_long' }],
  [`Catégorie:${'a'.repeat(255)}`, { full: `Catégorie:A${'a'.repeat(254)}`, ns: 14 }],
  [`Spécial:${'a'.repeat(400)}`, { full: `Spécial:A${'a'.repeat(399)}`, ns: -1 }],
];

describe('parseTitle', () => {
  it.each(CASES)('%j', (input, expected) => {
    const r = parseTitle(input);
    if ('error' in expected) {
      expect(r).toEqual(expected.char === undefined ? { ok: false, error: expected.error } : { ok: false, error: expected.error, char: expected.char });
      return;
    }
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.title.full).toBe(expected.full);
    expect(r.title.key).toBe(expected.full.replace(/ /g, '_'));
    if (expected.ns !== undefined) expect(r.title.namespace).toBe(expected.ns);
    expect(r.title.fragment).toBe(expected.fragment ?? '');
  });

  it('splits namespace and text', () => {
    expect(ok('Discussion utilisateur:jean tremblay')).toEqual({
      namespace: 3, text: 'Jean tremblay', fragment: '', full: 'Discussion utilisateur:Jean tremblay', key: 'Discussion_utilisateur:Jean_tremblay',
    });
  });

  it('applies the default namespace unless a prefix or a leading colon says otherwise', () => {
    expect(ok('Bonjour', 10).full).toBe('Modèle:Bonjour');
    expect(ok(':Bonjour', 10).full).toBe('Bonjour');
    expect(ok('Catégorie:X', 10).full).toBe('Catégorie:X');
  });

  it('is idempotent and round-trips through its key', () => {
    const nsNames = NAMESPACES.flatMap((n) => [n.name, ...n.aliases]).filter(Boolean);
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.constantFrom(...nsNames, ':', '_', ' ', '#', '&amp;', '&eacute;', '%41', '/', '.', 'é', 'ß', '\u00A0', '\u200E', '~'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (parts) => {
        const r = parseTitle(parts.join(''));
        if (!r.ok) return;
        const { fragment: _fragment, ...title } = r.title;
        expect(parseTitle(title.full)).toEqual({ ok: true, title: { ...title, fragment: '' } });
        expect(titleFromKey(title.key)).toEqual({ ...title, fragment: '' });
        expect(decodeURIComponent(titleUrl(r.title).slice('/wiki/'.length))).toBe(title.key);
      }),
      { numRuns: 500 },
    );
  });
});

describe('titleFromKey', () => {
  it('decodes nothing and refuses fragments', () => {
    expect(titleFromKey('Catégorie:Chantiers_actifs')?.full).toBe('Catégorie:Chantiers actifs');
    expect(titleFromKey('Foo_&amp;_bar')).toBeUndefined();
    expect(titleFromKey('Foo#bar')).toBeUndefined();
    expect(titleFromKey('')).toBeUndefined();
  });
});

describe('titleUrl', () => {
  it.each([
    ['Main Page', '/wiki/Main_Page'],
    ['Foo & bar', '/wiki/Foo_%26_bar'],
    ["Lista d''e paise", '/wiki/Lista_d%27%27e_paise'],
    ['Cool "Gator"', '/wiki/Cool_%22Gator%22'],
    ['Special:BookSources/isbn=4-00-026157-6', '/wiki/Sp%C3%A9cial:BookSources/isbn%3D4-00-026157-6'],
    ['7% Solution', '/wiki/7%25_Solution'],
    ['foo\\bar', '/wiki/Foo%5Cbar'],
    ['Page+title%', '/wiki/Page%2Btitle%25'],
    ['A (b), c; d@e $f !g *h ~i', '/wiki/A_(b),_c;_d@e_$f_!g_*h_~i'],
    ['Sécurité électrique', '/wiki/S%C3%A9curit%C3%A9_%C3%A9lectrique'],
    ['Foo#Section', '/wiki/Foo'],
  ])('%s → %s', (input, url) => {
    expect(titleUrl(ok(input))).toBe(url);
  });
});

describe('talk and subject pages', () => {
  it.each([
    ['Accueil', 'Discussion:Accueil', 'Accueil'],
    ['Discussion:Accueil', 'Discussion:Accueil', 'Accueil'],
    ['Utilisateur:Marie', 'Discussion utilisateur:Marie', 'Utilisateur:Marie'],
    ['Catégorie:Outils#x', 'Discussion catégorie:Outils', 'Catégorie:Outils'],
    ['Discussion Maillage:Charte', 'Discussion Maillage:Charte', 'Maillage:Charte'],
  ])('%s', (input, talk, subject) => {
    expect(talkOf(ok(input))?.full).toBe(talk);
    expect(subjectOf(ok(input)).full).toBe(subject);
  });

  it('special pages have no talk page', () => {
    expect(talkOf(ok('Spécial:Recherche'))).toBeUndefined();
    expect(subjectOf(ok('Spécial:Recherche')).full).toBe('Spécial:Recherche');
  });
});

describe('namespaceByName', () => {
  it('is case-insensitive, treats _ as space, and keeps accents significant', () => {
    expect(namespaceByName('discussion_UTILISATEUR')?.id).toBe(3);
    expect(namespaceByName('Category talk')?.id).toBe(15);
    expect(namespaceByName('modèle')?.id).toBe(10);
    expect(namespaceByName('modele')).toBeUndefined();
    expect(namespaceByName('')).toBeUndefined();
  });

  it('numbers talk namespaces after their subject', () => {
    for (const ns of NAMESPACES.filter((n) => n.isTalk)) expect(NAMESPACES.some((s) => s.id === ns.id - 1 && !s.isTalk)).toBe(true);
  });
});

describe('titleFromStored', () => {
  it('rebuilds titles from database columns', () => {
    expect(titleFromStored(0, 'Chantier_Almanach')?.full).toBe('Chantier Almanach');
    expect(titleFromStored(14, 'Chantiers_actifs')?.full).toBe('Catégorie:Chantiers actifs');
    expect(titleFromStored(3, 'Awa_Diallo')?.full).toBe('Discussion utilisateur:Awa Diallo');
    expect(titleFromStored(0, 'Aide:X')).toBeUndefined();
    expect(titleFromStored(99, 'X')).toBeUndefined();
    expect(titleFromStored(0, 'a|b')).toBeUndefined();
  });
});
