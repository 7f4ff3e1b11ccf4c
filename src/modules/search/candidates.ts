import { analyzeWord, fold } from './text.ts';

/**
 * Finds the words of a text whose stem is a query stem, without analysing every word: a
 * regular expression first picks the words that begin like a stem (accent-, case- and
 * ligature-insensitively), then only those are folded and stemmed.
 * A Snowball French stem differs from its folded word only in its last characters
 * (`indicateur` -> `indiqu`, `chevaux` -> `cheval`), so the stem without its last three
 * characters (at least one character kept) is a safe prefix of the word.
 */
export interface WordMatch {
  start: number;
  end: number;
  /** The query stem the word matched. */
  term: string;
}

const WORD_AT = /[\p{L}\p{M}\p{N}]+/uy;
const MAX_PREFIX = 5;
const MAX_WORD = 256;

/** Raw characters by what they fold to (`e` -> `éèÉ…`, `oe` -> `œŒ`), beyond plain ASCII. */
const FOLDS_TO = new Map<string, string[]>();
const STARTS_WITH = new Map<string, string[]>();
for (const [from, to] of [[0x41, 0x5a], [0xa0, 0x24f], [0x1e00, 0x1eff], [0xfb00, 0xfb06]] as const) {
  for (let cp = from; cp <= to; cp++) {
    const ch = String.fromCodePoint(cp);
    const folded = fold(ch);
    if (!/^[a-z0-9]{1,2}$/.test(folded) || folded === ch) continue;
    FOLDS_TO.set(folded, [...(FOLDS_TO.get(folded) ?? []), ch]);
    const first = folded.charAt(0);
    STARTS_WITH.set(first, [...(STARTS_WITH.get(first) ?? []), ch]);
  }
}

function charClass(folded: string): string {
  return `[${folded}${(STARTS_WITH.get(folded) ?? []).join('')}]\\p{M}*`;
}

/**
 * A pattern matching raw text that folds to start with `prefix` (ligatures spanning two
 * letters). Outside a-z and 0-9 (other scripts) it matches any word: all of them get analysed.
 */
function prefixPattern(prefix: string, i = 0): string {
  if (!/^[a-z0-9]+$/.test(prefix)) return '[\\p{L}\\p{M}\\p{N}]';
  if (i >= prefix.length) return '';
  const single = charClass(prefix.charAt(i)) + prefixPattern(prefix, i + 1);
  const ligatures = FOLDS_TO.get(prefix.slice(i, i + 2));
  if (!ligatures || i + 1 >= prefix.length) return single;
  return `(?:${single}|[${ligatures.join('')}]${prefixPattern(prefix, i + 2)})`;
}

/** A finder of the words of a text that match one of `terms` (query stems). */
export function wordFinder(terms: ReadonlySet<string>): (text: string) => Generator<WordMatch> {
  const prefixes = [...new Set([...terms].map((t) => t.slice(0, Math.min(MAX_PREFIX, Math.max(1, t.length - 3)))))];
  const candidates =
    prefixes.length > 0 ? new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${prefixes.map((p) => prefixPattern(p)).join('|')})`, 'gu') : undefined;
  return function* find(text: string) {
    if (!candidates) return;
    for (const m of text.matchAll(candidates)) {
      WORD_AT.lastIndex = m.index;
      const raw = WORD_AT.exec(text)?.[0];
      if (!raw || raw.length > MAX_WORD) continue;
      const term = analyzeWord(raw).stems.find((s) => terms.has(s));
      if (term) yield { start: m.index, end: m.index + raw.length, term };
    }
  };
}
