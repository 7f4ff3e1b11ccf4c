import fs from 'node:fs';
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.ts';
import { sendPage } from '../../core/http/render.ts';
import { EMPTY_FORM } from '../../core/layout/components.tsx';
import { authorize } from '../accounts/index.ts';
import { EXPORT_TARGETS, exportDump, type ExportTarget } from './export/writer.ts';
import { createImportJob, getImportJob, listImportJobs, type importRunner } from './jobs.ts';
import type { TransferDeps } from './types.ts';
import { receiveMultipart, type DumpForm } from './upload.ts';
import { ExportPage } from './views/export.tsx';
import { ImportPage, JobPage } from './views/import.tsx';

type Runner = ReturnType<typeof importRunner>;

/** /admin/importation: upload a dump (streamed to DATA_DIR/imports), follow its job, resume it. */
export function transferRoutes(deps: TransferDeps, runner: Runner) {
  return async (app: FastifyInstance) => {
    // The dump is written to disk as it arrives; only admins get that far (checked before reading).
    app.addContentTypeParser('multipart/form-data', async (request: FastifyRequest, payload: NodeJS.ReadableStream) => {
      authorize(request.ctx.actor, 'transfer.import');
      return receiveMultipart(payload as never, String(request.headers['content-type']), deps.importDir);
    });
    // A request refused after the upload (CSRF) leaves no file behind (removed before answering).
    app.addHook('onSend', async (request, _reply, payload) => {
      const form = request.body as DumpForm | undefined;
      if (form?._file && !(form as { adopted?: boolean }).adopted) await fs.promises.rm(form._file.path, { force: true });
      return payload;
    });

    const jobId = (request: FastifyRequest<{ Params: { id: string } }>) => (/^\d{1,9}$/.test(request.params.id) ? Number(request.params.id) : 0);

    app.get('/admin/importation', async (request, reply) => {
      authorize(request.ctx.actor, 'transfer.import');
      return sendPage(reply, ImportPage({ ctx: request.ctx, form: EMPTY_FORM, jobs: await listImportJobs(deps.db) }));
    });

    app.post('/admin/importation', async (request, reply) => {
      const { ctx } = request;
      authorize(ctx.actor, 'transfer.import');
      const form = (request.body ?? {}) as DumpForm;
      const file = form._file;
      if (!file || file.size === 0) {
        const page = ImportPage({ ctx, form: { values: {}, errors: { file: 'transfer.error.no_dump' } }, jobs: await listImportJobs(deps.db) });
        return sendPage(reply, page, 400);
      }
      const user = ctx.actor.kind === 'user' ? ctx.actor.user : undefined;
      const id = await createImportJob(deps.db, { filePath: file.path, fileName: file.filename || 'dump.xml', userId: user?.id ?? null, userName: user?.name ?? '', now: deps.clock.now(), status: 'queued' });
      (form as { adopted?: boolean }).adopted = true;
      void runner.runPending().catch(() => undefined);
      return reply.redirect(`/admin/importation/${id}`, 303);
    });

    app.get<{ Params: { id: string } }>('/admin/importation/:id', async (request, reply) => {
      authorize(request.ctx.actor, 'transfer.import');
      const job = await getImportJob(deps.db, jobId(request));
      if (!job) throw new AppError('not_found');
      if (request.headers.accept === 'application/json') {
        reply.header('cache-control', 'no-store');
        return { id: job.id, status: job.status, phase: job.phase, bytesRead: job.bytes_read, bytesTotal: job.file_bytes, pages: job.pages_done, revisionsAdded: job.revisions_added, revisionsSkipped: job.revisions_skipped, pagesRendered: job.pages_rendered, error: job.error_key };
      }
      return sendPage(reply, JobPage({ ctx: request.ctx, job }));
    });

    app.post<{ Params: { id: string } }>('/admin/importation/:id/reprendre', async (request, reply) => {
      authorize(request.ctx.actor, 'transfer.import');
      const job = await getImportJob(deps.db, jobId(request));
      if (!job) throw new AppError('not_found');
      if (job.status === 'failed') {
        await deps.db.updateTable('transfer_imports').set({ status: 'queued', phase: 'load', error_key: null, error_params: null, finished_at: null, claimed_at: null, updated_at: deps.clock.now() }).where('id', '=', job.id).where('status', '=', 'failed').execute();
        void runner.runPending().catch(() => undefined);
      }
      return reply.redirect(`/admin/importation/${job.id}`, 303);
    });
  };
}

type Query = Record<string, string | undefined>;

/** Spécial:Exporter (Special:Export): the form, or the XML when asked (`action=submit`, or a subpage title). */
export function exportSpecial(deps: TransferDeps) {
  return async (request: FastifyRequest, reply: FastifyReply, subpage: string, query: Query): Promise<FastifyReply> => {
    const { ctx } = request;
    authorize(ctx.actor, 'site.read');
    const pages = (query.pages ?? '').slice(0, 100_000);
    const namespace = query.namespace ?? '';
    const history = query.history === '1' || query.history === 'on' || query.history === 'true';
    const titles = subpage ? [subpage.replace(/_/g, ' ')] : pages.split(/\r?\n/).map((t) => t.trim()).filter(Boolean);
    const ns = /^\d{1,4}$/.test(namespace) ? Number(namespace) : undefined;
    // For MediaWiki unless Maillage is asked for (Markdown converted to wikitext; see export/writer.ts).
    const target: ExportTarget = EXPORT_TARGETS.find((t) => t === query.for) ?? 'mediawiki';
    const values = { pages, namespace, history, target };
    if (!subpage && query.action !== 'submit') return sendPage(reply, ExportPage({ ctx, values, empty: false }));
    if (titles.length === 0 && ns === undefined) return sendPage(reply, ExportPage({ ctx, values, empty: true }), 400);
    const out = new PassThrough();
    const stamp = new Date(deps.clock.now()).toISOString().slice(0, 10).replace(/-/g, '');
    reply.header('content-type', 'application/xml; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="maillage-${stamp}.xml"`);
    reply.header('cache-control', 'no-store');
    exportDump(deps, out, { history, namespace: ns, titles: titles.length ? titles : undefined, target }).then(() => out.end(), (err) => out.destroy(err as Error));
    return reply.send(out);
  };
}
