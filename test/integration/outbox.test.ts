import { afterEach, beforeEach, expect, it } from 'vitest';
import { manualClock } from '../../src/core/clock.ts';
import type { DbHandle } from '../../src/core/db/index.ts';
import { createEventBus, emit, type EventHandler } from '../../src/core/events.ts';
import { describeEachEngine } from '../support/each-engine.ts';
import { createTestDatabase, type TestDatabase } from '../support/engines.ts';

/** The outbox: each event is handled in one transaction with its completion mark. */
describeEachEngine('outbox', (engine) => {
  let tdb: TestDatabase;
  let h: DbHandle;
  const clock = manualClock(1_000_000);

  beforeEach(async () => {
    tdb = await createTestDatabase(engine);
    h = tdb.open();
  });
  afterEach(async () => {
    await h.destroy();
    await tdb.drop();
  });

  const settingsOf = async () => (await h.db.selectFrom('settings').select(['key', 'value']).where('key', 'like', 'outbox-test%').orderBy('key').execute()).map((r) => `${r.key}=${r.value}`);
  const write = (key: string): EventHandler => async (_e, db) => {
    await db.insertInto('settings').values({ key, value: 'x' }).execute();
  };

  it('processes events in order, each handler writing through the event transaction', async () => {
    const seen: number[] = [];
    const bus = createEventBus(h.db, { 'test.a': [async (e, db) => { seen.push((e.payload as { n: number }).n); await write(`outbox-test-${(e.payload as { n: number }).n}`)(e, db); }] }, clock, undefined, engine);
    for (const n of [1, 2, 3]) await emit(h.db, 'test.a', { n }, clock.now());
    expect(await bus.drain()).toBe(3);
    expect(seen).toEqual([1, 2, 3]);
    expect(await settingsOf()).toEqual(['outbox-test-1=x', 'outbox-test-2=x', 'outbox-test-3=x']);
    const pending = await h.db.selectFrom('events').select('id').where('processed_at', 'is', null).execute();
    expect(pending).toEqual([]);
    expect(await bus.drain()).toBe(0);
  });

  it('handles a transaction\'s own events before it commits, and leaves a failing one to the drain without losing the change', async () => {
    let fail = true;
    const bus = createEventBus(h.db, {
      'test.ok': [write('outbox-test-ok')],
      'test.flaky': [async (e, db) => {
        await write('outbox-test-flaky-partial')(e, db);
        if (fail) throw new Error('not yet');
        await write('outbox-test-flaky')(e, db);
      }],
    }, clock, { warn: () => {} }, engine);
    await h.db.transaction().execute(async (trx) => {
      await trx.insertInto('settings').values({ key: 'outbox-test-change', value: 'x' }).execute();
      expect(await bus.handleNow(trx, [await emit(trx, 'test.ok', {}, clock.now()), await emit(trx, 'test.flaky', {}, clock.now())])).toEqual({ left: 1 });
    });
    // The change and the first event's effect committed together; the failing handler's write was rolled back to its savepoint.
    expect(await settingsOf()).toEqual(['outbox-test-change=x', 'outbox-test-ok=x']);
    const rows = await h.db.selectFrom('events').select(['type', 'attempts', 'processed_at']).orderBy('id').execute();
    expect(rows.map((r) => [r.type, r.attempts, r.processed_at !== null])).toEqual([['test.ok', 0, true], ['test.flaky', 1, false]]);
    fail = false;
    expect(await bus.drain()).toBe(1);
    expect(await settingsOf()).toEqual(['outbox-test-change=x', 'outbox-test-flaky=x', 'outbox-test-flaky-partial=x', 'outbox-test-ok=x']);
    expect(await bus.drain()).toBe(0);
  });

  it('rolls back the writes of a failing handler, counts the attempt and gives up after five', async () => {
    let calls = 0;
    const failing: EventHandler = async (e, db) => {
      calls++;
      await write('outbox-test-partial')(e, db);
      throw new Error('boom');
    };
    const bus = createEventBus(h.db, { 'test.b': [failing] }, clock, { warn: () => {} }, engine);
    await emit(h.db, 'test.b', {}, clock.now());
    expect(await bus.drain()).toBe(0);
    expect(calls).toBe(5);
    expect(await settingsOf()).toEqual([]);
    const row = await h.db.selectFrom('events').select(['attempts', 'processed_at', 'last_error']).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ attempts: 5, processed_at: null });
    expect(row.last_error).toContain('boom');
  });

  it('retries an event whose handler failed once, then completes it exactly once', async () => {
    let calls = 0;
    const flaky: EventHandler = async (e, db) => {
      calls++;
      await write(`outbox-test-${calls}`)(e, db);
      if (calls === 1) throw new Error('transient');
    };
    const bus = createEventBus(h.db, { 'test.c': [flaky] }, clock, { warn: () => {} }, engine);
    await emit(h.db, 'test.c', {}, clock.now());
    expect(await bus.drain()).toBe(1);
    expect(await settingsOf()).toEqual(['outbox-test-2=x']);
  });
});
