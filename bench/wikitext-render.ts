/**
 * Cold render of wikitext (issue 4): every page's latest revision of a MediaWiki dump rendered by
 * our engine, templates taken from the dump (as the wiki's render loop gives them), nothing cached
 * between pages. Prints median and p95 ms per page. MediaWiki 1.39 on the same machine and corpus:
 * median 16 ms of parser CPU per page. Figures only.
 *
 *   npx tsx bench/wikitext-render.ts [dump.xml.gz]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTitle, render, type LinkStatus } from '../src/modules/markup/index.ts';
import { readCorpus } from './lib/corpus.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const file = process.argv[2] ?? path.resolve(here, '../../shared/data/corpus/corpus-fr-10000.xml.gz');
const corpus = readCorpus(file);
const pages = new Map<string, string | null>();
const linkStatus = new Map<string, LinkStatus>();
const titles = corpus.map((p) => {
  const t = parseTitle(p.title);
  if (!t.ok) return undefined;
  pages.set(t.title.key, p.text);
  linkStatus.set(t.title.key, /^\s*#REDIRECT/i.test(p.text) ? 'redirect' : 'exists');
  return t.title;
});
const labels = { editSection: 'modifier', redLink: (p: string) => `${p} (page inexistante)`, toc: 'Sommaire' };

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
const times: number[] = [];
let unresolved = 0;
const t0 = performance.now();
corpus.forEach((p, i) => {
  const title = titles[i];
  if (!title) return;
  const s = performance.now();
  const r = render(p.text, 'wikitext', { title, linkStatus, pages, labels, editSections: true, now: Date.UTC(2026, 10, 21) });
  times.push(performance.now() - s);
  unresolved += r.unresolved?.length ?? 0;
});
const secs = (performance.now() - t0) / 1000;
console.log(`corpus: ${times.length} pages (${path.basename(file)}), ${(corpus.reduce((s, p) => s + p.text.length, 0) / corpus.length / 1024).toFixed(1)} KB of wikitext on average`);
console.log(`cold render (wikitext): median ${pct(times, 50).toFixed(2)} ms, p95 ${pct(times, 95).toFixed(2)} ms, max ${pct(times, 100).toFixed(1)} ms per page; ${(times.length / secs).toFixed(0)} pages/s; ${unresolved} keys the dump lacked`);
