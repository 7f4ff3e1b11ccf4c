import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine, useTestDatabase } from '../../../test/support/each-engine.ts';
import { deferIndexes, restoreIndexes } from './bulk.ts';

describeEachEngine('bulk loads', (engine) => {
  const db = useTestDatabase(engine);

  const indexes = async () => {
    const r = engine === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'index' and name in ('page_links_to', 'template_links_to') order by name`.execute(db.h.db)
      : await sql<{ name: string }>`select indexname as name from pg_indexes where schemaname = current_schema() and indexname in ('page_links_to', 'template_links_to') order by indexname`.execute(db.h.db);
    return r.rows.map((x) => x.name);
  };

  it('drops indexes with a record of each, and builds them again from it', async () => {
    expect(await indexes()).toEqual(['page_links_to', 'template_links_to']);
    expect(await deferIndexes(db.h.db, engine, ['page_links_to', 'template_links_to', 'no_such_index'])).toEqual(['page_links_to', 'template_links_to']);
    expect(await indexes()).toEqual([]);
    expect((await db.h.db.selectFrom('deferred_indexes').select('name').orderBy('name').execute()).map((r) => r.name)).toEqual(['page_links_to', 'template_links_to']);
    // Deferring again (a resumed load) keeps the record.
    expect(await deferIndexes(db.h.db, engine, ['page_links_to'])).toEqual([]);
    expect(await db.h.db.selectFrom('deferred_indexes').select('name').where('name', '=', 'page_links_to').execute()).toHaveLength(1);

    // Rows written meanwhile are in the rebuilt index: a query by target uses it and finds them.
    const p = await db.h.db.insertInto('pages').values({ namespace: 0, title: 'Source_en_vrac', content_model: 'wikitext', created_at: 1, touched_at: 1 }).returning('id').executeTakeFirstOrThrow();
    await db.h.db.insertInto('page_links').values({ from_page_id: p.id, to_namespace: 0, to_title: 'Cible_en_vrac' }).execute();
    expect(await restoreIndexes(db.h.db, engine)).toEqual(['page_links_to', 'template_links_to']);
    expect(await indexes()).toEqual(['page_links_to', 'template_links_to']);
    expect(await db.h.db.selectFrom('deferred_indexes').select('name').execute()).toEqual([]);
    expect(await db.h.db.selectFrom('page_links').select('from_page_id').where('to_namespace', '=', 0).where('to_title', '=', 'Cible_en_vrac').execute()).toEqual([{ from_page_id: p.id }]);
    expect(await restoreIndexes(db.h.db, engine)).toEqual([]);
  });

  it('drops a record whose index exists already (built by someone else) without failing', async () => {
    const ddl = engine === 'sqlite' ? 'CREATE INDEX "page_links_to" on "page_links" ("to_namespace", "to_title")' : 'CREATE INDEX page_links_to ON public.page_links USING btree (to_namespace, to_title)';
    await db.h.db.insertInto('deferred_indexes').values({ name: 'page_links_to', ddl }).execute();
    expect(await restoreIndexes(db.h.db, engine)).toEqual([]);
    expect(await indexes()).toEqual(['page_links_to', 'template_links_to']);
    expect(await db.h.db.selectFrom('deferred_indexes').select('name').execute()).toEqual([]);
  });
});
