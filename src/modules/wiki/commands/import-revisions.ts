import { sql } from 'kysely';
import { reusedStatement } from '../../../core/db/reused.ts';
import type { Actor } from '../../../core/actor.ts';
import type { Executor } from '../../../core/events.ts';
import { authorize } from '../../accounts/index.ts';
import { redirectTarget, type ContentModel, type RenderOptions, type RenderResult, type Title } from '../../markup/index.ts';
import type { WikiDeps } from '../deps.ts';
import { prefetchLookups, renderLookups, renderWithLinks, storeRenders, type WikiRenderOptions } from '../render.ts';
import type { RenderPool } from '../render/pool.ts';
import { byteLength, dbTitle, sha1Base36, titleOf } from '../store.ts';

/** A revision brought from elsewhere (a MediaWiki dump): kept as it was, author and time included. */
export interface ImportedRevision {
  /** Local id of the parent; 'previous' = the page's revision just before this one (by id). */
  parent: number | null | 'previous';
  /** The local account, or null for authors unknown here (recorded by name, as MediaWiki's imported actors). */
  userId: number | null;
  authorName: string;
  createdAt: number;
  summary: string;
  minor: boolean;
  model: ContentModel;
  content: string;
  /** sha1Base36(content), when the caller has it already (an import's reader thread computes it). */
  sha1?: string;
  /** byteLength(content), likewise. */
  size?: number;
}

export interface ImportedPage {
  title: Title;
  /** In the source's order (oldest first). */
  revisions: ImportedRevision[];
}

/** Rows per multi-row INSERT, and most content bytes in one statement. */
const ROWS = 100;
const BYTES = 4 * 1024 * 1024;

/**
 * Adds imported revisions in bulk, in the caller's transaction: creates the pages that do not
 * exist, inserts the revisions with multi-row statements, and points each page at its newest
 * revision by timestamp (an imported revision older than the page's latest stays in history,
 * as MediaWiki's importer does). Nothing is rendered and no event is emitted: the importer
 * renders each page's latest revision once, at the end (`renderLatest`).
 * Returns the page id of each input page and the revision ids and SHA-1s, in input order.
 */
export async function importRevisions(db: Executor, actor: Actor, pages: readonly ImportedPage[], now: number): Promise<{ pageIds: number[]; revIds: number[][]; sha1s: string[][] }> {
  authorize(actor, 'transfer.import');
  const keyOf = (t: Title) => `${t.namespace}:${dbTitle(t)}`;
  const pageIds = new Map<string, number>();
  const byNs = new Map<number, Set<string>>();
  for (const p of pages) byNs.set(p.title.namespace, (byNs.get(p.title.namespace) ?? new Set()).add(dbTitle(p.title)));
  for (const [ns, set] of byNs) {
    const titles = [...set];
    for (let i = 0; i < titles.length; i += 500) {
      const rows = await db.selectFrom('pages').select(['id', 'title']).where('namespace', '=', ns).where('title', 'in', titles.slice(i, i + 500)).where('deleted_at', 'is', null).execute();
      for (const r of rows) pageIds.set(`${ns}:${r.title}`, r.id);
    }
  }
  const created = new Map<string, { namespace: number; title: string; model: ContentModel; createdAt: number }>();
  for (const p of pages) {
    const k = keyOf(p.title);
    if (pageIds.has(k) || p.revisions.length === 0) continue;
    const first = Math.min(...p.revisions.map((r) => r.createdAt), created.get(k)?.createdAt ?? Infinity);
    created.set(k, { namespace: p.title.namespace, title: dbTitle(p.title), model: p.revisions.at(-1)!.model, createdAt: first });
  }
  const toCreate = [...created.values()];
  for (let i = 0; i < toCreate.length; i += ROWS) {
    const rows = await db
      .insertInto('pages')
      .values(toCreate.slice(i, i + ROWS).map((c) => ({ namespace: c.namespace, title: c.title, latest_rev_id: null, content_model: c.model, created_at: c.createdAt, touched_at: now, protect_edit: null, deleted_at: null })))
      .returning(['id', 'namespace', 'title'])
      .execute();
    for (const r of rows) pageIds.set(`${r.namespace}:${r.title}`, r.id);
  }

  // Revisions, in input order, with multi-row inserts.
  type Row = { pageIndex: number; rev: ImportedRevision; pageId: number; sha1: string; size: number };
  const flat: Row[] = [];
  pages.forEach((p, pageIndex) => {
    const pageId = pageIds.get(keyOf(p.title));
    if (pageId === undefined) return;
    for (const rev of p.revisions) flat.push({ pageIndex, rev, pageId, sha1: rev.sha1 ?? sha1Base36(rev.content), size: rev.size ?? byteLength(rev.content) });
  });
  const ids: number[] = [];
  const revisionRow = (f: Row) => ({
    page_id: f.pageId, parent_id: typeof f.rev.parent === 'number' ? f.rev.parent : null, user_id: f.rev.userId, author_name: f.rev.authorName,
    created_at: f.rev.createdAt, summary: f.rev.summary, minor: f.rev.minor ? 1 : 0, size: f.size, sha1: f.sha1, content_model: f.rev.model, content: f.rev.content,
  });
  // Kysely binds each row's values in the order of its columns, which are the first row's keys.
  const insertRevisions = reusedStatement(
    (chunk: readonly Row[]) => db.insertInto('revisions').values(chunk.map(revisionRow)).returning(['id', 'page_id', 'sha1']),
    (f: Row) => Object.values(revisionRow(f)),
  );
  for (let i = 0; i < flat.length; ) {
    let j = i;
    let bytes = 0;
    while (j < flat.length && j - i < ROWS && (j === i || bytes + flat[j]!.size < BYTES)) bytes += flat[j++]!.size;
    const chunk = flat.slice(i, j);
    const rows = await insertRevisions(db, chunk);
    // Both engines return the rows of a multi-row VALUES insert in order; checked rather than assumed.
    rows.forEach((r, k) => {
      if (r.page_id !== chunk[k]!.pageId || r.sha1 !== chunk[k]!.sha1) throw new Error('multi-row insert returned rows out of order');
      ids.push(r.id);
    });
    i = j;
  }
  const previous = flat.flatMap((f, k) => (f.rev.parent === 'previous' ? [ids[k]!] : []));
  for (let i = 0; i < previous.length; i += 500) {
    await db
      .updateTable('revisions')
      .set({ parent_id: sql<number | null>`(select max(r2.id) from revisions r2 where r2.page_id = revisions.page_id and r2.id < revisions.id)` })
      .where('id', 'in', previous.slice(i, i + 500))
      .execute();
  }

  // Each page points at its newest revision (by time, then by id).
  const newest = new Map<number, { id: number; row: Row }>();
  flat.forEach((f, k) => {
    const cur = newest.get(f.pageId);
    if (!cur || f.rev.createdAt >= cur.row.rev.createdAt) newest.set(f.pageId, { id: ids[k]!, row: f });
  });
  const touched = [...newest.keys()];
  const current = new Map<number, number>();
  for (let i = 0; i < touched.length; i += 500) {
    const rows = await db.selectFrom('pages').innerJoin('revisions', 'revisions.id', 'pages.latest_rev_id').select(['pages.id', 'revisions.created_at']).where('pages.id', 'in', touched.slice(i, i + 500)).execute();
    for (const r of rows) current.set(r.id, r.created_at);
  }
  type Latest = { pageId: number; revId: number; size: number; redirect: number; model: ContentModel };
  const updatePage = reusedStatement(
    ([p]: readonly Latest[]) => db.updateTable('pages').set({ latest_rev_id: p!.revId, length: p!.size, is_redirect: p!.redirect, content_model: p!.model, touched_at: now }).where('id', '=', p!.pageId),
    (p: Latest) => [p.revId, p.size, p.redirect, p.model, now, p.pageId],
  );
  for (const [pageId, { id, row }] of newest) {
    const was = current.get(pageId);
    if (was !== undefined && was > row.rev.createdAt) continue;
    await updatePage(db, [{ pageId, revId: id, size: row.size, redirect: redirectTarget(row.rev.content, row.rev.model) ? 1 : 0, model: row.rev.model }]);
  }

  const revIds: number[][] = pages.map(() => []);
  const sha1s: string[][] = pages.map(() => []);
  flat.forEach((f, k) => {
    revIds[f.pageIndex]!.push(ids[k]!);
    sha1s[f.pageIndex]!.push(f.sha1);
  });
  return { pageIds: pages.map((p) => pageIds.get(keyOf(p.title)) ?? 0), revIds, sha1s };
}

export interface RenderedPage {
  pageId: number;
  namespace: number;
  /** Stored form (underscores, no prefix). */
  title: string;
  isRedirect: boolean;
  html: string;
}

/** A page rendered by `renderPages`, waiting to be stored by `storeRendered`. */
export interface PendingRender {
  page: RenderedPage;
  revId: number;
  result: RenderResult;
  /** Rendered for indexing only (RenderOptions.forIndex): links tables are stored, not the HTML. */
  forIndex?: boolean;
}

/**
 * Renders the latest revision of each page, then stores the renders (render cache and links
 * tables) in one short transaction, handing it to `inTransaction` for the caller's own writes
 * (search index). Rendering happens outside the transaction, so other writers wait only for the
 * writes (SQLite has one writer at a time). A page edited meanwhile is left for its next view.
 * Pages whose stored render is already of their latest revision are skipped unless `force`.
 * With a pool, pages render in worker threads (`renderPages` and `storeRendered` may then overlap:
 * the next batch renders while this one is written).
 */
export async function renderLatest(
  deps: WikiDeps,
  pageIds: readonly number[],
  now: number,
  inTransaction: (trx: Executor, rendered: RenderedPage[]) => Promise<void>,
  force = false,
  pool?: RenderPool,
): Promise<RenderedPage[]> {
  return storeRendered(deps, await renderPages(deps, pageIds, force, pool), now, inTransaction);
}

export async function renderPages(deps: WikiDeps, pageIds: readonly number[], force = false, pool?: RenderPool, renderOptions: RenderOptions = {}): Promise<PendingRender[]> {
  if (pageIds.length === 0) return [];
  // A wiki without uploaded files (a fresh import's, often): every file is missing, nothing to ask.
  const noFiles = deps.files ? (deps.anyFile ? !(await deps.anyFile(deps.db)) : false) : true;
  const options: WikiRenderOptions = { ...renderOptions, noFiles };
  const rows = await deps.db
    .selectFrom('pages')
    .innerJoin('revisions', 'revisions.id', 'pages.latest_rev_id')
    .select(['pages.id', 'pages.namespace', 'pages.title', 'pages.is_redirect', 'pages.latest_rev_id', 'revisions.content', 'revisions.content_model'])
    // A scalar subquery, as the page view's stamp query: SQLite's left join to page_renders is much slower.
    .select((eb) => eb.selectFrom('page_renders').select('page_renders.rev_id').whereRef('page_renders.page_id', '=', 'pages.id').as('render_rev_id'))
    .where('pages.id', 'in', [...pageIds])
    .where('pages.deleted_at', 'is', null)
    .orderBy('pages.id')
    .execute();
  const todo = rows.filter((r) => force || r.render_rev_id !== r.latest_rev_id);
  // The batch's pages share their lookups: the same templates and links come back page after page.
  const lookups = renderLookups();
  await prefetchLookups(deps.db, lookups, todo.map((r) => ({ content: r.content, model: r.content_model as ContentModel })), options);
  const results: PendingRender[] = new Array(todo.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < todo.length; i = next++) {
      const r = todo[i]!;
      const result = await renderWithLinks(deps.db, titleOf(r.namespace, r.title), r.content, r.content_model as ContentModel, true, deps.files, lookups, pool, options);
      results[i] = { page: { pageId: r.id, namespace: r.namespace, title: r.title, isRedirect: r.is_redirect === 1, html: result.html }, revId: r.latest_rev_id!, result, forIndex: options.forIndex };
    }
  };
  // Renders in flight. With a pool, the whole batch: the threads then have work queued for as long
  // as this thread is busy writing the previous batch (its writes do not yield to the event loop,
  // so a short queue would leave the threads idle). Without one, PostgreSQL overlaps lookups (SQLite serialises them).
  const inFlight = pool ? Math.max(1, todo.length) : deps.engine === 'postgres' ? 4 : 1;
  await Promise.all(Array.from({ length: inFlight }, worker));
  return results;
}

export async function storeRendered(deps: WikiDeps, results: readonly PendingRender[], now: number, inTransaction: (trx: Executor, rendered: RenderedPage[]) => Promise<void>): Promise<RenderedPage[]> {
  if (results.length === 0) return [];
  return deps.db.transaction().execute(async (trx) => {
    const ids = results.map((x) => x.page.pageId);
    const current = new Map<number, number | null>();
    for (let i = 0; i < ids.length; i += 500) {
      for (const p of await trx.selectFrom('pages').select(['id', 'latest_rev_id']).where('id', 'in', ids.slice(i, i + 500)).execute()) current.set(p.id, p.latest_rev_id);
    }
    const fresh = results.filter((x) => current.get(x.page.pageId) === x.revId);
    await storeRenders(trx, fresh.map((x) => ({ pageId: x.page.pageId, revId: x.revId, result: x.result, forIndex: x.forIndex })), now, deps.engine);
    const stored = fresh.map((x) => x.page);
    await inTransaction(trx, stored);
    return stored;
  });
}
