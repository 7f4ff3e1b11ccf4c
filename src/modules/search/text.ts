import snowball from 'snowball-stemmers';
import { FRENCH_STOP_WORDS } from './stopwords.ts';
import { detached, latin1String, utf16String } from '../../core/strings.ts';

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
/** Text beyond this is stored (for snippets) but not indexed: keeps tsvectors under their limit. */
export const MAX_INDEXED_CHARS = 500_000;
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
    // Kept: made from a copy of the word, which is often a slice of a whole text.
    const own = detached(raw);
    const parts = fold(own).split(NOT_WORD).filter((p) => p.length > 0);
    word = { parts, stems: parts.filter((p) => !isStopWord(p)).map(stem) };
    if (wordCache.size >= WORD_CACHE_SIZE) wordCache.clear();
    if (own.length <= MAX_STEM_LENGTH) wordCache.set(own, word);
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
  // This runs over every page of an import: the words are cut by hand rather than with WORD,
  // which would make an array of them all, and are hashed as they are read, then looked up
  // without making a string of each. The forms are copied into a buffer, made a string at the end.
  const out = new FormBuffer();
  const n = text.length;
  let i = 0;
  while (i < n) {
    const start = i;
    let hash = 0;
    let digits = true;
    do {
      const c = text.charCodeAt(i);
      const step = wordUnits[c] === 1 ? 1 : wordCharLength(text, i);
      if (step === 0) break;
      hash = (Math.imul(hash, 31) + c) | 0;
      if (step === 2) hash = (Math.imul(hash, 31) + text.charCodeAt(i + 1)) | 0;
      if (c - 0x30 > 9 || c < 0x30) digits = false;
      i += step;
    } while (i < n);
    if (i === start) {
      i++;
      continue;
    }
    // A number is its own indexed form (no stop word is one, and stemming leaves digits): not looked up.
    if (digits) out.add(text, start, i);
    else {
      const form = indexedForm(text, start, i, hash);
      if (form !== '') out.add(form, 0, form.length);
    }
  }
  return out.text();
}

/**
 * analyze's output: forms separated by spaces, as one-byte characters while they fit (stems are
 * mostly ASCII), else as UTF-16. Shared, as only one analysis runs at a time.
 */
class FormBuffer {
  private static bytes = new Uint8Array(1 << 16);
  private static units = new Uint16Array(1 << 16);
  private length = 0;
  private wide = false;

  add(s: string, start: number, end: number): void {
    const before = this.length;
    const need = this.length + end - start + 1;
    if (need > (this.wide ? FormBuffer.units.length : FormBuffer.bytes.length)) this.grow(need);
    let length = this.length;
    if (this.wide) {
      const units = FormBuffer.units;
      if (length > 0) units[length++] = 0x20;
      for (let k = start; k < end; k++) units[length++] = s.charCodeAt(k);
    } else {
      const bytes = FormBuffer.bytes;
      if (length > 0) bytes[length++] = 0x20;
      for (let k = start; k < end; k++) {
        const c = s.charCodeAt(k);
        if (c > 0xff) {
          this.length = before;
          this.widen();
          this.add(s, start, end);
          return;
        }
        bytes[length++] = c;
      }
    }
    this.length = length;
  }

  text(): string {
    if (this.length === 0) return '';
    return this.wide ? utf16String(FormBuffer.units.subarray(0, this.length)) : latin1String(FormBuffer.bytes, this.length);
  }

  private grow(need: number): void {
    if (this.wide) {
      const units = new Uint16Array(2 * need);
      units.set(FormBuffer.units.subarray(0, this.length));
      FormBuffer.units = units;
    } else {
      const bytes = new Uint8Array(2 * need);
      bytes.set(FormBuffer.bytes.subarray(0, this.length));
      FormBuffer.bytes = bytes;
    }
  }

  private widen(): void {
    if (FormBuffer.units.length < FormBuffer.bytes.length) FormBuffer.units = new Uint16Array(FormBuffer.bytes.length);
    FormBuffer.units.set(FormBuffer.bytes.subarray(0, this.length));
    this.wide = true;
  }
}

/**
 * The indexed forms (stems joined by spaces) of the words met, by word as written, in an
 * open-addressing hash table: looking a word up by its place in the text is a third faster
 * than slicing it out for a Map. Emptied when half full, which bounds it.
 */
const TABLE_SIZE = 1 << 17;
const tableWords: (string | undefined)[] = new Array<string | undefined>(TABLE_SIZE).fill(undefined);
const tableForms: string[] = new Array<string>(TABLE_SIZE).fill('');
let tableCount = 0;

/**
 * The last words looked up, by hash, with their forms (word at 2i, form at 2i + 1): small
 * enough to stay in the processor's caches, which the table's lookups mostly miss.
 */
const RECENT_SIZE = 1 << 10;
const recent: string[] = new Array<string>(2 * RECENT_SIZE).fill('');

/** The indexed form of the word text[start, end), whose code units hash (Math.imul(h, 31) + unit) to `hash`. */
function indexedForm(text: string, start: number, end: number, hash: number): string {
  const r = 2 * ((hash ^ (hash >>> 10)) & (RECENT_SIZE - 1));
  const seen = recent[r]!;
  if (seen.length === end - start && sameChars(seen, text, start)) return recent[r + 1]!;
  return tableForm(text, start, end, hash);
}

/** indexedForm from the table (a word found there becomes a recent one), or analysed and added to it. */
function tableForm(text: string, start: number, end: number, hash: number): string {
  let slot = (hash ^ (hash >>> 15)) & (TABLE_SIZE - 1);
  for (let word; (word = tableWords[slot]) !== undefined; slot = (slot + 1) & (TABLE_SIZE - 1)) {
    if (word.length === end - start && sameChars(word, text, start)) {
      const r = 2 * ((hash ^ (hash >>> 10)) & (RECENT_SIZE - 1));
      recent[r] = word;
      return (recent[r + 1] = tableForms[slot]!);
    }
  }
  // A copy: a slice of the text would keep the whole text as long as the table holds the word.
  const word = detached(text.slice(start, end));
  const form = analyzeWord(word).stems.join(' ');
  if (word.length <= MAX_STEM_LENGTH) {
    if (tableCount >= TABLE_SIZE / 2) {
      tableWords.fill(undefined);
      tableCount = 0;
      slot = (hash ^ (hash >>> 15)) & (TABLE_SIZE - 1);
    }
    tableWords[slot] = word;
    tableForms[slot] = form;
    tableCount++;
  }
  return form;
}

/** Whether `text` holds `word` at `start` (faster than startsWith on words this short). */
function sameChars(word: string, text: string, start: number): boolean {
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
/** Whether each UTF-16 code unit alone is a word character, found as met: 0 not known yet, 1 yes, 2 no. */
const wordUnits = new Uint8Array(0x10000);

/** Length of the word character (as WORD has it) at `i`, before the end: 1, 2 (surrogate pair) or 0 if none. */
function wordCharLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  let known = wordUnits[c]!;
  if (known === 1) return 1;
  if (c >= 0xd800 && c <= 0xdbff) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  if (known === 0) known = wordUnits[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
  return known === 1 ? 1 : 0;
}
