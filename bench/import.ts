/**
 * Imports the 10k-page corpus (corpus-fr-10000.xml.gz) into a fresh SQLite database and prints
 * pages/s, revisions/s, peak RSS and the total time until every page is viewable with links
 * tables and the search index complete. By default pages are indexed without being rendered
 * (each renders on its first view, as after a MediaWiki import); `--prerender` stores every
 * page's HTML too. Prints, never asserts.
 *
 *   npm run bench:import [-- path/to/dump.xml.gz] [--prerender]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/core/config.ts';
import { buildMaillage } from '../src/main.ts';

const args = process.argv.slice(2);
const prerender = args.includes('--prerender');
const file = args.find((a) => !a.startsWith('--')) ?? '/work/shared/data/corpus/corpus-fr-10000.xml.gz';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-bench-import-'));
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 50);
const rssAt: Record<string, number> = {};
const heapAt: Record<string, number> = {};

try {
  const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: dir, LOG_LEVEL: 'warn', PUBLIC_URL: 'http://localhost:3000' });
  const m = await buildMaillage(config, { runJobs: false });
  const actor = { kind: 'user' as const, sessionId: 'bench', user: { id: 0, name: 'Bench', email: '', role: 'admin' as const, locale: null, createdAt: 0 } };
  const importId = await m.transfer.createJob({ filePath: file, fileName: path.basename(file), userId: null, userName: 'bench', now: Date.now(), status: 'running' });
  const t0 = performance.now();
  let loadEnd = 0;
  const s = await m.transfer.import({
    importId, file, actor, prerender, renderBatch: process.env.RENDER_BATCH ? Number(process.env.RENDER_BATCH) : undefined,
    onProgress: (p) => {
      if (p.phase !== 'load' && !loadEnd) { loadEnd = performance.now(); rssAt.load = process.memoryUsage().rss; }
      const key = p.phase === 'load' ? `read≈${Math.round(p.pages / 2500) * 2500}` : `indexed≈${Math.round(p.pagesRendered / 2500) * 2500}`;
      const mem = process.memoryUsage();
      rssAt[key] = Math.max(rssAt[key] ?? 0, mem.rss);
      heapAt[key] = Math.max(heapAt[key] ?? 0, mem.heapUsed);
    },
  });
  const total = (performance.now() - t0) / 1000;
  const db = m.db.db;
  const count = async (q: Promise<{ n: number | string | bigint }>) => Number((await q).n);
  const pages = await count(db.selectFrom('pages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
  const revisions = await count(db.selectFrom('revisions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
  const rendered = await count(db.selectFrom('pages').innerJoin('page_renders', (j) => j.onRef('page_renders.page_id', '=', 'pages.id').onRef('page_renders.rev_id', '=', 'pages.latest_rev_id')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
  const indexed = await count(db.selectFrom('search_pages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
  const links = await count(db.selectFrom('page_links').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
  const indexedAtLatest = await count(db.selectFrom('transfer_import_pages as t').innerJoin('pages as p', (j) => j.onRef('p.id', '=', 't.page_id').onRef('p.latest_rev_id', '=', 't.indexed_rev_id')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
  await m.close();
  clearInterval(sampler);
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
  const load = (loadEnd - t0) / 1000;
  console.log(`file               ${path.basename(file)}`);
  console.log(`pages              ${pages} (${s.pages} read, ${s.invalidTitles} invalid titles)`);
  console.log(`revisions          ${revisions} (${s.revisionsAdded} added)`);
  console.log(`indexed (latest)   ${indexedAtLatest} pages; search index ${indexed} pages (redirects are not indexed); page_links ${links}`);
  console.log(`rendered (latest)  ${rendered} pages ${prerender ? '(--prerender)' : '(the others render on their first view)'}`);
  console.log(`load phase         ${load.toFixed(1)} s (${(s.pages / load).toFixed(0)} pages/s, ${(s.revisionsAdded / load).toFixed(0)} revisions/s)`);
  console.log(`${prerender ? 'render+index phase' : 'index phase       '} ${(total - load).toFixed(1)} s (${(s.pagesRendered / (total - load)).toFixed(0)} pages/s)`);
  console.log(`total              ${total.toFixed(1)} s (${(s.pages / total).toFixed(0)} pages/s, ${(s.revisionsAdded / total).toFixed(0)} revisions/s)`);
  console.log(`peak RSS           ${mb(Math.max(peak, process.resourceUsage().maxRSS * 1024))}`);
  console.log(`RSS by progress    ${Object.entries(rssAt).map(([k, v]) => `${k}: ${mb(v)}`).join(', ')}`);
  console.log(`JS heap used       ${Object.entries(heapAt).map(([k, v]) => `${k}: ${mb(v)}`).join(', ')}`);
} finally {
  clearInterval(sampler);
  fs.rmSync(dir, { recursive: true, force: true });
}
