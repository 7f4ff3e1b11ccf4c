import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Actor } from '../../../core/actor.ts';
import { isAppError } from '../../../core/errors.ts';
import { titleFromStored } from '../../markup/index.ts';
import { backgroundCheckpoints, deferIndexes, restoreIndexes } from '../../../core/db/index.ts';
import { htmlToText, indexPagesBatch, TITLE_KEY_INDEXES, type SearchDocument } from '../../search/index.ts';
import { LINK_TARGET_INDEXES, type RenderPool } from '../../wiki/index.ts';
import { createImportRenderPool, type SearchExtras } from './render-extras.ts';
import { TransferError, type ImportProgress, type ImportSummary, type TransferDeps } from '../types.ts';
import { authorName, mapModel, mapTitle, parseTimestamp, sourceKey } from './mapping.ts';
import { openImportDump, type DumpReader } from '../open.ts';
import { DumpSyntaxError, type DumpUpload, type SiteInfo } from './reader.ts';
import { CompressedDataError } from './source.ts';
import { batchWriter, type PendingPage } from './writer.ts';
import { addExtraText } from './extra-text.ts';

export interface ImportOptions {
  importId: number;
  file: string;
  /** Directory holding the files of the dump's `<upload>` elements, by file name. */
  filesDir?: string | null;
  actor: Actor;
  onProgress?: (p: ImportProgress) => void | Promise<void>;
  /** A batch is written when it holds this many revisions or bytes of text. */
  batchRevisions?: number;
  batchBytes?: number;
  /** Pages rendered (and indexed) per transaction. */
  renderBatch?: number;
  /** Read the dump in a worker thread; by default when the file has READER_THREAD_BYTES or more. */
  readerThread?: boolean;
  /**
   * Store every page's HTML too. By default pages are indexed without being rendered (links
   * tables and search index from RenderOptions.forIndex), and each renders on its first view,
   * as after a MediaWiki import.
   */
  prerender?: boolean;
  /**
   * The dump, already opened on `file` by openImportDump: the CLI opens it before setting up the
   * app, so that its reader thread parses meanwhile. runImport reads it to the end and closes it.
   */
  reader?: DumpReader;
}

/** Batches rendering while one is written (renderPhase). */
const RENDER_AHEAD = 2;
/** The smallest batch, at the end of the render phase: each is a transaction. */
const MIN_RENDER_BATCH = 25;

/**
 * From this many pages to index, when they are at least half the wiki's pages, the links tables'
 * and title keys' secondary indexes are built after the writes rather than kept up to date.
 */
const DEFER_INDEXES_PAGES = 1000;

/**
 * Imports a MediaWiki dump, streaming: constant memory whatever its size. Two phases:
 * 1. load: pages and every revision, in batches (one transaction each, multi-row inserts);
 * 2. render: each touched page's latest revision, once every page exists (links are blue when
 *    their target is anywhere in the dump, templates are found), with links tables and the search
 *    index written in batches. Then pages outside the import that link to its pages are
 *    invalidated, in one statement.
 * Idempotent and resumable: a re-run (after a crash, say) adds only the missing revisions and
 * renders only the pages whose stored render is not of their latest revision. Malformed XML
 * stops the load with its line and column; what was read before it is kept and rendered.
 */
export async function runImport(deps: TransferDeps, o: ImportOptions): Promise<ImportSummary> {
  const dump = o.reader ?? await openImportDump(o.file, o.readerThread);
  // SQLite: the WAL is copied into the database by another thread while the next batch is written.
  const checkpoints = await backgroundCheckpoints(deps.db, deps.engine).catch(() => undefined);
  try {
    return await importDump(deps, o, dump, () => checkpoints?.nudge());
  } finally {
    await checkpoints?.close();
  }
}

/** runImport's work; `written` is called after each transaction. */
async function importDump(deps: TransferDeps, o: ImportOptions, dump: DumpReader, written: () => void): Promise<ImportSummary> {
  let site: SiteInfo | undefined;
  let source = '';
  const progress: ImportProgress = { phase: 'load', bytesRead: 0, bytesTotal: dump.bytesTotal, pages: 0, revisionsAdded: 0, revisionsSkipped: 0, pagesRendered: 0, pagesToRender: 0 };
  const summary = { invalidTitles: 0, uploads: 0, uploadsStored: 0 };
  const write = batchWriter(deps, o.actor, o.importId, () => source || sourceKey(site, path.basename(o.file)));
  const maxRevs = o.batchRevisions ?? 2000;
  const maxBytes = o.batchBytes ?? 16 * 1024 * 1024;
  let batch: PendingPage[] = [];
  let batchRevs = 0;
  let batchBytes = 0;
  let current: PendingPage | undefined;
  let currentSeen = 0;

  const report = async () => {
    progress.bytesRead = dump.bytesRead();
    await o.onProgress?.({ ...progress });
  };
  const flush = async () => {
    if (batch.length === 0) return;
    const pages = batch;
    batch = [];
    batchRevs = 0;
    batchBytes = 0;
    await deps.db.transaction().execute(async (trx) => {
      const result = await write(trx, pages);
      progress.revisionsAdded += result.added;
      progress.revisionsSkipped += result.skipped;
      progress.bytesRead = dump.bytesRead();
      await trx.updateTable('transfer_imports').set({
        source, bytes_read: progress.bytesRead, pages_done: progress.pages, revisions_added: progress.revisionsAdded,
        revisions_skipped: progress.revisionsSkipped, updated_at: deps.clock.now(), claimed_at: deps.clock.now(),
      }).where('id', '=', o.importId).execute();
    });
    written();
    // A page cut across batches continues in the next one (same title, later revisions).
    if (current && pages.at(-1) === current) current = { title: current.title, revisions: [] };
    await report();
  };

  // The render threads start up (loading and compiling their code) as soon as the dump is parsed,
  // while this thread writes the events the reader thread parsed ahead.
  let pool: RenderPool | undefined;
  dump.onParsed(() => (pool ??= createImportRenderPool(deps.engine)));
  /** The last batch, then the render phase (also after a malformed dump: what was read is kept). */
  const finish = async () => {
    try {
      await flush();
    } catch (err) {
      await pool?.close();
      throw err;
    }
    await renderPhase(deps, o, progress, report, written, pool);
  };
  try {
    await dump.read(async (e) => {
      switch (e.kind) {
        case 'siteinfo':
          site = e.site;
          source = sourceKey(site, path.basename(o.file));
          break;
        case 'page': {
          if (!source) source = sourceKey(site, path.basename(o.file));
          const title = mapTitle(e.page.title, e.page.ns, site);
          current = title ? { title, revisions: [] } : undefined;
          currentSeen = 0;
          if (!title) summary.invalidTitles++;
          break;
        }
        case 'revision': {
          if (!current) break;
          const r = e.revision;
          const content = r.textDeleted ? '' : r.text;
          current.revisions.push({
            sourceId: r.id, sourceParentId: r.parentId, hasPrevious: currentSeen > 0, authorName: authorName(r.contributor),
            createdAt: parseTimestamp(r.timestamp) ?? 0, summary: r.comment, minor: r.minor, model: mapModel(r.model), content, sha1: r.contentSha1, size: r.contentSize,
          });
          currentSeen++;
          if (current.revisions.length === 1) batch.push(current);
          batchRevs++;
          batchBytes += content.length;
          if (batchRevs >= maxRevs || batchBytes >= maxBytes) await flush();
          break;
        }
        case 'upload':
          summary.uploads++;
          if (current) {
            await flush();
            if (await storeUpload(deps, o, source, e.upload)) summary.uploadsStored++;
          }
          break;
        case 'endpage':
          if (current) progress.pages++;
          current = undefined;
          break;
      }
    });
  } catch (err) {
    current = undefined;
    await dump.close();
    await finish();
    if (err instanceof DumpSyntaxError) throw new TransferError('transfer.error.malformed', { line: err.line, column: err.column, detail: err.detail, pages: progress.pages, revisions: progress.revisionsAdded });
    if (err instanceof TransferError || isAppError(err)) throw err;
    if (err instanceof CompressedDataError || (err as { code?: string })?.code?.startsWith('Z_')) throw new TransferError('transfer.error.compressed', { pages: progress.pages, revisions: progress.revisionsAdded });
    throw new TransferError('transfer.error.read', { detail: String((err as Error).message ?? err).slice(0, 300), pages: progress.pages, revisions: progress.revisionsAdded });
  }
  current = undefined;
  await finish();
  progress.phase = 'done';
  await report();
  return { ...progress, importId: o.importId, ...summary };
}

/**
 * The import's pages still to index: not indexed at their latest revision by this import or an
 * earlier one, and without a stored render of it (a save or a view wrote their links then).
 */
function pagesToIndex(deps: TransferDeps, importId: number) {
  return deps.db
    .selectFrom('transfer_import_pages as t')
    .innerJoin('pages as p', 'p.id', 't.page_id')
    .where('t.import_id', '=', importId)
    .where('p.deleted_at', 'is', null)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('transfer_import_pages as d').select('d.page_id').whereRef('d.page_id', '=', 't.page_id').whereRef('d.indexed_rev_id', '=', 'p.latest_rev_id'))))
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('page_renders as r').select('r.page_id').whereRef('r.page_id', '=', 't.page_id').whereRef('r.rev_id', '=', 'p.latest_rev_id'))));
}

/**
 * Indexes the import's pages (links tables, search index) that are not indexed at their latest
 * revision: rendered for indexing only, or in full with `prerender`.
 */
async function renderPhase(deps: TransferDeps, o: ImportOptions, progress: ImportProgress, report: () => Promise<void>, written: () => void, started?: RenderPool): Promise<void> {
  // Pages render in worker threads, ahead of the writes: batches n+1 and n+2 render while batch n is written.
  const pool = started ?? createImportRenderPool(deps.engine);
  try {
    progress.phase = 'render';
    const n = await pagesToIndex(deps, o.importId).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    progress.pagesToRender = Number(n.n);
    await deps.db.updateTable('transfer_imports').set({ phase: 'render', updated_at: deps.clock.now() }).where('id', '=', o.importId).execute();
    await report();
    await indexPages(deps, o, progress, report, written, pool, o.renderBatch ?? 250);
  } finally {
    await pool.close();
  }
}

/** renderPhase's batches, rendered by `pool`; indexes deferred meanwhile when the import fills the wiki. */
async function indexPages(deps: TransferDeps, o: ImportOptions, progress: ImportProgress, report: () => Promise<void>, written: () => void, pool: RenderPool, size: number): Promise<void> {
  if (progress.pagesToRender >= DEFER_INDEXES_PAGES) {
    const live = await deps.db.selectFrom('pages').where('deleted_at', 'is', null).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (progress.pagesToRender * 2 >= Number(live.n)) await deferIndexes(deps.db, deps.engine, [...LINK_TARGET_INDEXES, ...TITLE_KEY_INDEXES]);
  }
  try {
    let after = 0;
    let left = progress.pagesToRender;
    const nextBatch = async () => {
      // Batches shrink towards the end: the threads are idle while the last one is written.
      const limit = Math.min(size, Math.max(MIN_RENDER_BATCH, Math.ceil(left / (RENDER_AHEAD + 2))));
      const ids = (await pagesToIndex(deps, o.importId).select('t.page_id').where('t.page_id', '>', after).orderBy('t.page_id').limit(limit).execute()).map((r) => r.page_id);
      left -= ids.length;
      if (ids.length === 0) return undefined;
      after = ids.at(-1)!;
      const rendering = deps.wiki.renderPages(ids, pool, { forIndex: !o.prerender, force: true });
      rendering.catch(() => undefined); // awaited later; not an unhandled rejection meanwhile
      return { ids, rendering };
    };
    // Two batches ahead: the threads always have work queued while this thread writes.
    const ahead: Array<NonNullable<Awaited<ReturnType<typeof nextBatch>>>> = [];
    for (let i = 0; i < RENDER_AHEAD; i++) {
      const b = await nextBatch();
      if (!b) break;
      ahead.push(b);
    }
    for (let batch = ahead.shift(); batch; batch = ahead.shift()) {
      const rendered = await batch.rendering;
      const following = await nextBatch();
      if (following) ahead.push(following);
      const extras = new Map(rendered.map((x) => [x.page.pageId, x.result as SearchExtras]));
      await deps.wiki.storeRendered(rendered, async (trx, stored) => {
        const docs: SearchDocument[] = [];
        const removed: number[] = [];
        for (const r of stored) {
          if (r.isRedirect) { removed.push(r.pageId); continue; }
          const text = r.title.replace(/_/g, ' ');
          // The pool's workers prepared the text (render-worker.ts); a page rendered here did not.
          const prepared = extras.get(r.pageId);
          docs.push({
            pageId: r.pageId, namespace: r.namespace, title: text, fullTitle: titleFromStored(r.namespace, r.title)?.full ?? text,
            text: prepared?.searchText ?? htmlToText(r.html), analyzedText: prepared?.searchText !== undefined ? prepared.analyzedText : undefined,
          });
        }
        await addExtraText(deps, trx, docs);
        await indexPagesBatch(trx, deps.engine, docs, removed);
        // Done for the revision stored: each page's latest, as storeRendered checked in this transaction.
        for (let i = 0; i < stored.length; i += 500) {
          await trx.updateTable('transfer_import_pages').set((eb) => ({ indexed_rev_id: eb.selectFrom('pages').select('pages.latest_rev_id').whereRef('pages.id', '=', 'transfer_import_pages.page_id') }))
            .where('import_id', '=', o.importId).where('page_id', 'in', stored.slice(i, i + 500).map((r) => r.pageId)).execute();
        }
        progress.pagesRendered += batch!.ids.length;
        await trx.updateTable('transfer_imports').set({ pages_rendered: progress.pagesRendered, updated_at: deps.clock.now(), claimed_at: deps.clock.now() }).where('id', '=', o.importId).execute();
      });
      written();
      await report();
    }
  } finally {
    // Also after a failure: the indexes come back now rather than at the next start-up.
    await restoreIndexes(deps.db, deps.engine);
  }
  // Pages elsewhere on the wiki that link to imported titles: their links may turn blue. None
  // has a stored render in a wiki the import fills (the statement would read every link).
  const outside = await deps.db.selectFrom('page_renders').select('page_id')
    .where('page_id', 'not in', (eb) => eb.selectFrom('transfer_import_pages').select('page_id').where('import_id', '=', o.importId)).limit(1).executeTakeFirst();
  if (outside) await sql`delete from page_renders where page_id in (
      select pl.from_page_id from page_links pl
      join pages p on p.namespace = pl.to_namespace and p.title = pl.to_title and p.deleted_at is null
      join transfer_import_pages t on t.page_id = p.id and t.import_id = ${o.importId})
    and page_id not in (select page_id from transfer_import_pages where import_id = ${o.importId})`.execute(deps.db);
}

/** Records an upload's metadata; stores its file from `filesDir` when there (once). */
async function storeUpload(deps: TransferDeps, o: ImportOptions, source: string, u: DumpUpload): Promise<boolean> {
  const timestamp = parseTimestamp(u.timestamp) ?? 0;
  const fileName = u.filename.replace(/ /g, '_');
  await deps.db.insertInto('transfer_uploads').values({ source, file_name: fileName, timestamp, user_name: authorName(u.contributor), comment: u.comment, src: u.src, size: u.size || 0, version_id: null })
    .onConflict((oc) => oc.columns(['source', 'file_name', 'timestamp']).doNothing()).execute();
  if (!o.filesDir || !deps.files) return false;
  const row = await deps.db.selectFrom('transfer_uploads').select('version_id').where('source', '=', source).where('file_name', '=', fileName).where('timestamp', '=', timestamp).executeTakeFirst();
  if (row?.version_id) return false;
  const candidates = [fileName, u.filename, fileName.replace(/_/g, ' ')].map((n) => path.join(o.filesDir!, path.basename(n)));
  const file = candidates.find((f) => fs.existsSync(f));
  if (!file) return false;
  try {
    const r = await deps.files.upload(o.actor, { bytes: await fs.promises.readFile(file), uploadedName: fileName, destination: fileName, description: '', comment: u.comment.slice(0, 500) });
    await deps.db.updateTable('transfer_uploads').set({ version_id: r.version.id }).where('source', '=', source).where('file_name', '=', fileName).where('timestamp', '=', timestamp).execute();
    return true;
  } catch (e) {
    // A refused file (type, size, identical to the current version) leaves its metadata recorded.
    if (isAppError(e)) return false;
    throw e;
  }
}
