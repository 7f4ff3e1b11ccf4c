import fs from 'node:fs';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine, useTestDatabase } from '../../../test/support/each-engine.ts';
import { backgroundCheckpoints } from './checkpoint.ts';

describeEachEngine('background checkpoints', (engine) => {
  const db = useTestDatabase(engine);

  it('copy committed transactions into the database from another thread, the connection not checkpointing meanwhile', async () => {
    const autocheckpoint = async () => (await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db.h.db)).rows[0]!.wal_autocheckpoint;
    const checkpoints = await backgroundCheckpoints(db.h.db, engine);
    if (engine === 'postgres') {
      expect(checkpoints).toBeUndefined();
      return;
    }
    const file = (await sql<{ name: string; file: string }>`pragma database_list`.execute(db.h.db)).rows.find((r) => r.name === 'main')!.file;
    expect(await autocheckpoint()).toBe(0);
    const size = () => fs.statSync(file).size;
    const before = size();
    // About 8 MB in the WAL: twice the connection's own threshold, which is off.
    const text = 'é'.repeat(4000);
    await db.h.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 1000; i++) await trx.insertInto('settings').values({ key: `checkpoint.${i}`, value: text }).execute();
    });
    expect(size()).toBe(before);
    checkpoints!.nudge();
    const deadline = Date.now() + 10_000;
    // The copy takes a moment: the file grows as it goes.
    while (size() < before + 4_000_000 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(size()).toBeGreaterThan(before + 4_000_000);
    await checkpoints!.close();
    expect(await autocheckpoint()).toBe(10_000);
    expect(await db.h.db.selectFrom('settings').select((eb) => eb.fn.countAll<number>().as('n')).where('key', 'like', 'checkpoint.%').executeTakeFirstOrThrow()).toEqual({ n: 1000 });
  });
});
