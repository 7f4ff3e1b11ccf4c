import { sql, type Kysely } from 'kysely';
import { startWorker } from '../worker-module.ts';
import type { Database } from './schema.ts';

export interface Checkpointer {
  /** Asks for a checkpoint of what is committed (call it after each transaction). */
  nudge(): void;
  /** Stops the thread; the connection checkpoints by itself again. */
  close(): Promise<void>;
}

/**
 * A bulk load's SQLite WAL checkpoints, in a thread of their own. The writing connection
 * checkpoints by itself once its WAL passes wal_autocheckpoint (10,000 pages), and its writes
 * wait meanwhile: on the 10k corpus each took about 150 ms, three of them in the load phase,
 * where the main thread's writes set the pace. Here its automatic checkpoints are turned off and
 * another connection, in a worker thread (checkpoint-worker.ts), copies each committed
 * transaction into the database while the next is written; PASSIVE checkpoints never block
 * writers or readers. Undefined for PostgreSQL or an in-memory database.
 */
export async function backgroundCheckpoints(db: Kysely<Database>, engine: 'sqlite' | 'postgres'): Promise<Checkpointer | undefined> {
  if (engine !== 'sqlite') return undefined;
  const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(db);
  const file = rows.find((r) => r.name === 'main')?.file;
  if (!file) return undefined;
  const setting = (await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db)).rows[0]?.wal_autocheckpoint ?? 1000;
  const worker = startWorker(import.meta.url, './checkpoint-worker.ts', 'checkpoint-worker.mjs', { workerData: { file } });
  // A thread that cannot start (or dies) leaves the checkpoints to the connection again.
  let alive = true;
  const restore = async () => {
    if (!alive) return;
    alive = false;
    await sql.raw(`pragma wal_autocheckpoint = ${Number(setting)}`).execute(db);
  };
  worker.on('error', () => void restore().catch(() => undefined));
  worker.unref();
  await sql`pragma wal_autocheckpoint = 0`.execute(db);
  return {
    nudge: () => { if (alive) worker.postMessage('checkpoint'); },
    async close() {
      await worker.terminate();
      await restore();
    },
  };
}
