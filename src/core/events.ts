import { sql, type Kysely, type Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from './clock.ts';
import type { Database, Db } from './db/index.ts';

/**
 * The outbox. A change writes its side effects as events in the same transaction; after commit
 * they are processed (search index, invalidation, notifications). Any instance may process any
 * event. Each event is processed in one transaction: claimed by its first statement (an UPDATE,
 * so SQLite takes the write lock at once; `for update skip locked` on PostgreSQL, so instances
 * do not wait on each other), handled, marked done. A crash rolls it all back and the event is
 * processed again; nothing is fire-and-forget, nothing is half-applied.
 */
export type Executor = Kysely<Database> | Transaction<Database>;

export interface DomainEvent<T = unknown> {
  id: number;
  type: string;
  payload: T;
  createdAt: number;
}

/**
 * Handles an event inside the event's transaction: every read and write goes through `db`.
 * (With SQLite, using another handle here would wait for this transaction forever.)
 */
export type EventHandler = (event: DomainEvent, db: Executor) => Promise<void>;

const MAX_ATTEMPTS = 5;

type EventRow = { id: number; type: string; payload: string; created_at: number };

/** Writes an event in the caller's transaction; returns its id (for `EventBus.handleNow`). */
export async function emit(db: Executor, type: string, payload: unknown, now: number): Promise<number> {
  const row = await db.insertInto('events').values({ type, payload: JSON.stringify(payload), created_at: now, claimed_at: null, processed_at: null, last_error: null }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export interface EventBus {
  /** Processes pending events until none is left; returns how many were handled. */
  drain(): Promise<number>;
  /**
   * Handles events the caller's transaction just emitted, inside that transaction, before it
   * commits: one commit for a change and its side effects instead of two. Each event runs in a
   * savepoint; a failing handler is rolled back to it and its event stays pending (with one
   * attempt counted) for `drain`, so the change itself still commits. Nobody else can see the
   * event before the commit, so it is never handled twice.
   */
  handleNow(trx: Transaction<Database>, ids: readonly number[]): Promise<{ left: number }>;
  /** Polls in the background (for events left by another instance or a crash). */
  start(intervalMs?: number): void;
  stop(): void;
}

export function createEventBus(db: Db, handlers: Record<string, EventHandler[]>, clock: Clock, log?: Pick<Logger, 'warn'>, engine: 'sqlite' | 'postgres' = 'sqlite'): EventBus {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  const lock = engine === 'postgres' ? sql` for update skip locked` : sql``;

  /** Claims, handles and completes the oldest pending event. */
  async function processNext(): Promise<'none' | 'done' | 'failed'> {
    let failed: { id: number; err: unknown; type: string } | undefined;
    let found = false;
    try {
      await db.transaction().execute(async (trx) => {
        const now = clock.now();
        const { rows } = await sql<EventRow>`update events set claimed_at = ${now}
          where id = (select id from events where processed_at is null and attempts < ${MAX_ATTEMPTS} order by id limit 1${lock})
          returning id, type, payload, created_at`.execute(trx);
        const row = rows[0];
        if (!row) return;
        found = true;
        const event: DomainEvent = { id: row.id, type: row.type, payload: JSON.parse(row.payload) as unknown, createdAt: Number(row.created_at) };
        try {
          for (const handler of handlers[event.type] ?? []) await handler(event, trx);
        } catch (err) {
          failed = { id: event.id, err, type: event.type };
          throw err;
        }
        await trx.updateTable('events').set({ processed_at: clock.now(), last_error: null }).where('id', '=', event.id).execute();
      });
    } catch (err) {
      if (!failed) throw err;
      // The handler's work was rolled back; count the attempt so a failing event does not block forever.
      log?.warn({ err: failed.err, event: failed.type, id: failed.id }, 'event handler failed; will retry');
      await db
        .updateTable('events')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), claimed_at: null, last_error: String(failed!.err).slice(0, 500) }))
        .where('id', '=', failed.id)
        .execute();
      return 'failed';
    }
    return found ? 'done' : 'none';
  }

  /** Whether an event waits, by a plain read: cheaper than a claim (a write transaction) that finds nothing. */
  async function pending(): Promise<boolean> {
    const row = await db.selectFrom('events').select('id').where('processed_at', 'is', null).where('attempts', '<', MAX_ATTEMPTS).limit(1).executeTakeFirst();
    return row !== undefined;
  }

  async function drainOnce(): Promise<number> {
    let handled = 0;
    // A failed event stays pending with one more attempt, and is left alone after MAX_ATTEMPTS.
    while (await pending()) {
      const r = await processNext();
      if (r === 'none') break;
      if (r === 'done') handled++;
    }
    return handled;
  }

  async function handleNow(trx: Transaction<Database>, ids: readonly number[]): Promise<{ left: number }> {
    let left = 0;
    for (const id of ids) {
      const row = await trx.selectFrom('events').select(['id', 'type', 'payload', 'created_at']).where('id', '=', id).where('processed_at', 'is', null).executeTakeFirst();
      if (!row) continue;
      const event: DomainEvent = { id: row.id, type: row.type, payload: JSON.parse(row.payload) as unknown, createdAt: Number(row.created_at) };
      await sql`savepoint outbox_event`.execute(trx);
      try {
        for (const handler of handlers[event.type] ?? []) await handler(event, trx);
        await trx.updateTable('events').set({ processed_at: clock.now(), claimed_at: clock.now(), last_error: null }).where('id', '=', event.id).execute();
        await sql`release savepoint outbox_event`.execute(trx);
      } catch (err) {
        await sql`rollback to savepoint outbox_event`.execute(trx);
        await sql`release savepoint outbox_event`.execute(trx);
        log?.warn({ err, event: event.type, id: event.id }, 'event handler failed; left for the drain');
        await trx.updateTable('events').set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: String(err).slice(0, 500) })).where('id', '=', event.id).execute();
        left++;
      }
    }
    return { left };
  }

  return {
    handleNow,
    drain() {
      // One drain at a time per instance; callers wait for the one running, then run again.
      const next = (running ?? Promise.resolve(0)).catch(() => 0).then(() => drainOnce());
      running = next;
      next.then(
        () => { if (running === next) running = undefined; },
        () => { if (running === next) running = undefined; },
      );
      return next;
    },
    start(intervalMs = 2000) {
      timer ??= setInterval(() => void this.drain().catch((err) => log?.warn({ err }, 'event drain failed')), intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
