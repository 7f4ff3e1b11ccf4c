/**
 * The checkpoint thread of checkpoint.ts: its own connection to the database file, checkpointing
 * (PASSIVE) what is committed each time it is asked. Asks that came meanwhile make one more.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { file } = workerData as { file: string };
const db = new Database(file);
let asked = false;
let scheduled = false;

parentPort!.on('message', () => {
  asked = true;
  if (scheduled) return;
  scheduled = true;
  setImmediate(run);
});

function run(): void {
  scheduled = false;
  if (!asked) return;
  asked = false;
  db.pragma('wal_checkpoint(PASSIVE)');
}
