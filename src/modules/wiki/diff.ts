import { diffArrays, diffWordsWithSpace } from 'diff';
import { escapeHtml } from '#jsx/jsx-runtime';

/** One row of a side-by-side diff; cells hold escaped HTML with <del>/<ins> around changed words. */
export type DiffRow =
  | { kind: 'context'; oldLine: number; newLine: number; html: string }
  | { kind: 'change'; oldLine: number | null; newLine: number | null; oldHtml: string | null; newHtml: string | null }
  | { kind: 'gap'; oldLine: number; newLine: number };

const CONTEXT = 2;

function words(oldText: string, newText: string): { oldHtml: string; newHtml: string } {
  let oldHtml = '';
  let newHtml = '';
  for (const part of diffWordsWithSpace(oldText, newText)) {
    const v = escapeHtml(part.value);
    if (part.added) newHtml += `<ins class="diffchange">${v}</ins>`;
    else if (part.removed) oldHtml += `<del class="diffchange">${v}</del>`;
    else {
      oldHtml += v;
      newHtml += v;
    }
  }
  return { oldHtml, newHtml };
}

/**
 * Line diff with word-level marks inside changed lines, as MediaWiki shows it: changed lines
 * are paired side by side, unchanged lines shown only around changes.
 */
export function sideBySideDiff(oldText: string, newText: string): DiffRow[] {
  const a = oldText === '' ? [] : oldText.split('\n');
  const b = newText === '' ? [] : newText.split('\n');
  const parts = diffArrays(a, b);
  const rows: DiffRow[] = [];
  let o = 1;
  let n = 1;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!part.added && !part.removed) {
      const lines = part.value;
      const first = i === 0;
      const last = i === parts.length - 1;
      lines.forEach((line, k) => {
        const nearPrev = !first && k < CONTEXT;
        const nearNext = !last && k >= lines.length - CONTEXT;
        if (nearPrev || nearNext) rows.push({ kind: 'context', oldLine: o + k, newLine: n + k, html: escapeHtml(line) });
        else if (rows.at(-1)?.kind !== 'gap') rows.push({ kind: 'gap', oldLine: o + k, newLine: n + k });
      });
      o += lines.length;
      n += lines.length;
      continue;
    }
    const removed = part.removed ? part.value : [];
    const next = parts[i + 1];
    const added = part.added ? part.value : next?.added ? next.value : [];
    if (part.removed && next?.added) i++;
    const count = Math.max(removed.length, added.length);
    for (let k = 0; k < count; k++) {
      const before = removed[k];
      const after = added[k];
      if (before !== undefined && after !== undefined) {
        const w = words(before, after);
        rows.push({ kind: 'change', oldLine: o + k, newLine: n + k, oldHtml: w.oldHtml, newHtml: w.newHtml });
      } else if (before !== undefined) {
        rows.push({ kind: 'change', oldLine: o + k, newLine: null, oldHtml: `<del class="diffchange">${escapeHtml(before)}</del>`, newHtml: null });
      } else {
        rows.push({ kind: 'change', oldLine: null, newLine: n + k, oldHtml: null, newHtml: `<ins class="diffchange">${escapeHtml(after ?? '')}</ins>` });
      }
    }
    o += removed.length;
    n += added.length;
  }
  return rows.some((r) => r.kind === 'change') ? rows : [];
}
