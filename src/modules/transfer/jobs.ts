import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '../../core/actor.ts';
import type { Db } from '../../core/db/index.ts';
import type { TransferImportsTable } from '../../core/db/schema.ts';
import type { Selectable } from 'kysely';
import { runImport } from './import/importer.ts';
import { TransferError, type TransferDeps } from './types.ts';

export type ImportJob = Selectable<TransferImportsTable>;

/** A running job whose instance stopped updating it for this long is taken over. */
const CLAIM_TTL_MS = 60_000;
/** `claimed_by` of imports run by `maillage import` in its own process. */
export const CLI_INSTANCE = 'cli';

export async function createImportJob(db: Db, o: { filePath: string; fileName: string; filesDir?: string | null; userId: number | null; userName: string; now: number; status: 'queued' | 'running'; claimedBy?: string }): Promise<number> {
  const size = fs.existsSync(o.filePath) ? fs.statSync(o.filePath).size : 0;
  const row = await db.insertInto('transfer_imports').values({
    status: o.status, file_path: o.filePath, file_name: o.fileName, file_bytes: size, files_dir: o.filesDir ?? null, source: null,
    user_id: o.userId, user_name: o.userName, created_at: o.now, updated_at: o.now, claimed_at: o.status === 'running' ? o.now : null,
    claimed_by: o.claimedBy ?? null, finished_at: null, error_key: null, error_params: null,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function getImportJob(db: Db, id: number): Promise<ImportJob | undefined> {
  return db.selectFrom('transfer_imports').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listImportJobs(db: Db, limit = 20): Promise<ImportJob[]> {
  return db.selectFrom('transfer_imports').selectAll().orderBy('id', 'desc').limit(limit).execute();
}

/**
 * Claims the oldest queued job, or a running one whose instance stopped reporting (crash,
 * restart). One conditional UPDATE: of several instances sharing a database, one wins.
 */
export async function claimImportJob(db: Db, instance: string, now: number): Promise<ImportJob | undefined> {
  for (;;) {
    const job = await db.selectFrom('transfer_imports').selectAll()
      // The CLI's own imports are resumed by running the command again, not by a server.
      .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb('claimed_at', '<', now - CLAIM_TTL_MS), eb('claimed_by', '!=', CLI_INSTANCE)])]))
      .orderBy('id').limit(1).executeTakeFirst();
    if (!job) return undefined;
    const r = await db.updateTable('transfer_imports').set({ status: 'running', claimed_at: now, claimed_by: instance, updated_at: now })
      .where('id', '=', job.id).where('status', '=', job.status).where((eb) => (job.claimed_at === null ? eb('claimed_at', 'is', null) : eb('claimed_at', '=', job.claimed_at)))
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 1) return { ...job, status: 'running', claimed_at: now, claimed_by: instance };
  }
}

/** Runs one claimed job to its end, recording success or the error (key and parameters). */
export async function runImportJob(deps: TransferDeps, job: ImportJob, actor: Actor): Promise<void> {
  try {
    await runImport(deps, { importId: job.id, file: job.file_path, filesDir: job.files_dir, actor });
    await deps.db.updateTable('transfer_imports').set({ status: 'done', phase: 'done', finished_at: deps.clock.now(), updated_at: deps.clock.now(), error_key: null, error_params: null }).where('id', '=', job.id).execute();
    // An uploaded dump is kept while its job may have to resume, not after.
    if (path.resolve(job.file_path).startsWith(`${path.resolve(deps.importDir)}${path.sep}`)) await fs.promises.rm(job.file_path, { force: true });
  } catch (e) {
    const err = e instanceof TransferError ? e : new TransferError('transfer.error.read', { detail: String((e as Error)?.message ?? e).slice(0, 300) });
    await deps.db.updateTable('transfer_imports').set({ status: 'failed', finished_at: deps.clock.now(), updated_at: deps.clock.now(), error_key: err.key, error_params: JSON.stringify(err.params) }).where('id', '=', job.id).execute();
  }
}

/**
 * The background runner: polls for a job, runs it, polls again. State lives in the database,
 * so a job survives a restart: the next runner takes it over and the importer resumes.
 */
export function importRunner(deps: TransferDeps, actorFor: (job: ImportJob) => Promise<Actor>, log?: { warn(o: object, msg: string): void }) {
  const instance = randomUUID();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  async function tick(): Promise<void> {
    for (let job = await claimImportJob(deps.db, instance, deps.clock.now()); job; job = await claimImportJob(deps.db, instance, deps.clock.now())) {
      await runImportJob(deps, job, await actorFor(job));
    }
  }
  return {
    instance,
    /** Runs every pending job now (tests, and the CLI). */
    runPending(): Promise<void> {
      running ??= tick().finally(() => { running = undefined; });
      return running;
    },
    start(intervalMs = 2000) {
      timer ??= setInterval(() => void this.runPending().catch((err) => log?.warn({ err }, 'import job failed')), intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running?.catch(() => undefined);
    },
  };
}
