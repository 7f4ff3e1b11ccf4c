import snowball from 'snowball-stemmers';
import { FRENCH_STOP_WORDS } from './stopwords.ts';

/**
 * Text analysis shared by both engines and by highlighting, so that what is indexed, what is
 * queried and what is highlighted are cut and folded the same way.
 * A word is a run of letters, marks and digits; anything else (spaces, punctuation, ' and ’)
 * separates words, which splits elisions (l'école -> l, école) and hyphenated words.
 */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/u;
const MARKS = /\p{M}+/gu;
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ĳ: 'ij', ø: 'o', ł: 'l', đ: 'd' };
const LIGATURE_RE = /[œæßĳøłđ]/g;
/** Words longer than this are kept as they are (no stemming): nobody searches for them. */
const MAX_STEM_LENGTH = 64;

export interface Token {
  /** Offsets of the word in the original text. */
  start: number;
  end: number;
  /** The word folded: lower case, no diacritics, ligatures expanded; may be several parts. */
  parts: readonly string[];
  /** Stems of the parts that are not stop words. */
  stems: readonly string[];
}

/** Lower case, no diacritics, ligatures expanded (œ -> oe, æ -> ae), compatibility forms (ﬁ -> fi). */
export function fold(word: string): string {
  return word.toLowerCase().normalize('NFKD').replace(MARKS, '').replace(LIGATURE_RE, (c) => LIGATURES[c] ?? c);
}

export interface Word {
  /** Folded parts (folding can turn `½` into `1⁄2`, which is two words). */
  parts: readonly string[];
  /** Stems of the parts that are not stop words: what the index holds for this word. */
  stems: readonly string[];
}

const wordCache = new Map<string, Word>();
const WORD_CACHE_SIZE = 100_000;

/** Folded parts and stems of one word as written (memoised: text repeats its words a lot). */
export function analyzeWord(raw: string): Word {
  let word = wordCache.get(raw);
  if (word === undefined) {
    const parts = fold(raw).split(NOT_WORD).filter((p) => p.length > 0);
    word = { parts, stems: parts.filter((p) => !isStopWord(p)).map(stem) };
    if (wordCache.size >= WORD_CACHE_SIZE) wordCache.clear();
    if (raw.length <= MAX_STEM_LENGTH) wordCache.set(raw, word);
  }
  return word;
}

/** The words of `text` with their offsets, in order. */
export function* tokens(text: string): Generator<Token> {
  for (const m of text.matchAll(WORD)) {
    const word = analyzeWord(m[0]);
    if (word.parts.length > 0) yield { start: m.index, end: m.index + m[0].length, ...word };
  }
}

/**
 * The folded words of `text` separated by single spaces: `L’École des Cœurs` -> `l ecole des coeurs`.
 * The result holds only letters, digits and spaces (no LIKE, GLOB or FTS5 syntax characters).
 */
export function normalizeForSearch(text: string): string {
  const out: string[] = [];
  for (const t of tokens(text)) out.push(...t.parts);
  return out.join(' ');
}

export function isStopWord(folded: string): boolean {
  return FRENCH_STOP_WORDS.has(folded);
}

const stemmer = snowball.newStemmer('french');

/** Snowball French stem of a folded word. */
export function stem(folded: string): string {
  return folded.length > MAX_STEM_LENGTH ? folded : stemmer.stem(folded);
}

/** The indexed form of a text for SQLite FTS5: folded, stop words dropped, stemmed, space separated. */
export function analyze(text: string): string {
  // The words alone (no offsets, no token objects): this runs over every page of an import.
  const out: string[] = [];
  for (const raw of text.match(WORD) ?? []) {
    const stems = analyzeWord(raw).stems;
    for (let i = 0; i < stems.length; i++) out.push(stems[i]!);
  }
  return out.join(' ');
}
