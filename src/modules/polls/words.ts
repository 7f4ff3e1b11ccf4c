import { isStopWord, stem, tokens } from '../search/index.ts';
import type { WordCount } from './types.ts';

/**
 * Words a word cloud leaves out besides the search's French stop words (which, like
 * PostgreSQL's list, keep articles such as « les » and common verbs and adverbs). Folded form.
 */
const CLOUD_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a les un une cet cette ceux celle celles celui ca cela ci la ici leurs plus moins tres trop peu bien ' +
    'aussi tout tous toute toutes comme donc car or ni si sans sous chez entre vers etre avoir faire fait ' +
    'etc oui non pour afin deja encore toujours quand comment pourquoi quoi dont ou ete'
  ).split(' '),
);

/** Whether a folded word is left out of a word cloud. */
function dropped(folded: string): boolean {
  return folded.length < 2 || /^\p{N}+$/u.test(folded) || isStopWord(folded) || CLOUD_STOP_WORDS.has(folded);
}

/**
 * The words of one answer as (key, surface) pairs, each key once: accents and case folded, stop
 * words dropped, singular and plural grouped under their Snowball French stem.
 */
export function answerWords(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of tokens(text)) {
    // A word normally folds to one part; a compatibility form (½) can fold to several.
    const surfaces = t.parts.length === 1 ? [text.slice(t.start, t.end).toLocaleLowerCase('fr')] : t.parts;
    t.parts.forEach((part, i) => {
      if (dropped(part)) return;
      const key = stem(part);
      if (!out.has(key)) out.set(key, surfaces[i]!);
    });
  }
  return out;
}

/**
 * Counts words over answers: a word counts once per answer, whatever its form there. The label
 * is the form written most often; on a tie the shorter (usually the singular), then the first
 * in alphabetical order. Sorted by count, then label, so the result never depends on input order.
 */
export function countWords(answers: readonly string[]): WordCount[] {
  const counts = new Map<string, { count: number; forms: Map<string, number> }>();
  for (const answer of answers) {
    for (const [key, surface] of answerWords(answer)) {
      const entry = counts.get(key) ?? { count: 0, forms: new Map<string, number>() };
      entry.count++;
      entry.forms.set(surface, (entry.forms.get(surface) ?? 0) + 1);
      counts.set(key, entry);
    }
  }
  const compare = new Intl.Collator('fr-CA').compare;
  return [...counts]
    .map(([key, { count, forms }]) => {
      const [label] = [...forms].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || compare(a[0], b[0]))[0]!;
      return { key, label, count };
    })
    .sort((a, b) => b.count - a.count || compare(a.label, b.label) || (a.key < b.key ? -1 : 1));
}
