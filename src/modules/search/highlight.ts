import { wordFinder, type WordMatch } from './candidates.ts';

/**
 * Highlighting, the same for both engines: a word of the original text is matched when one of
 * its stems (folded, stemmed the way the query was) is a query stem. Output is HTML-escaped,
 * with the original (accented) word wrapped in <mark>.
 */
const SNIPPET_LENGTH = 200;
/** Context kept before the first matched word of the chosen window. */
const LEAD = 60;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

type Finder = (text: string) => Iterable<WordMatch>;

export interface Highlighter {
  /** `text` escaped, each matched word in <mark>. */
  markHtml(text: string): string;
  /**
   * About SNIPPET_LENGTH characters of `text` around its best match, whitespace collapsed,
   * escaped, matched words in <mark>, with "…" where text was cut. Without a match: the start.
   */
  snippetHtml(text: string): string;
}

/** Highlighting for one query: `terms` are its stems. */
export function highlighter(terms: ReadonlySet<string>): Highlighter {
  const find = wordFinder(terms);
  return {
    markHtml: (text) => markHtml(text, find),
    snippetHtml: (text) => snippetHtml(text, find, terms.size),
  };
}

function markHtml(text: string, find: Finder): string {
  let html = '';
  let at = 0;
  for (const w of find(text)) {
    html += `${escapeHtml(text.slice(at, w.start))}<mark>${escapeHtml(text.slice(w.start, w.end))}</mark>`;
    at = w.end;
  }
  return html + escapeHtml(text.slice(at));
}

/**
 * The start offset of the window of SNIPPET_LENGTH characters holding the most distinct query
 * terms (the earliest such window; scanning stops at the first window holding all of them).
 */
function bestWindowStart(text: string, find: Finder, termCount: number): number | undefined {
  const window: WordMatch[] = [];
  let best: { start: number; count: number } | undefined;
  for (const w of find(text)) {
    window.push(w);
    while (window.length > 0 && w.end - (window[0]?.start ?? 0) > SNIPPET_LENGTH - LEAD) window.shift();
    const count = new Set(window.map((h) => h.term)).size;
    const first = window[0];
    if (first && (!best || count > best.count)) best = { start: first.start, count };
    if (best && best.count >= termCount) break;
  }
  return best?.start;
}

/** Moves `i` forward to the start of the next word unless it already is at a word start. */
function wordStartAt(text: string, i: number): number {
  if (i <= 0) return 0;
  if (/\s/.test(text[i - 1] ?? '')) return i;
  const space = text.slice(i).search(/\s/);
  return space < 0 ? i : i + space + 1;
}

/** Moves `i` back to the end of the previous word (after `from`) unless the text ends there. */
function wordEndAt(text: string, from: number, i: number): number {
  if (i >= text.length) return text.length;
  const space = text.slice(from, i + 1).search(/\s\S*$/);
  return space <= 0 ? i : from + space;
}

function snippetHtml(text: string, find: Finder, termCount: number): string {
  const matchStart = bestWindowStart(text, find, termCount);
  let start = matchStart === undefined ? 0 : Math.max(0, matchStart - LEAD);
  start = Math.min(wordStartAt(text, start), matchStart ?? start);
  const end = wordEndAt(text, start, start + SNIPPET_LENGTH);
  const slice = text.slice(start, end).replace(/\s+/g, ' ').trim();
  const before = start > 0 ? '… ' : '';
  const after = end < text.length ? ' …' : '';
  return before + markHtml(slice, find) + after;
}
