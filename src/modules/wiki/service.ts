import { CompiledQuery } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import type { Db } from '../../core/db/index.ts';
import type { EventHandler, Executor } from '../../core/events.ts';
import { parseTitle, type ContentModel, type Title } from '../markup/index.ts';
import { deletePage, undeletePage } from './commands/delete-page.ts';
import { hidePages, purgePages, unhidePages } from './commands/hide-page.ts';
import { importRevisions, renderLatest, renderPages, storeRendered, type ImportedPage, type PendingRender } from './commands/import-revisions.ts';
import type { RenderPool } from './render/pool.ts';
import { movePage, type MoveInput } from './commands/move-page.ts';
import { protectPage } from './commands/protect-page.ts';
import { savePage } from './commands/save-page.ts';
import type { WikiDeps } from './deps.ts';
import { invalidationHandlers, rerenderPage } from './invalidate.ts';
import { localizeRender, renderWithLinks } from './render.ts';
import { dbTitle, toPage, wikiStore } from './store.ts';
import type { Page, SaveInput } from './types.ts';
import { notificationHandlers, watchlist } from './watch.ts';

/** What identifies the current render of a page: empty when it must be rendered again. */
function stampOf(page: Pick<Page, 'latestRevId' | 'touchedAt'>, renderRevId: number | null, renderedAt: number | null): string {
  return renderRevId === page.latestRevId && renderedAt !== null ? `${page.latestRevId}|${renderRevId}|${renderedAt}|${page.touchedAt}` : '';
}

/**
 * The page view's hot query, built once with placeholder values and run with each title's
 * (parameters: namespace, title): Kysely's query building is a good part of a cached view.
 */
function compilePageWithStamp(db: Db) {
  return db
    .selectFrom('pages')
    .selectAll('pages')
    // Scalar subqueries, not a left join: SQLite answers them an order of magnitude faster here (measured, bench/).
    .select((eb) => [
      eb.selectFrom('page_renders').select('page_renders.rev_id').whereRef('page_renders.page_id', '=', 'pages.id').as('render_rev_id'),
      eb.selectFrom('page_renders').select('page_renders.rendered_at').whereRef('page_renders.page_id', '=', 'pages.id').as('rendered_at'),
    ])
    .where('pages.namespace', '=', 0)
    .where('pages.title', '=', '')
    .where('pages.deleted_at', 'is', null)
    .compile();
}

/** The wiki's public surface: commands take the actor; queries read. */
export function createWiki(deps: WikiDeps) {
  const store = wikiStore(deps.db, deps.engine);
  let pageWithStampQuery: ReturnType<typeof compilePageWithStamp> | undefined;
  async function renderStamp(page: Pick<Page, 'id' | 'latestRevId' | 'touchedAt'>): Promise<string> {
    const r = await deps.db.selectFrom('page_renders').select(['rev_id', 'rendered_at']).where('page_id', '=', page.id).executeTakeFirst();
    return stampOf(page, r?.rev_id ?? null, r?.rendered_at ?? null);
  }
  return {
    deps,
    save: (actor: Actor, input: SaveInput) => savePage(deps, actor, input),
    move: (actor: Actor, input: MoveInput) => movePage(deps, actor, input),
    delete: (actor: Actor, title: Title, reason: string) => deletePage(deps, actor, title, reason),
    undelete: (actor: Actor, title: Title, reason: string) => undeletePage(deps, actor, title, reason),
    /** Pages hidden and brought back for another module's reason (a person's privacy), without log entries; see commands/hide-page.ts. */
    hide: (titles: readonly Title[]) => hidePages(deps, titles),
    unhide: (pageIds: readonly number[]) => unhidePages(deps, pageIds),
    /** Hard delete, for erasure of personal information only; logged under `logTitle`, without content. */
    purge: (actor: Actor, target: { titles: readonly Title[]; ids: readonly number[] }, logTitle: Title, comment: string) => purgePages(deps, actor, target, logTitle, comment),
    protect: (actor: Actor, title: Title, level: Parameters<typeof protectPage>[3], reason: string) => protectPage(deps, actor, title, level, reason),
    watchlist: watchlist(deps),
    /** Bulk import (MediaWiki dumps), in the caller's transaction; see commands/import-revisions.ts. */
    importRevisions: (db: Executor, actor: Actor, pages: readonly ImportedPage[]) => importRevisions(db, actor, pages, deps.clock.now()),
    renderLatest: (pageIds: readonly number[], inTransaction: Parameters<typeof renderLatest>[3], force?: boolean) => renderLatest(deps, pageIds, deps.clock.now(), inTransaction, force),
    /** renderLatest in two steps, so a bulk run can render the next batch (in a pool's threads) while it stores this one. */
    /** `forIndex`: links tables and text only (RenderOptions.forIndex); the pages render in full on their next view. `force`: pages whose stored render is current too. */
    renderPages: (pageIds: readonly number[], pool?: RenderPool, options: { forIndex?: boolean; force?: boolean } = {}) => renderPages(deps, pageIds, options.force ?? false, pool, { forIndex: options.forIndex }),
    storeRendered: (results: readonly PendingRender[], inTransaction: Parameters<typeof renderLatest>[3]) => storeRendered(deps, results, deps.clock.now(), inTransaction),

    /** Why another module's guard would refuse this actor's write of this title (an i18n key), if it would: the edit form says so upfront. */
    saveRefusal: async (actor: Actor, title: Title) => deps.saveGuards?.get(title.namespace)?.(deps.db, actor, title),
    page: (title: Title) => store.livePage(title),
    deletedPages: (title: Title) => store.deletedPages(title),
    revision: (id: number) => store.revision(id),
    revisions: (pageId: number, opts: { limit: number; before?: number }) => store.revisions(pageId, opts),

    /** What identifies the current render of a page: empty when it must be rendered again. */
    renderStamp,

    /** The live page with the stamp of its stored render, in one query (the page view's hot path). */
    async pageWithStamp(title: Title): Promise<{ page: Page; stamp: string } | undefined> {
      pageWithStampQuery ??= compilePageWithStamp(deps.db);
      const { rows } = await deps.db.executeQuery(CompiledQuery.raw(pageWithStampQuery.sql, [title.namespace, dbTitle(title)]) as typeof pageWithStampQuery);
      const row = rows[0];
      if (!row) return undefined;
      const page = toPage(row);
      return { page, stamp: stampOf(page, row.render_rev_id, row.rendered_at) };
    },

    /** The stored render of the page's latest revision, rendered again first if it was invalidated. */
    async storedRender(page: Pick<Page, 'id' | 'latestRevId'>) {
      const read = () => deps.db.selectFrom('page_renders').select(['rev_id', 'html', 'toc', 'headings', 'rendered_at']).where('page_id', '=', page.id).executeTakeFirst();
      const stored = await read();
      if (stored && stored.rev_id === page.latestRevId) return stored;
      await rerenderPage(deps, page.id);
      return read();
    },

    /** Renders text that is not stored (previews, old revisions): no section edit links. */
    async renderTransient(title: Title, text: string, model: ContentModel, labels: Parameters<typeof localizeRender>[1]) {
      const r = await renderWithLinks(deps.db, title, text, model, false, deps.files);
      return { ...r, html: localizeRender(r.html, labels), toc: localizeRender(r.toc, labels) };
    },

    async categoriesOf(pageId: number): Promise<Array<{ title: Title; exists: boolean }>> {
      const rows = await deps.db
        .selectFrom('category_links')
        .leftJoin('pages', (j) => j.on('pages.namespace', '=', 14).onRef('pages.title', '=', 'category_links.category').on('pages.deleted_at', 'is', null))
        .select(['category_links.category', 'pages.id'])
        .where('category_links.from_page_id', '=', pageId)
        .orderBy('category_links.category')
        .execute();
      return rows.flatMap((r) => {
        const t = parseTitle(`Catégorie:${r.category.replace(/_/g, ' ')}`);
        return t.ok ? [{ title: t.title, exists: r.id !== null }] : [];
      });
    },

    async parentSizes(ids: number[]): Promise<Map<number, number>> {
      if (ids.length === 0) return new Map();
      const rows = await deps.db.selectFrom('revisions').select(['id', 'size']).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, r.size]));
    },

    dbTitle,

    handlers(): Record<string, EventHandler[]> {
      const merged: Record<string, EventHandler[]> = {};
      for (const group of [invalidationHandlers(), notificationHandlers()]) {
        for (const [type, list] of Object.entries(group)) merged[type] = [...(merged[type] ?? []), ...list];
      }
      return merged;
    },
  };
}

export type Wiki = ReturnType<typeof createWiki>;
