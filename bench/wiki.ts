/**
 * Wiki benchmark (issue 3). Loads 10,000 pages of French Markdown made from the shared
 * corpus and prints: pages rendered per second, saves per second, warm page views per second
 * with p50/p99 latency at 16 connections over 200 rotating pages (autocannon against a
 * separate server process), search median/p95 over 50 French queries, and the server's RSS.
 * Figures only, no assertions. Run: npm run bench  (or: npx tsx bench/wiki.ts [corpus.xml.gz])
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { loadConfig } from '../src/core/config.ts';
import { buildMaillage } from '../src/main.ts';
import { parseTitle, render, type Title } from '../src/modules/markup/index.ts';
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
  const server = spawn(path.join(root, 'node_modules/.bin/tsx'), ['src/cli/main.ts', 'serve'], {
    cwd: root, env: { ...env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production' }, stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) break;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  const rotating = corpus.filter((p) => !p.text.startsWith('#REDIRECTION')).slice(0, 200).map((p) => ({ method: 'GET' as const, path: `/wiki/${encodeURIComponent(p.title.key).replace(/%3A/g, ':')}` }));
  await autocannon({ url: base, connections: 16, duration: 3, requests: rotating });
  const result = await autocannon({ url: base, connections: 16, duration: 10, requests: rotating });
  console.log(`views: ${fmt(result.requests.average, 0)} pages/s at 16 connections over 200 pages (p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.non2xx} non-2xx)`);

  const httpTimes: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const q of QUERIES) {
      const s = performance.now();
      await (await fetch(`${base}/wiki/Sp%C3%A9cial:Recherche?q=${encodeURIComponent(q)}`)).text();
      httpTimes.push(performance.now() - s);
    }
  }
  console.log(`search (HTTP page): median ${fmt(pct(httpTimes, 50), 2)} ms, p95 ${fmt(pct(httpTimes, 95), 2)} ms`);

  const status = fs.readFileSync(`/proc/${server.pid}/status`, 'utf8');
  const kb = (k: string) => Number(status.match(new RegExp(`${k}:\\s+(\\d+)`))?.[1] ?? 0);
  // tsx runs the server in a child node process: report the largest RSS among the server's processes.
  const children = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map((d) => {
    try {
      const s = fs.readFileSync(`/proc/${d}/status`, 'utf8');
      const ppid = Number(s.match(/PPid:\s+(\d+)/)?.[1]);
      return ppid === server.pid ? Number(s.match(/VmHWM:\s+(\d+)/)?.[1] ?? 0) : 0;
    } catch {
      return 0;
    }
  });
  const peak = Math.max(kb('VmHWM'), ...children);
  console.log(`memory: server peak RSS ${fmt(peak / 1024, 0)} MB`);
  server.kill('SIGTERM');
  fs.rmSync(dataDir, { recursive: true, force: true });
}

await main();
