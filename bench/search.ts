/**
 * Search benchmark: indexes 10,000 French pages, then times 50 French queries (and suggestions).
 * Prints figures only. Run: npx tsx bench/search.ts [corpus.xml.gz]
 * Pages come from the shared synthetic MediaWiki corpus (latest revision, markup crudely
 * stripped); without it, pages are generated from a word list. SQLite always (temporary file);
 * PostgreSQL too when DATABASE_URL is set (its search tables are emptied first).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import { createDb, migrateToLatest, type DbHandle } from '../src/core/db/index.ts';
import { createSearchIndex, type SearchDocument } from '../src/modules/search/index.ts';

const PAGES = 10_000;
const ROUNDS = 5;
const here = path.dirname(fileURLToPath(import.meta.url));
const corpusFile = process.argv[2] ?? path.resolve(here, '../../shared/data/corpus/corpus-fr-10000.xml.gz');

const QUERIES = [
  'atelier', 'chantier', 'benevoles', 'musique', '"éducation populaire"', 'recyclerie', 'cartographie', 'apiculture',
  'lutherie', 'herboristerie', 'economie sociale', 'festival', 'rencontres', 'bibliothèque', 'boulangerie', 'calligraphie',
  'écoconstruction', 'menuiserie', 'couture', 'photographie', 'escalade', 'poterie', '"habitat participatif"', 'théâtre improvisation',
  'formation', 'ornithologie', 'glossaire', 'fabrique', 'verger', 'fédération', 'cuisine collective', 'maraichage compost',
  'ludothèques', 'communauté', 'programme publié', 'universités agricoles', 'méthode', 'apprenti participatif', 'savoirs', 'chant choral',
  'ébénisterie', 'Rennes', 'Grenoble', 'bretagne inventaires', 'mentor pédagogique', "l'atelier des bénévoles", 'aspects économiques',
  'jardinier', 'expérience participative', 'documentaliste',
];
const PREFIXES = ['at', 'cha', 'éco', 'fest', 'ren', 'bib', 'lu', 'musi', 'fab', 'pot'];

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Markup to roughly plain text: enough for a benchmark, not the wiki's renderer. */
function strip(wikitext: string): string {
  let t = wikitext.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<ref[^>]*\/>|<ref[^>]*>[\s\S]*?<\/ref>/g, ' ');
  for (let i = 0; i < 5 && t.includes('{{'); i++) t = t.replace(/\{\{[^{}]*\}\}/g, ' ');
  return t
    .replace(/\[\[(?:Catégorie|Fichier|Category|File):[^\]]*\]\]/g, ' ')
    .replace(/\[\[(?:[^\]|]*\|)?([^\]]*)\]\]/g, '$1')
    .replace(/\[https?:\/\/\S+\s*([^\]]*)\]/g, '$1')
    .replace(/<[^>]+>|'{2,}|^[=*#:;|!{}]+|=+$/gm, ' ')
    .replace(/[ \t]+/g, ' ');
}

async function* corpusPages(file: string): AsyncGenerator<SearchDocument> {
  let buffer = '';
  for await (const chunk of fs.createReadStream(file).pipe(zlib.createGunzip())) {
    buffer += (chunk as Buffer).toString('utf8');
    let end: number;
    while ((end = buffer.indexOf('</page>')) >= 0) {
      const xml = buffer.slice(0, end);
      buffer = buffer.slice(end + 7);
      const fullTitle = decode(/<title>([^<]*)<\/title>/.exec(xml)?.[1] ?? '');
      const namespace = Number(/<ns>(-?\d+)<\/ns>/.exec(xml)?.[1] ?? 0);
      const pageId = Number(/<id>(\d+)<\/id>/.exec(xml)?.[1] ?? 0);
      const texts = [...xml.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)];
      const text = strip(decode(texts[texts.length - 1]?.[1] ?? ''));
      const title = namespace === 0 ? fullTitle : fullTitle.slice(fullTitle.indexOf(':') + 1);
      yield { pageId, namespace, title, fullTitle, text };
    }
  }
}

function* generatedPages(): Generator<SearchDocument> {
  const words = QUERIES.join(' ').replace(/["']/g, ' ').split(/\s+/).concat('de la les des un une et pour avec dans sur'.split(' '));
  let seed = 42;
  const pick = () => words[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % words.length] ?? 'mot';
  for (let id = 1; id <= PAGES; id++) {
    const title = `${pick()} ${pick()} ${pick()}`;
    yield { pageId: id, namespace: 0, title, fullTitle: title, text: Array.from({ length: 500 }, pick).join(' ') };
  }
}

async function loadPages(): Promise<{ source: string; pages: SearchDocument[] }> {
  const pages: SearchDocument[] = [];
  if (!fs.existsSync(corpusFile)) return { source: 'generated', pages: [...generatedPages()] };
  for await (const page of corpusPages(corpusFile)) if (pages.push(page) >= PAGES) break;
  return { source: path.basename(corpusFile), pages };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Median and p95 over every call, and each call's own median (for the slowest ones). */
async function timeAll(calls: Array<() => Promise<unknown>>): Promise<{ median: number; p95: number; each: number[] }> {
  for (const call of calls) await call(); // warm-up
  const perCall = calls.map(() => [] as number[]);
  for (let r = 0; r < ROUNDS; r++) {
    for (const [i, call] of calls.entries()) {
      const t0 = performance.now();
      await call();
      perCall[i]?.push(performance.now() - t0);
    }
  }
  const times = perCall.flat().sort((a, b) => a - b);
  const each = perCall.map((t) => percentile(t.sort((a, b) => a - b), 50));
  return { median: percentile(times, 50), p95: percentile(times, 95), each };
}

async function run(label: string, h: DbHandle, pages: SearchDocument[]): Promise<void> {
  const index = createSearchIndex(h.db, h.engine);
  const t0 = performance.now();
  for (const page of pages) await index.upsert(page);
  const seconds = (performance.now() - t0) / 1000;
  const hits = await Promise.all(QUERIES.map(async (q) => (await index.search({ q })).total));
  const search = await timeAll(QUERIES.map((q) => () => index.search({ q })));
  const suggest = await timeAll(PREFIXES.map((p) => () => index.suggest(p)));
  const f = (n: number) => n.toFixed(2);
  console.log(`${label}: indexed ${pages.length} pages in ${seconds.toFixed(1)} s (${Math.round(pages.length / seconds)} pages/s)`);
  console.log(`${label}: search  ${QUERIES.length} queries x ${ROUNDS}: median ${f(search.median)} ms, p95 ${f(search.p95)} ms (mean hits ${Math.round(hits.reduce((a, b) => a + b, 0) / hits.length)})`);
  const slowest = QUERIES.map((q, i) => ({ q, ms: search.each[i] ?? 0, hits: hits[i] })).sort((a, b) => b.ms - a.ms).slice(0, 3);
  console.log(`${label}: slowest  ${slowest.map((s) => `${s.q} ${f(s.ms)} ms (${s.hits} hits)`).join(', ')}`);
  console.log(`${label}: suggest ${PREFIXES.length} prefixes x ${ROUNDS}: median ${f(suggest.median)} ms, p95 ${f(suggest.p95)} ms`);
}

const { source, pages } = await loadPages();
const chars = pages.reduce((n, p) => n + p.text.length, 0);
console.log(`pages: ${pages.length} from ${source}, ${Math.round(chars / pages.length)} chars of text on average`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-bench-'));
const sqlite = createDb({ kind: 'sqlite', file: path.join(dir, 'bench.sqlite') });
try {
  await migrateToLatest(sqlite.db);
  await run('sqlite', sqlite, pages);
} finally {
  await sqlite.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
}

if (process.env.DATABASE_URL) {
  const postgres = createDb({ kind: 'postgres', url: process.env.DATABASE_URL });
  try {
    await migrateToLatest(postgres.db);
    await sql`delete from search_title_keys`.execute(postgres.db);
    await sql`delete from search_pages`.execute(postgres.db);
    await run('postgres', postgres, pages);
  } finally {
    await postgres.destroy();
  }
}
