import type { Kysely, Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from './clock.ts';
import type { Database, Db } from './db/index.ts';

/**
 * The outbox. A change writes its side effects as events in the same transaction; after commit
 * they are processed (search index, invalidation, notifications). Any instance may process any
 * event: a claim is one conditional UPDATE, and a claim older than CLAIM_TTL is taken over, so
 * an instance that dies mid-way does not lose work. Nothing is fire-and-forget.
 */
export type Executor = Kysely<Database> | Transaction<Database>;

export interface DomainEvent<T = unknown> {
  id: number;
  type: string;
  payload: T;
  createdAt: number;
}

export type EventHandler = (event: DomainEvent) => Promise<void>;

const CLAIM_TTL_MS = 60_000;
const MAX_ATTEMPTS = 5;

export async function emit(db: Executor, type: string, payload: unknown, now: number): Promise<void> {
  await db.insertInto('events').values({ type, payload: JSON.stringify(payload), created_at: now, claimed_at: null, processed_at: null, last_error: null }).execute();
}

export interface EventBus {
  /** Processes pending events until none is left; returns how many were handled. */
  drain(): Promise<number>;
  /** Polls in the background (for events left by another instance or a crash). */
  start(intervalMs?: number): void;
  stop(): void;
}

export function createEventBus(db: Db, handlers: Record<string, EventHandler[]>, clock: Clock, log?: Pick<Logger, 'warn'>): EventBus {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  async function claimNext(): Promise<DomainEvent | undefined> {
    for (;;) {
      const now = clock.now();
      const row = await db
        .selectFrom('events')
        .selectAll()
        .where('processed_at', 'is', null)
        .where('attempts', '<', MAX_ATTEMPTS)
        .where((eb) => eb.or([eb('claimed_at', 'is', null), eb('claimed_at', '<', now - CLAIM_TTL_MS)]))
        .orderBy('id')
        .limit(1)
        .executeTakeFirst();
      if (!row) return undefined;
      const claimed = await db
        .updateTable('events')
        .set({ claimed_at: now, attempts: row.attempts + 1 })
        .where('id', '=', row.id)
        .where('attempts', '=', row.attempts)
        .where('processed_at', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 1) {
        return { id: row.id, type: row.type, payload: JSON.parse(row.payload) as unknown, createdAt: row.created_at };
      }
    }
  }

  async function drainOnce(): Promise<number> {
    let handled = 0;
    for (let event = await claimNext(); event; event = await claimNext()) {
      try {
        for (const handler of handlers[event.type] ?? []) await handler(event);
        await db.updateTable('events').set({ processed_at: clock.now(), last_error: null }).where('id', '=', event.id).execute();
        handled++;
      } catch (err) {
        log?.warn({ err, event: event.type, id: event.id }, 'event handler failed; will retry');
        await db.updateTable('events').set({ claimed_at: null, last_error: String(err).slice(0, 500) }).where('id', '=', event.id).execute();
      }
    }
    return handled;
  }

  return {
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
