import { expect, it } from 'vitest';
import { describeEachEngine, useTestDatabase } from '../../../test/support/each-engine.ts';
import { reusedStatement } from './reused.ts';

describeEachEngine('reusedStatement', (engine) => {
  const db = useTestDatabase(engine);
  type Row = { title: string; createdAt: number };

  it('runs each batch with its own values, built once per number of rows', async () => {
    let builds = 0;
    const insert = reusedStatement((rows: readonly Row[]) => {
      builds++;
      return db.h.db.insertInto('pages').values(rows.map((r) => ({ namespace: 0, title: r.title, content_model: 'wikitext', created_at: r.createdAt, touched_at: 1 }))).returning(['title', 'created_at']);
    }, (r: Row) => [0, r.title, 'wikitext', r.createdAt, 1]);
    const batch = (from: number, n: number) => Array.from({ length: n }, (_, k) => ({ title: `Page_${from + k}`, createdAt: from + k }));
    expect(await insert(db.h.db, batch(0, 3))).toEqual([0, 1, 2].map((k) => ({ title: `Page_${k}`, created_at: k })));
    expect(await insert(db.h.db, batch(10, 3))).toEqual([10, 11, 12].map((k) => ({ title: `Page_${k}`, created_at: k })));
    expect(await insert(db.h.db, batch(20, 1))).toEqual([{ title: 'Page_20', created_at: 20 }]);
    expect(builds).toBe(2);
    const stored = await db.h.db.selectFrom('pages').select(['title', 'created_at']).orderBy('created_at').execute();
    expect(stored.map((r) => r.title)).toEqual(['Page_0', 'Page_1', 'Page_2', 'Page_10', 'Page_11', 'Page_12', 'Page_20']);
  });

  it('refuses values listed in another order than the statement binds them', async () => {
    const insert = reusedStatement((rows: readonly Row[]) => db.h.db.insertInto('pages').values(rows.map((r) => ({ namespace: 0, title: r.title, content_model: 'wikitext', created_at: r.createdAt, touched_at: 1 }))), (r: Row) => [0, r.createdAt, 'wikitext', r.title, 1]);
    await expect(insert(db.h.db, [{ title: 'Page_x', createdAt: 5 }])).rejects.toThrow(/not those the statement binds/);
    expect(await db.h.db.selectFrom('pages').select('title').where('title', '=', 'Page_x').execute()).toEqual([]);
  });
});
