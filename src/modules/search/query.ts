import { isStopWord, stem, tokens } from './text.ts';

/**
 * A parsed user query: every clause is required (AND, as MediaWiki does by default).
 * A clause is one word, or a phrase typed between quotes ("…", “…” or « … »).
 * Parsing never throws: any character outside words is a separator, so no user input reaches
 * an engine's query syntax except as folded letters and digits.
 */
export interface Clause {
  phrase: boolean;
  /** Folded words as typed, stop words included (PostgreSQL drops them and keeps the gaps). */
  words: string[];
  /** Snowball stems of the words that are not stop words (SQLite FTS5 terms, highlighting). */
  stems: string[];
}

export interface ParsedQuery {
  clauses: Clause[];
  /** Every stem of every clause: the words to highlight. */
  highlight: Set<string>;
}

const MAX_QUERY_LENGTH = 500;
const MAX_CLAUSES = 16;
const QUOTES = /["“”«»„]/;

export function parseQuery(q: string): ParsedQuery {
  const clauses: Clause[] = [];
  const seen = new Set<string>();
  const add = (phrase: boolean, words: string[]) => {
    const stems = words.filter((w) => !isStopWord(w)).map(stem);
    if (stems.length === 0) return;
    const isPhrase = phrase && words.length > 1;
    const key = `${isPhrase ? 'p' : 'w'}:${words.join(' ')}`;
    if (seen.has(key) || clauses.length >= MAX_CLAUSES) return;
    seen.add(key);
    clauses.push({ phrase: isPhrase, words, stems });
  };
  const segments = String(q).slice(0, MAX_QUERY_LENGTH).split(QUOTES);
  segments.forEach((segment, i) => {
    const words = [...tokens(segment)].flatMap((t) => t.parts);
    // Odd segments sit between quotes (an unclosed quote runs to the end).
    if (i % 2 === 1) add(true, words);
    else for (const w of words) add(false, [w]);
  });
  return { clauses, highlight: new Set(clauses.flatMap((c) => c.stems)) };
}

/** Whether a parsed query can match anything (all stop words or no words: it cannot). */
export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.clauses.length === 0;
}

/**
 * FTS5 MATCH expression over stemmed columns: each clause a quoted string (a phrase when it
 * has several stems), all required. Stems hold only letters and digits, so quoting is safe.
 */
export function fts5Expression(query: ParsedQuery, column?: 'title'): string {
  const expr = query.clauses.map((c) => `"${c.stems.join(' ')}"`).join(' AND ');
  return column ? `{${column}} : (${expr})` : expr;
}
