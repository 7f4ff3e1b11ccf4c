/**
 * Golden files: each fixtures/<case>.md is rendered (page "Bac à sable", see testEnv) and compared
 * with fixtures/<case>.html: metadata in a leading comment, then the TOC and the body.
 * `UPDATE_GOLDEN=1 npx vitest run src/modules/markup/golden.test.ts` rewrites them; review the diff.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { render } from './index.ts';
import { testEnv, unsafeParts } from './testing.ts';
import type { RenderResult } from './types.ts';

const DIR = path.join(import.meta.dirname, 'fixtures');
const CASES = readdirSync(DIR).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();

function golden(r: RenderResult): string {
  const meta = [
    `links: ${r.links.join(', ') || '—'}`,
    `categories: ${r.categories.map((c) => (c.sortKey ? `${c.name} (${c.sortKey})` : c.name)).join(', ') || '—'}`,
    `redirect: ${r.redirect ? r.redirect.full + (r.redirect.fragment ? `#${r.redirect.fragment}` : '') : '—'}`,
    `external: ${r.externalLinks.join(' ') || '—'}`,
    `headings: ${r.headings.map((h) => `${h.section}:h${h.level}#${h.anchor}`).join(' ') || '—'}`,
  ];
  return `<!--\n${meta.join('\n').replace(/--/g, '‐‐')}\n-->\n${r.toc}${r.html}`;
}

describe('golden files', () => {
  it('has at least 15 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(15);
  });

  it.each(CASES)('%s', (name) => {
    const source = readFileSync(path.join(DIR, `${name}.md`), 'utf8');
    const result = render(source, 'markdown', testEnv());
    expect(unsafeParts(result.html)).toEqual([]);
    const actual = golden(result);
    const file = path.join(DIR, `${name}.html`);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
    expect(actual).toBe(readFileSync(file, 'utf8'));
  });
});
