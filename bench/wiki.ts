/**
 * Wiki benchmark (issue 3). Loads 10,000 pages of French Markdown made from the shared
 * corpus and prints: pages rendered per second, saves per second, warm page views per second
 * with p50/p99 latency at 16 connections over 200 rotating pages (autocannon against a
 * separate server process), search median/p95 over 50 French queries, and the server's RSS.
 * Figures only, no assertions. Run: npm run bench  (or: npx tsx bench/wiki.ts [corpus.xml.gz])
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { loadConfig } from '../src/core/config.ts';
import { buildMaillage } from '../src/main.ts';
import { parseTitle, render, titleUrl, type Title } from '../src/modules/markup/index.ts';
import { readCorpus, wikitextToMarkdown } from './lib/corpus.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const corpusFile = process.argv[2] ?? path.resolve(root, '../shared/data/corpus/corpus-fr-10000.xml.gz');
const QUERIES = ['atelier', 'chantier', 'benevoles', 'musique', 'education populaire', 'recyclerie', 'cartographie', 'apiculture', 'lutherie', 'herboristerie',
  'economie sociale', 'festival', 'rencontres', 'bibliothèque', 'boulangerie', 'calligraphie', 'écoconstruction', 'menuiserie', 'couture', 'photographie',
  'escalade', 'poterie', 'habitat participatif', 'théâtre', 'formation', 'ornithologie', 'glossaire', 'fabrique', 'verger', 'fédération',
  'cuisine collective', 'compost', 'ludothèques', 'communauté', 'programme', 'universités', 'méthode', 'apprentis', 'savoirs', 'chorale',
  'ébénisterie', 'Rennes', 'Grenoble', 'inventaires', 'mentor', "l'atelier", 'économiques', 'jardinier', 'expérience', 'documentaliste'];

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
const fmt = (n: number, d = 1) => n.toFixed(d);

function pages(): Array<{ title: Title; text: string }> {
  const out: Array<{ title: Title; text: string }> = [];
  for (const p of readCorpus(corpusFile)) {
    if (p.namespace !== 0 && p.namespace !== 14) continue;
    const t = parseTitle(p.namespace === 14 ? `Catégorie:${p.title.replace(/^[^:]*:/, '')}` : p.title);
    if (t.ok) out.push({ title: t.title, text: /^#REDIRECT/i.test(p.text) ? p.text.replace(/^#REDIRECT(ION)?/i, '#REDIRECTION') : wikitextToMarkdown(p.text) });
  }
  return out;
}

async function main() {
  const corpus = pages();
  console.log(`corpus: ${corpus.length} pages, ${fmt(corpus.reduce((s, p) => s + p.text.length, 0) / corpus.length / 1024)} KB of Markdown on average`);

  // 1. Rendering alone (pure pipeline, links all unknown).
  const labels = { editSection: 'modifier', redLink: (p: string) => p, toc: 'Sommaire' };
  const times: number[] = [];
  const t0 = performance.now();
  for (const p of corpus) {
    const s = performance.now();
    render(p.text, 'markdown', { title: p.title, linkStatus: new Map(), labels, editSections: true });
    times.push(performance.now() - s);
  }
  const renderSecs = (performance.now() - t0) / 1000;
  console.log(`render: ${fmt(corpus.length / renderSecs, 0)} pages/s (median ${fmt(pct(times, 50), 2)} ms, p95 ${fmt(pct(times, 95), 2)} ms per page)`);

  // 2. Saves: create every page through the wiki (revision, render, links, search index, invalidation).
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-bench-'));
  const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  const m = await buildMaillage(config);
  await m.accounts.operator.createUser({ email: 'bench@example.ca', name: 'Bench', role: 'admin' });
  const actor = await m.accounts.operator.actorFor('bench@example.ca');
  const l0 = performance.now();
  for (const p of corpus) await m.wiki.wiki.save(actor, { title: p.title, text: p.text, summary: 'import', minor: false, baseRevId: null });
  const loadSecs = (performance.now() - l0) / 1000;
  console.log(`load: ${corpus.length} pages created in ${fmt(loadSecs)} s (${fmt(corpus.length / loadSecs, 0)} saves/s, with links tables, search index and red-link invalidation)`);
  const edits = corpus.filter((p) => !p.text.startsWith('#REDIRECTION')).slice(0, 1000);
  const e0 = performance.now();
  for (const p of edits) {
    const page = await m.wiki.wiki.page(p.title);
    await m.wiki.wiki.save(actor, { title: p.title, text: `${p.text}\n\nModification de test.`, summary: 'bench', minor: true, baseRevId: page!.latestRevId });
  }
  const editSecs = (performance.now() - e0) / 1000;
  console.log(`edits: ${edits.length} edits in ${fmt(editSecs)} s (${fmt(edits.length / editSecs, 0)} saves/s)`);

  // 3. Search, in process on the index, then through HTTP below.
  const searchTimes: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const q of QUERIES) {
      const s = performance.now();
      await m.search.search({ q, limit: 20 });
      searchTimes.push(performance.now() - s);
    }
  }
  console.log(`search (index): ${QUERIES.length} queries x 3: median ${fmt(pct(searchTimes, 50), 2)} ms, p95 ${fmt(pct(searchTimes, 95), 2)} ms`);
  await m.close();

  // 4. Page views against a separate server process.
  const port = 3900 + Math.floor(Math.random() * 90);
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.DATABASE_URL;
  // What `npm run serve` runs: the server bundle, with a 2 MB young generation and a 512 MB heap limit (see README).
  spawnSync(process.execPath, ['scripts/build-server.mjs'], { cwd: root, stdio: 'inherit' });
  const server = spawn(process.execPath, ['--max-semi-space-size=2', '--max-old-space-size=512', 'dist/maillage.mjs', 'serve'], {
    cwd: root, env: { ...env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production' }, stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) break;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  const rotating = corpus.filter((p) => !p.text.startsWith('#REDIRECTION')).slice(0, 200).map((p) => ({ method: 'GET' as const, path: titleUrl(p.title) }));
  const views = wrkAvailable() ? runWrk(base, rotating.map((r) => r.path)) : await runAutocannon(base, rotating);
  console.log(`views: ${fmt(views.rps, 0)} pages/s at 16 connections over 200 pages (p50 ${views.p50} ms, p99 ${views.p99} ms, ${views.tool}, server with WEB_CONCURRENCY=${process.env.WEB_CONCURRENCY ?? 'default'})`);

  // Warm, like the page views (wrk warms up 3 s): one untimed round fills the server's page cache.
  for (const q of QUERIES) await (await fetch(`${base}/wiki/Sp%C3%A9cial:Recherche?q=${encodeURIComponent(q)}`)).text();
  const httpTimes: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const q of QUERIES) {
      const s = performance.now();
      await (await fetch(`${base}/wiki/Sp%C3%A9cial:Recherche?q=${encodeURIComponent(q)}`)).text();
      httpTimes.push(performance.now() - s);
    }
  }
  console.log(`search (HTTP page): median ${fmt(pct(httpTimes, 50), 2)} ms, p95 ${fmt(pct(httpTimes, 95), 2)} ms`);

  const tree = descendants(server.pid!);
  const peaks = tree.map((pid) => ({ pid, kb: vmHwm(pid) })).filter((x) => x.kb > 0);
  const total = peaks.reduce((t, x) => t + x.kb, 0);
  console.log(`memory: server peak RSS ${fmt(total / 1024, 0)} MB over ${peaks.length} processes (largest ${fmt(Math.max(...peaks.map((x) => x.kb)) / 1024, 0)} MB)`);
  server.kill('SIGTERM');
  if (process.env.BENCH_KEEP) console.log(`data kept in ${dataDir}`);
  else fs.rmSync(dataDir, { recursive: true, force: true });
}

function wrkAvailable(): boolean {
  return spawnSync('sh', ['-c', 'command -v wrk']).status === 0;
}

/** wrk (C, light on the CPU it shares with the server) rotating over the paths with a Lua script. */
function runWrk(base: string, paths: string[]) {
  const script = path.join(os.tmpdir(), `maillage-wrk-${process.pid}.lua`);
  fs.writeFileSync(script, `local paths = {${paths.map((p) => JSON.stringify(p)).join(',')}}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format('GET', paths[i])\nend\n`);
  spawnSync('wrk', ['-t1', '-c16', '-d3s', '-s', script, base]);
  const out = spawnSync('wrk', ['-t1', '-c16', '-d10s', '--latency', '-s', script, base], { encoding: 'utf8' }).stdout;
  fs.rmSync(script, { force: true });
  const ms = (label: string) => {
    const m = out.match(new RegExp(`${label}\\s+([\\d.]+)(us|ms|s)`));
    if (!m) return NaN;
    const v = Number(m[1]);
    return m[2] === 'us' ? v / 1000 : m[2] === 's' ? v * 1000 : v;
  };
  return { rps: Number(out.match(/Requests\/sec:\s+([\d.]+)/)?.[1] ?? 0), p50: fmt(ms('50%'), 2), p99: fmt(ms('99%'), 2), tool: 'wrk' };
}

async function runAutocannon(base: string, requests: Array<{ method: 'GET'; path: string }>) {
  await autocannon({ url: base, connections: 16, duration: 3, requests });
  const r = await autocannon({ url: base, connections: 16, duration: 10, requests });
  return { rps: r.requests.average, p50: String(r.latency.p50), p99: String(r.latency.p99), tool: 'autocannon' };
}

function descendants(pid: number): number[] {
  const all = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
  const parent = new Map(all.map((p) => {
    try {
      return [p, Number(fs.readFileSync(`/proc/${p}/status`, 'utf8').match(/PPid:\s+(\d+)/)?.[1])] as const;
    } catch {
      return [p, -1] as const;
    }
  }));
  const out = [pid];
  for (let changed = true; changed;) {
    changed = false;
    for (const [p, pp] of parent) if (out.includes(pp) && !out.includes(p)) { out.push(p); changed = true; }
  }
  return out;
}

function vmHwm(pid: number): number {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

await main();
