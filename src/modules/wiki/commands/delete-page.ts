import type { Actor } from '../../../core/actor.ts';
import { AppError } from '../../../core/errors.ts';
import { emit } from '../../../core/events.ts';
import { authorize } from '../../accounts/index.ts';
import type { Title } from '../../markup/index.ts';
import type { WikiDeps } from '../deps.ts';
import { checkSaveGuard } from '../guards.ts';
import { renderWithLinks, storeRender } from '../render.ts';
import { dbTitle, wikiStore } from '../store.ts';
import { logAction } from './log-action.ts';

/**
 * Deletes a page: it leaves the live wiki (links to it turn red) but keeps every revision,
 * so undelete restores it whole. Logged.
 */
export async function deletePage(deps: WikiDeps, actor: Actor, title: Title, reason: string): Promise<void> {
  authorize(actor, 'pages.delete');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const store = wikiStore(trx, deps.engine);
    const page = await store.livePage(title, { lock: true });
    if (!page) throw new AppError('not_found');
    await trx.updateTable('pages').set({ deleted_at: now, touched_at: now }).where('id', '=', page.id).execute();
    for (const table of ['page_links', 'category_links', 'template_links'] as const) await trx.deleteFrom(table).where('from_page_id', '=', page.id).execute();
    await logAction(trx, { type: 'delete', action: 'delete', actor, title, pageId: page.id, comment: reason.trim(), now });
    await emit(trx, 'page.deleted', { pageId: page.id, namespace: title.namespace, title: dbTitle(title) }, now);
  });
  await deps.events.drain();
}

/** Restores the most recently deleted page at this title, with all its revisions. */
export async function undeletePage(deps: WikiDeps, actor: Actor, title: Title, reason: string): Promise<void> {
  authorize(actor, 'pages.delete');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const store = wikiStore(trx, deps.engine);
    if (await store.livePage(title)) throw new AppError('validation_failed', {}, { _form: 'wiki.error.undelete_exists' });
    const [page] = await store.deletedPages(title);
    if (!page) throw new AppError('not_found');
    await checkSaveGuard(deps, trx, actor, title);
    await trx.updateTable('pages').set({ deleted_at: null, touched_at: now }).where('id', '=', page.id).execute();
    const rev = await store.revision(page.latestRevId);
    if (rev) await storeRender(trx, page.id, rev.id, await renderWithLinks(trx, title, rev.content, rev.contentModel, true, deps.files), now);
    await logAction(trx, { type: 'delete', action: 'restore', actor, title, pageId: page.id, comment: reason.trim(), now });
    await emit(trx, 'page.created', { pageId: page.id, revId: page.latestRevId, namespace: title.namespace, title: dbTitle(title), actorId: null, actorName: '' }, now);
  });
  await deps.events.drain();
}
