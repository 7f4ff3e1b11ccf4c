/**
 * Imports the 10k-page corpus (corpus-fr-10000.xml.gz) as an operator does, with `npm run import`
 * (package.json: the command and its Node flags, on the production bundle, built first), into a
 * fresh SQLite database. Prints pages/s, revisions/s, the process's peak RSS
 * (threads included) and the total time from the command's start until it exits with every page
 * viewable, the links tables and the search index complete. Progress and memory by phase come
 * from polling the import's row and /proc while it runs. Prints, never asserts.
 *
 *   npm run bench:import [-- path/to/dump.xml.gz] [--prerender]
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

const ROOT = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const prerender = args.includes('--prerender');
const file = path.resolve(args.find((a) => !a.startsWith('--')) ?? '/work/shared/data/corpus/corpus-fr-10000.xml.gz');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-bench-import-'));
const dbFile = path.join(dir, 'maillage.sqlite');
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

/** VmRSS and VmHWM of a process, in kB (Linux). */
function memoryOf(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

try {
  const build = spawnSync(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the server bundle did not build');
  // `npm run import`'s command, run directly (npm would stand between this and the process measured).
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const words = pkg.scripts.import!.split(' ');
  const assignments = words.slice(0, words.indexOf('node'));
  const command = words.slice(assignments.length + 1);
  if (words[assignments.length] !== 'node' || !assignments.every((a) => /^[A-Z_]+=\S+$/.test(a))) throw new Error(`unexpected import script: ${pkg.scripts.import}`);
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', DATA_DIR: dir, LOG_LEVEL: 'warn', PUBLIC_URL: 'http://localhost:3000', LANG: 'en_CA.UTF-8' };
  delete env.DATABASE_URL;
  for (const a of assignments) env[a.slice(0, a.indexOf('='))] = a.slice(a.indexOf('=') + 1);
  const t0 = performance.now();
  const child = spawn(process.execPath, [...command, file, ...(prerender ? ['--prerender'] : [])], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  let loadEnd = 0;
  let peak = 0;
  const rssAt: Record<string, number> = {};
  let db: Database.Database | undefined;
  const poll = setInterval(() => {
    const mem = memoryOf(child.pid!);
    if (!mem) return;
    peak = Math.max(peak, mem.peak);
    try {
      db ??= fs.existsSync(dbFile) ? new Database(dbFile, { readonly: true, fileMustExist: true }) : undefined;
      const job = db?.prepare('select phase, pages_done, pages_rendered from transfer_imports order by id desc limit 1').get() as { phase: string; pages_done: number; pages_rendered: number } | undefined;
      if (!job) return;
      if (job.phase !== 'load' && !loadEnd) loadEnd = performance.now();
      const key = job.phase === 'load' ? `read≈${Math.round(job.pages_done / 2500) * 2500}` : `indexed≈${Math.round(job.pages_rendered / 2500) * 2500}`;
      rssAt[key] = Math.max(rssAt[key] ?? 0, mem.rss);
    } catch {
      // Not migrated yet, or busy: the next poll reads it.
    }
  }, 100);
  const code = await exited;
  const total = (performance.now() - t0) / 1000;
  clearInterval(poll);
  db?.close();
  if (code !== 0) throw new Error(`maillage import exited with ${code}:\n${stderr}`);

  const out = new Database(dbFile, { readonly: true });
  const count = (q: string) => (out.prepare(q).get() as { n: number }).n;
  const pages = count('select count(*) as n from pages');
  const revisions = count('select count(*) as n from revisions');
  const rendered = count('select count(*) as n from pages join page_renders r on r.page_id = pages.id and r.rev_id = pages.latest_rev_id');
  const indexed = count('select count(*) as n from search_pages');
  const links = count('select count(*) as n from page_links');
  const indexedAtLatest = count('select count(*) as n from transfer_import_pages t join pages p on p.id = t.page_id and p.latest_rev_id = t.indexed_rev_id');
  out.close();
  const load = (loadEnd - t0) / 1000;
  console.log(`file               ${path.basename(file)}`);
  console.log(`command            ${pkg.scripts.import} ${path.basename(file)}${prerender ? ' --prerender' : ''}`);
  console.log(`pages              ${pages}`);
  console.log(`revisions          ${revisions}`);
  console.log(`indexed (latest)   ${indexedAtLatest} pages; search index ${indexed} pages (redirects are not indexed); page_links ${links}`);
  console.log(`rendered (latest)  ${rendered} pages ${prerender ? '(--prerender)' : '(the others render on their first view)'}`);
  console.log(`load phase         ${load.toFixed(1)} s from the command's start (${(pages / load).toFixed(0)} pages/s, ${(revisions / load).toFixed(0)} revisions/s)`);
  console.log(`${prerender ? 'render+index phase' : 'index phase       '} ${(total - load).toFixed(1)} s (${(indexedAtLatest / (total - load)).toFixed(0)} pages/s)`);
  console.log(`total              ${total.toFixed(1)} s, start to exit (${(pages / total).toFixed(0)} pages/s, ${(revisions / total).toFixed(0)} revisions/s)`);
  console.log(`peak RSS           ${mb(peak)} (the process, its threads included)`);
  console.log(`RSS by progress    ${Object.entries(rssAt).map(([k, v]) => `${k}: ${mb(v)}`).join(', ')}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
