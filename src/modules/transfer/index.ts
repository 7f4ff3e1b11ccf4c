/**
 * The transfer module: MediaWiki XML dumps in and out.
 * - import: `maillage import` and the admin page /admin/importation (upload -> background job,
 *   resumable); streaming, batched, idempotent (import/importer.ts);
 * - export: `maillage export` and Spécial:Exporter, MediaWiki export-0.11 XML (export/writer.ts).
 *
 * Wiring (main.ts): create it with the wiki module (it registers Spécial:Exporter) and the
 * files module (uploads named by a dump), add its routes, start its job runner.
 */
import path from 'node:path';
import type { Actor } from '../../core/actor.ts';
import type { Clock } from '../../core/clock.ts';
import type { Db, Engine } from '../../core/db/index.ts';
import { isRole } from '../accounts/index.ts';
import type { FilesModule } from '../files/index.ts';
import type { WikiModule } from '../wiki/index.ts';
import type { ExtraText } from '../search/index.ts';
import { exportDump, type ExportOptions } from './export/writer.ts';
import { runImport, type ImportOptions } from './import/importer.ts';
import { createImportJob, getImportJob, importRunner, listImportJobs, type ImportJob } from './jobs.ts';
import { exportSpecial, transferRoutes } from './routes.tsx';
import type { TransferDeps } from './types.ts';

export { TransferError } from './types.ts';
export type { ImportProgress, ImportSummary } from './types.ts';
export type { ExportOptions, ExportTarget } from './export/writer.ts';
export { EXPORT_TARGETS } from './export/writer.ts';
export type { ImportJob } from './jobs.ts';
export { progressBar } from './import/progress.ts';

/** The actor running a job: its user as they are now (an admin who lost the role cannot import). */
async function jobActor(db: Db, job: ImportJob): Promise<Actor> {
  const u = job.user_id === null ? undefined : await db.selectFrom('users').select(['id', 'name', 'email', 'role', 'created_at']).where('id', '=', job.user_id).executeTakeFirst();
  if (!u || !isRole(u.role)) return { kind: 'anonymous' };
  return { kind: 'user', sessionId: `import-${job.id}`, user: { id: u.id, name: u.name, email: u.email, role: u.role, locale: null, createdAt: u.created_at } };
}

export function createTransferModule(d: { db: Db; engine: Engine; clock: Clock; wiki: WikiModule; files?: FilesModule; dataDir: string; logger?: { warn(o: object, msg: string): void }; extraText?: ExtraText }) {
  const deps: TransferDeps = { db: d.db, engine: d.engine, clock: d.clock, wiki: d.wiki.wiki, files: d.files, importDir: path.join(d.dataDir, 'imports'), extraText: d.extraText };
  const runner = importRunner(deps, (job) => jobActor(d.db, job), d.logger);
  d.wiki.registerSpecial(['Exporter', 'Export'], exportSpecial(deps));
  return {
    /** Imports a dump now, in this process (the CLI); `importId` from `createJob`. */
    import: (o: ImportOptions) => runImport(deps, o),
    createJob: (o: Parameters<typeof createImportJob>[1]) => createImportJob(d.db, o),
    job: (id: number) => getImportJob(d.db, id),
    jobs: (limit?: number) => listImportJobs(d.db, limit),
    export: (out: NodeJS.WritableStream, o: ExportOptions) => exportDump(deps, out, o),
    runner,
    routes: [transferRoutes(deps, runner)],
  };
}

export type TransferModule = ReturnType<typeof createTransferModule>;
