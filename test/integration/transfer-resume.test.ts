import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../../src/core/db/index.ts';
import { createTestDatabase, type TestDatabase } from '../support/engines.ts';
import { readXml, scanDump } from '../support/dump.ts';
import { describeEachEngine } from '../support/each-engine.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const CORPUS_1K = '/work/shared/data/corpus/corpus-fr-1000.xml.gz';
const PAGES = 250;

/** The first PAGES pages of the 1k corpus, as a dump of its own. */
function subsetDump(file: string): string {
  const xml = readXml(CORPUS_1K);
  let end = 0;
  for (let i = 0; i < PAGES; i++) end = xml.indexOf('</page>', end) + '</page>'.length;
  fs.writeFileSync(file, `${xml.slice(0, end)}\n</mediawiki>\n`);
  return fs.readFileSync(file, 'utf8');
}

describeEachEngine('transfer: an import killed mid-way resumes without duplicates', (engine) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-resume-'));
  const dump = path.join(dir, 'subset.xml');
  let testDb: TestDatabase | undefined;
  let db: DbHandle;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    env = { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'warn', NODE_ENV: 'production', LANG: 'fr_CA.UTF-8' };
    delete env.DATABASE_URL;
    if (engine === 'postgres') {
      testDb = await createTestDatabase('postgres');
      env.DATABASE_URL = (testDb.database as { url: string }).url;
      db = testDb.open();
    } else {
      expect(spawnSync(TSX, ['src/cli/main.ts', 'migrate'], { cwd: ROOT, env, encoding: 'utf8' }).status).toBe(0);
      db = createDb({ kind: 'sqlite', file: path.join(dir, 'maillage.sqlite') });
    }
  });
  afterAll(async () => {
    await db.destroy();
    await testDb?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('SIGKILL during the load, then the same command again: every revision once, every page indexed', { timeout: 240_000 }, async () => {
    const pages = scanDump(subsetDump(dump));
    const revisions = pages.flatMap((p) => p.revisions);
    const count = async () => Number((await db.db.selectFrom('revisions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    // Node itself (not the tsx launcher, which would leave its child running when killed).
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'import', dump, '--batch', '10'], { cwd: ROOT, env, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    for (let i = 0; i < 3000 && child.exitCode === null; i++) {
      if ((await count()) > 0) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGKILL');
    await exited;
    const partial = await count();
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(revisions.length);
    const job = await db.db.selectFrom('transfer_imports').select(['status', 'phase']).executeTakeFirstOrThrow();
    expect(job).toEqual({ status: 'running', phase: 'load' });

    if (engine === 'sqlite') await db.destroy();
    const rerun = spawnSync(TSX, ['src/cli/main.ts', 'import', dump], { cwd: ROOT, env, encoding: 'utf8', timeout: 200_000 });
    expect(rerun.status, rerun.stderr).toBe(0);
    if (engine === 'sqlite') db = createDb({ kind: 'sqlite', file: path.join(dir, 'maillage.sqlite') });
    expect(rerun.stderr).toContain(`Importation terminée : ${PAGES} pages, ${revisions.length - partial} révisions ajoutées, ${partial} déjà présentes`.replace(/ : /, '\u00A0: '));

    expect(await count()).toBe(revisions.length);
    const mapped = await db.db.selectFrom('transfer_revisions').select(['source_rev_id', 'rev_id']).execute();
    expect(mapped).toHaveLength(revisions.length);
    expect(new Set(mapped.map((r) => Number(r.source_rev_id)))).toEqual(new Set(revisions.map((r) => r.id)));
    expect(new Set(mapped.map((r) => r.rev_id)).size).toBe(revisions.length);
    const livePages = await db.db.selectFrom('pages').select(['id', 'latest_rev_id']).execute();
    expect(livePages).toHaveLength(PAGES);
    // Every page indexed (links tables, search) at its latest revision, once.
    const indexed = await db.db.selectFrom('transfer_import_pages').select(['page_id', 'indexed_rev_id']).where('indexed_rev_id', 'is not', null).execute();
    expect(indexed).toHaveLength(PAGES);
    expect(new Map(indexed.map((r) => [r.page_id, r.indexed_rev_id]))).toEqual(new Map(livePages.map((p) => [p.id, p.latest_rev_id])));
    expect(Number((await db.db.selectFrom('search_pages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBeGreaterThan(0);
    // The import log: both runs logged what they added, so each page's entries add up to its revisions, none twice.
    const logs = await db.db.selectFrom('logs').select(['page_id', 'params']).where('type', '=', 'import').execute();
    const logged = new Map<number, number>();
    for (const l of logs) {
      const n = Number((JSON.parse(l.params) as { revisions: number }).revisions);
      expect(n).toBeGreaterThan(0);
      logged.set(l.page_id!, (logged.get(l.page_id!) ?? 0) + n);
    }
    const perPage = new Map<number, number>();
    for (const r of await db.db.selectFrom('revisions').select('page_id').execute()) perPage.set(r.page_id, (perPage.get(r.page_id) ?? 0) + 1);
    expect(logged).toEqual(perPage);
    expect(logs.length).toBeLessThanOrEqual(PAGES + 1);
    // Histories are whole: each page's revisions chain from the first to the latest.
    const revs = await db.db.selectFrom('revisions').select(['id', 'page_id', 'parent_id']).orderBy('id').execute();
    for (const p of livePages) {
      const chain = revs.filter((r) => r.page_id === p.id);
      expect(chain[0]!.parent_id).toBeNull();
      for (let i = 1; i < chain.length; i++) expect(chain[i]!.parent_id).toBe(chain[i - 1]!.id);
    }
  });

  it('SIGKILL while a large import indexes: the indexes it set aside come back at the next start', { timeout: 240_000 }, async () => {
    // A fresh database: the 1k corpus into an empty wiki is a bulk load (links tables' reverse indexes built at the end).
    for (const t of ['transfer_import_pages', 'transfer_revisions', 'transfer_imports', 'search_title_keys', 'search_pages', 'page_links', 'template_links', 'category_links', 'recent_changes', 'logs', 'revisions', 'pages'] as const) await db.db.deleteFrom(t).execute();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'import', CORPUS_1K], { cwd: ROOT, env, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deferred = async () => (await db.db.selectFrom('deferred_indexes').select('name').orderBy('name').execute()).map((r) => r.name);
    let seen: string[] = [];
    for (let i = 0; i < 20_000 && child.exitCode === null; i++) {
      const job = await db.db.selectFrom('transfer_imports').select(['phase', 'pages_rendered']).executeTakeFirst();
      if (job?.phase === 'render' && Number(job.pages_rendered) > 0) {
        seen = await deferred();
        break;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGKILL');
    await exited;
    expect(seen).toEqual(['category_links_cat', 'page_links_to', 'search_title_keys_key', 'template_links_to']);

    if (engine === 'sqlite') await db.destroy();
    expect(spawnSync(TSX, ['src/cli/main.ts', 'migrate'], { cwd: ROOT, env, encoding: 'utf8' }).status).toBe(0);
    if (engine === 'sqlite') db = createDb({ kind: 'sqlite', file: path.join(dir, 'maillage.sqlite') });
    expect(await deferred()).toEqual([]);
    const names = engine === 'sqlite'
      ? (await sql<{ name: string }>`select name from sqlite_master where type = 'index'`.execute(db.db)).rows.map((r) => r.name)
      : (await sql<{ name: string }>`select indexname as name from pg_indexes where schemaname = current_schema()`.execute(db.db)).rows.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['category_links_cat', 'page_links_to', 'search_title_keys_key', 'template_links_to']));
  });
});
