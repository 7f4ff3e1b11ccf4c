import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordFinder } from './candidates.ts';
import { escapeHtml, highlighter } from './highlight.ts';
import { normalizeForSearch } from './index.ts';
import { fts5Expression, parseQuery } from './query.ts';
import { titleKeys } from './store.ts';
import { analyze, analyzeWord, tokens } from './text.ts';
import { htmlToText } from './feed.ts';
import { decodeCharReferences } from '../markup/index.ts';

const marker = (q: string) => highlighter(parseQuery(q).highlight);

describe('normalizeForSearch', () => {
  it('folds case, accents and ligatures, and splits elisions with both apostrophes', () => {
    expect(normalizeForSearch('L’École des Cœurs')).toBe('l ecole des coeurs');
    expect(normalizeForSearch("qu'il  d'Æsir, n’est-ce pas ? ﬁn ½")).toBe('qu il d aesir n est ce pas fin 1 2');
    expect(normalizeForSearch('Ça coûte 3,50 $ — « ok »')).toBe('ca coute 3 50 ok');
    expect(normalizeForSearch('  %_*":() ')).toBe('');
  });

  it('keeps only letters, digits and single spaces', () => {
    expect(normalizeForSearch('e\u0301cole\tnum\u00e9rique\n\n2025')).toBe('ecole numerique 2025');
  });
});

describe('analyze', () => {
  it('drops stop words and stems folded words', () => {
    expect(analyze("Procédures d'accueil des bénévoles")).toBe('procedur accueil benevol');
    expect(analyze('Formations numériques')).toBe(analyze('formation numerique'));
  });

  it('cuts the words WORD finds (letters, marks, digits; astral ones too), each analysed as analyzeWord does', () => {
    // The reference: the regex and analyzeWord, as analyze read them before it cut words by hand.
    const reference = (text: string) => (text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).flatMap((w) => analyzeWord(w).stems).join(' ');
    const piece = fc.constantFrom('École', 'l’', "d'", 'œuvre', 'ﬁn', '½', '𝐀𝐁', '😀', '\ud800', '\udc00x', 'e\u0301', '東京', ' ', '\n', '-', '42', 'ΑΘΗΝΑ', 'x'.repeat(70), 'les', 'Straße', '2026', '0', '٤٢', '²', '1'.repeat(70), '12a');
    fc.assert(fc.property(fc.array(fc.oneof(piece, fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      expect(analyze(text)).toBe(reference(text));
    }), { numRuns: 3000 });
  });

  it('gives the same for long texts, past the size of its output buffer, with a wide form late or early', () => {
    const reference = (text: string) => (text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).flatMap((w) => analyzeWord(w).stems).join(' ');
    const words = Array.from({ length: 30_000 }, (_, i) => `bénévoles${i % 97} école`).join(' ');
    for (const text of [words, `${words} ΑΘΗΝΑ 東京 fin`, `ΑΘΗΝΑ ${words}`, `${words.slice(0, 70_000)} Ωμέγα ${words.slice(70_000)}`]) {
      const analysed = analyze(text);
      expect(analysed.length).toBeGreaterThan(1 << 16);
      expect(analysed).toBe(reference(text));
    }
    expect(analyze('')).toBe('');
    expect(analyze('de la des, et')).toBe('');
  });

  it('keeps a number of ASCII digits as it is (analyze does not look them up)', () => {
    for (let n = 0; n < 10_000; n++) expect(analyzeWord(String(n)).stems).toEqual([String(n)]);
    fc.assert(fc.property(fc.stringMatching(/^[0-9]{1,90}$/), (digits) => {
      expect(analyzeWord(digits).stems).toEqual([digits]);
      expect(analyze(`le ${digits}, l'an`)).toBe(`${digits} an`);
    }), { numRuns: 1000 });
  });
});

describe('parseQuery', () => {
  it('makes one required clause per word, stop words left out', () => {
    const q = parseQuery("l'école de musique");
    expect(q.clauses.map((c) => c.stems)).toEqual([['ecol'], ['musiqu']]);
    expect(fts5Expression(q)).toBe('"ecol" AND "musiqu"');
    expect(fts5Expression(q, 'title')).toBe('{title} : ("ecol" AND "musiqu")');
  });

  it('keeps quoted phrases (straight, curly or French quotes), an unclosed quote running to the end', () => {
    expect(parseQuery('"compétences numériques" plan').clauses).toEqual([
      { phrase: true, words: ['competences', 'numeriques'], stems: ['competent', 'numer'] },
      { phrase: false, words: ['plan'], stems: ['plan'] },
    ]);
    expect(parseQuery('« école de musique »').clauses[0]).toMatchObject({ phrase: true, words: ['ecole', 'de', 'musique'] });
    expect(parseQuery('plan "outils num').clauses.map((c) => c.phrase)).toEqual([false, true]);
  });

  it('turns engine syntax into plain words', () => {
    const q = parseQuery('NEAR(a* b) -x "w" title:e OR f^ {body}');
    expect(fts5Expression(q)).toBe('"near" AND "a" AND "b" AND "x" AND "w" AND "titl" AND "e" AND "or" AND "f" AND "body"');
    expect(parseQuery('le la " " *').clauses).toEqual([]);
  });
});

describe('highlighting', () => {
  it('escapes HTML and marks the original words', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(marker('oeuvre numerique').markHtml('Les Œuvres <b>numériques</b>')).toBe('Les <mark>Œuvres</mark> &lt;b&gt;<mark>numériques</mark>&lt;/b&gt;');
  });

  it('cuts about 200 characters around the window holding the most query words', () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `mot${i}`).join(' ');
    const text = `${filler(80)} une école seule. ${filler(80)} la musique puis une école ensemble. ${filler(80)}`;
    const html = marker('ecole musique').snippetHtml(text);
    expect(html).toMatch(/^… .*<mark>musique<\/mark> puis une <mark>école<\/mark> ensemble\..* …$/);
    expect(html).not.toContain('seule');
    const visible = html.replace(/<\/?mark>/g, '');
    expect(visible.length).toBeGreaterThan(150);
    expect(visible.length).toBeLessThanOrEqual(205);
  });

  it('starts at the beginning when the match is near it, and shows the start without a match', () => {
    const text = `Un atelier de musique. ${'suite '.repeat(60)}`;
    expect(marker('musique').snippetHtml(text)).toMatch(/^Un atelier de <mark>musique<\/mark>\. suite .* …$/);
    expect(marker('absent').snippetHtml('Court  texte\nsur deux lignes.')).toBe('Court texte sur deux lignes.');
  });
});

describe('wordFinder', () => {
  const VOCABULARY = ['École', 'e\u0301coles', 'ÉCOLIER', 'cœur', 'CŒURS', 'coeur', 'Œuvre', 'œuvres', 'chevaux', 'cheval', 'indicateur', 'indiquer',
    'fabrication', 'références', 'mayer', 'Ægide', 'straße', 'ﬁn', 'numériques', 'Numérique', "l'école", 'd’œuvre', 'le', 'de', 'ça', 'Ça', 'а', 'ω', 'Ωmega'];
  it('finds exactly the words that full analysis matches', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 30 }), fc.array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 3 }), (words, query) => {
        const text = words.join(' ');
        const terms = parseQuery(query.join(' ')).highlight;
        const expected = [...tokens(text)].filter((t) => t.stems.some((s) => terms.has(s))).map((t) => [t.start, t.end]);
        expect([...wordFinder(terms)(text)].map((w) => [w.start, w.end])).toEqual(expected);
      }),
    );
  });
});

describe('titleKeys', () => {
  it('indexes the title from each word on, and the full title with its namespace', () => {
    const keys = titleKeys({ pageId: 7, namespace: 12, title: "L'École", fullTitle: "Aide:L'École", text: '' });
    expect(keys.map((k) => [k.pos, k.key])).toEqual([[0, 'l ecole'], [1, 'ecole'], [-1, 'aide l ecole']]);
  });

  it('analyses a text to the stems of its tokens, in order (the fast path keeps what highlighting sees)', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.array(fc.constantFrom("l'école", 'Œuvres', '½', 'les', 'NUMÉRIQUES', '-', ' ', '\n', 'ﬁn', '’', '2026'), { maxLength: 12 }).map((p) => p.join('')));
    fc.assert(fc.property(text, (t) => analyze(t) === [...tokens(t)].flatMap((w) => w.stems).join(' ')), { numRuns: 2000 });
    expect(analyze("Les médiatrices de l'École ½")).toBe('le mediatric ecol 1 2');
  });
});

describe('htmlToText', () => {
  // The reference: the replaces htmlToText makes in one pass, as they were written first.
  const reference = (html: string) => decodeCharReferences(
    html
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<span class="mw-editsection">[\s\S]*?<\/span>\s*<\/span>|<span class="mw-editsection">[\s\S]*?<\/span>/g, ' ')
      .replace(/<\/(p|div|h[1-6]|li|tr|td|th|dt|dd|blockquote|pre|figcaption)>|<br\s*\/?>/gi, '\n')
      .replace(/<[^>]+>/g, ' '),
  )
    .replace(/\u27E6mw-[a-z]+\u27E7/g, ' ')
    .replace(/[ \t\u00A0]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();

  it('gives the text of rendered HTML: block ends as line breaks, edit links, scripts and styles dropped', () => {
    const html = '<div class="mw-parser-output"><h2 id="x">Titre<span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="/e">modifier</a><span class="mw-editsection-bracket">]</span></span></h2><p>Un&nbsp;: <b>deux</b>&amp;trois<br />quatre</p><style>.x{}</style></div>';
    expect(htmlToText(html)).toBe('Titre\nUn : deux &trois\nquatre');
    expect(htmlToText(html)).toBe(reference(html));
  });

  it('is the reference replaces, on tags, references, markers and blanks in any order', () => {
    const piece = fc.oneof(
      fc.constantFrom('<p>', '</p>', '</P>', '<br>', '<BR />', '<br\n/>', '<br <span class="mw-editsection">x</span>>', '<br', '</div>', '</h3>', '</td>', '</tR>', '<b>', '</b>', '<a href="x">', '</a>', '<', '>', '<>', '< >', '<<',
        '<span>', '</span>', '<span class="mw-editsection">', '</span> </span>', '<script>', '</script>', '<SCRIPT type="x">', '<style>', '</style>', '<scripts>', '<strong>'),
      fc.constantFrom('&amp;', '&lt;', '&nbsp;', '&#160;', '&#10;', '&#x27E6;', '&#x27E7;', '&#xD800;', '&#x1F600;', '&eacute;', '&bogus;', '&amp', '&#;', '&;', '&#9;', '&#x2003;'),
      fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\u00A0', '\u2003', '\u3000', '\uFEFF', '\u2028', '\u000B', '\u200B'),
      fc.constantFrom('⟦mw-link⟧', '⟦mw-link:3⟧', '⟦mw-', '⟧', '⟦', 'mw-ab⟧'),
      fc.constantFrom('école', 'l’École', 'Cœur', '😀', 'x\uD800y', '\uDC00', '中文字', 'x'.repeat(70)),
      fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 6 }),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
      const html = parts.join('');
      expect(htmlToText(html)).toBe(reference(html));
    }), { numRuns: 5000 });
  });
});

