import type { Actor } from '../../../core/actor.ts';
import { emit } from '../../../core/events.ts';
import type { Title } from '../../markup/index.ts';
import type { WikiDeps } from '../deps.ts';
import { renderWithLinks, storeRender } from '../render.ts';
import { dbTitle, wikiStore } from '../store.ts';
import { logAction } from './log-action.ts';

/**
 * Hides pages for another module's reason (the network: a person who made their profile private).
 * Like a deletion (the page leaves the live wiki, every read path skips it: view, history, search,
 * lists, api.php, exports), with two differences: no log entry (it would name the page) and the
 * page's lines in recent changes are removed, as MediaWiki does when it deletes a page. Revisions
 * are kept: `unhidePages` brings the pages back whole. Returns the hidden pages' ids.
 */
export async function hidePages(deps: WikiDeps, titles: readonly Title[]): Promise<number[]> {
  const now = deps.clock.now();
  const ids = await deps.db.transaction().execute(async (trx) => {
    const store = wikiStore(trx, deps.engine);
    const hidden: number[] = [];
    for (const title of titles) {
      const page = await store.livePage(title, { lock: true });
      if (!page) continue;
      await trx.updateTable('pages').set({ deleted_at: now, touched_at: now }).where('id', '=', page.id).execute();
      for (const table of ['page_links', 'category_links', 'template_links'] as const) await trx.deleteFrom(table).where('from_page_id', '=', page.id).execute();
      await trx.deleteFrom('recent_changes').where('page_id', '=', page.id).where('kind', '!=', 'log').execute();
      await emit(trx, 'page.deleted', { pageId: page.id, namespace: title.namespace, title: dbTitle(title) }, now);
      hidden.push(page.id);
    }
    return hidden;
  });
  await deps.events.drain();
  return ids;
}

/** Brings hidden pages back (by id), with all their revisions, unless their title was taken meanwhile. */
export async function unhidePages(deps: WikiDeps, pageIds: readonly number[]): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const store = wikiStore(trx, deps.engine);
    for (const id of pageIds) {
      const page = await store.pageById(id);
      if (!page || page.deletedAt === null || (await store.livePage(page.title))) continue;
      await trx.updateTable('pages').set({ deleted_at: null, touched_at: now }).where('id', '=', id).execute();
      const rev = await store.revision(page.latestRevId);
      if (rev) await storeRender(trx, id, rev.id, await renderWithLinks(trx, page.title, rev.content, rev.contentModel, true, deps.files), now);
      await emit(trx, 'page.created', { pageId: id, revId: page.latestRevId, namespace: page.title.namespace, title: dbTitle(page.title), actorId: null, actorName: '' }, now);
    }
  });
  await deps.events.drain();
}

/**
 * Purges pages for good (the one hard delete: erasure of personal information, Loi 25): the pages
 * (live, hidden or deleted, at these titles or ids), every revision and render (cascade), their
 * recent-changes lines and log entries, watchlist rows and notifications. When there was any, one log entry records
 * that a purge happened, by whom, with `logTitle` (which must not name anyone) and no content.
 */
export async function purgePages(deps: WikiDeps, actor: Actor, target: { titles: readonly Title[]; ids: readonly number[] }, logTitle: Title, comment: string): Promise<number> {
  const now = deps.clock.now();
  const count = await deps.db.transaction().execute(async (trx) => {
    const byTitle = target.titles.length === 0 ? [] : await trx.selectFrom('pages').select('id')
      .where((eb) => eb.or(target.titles.map((t) => eb.and([eb('namespace', '=', t.namespace), eb('title', '=', dbTitle(t))]))))
      .execute();
    const ids = [...new Set([...target.ids, ...byTitle.map((r) => r.id)])];
    const pages = ids.length === 0 ? [] : await trx.selectFrom('pages').select(['id', 'namespace', 'title']).where('id', 'in', ids).execute();
    if (pages.length === 0) return 0;
    for (const p of pages) {
      await trx.deleteFrom('recent_changes').where((eb) => eb.or([eb('page_id', '=', p.id), eb.and([eb('namespace', '=', p.namespace), eb('title', '=', p.title)])])).execute();
      await trx.deleteFrom('logs').where((eb) => eb.or([eb('page_id', '=', p.id), eb.and([eb('namespace', '=', p.namespace), eb('title', '=', p.title)])])).execute();
      await trx.deleteFrom('notifications').where('namespace', '=', p.namespace).where('title', '=', p.title).execute();
      await trx.deleteFrom('watchlist').where('namespace', '=', p.namespace).where('title', '=', p.title).execute();
      await trx.deleteFrom('pages').where('id', '=', p.id).execute();
      // Search drops the page and links to it turn red; the event names the title only, and the outbox prunes it within a week.
      await emit(trx, 'page.deleted', { pageId: p.id, namespace: p.namespace, title: p.title }, now);
    }
    await logAction(trx, { type: 'delete', action: 'purge', actor, title: logTitle, pageId: null, comment, params: { pages: pages.length }, now });
    return pages.length;
  });
  await deps.events.drain();
  return count;
}
