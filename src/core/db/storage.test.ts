import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine, useTestDatabase } from '../../../test/support/each-engine.ts';
import { clearRateLimit, hitRateLimit } from '../rate-limit.ts';
import { getOrInitSetting, getSetting, setSetting } from '../settings.ts';
import { migrationsPending, migrator } from './migrate.ts';

describeEachEngine('storage', (engine) => {
  const db = useTestDatabase(engine);

  it('has every migration applied and can roll back and forth', async () => {
    expect(await migrationsPending(db.h.db)).toBe(0);
    const down = await migrator(db.h.db).migrateDown();
    expect(down.error).toBeUndefined();
    expect(await migrationsPending(db.h.db)).toBe(1);
    const up = await migrator(db.h.db).migrateToLatest();
    expect(up.error).toBeUndefined();
    expect(await migrationsPending(db.h.db)).toBe(0);
  });

  it('keeps links rows keyed by their source page, with the cascade and the reverse index', async () => {
    if (engine === 'sqlite') {
      // Stored in key order, the reverse index holding the source page (migration links_without_rowid).
      const { rows } = await sql<{ name: string; wr: number }>`select name, wr from pragma_table_list where name in ('page_links', 'template_links') order by name`.execute(db.h.db);
      expect(rows).toEqual([{ name: 'page_links', wr: 1 }, { name: 'template_links', wr: 1 }]);
    }
    const p = await db.h.db.insertInto('pages').values({ namespace: 0, title: 'Lien_source', content_model: 'wikitext', created_at: 1, touched_at: 1 }).returning('id').executeTakeFirstOrThrow();
    await db.h.db.insertInto('page_links').values([{ from_page_id: p.id, to_namespace: 0, to_title: 'Cible' }, { from_page_id: p.id, to_namespace: 10, to_title: 'Cible' }]).execute();
    await expect(db.h.db.insertInto('page_links').values({ from_page_id: p.id, to_namespace: 0, to_title: 'Cible' }).execute()).rejects.toThrow();
    expect(await db.h.db.selectFrom('page_links').select('from_page_id').where('to_namespace', '=', 0).where('to_title', '=', 'Cible').execute()).toEqual([{ from_page_id: p.id }]);
    await db.h.db.deleteFrom('pages').where('id', '=', p.id).execute();
    expect(await db.h.db.selectFrom('page_links').select('to_title').where('from_page_id', '=', p.id).execute()).toEqual([]);
  });

  it('enforces foreign keys and unique emails', async () => {
    await expect(db.h.db.insertInto('sessions').values({ id: 'x', user_id: 424242, created_at: 0, expires_at: 1, last_seen_at: 0, user_agent: null }).execute()).rejects.toThrow();
    const user = { email: 'u@example.ca', name: 'U', password_hash: null, role: 'agent', locale: null, created_at: 1 };
    await db.h.db.insertInto('users').values(user).execute();
    await expect(db.h.db.insertInto('users').values(user).execute()).rejects.toThrow();
  });

  it('cascades session deletion with the user', async () => {
    const u = await db.h.db.insertInto('users').values({ email: 'c@example.ca', name: 'C', password_hash: null, role: 'agent', locale: null, created_at: 1 }).returning('id').executeTakeFirstOrThrow();
    await db.h.db.insertInto('sessions').values({ id: 'sess-c', user_id: u.id, created_at: 0, expires_at: 1, last_seen_at: 0, user_agent: null }).execute();
    await db.h.db.deleteFrom('users').where('id', '=', u.id).execute();
    expect(await db.h.db.selectFrom('sessions').select('id').where('id', '=', 'sess-c').executeTakeFirst()).toBeUndefined();
  });

  it('stores epoch milliseconds as numbers on both engines', async () => {
    const at = Date.UTC(2026, 10, 21, 14, 30, 15, 123);
    await db.h.db.insertInto('users').values({ email: 't@example.ca', name: 'T', password_hash: null, role: 'agent', locale: null, created_at: at }).execute();
    const row = await db.h.db.selectFrom('users').select('created_at').where('email', '=', 't@example.ca').executeTakeFirstOrThrow();
    expect(row.created_at).toBe(at);
    expect(typeof row.created_at).toBe('number');
  });

  it('reads, writes and initialises settings once', async () => {
    expect(await getSetting(db.h.db, 'k')).toBeUndefined();
    await setSetting(db.h.db, 'k', 'one');
    await setSetting(db.h.db, 'k', 'two');
    expect(await getSetting(db.h.db, 'k')).toBe('two');
    const first = await getOrInitSetting(db.h.db, 'secret', () => 'a');
    const second = await getOrInitSetting(db.h.db, 'secret', () => 'b');
    expect([first, second]).toEqual(['a', 'a']);
  });

  it('counts rate-limit hits atomically in fixed windows', async () => {
    const now = 1_000_000;
    const results = await Promise.all(Array.from({ length: 8 }, () => hitRateLimit(db.h.db, 'k1', 5, 60_000, now)));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    expect((await hitRateLimit(db.h.db, 'k1', 5, 60_000, now + 30_000)).retryAfterMs).toBe(30_000);
    expect((await hitRateLimit(db.h.db, 'k1', 5, 60_000, now + 60_000)).allowed).toBe(true);
    await clearRateLimit(db.h.db, 'k1');
    expect((await hitRateLimit(db.h.db, 'k1', 1, 60_000, now)).allowed).toBe(true);
  });
});
