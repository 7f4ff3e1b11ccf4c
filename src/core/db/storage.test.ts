import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/each-engine.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/engines.ts';
import { clearRateLimit, hitRateLimit } from '../rate-limit.ts';
import { getOrInitSetting, getSetting, setSetting } from '../settings.ts';
import type { DbHandle } from './index.ts';
import { migrationsPending, migrator } from './migrate.ts';

describeEachEngine('storage', (engine) => {
  let tdb: TestDatabase;
  let h: DbHandle;
  beforeAll(async () => {
    tdb = await createTestDatabase(engine);
    h = tdb.open();
  });
  afterAll(async () => {
    await h.destroy();
    await tdb.drop();
  });

  it('has every migration applied and can roll back and forth', async () => {
    expect(await migrationsPending(h.db)).toBe(0);
    const down = await migrator(h.db).migrateDown();
    expect(down.error).toBeUndefined();
    expect(await migrationsPending(h.db)).toBe(1);
    const up = await migrator(h.db).migrateToLatest();
    expect(up.error).toBeUndefined();
    expect(await migrationsPending(h.db)).toBe(0);
  });

  it('keeps links rows keyed by their source page, with the cascade and the reverse index', async () => {
    if (engine === 'sqlite') {
      // Stored in key order, the reverse index holding the source page (migration links_without_rowid).
      const { rows } = await sql<{ name: string; wr: number }>`select name, wr from pragma_table_list where name in ('page_links', 'template_links') order by name`.execute(h.db);
      expect(rows).toEqual([{ name: 'page_links', wr: 1 }, { name: 'template_links', wr: 1 }]);
    }
    const p = await h.db.insertInto('pages').values({ namespace: 0, title: 'Lien_source', content_model: 'wikitext', created_at: 1, touched_at: 1 }).returning('id').executeTakeFirstOrThrow();
    await h.db.insertInto('page_links').values([{ from_page_id: p.id, to_namespace: 0, to_title: 'Cible' }, { from_page_id: p.id, to_namespace: 10, to_title: 'Cible' }]).execute();
    await expect(h.db.insertInto('page_links').values({ from_page_id: p.id, to_namespace: 0, to_title: 'Cible' }).execute()).rejects.toThrow();
    expect(await h.db.selectFrom('page_links').select('from_page_id').where('to_namespace', '=', 0).where('to_title', '=', 'Cible').execute()).toEqual([{ from_page_id: p.id }]);
    await h.db.deleteFrom('pages').where('id', '=', p.id).execute();
    expect(await h.db.selectFrom('page_links').select('to_title').where('from_page_id', '=', p.id).execute()).toEqual([]);
  });

  it('enforces foreign keys and unique emails', async () => {
    await expect(h.db.insertInto('sessions').values({ id: 'x', user_id: 424242, created_at: 0, expires_at: 1, last_seen_at: 0, user_agent: null }).execute()).rejects.toThrow();
    const user = { email: 'u@example.ca', name: 'U', password_hash: null, role: 'agent', locale: null, created_at: 1 };
    await h.db.insertInto('users').values(user).execute();
    await expect(h.db.insertInto('users').values(user).execute()).rejects.toThrow();
  });

  it('cascades session deletion with the user', async () => {
    const u = await h.db.insertInto('users').values({ email: 'c@example.ca', name: 'C', password_hash: null, role: 'agent', locale: null, created_at: 1 }).returning('id').executeTakeFirstOrThrow();
    await h.db.insertInto('sessions').values({ id: 'sess-c', user_id: u.id, created_at: 0, expires_at: 1, last_seen_at: 0, user_agent: null }).execute();
    await h.db.deleteFrom('users').where('id', '=', u.id).execute();
    expect(await h.db.selectFrom('sessions').select('id').where('id', '=', 'sess-c').executeTakeFirst()).toBeUndefined();
  });

  it('stores epoch milliseconds as numbers on both engines', async () => {
    const at = Date.UTC(2026, 10, 21, 14, 30, 15, 123);
    await h.db.insertInto('users').values({ email: 't@example.ca', name: 'T', password_hash: null, role: 'agent', locale: null, created_at: at }).execute();
    const row = await h.db.selectFrom('users').select('created_at').where('email', '=', 't@example.ca').executeTakeFirstOrThrow();
    expect(row.created_at).toBe(at);
    expect(typeof row.created_at).toBe('number');
  });

  it('reads, writes and initialises settings once', async () => {
    expect(await getSetting(h.db, 'k')).toBeUndefined();
    await setSetting(h.db, 'k', 'one');
    await setSetting(h.db, 'k', 'two');
    expect(await getSetting(h.db, 'k')).toBe('two');
    const first = await getOrInitSetting(h.db, 'secret', () => 'a');
    const second = await getOrInitSetting(h.db, 'secret', () => 'b');
    expect([first, second]).toEqual(['a', 'a']);
  });

  it('counts rate-limit hits atomically in fixed windows', async () => {
    const now = 1_000_000;
    const results = await Promise.all(Array.from({ length: 8 }, () => hitRateLimit(h.db, 'k1', 5, 60_000, now)));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    expect((await hitRateLimit(h.db, 'k1', 5, 60_000, now + 30_000)).retryAfterMs).toBe(30_000);
    expect((await hitRateLimit(h.db, 'k1', 5, 60_000, now + 60_000)).allowed).toBe(true);
    await clearRateLimit(h.db, 'k1');
    expect((await hitRateLimit(h.db, 'k1', 1, 60_000, now)).allowed).toBe(true);
  });
});
