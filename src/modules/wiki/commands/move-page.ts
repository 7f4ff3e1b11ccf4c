import type { Actor } from '../../../core/actor.ts';
import { AppError } from '../../../core/errors.ts';
import { emit, type Executor } from '../../../core/events.ts';
import { authorize } from '../../accounts/index.ts';
import { talkOf, type Title } from '../../markup/index.ts';
import type { WikiDeps } from '../deps.ts';
import { assertCanEdit } from '../permissions.ts';
import { renderWithLinks, storeRender } from '../render.ts';
import { checkSaveGuard } from '../guards.ts';
import { dbTitle, wikiStore } from '../store.ts';
import { logAction } from './log-action.ts';

export interface MoveInput {
  from: Title;
  to: Title;
  reason: string;
  /** Leave a redirect at the old title (MediaWiki's default). */
  leaveRedirect: boolean;
  /** Move the talk page along when it exists and its target is free. */
  moveTalk: boolean;
}

/**
 * Renames a page with its whole history; a null revision records the move in the history and,
 * by default, a redirect is left at the old title. Logged.
 */
export async function movePage(deps: WikiDeps, actor: Actor, input: MoveInput): Promise<void> {
  authorize(actor, 'pages.move');
  if (input.to.namespace < 0) throw new AppError('validation_failed', {}, { target: 'wiki.error.special' });
  if (input.to.key === input.from.key) throw new AppError('validation_failed', {}, { target: 'wiki.move.same_title' });
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await moveOne(trx, deps, actor, input, now);
    const fromTalk = talkOf(input.from);
    const toTalk = talkOf(input.to);
    if (input.moveTalk && fromTalk && toTalk && fromTalk.key !== input.from.key) {
      const store = wikiStore(trx, deps.engine);
      if ((await store.livePage(fromTalk)) && !(await store.livePage(toTalk))) {
        await moveOne(trx, deps, actor, { ...input, from: fromTalk, to: toTalk }, now);
      }
    }
  });
  await deps.events.drain();
}

async function moveOne(trx: Executor, deps: WikiDeps, actor: Actor, input: MoveInput, now: number): Promise<void> {
  const store = wikiStore(trx, deps.engine);
  const page = await store.livePage(input.from, { lock: true });
  if (!page) throw new AppError('not_found');
  assertCanEdit(actor, page);
  // A guarded namespace (Personne:) decides on both ends: its pages neither leave nor arrive by hand.
  await checkSaveGuard(deps, trx, actor, input.from, 'target');
  await checkSaveGuard(deps, trx, actor, input.to, 'target');
  if (await store.livePage(input.to)) throw new AppError('validation_failed', {}, { target: 'wiki.move.target_exists' });
  const user = actor.kind === 'user' ? actor.user : undefined;
  const authorName = user?.name ?? 'Maillage';

  await trx.updateTable('pages').set({ namespace: input.to.namespace, title: dbTitle(input.to), touched_at: now }).where('id', '=', page.id).execute();
  const latest = await store.revision(page.latestRevId);
  if (!latest) throw new Error(`page ${page.id} has no latest revision`);
  const summary = `[[${input.from.full}]] → [[${input.to.full}]]${input.reason.trim() ? ` : ${input.reason.trim()}` : ''}`;
  // The null revision: same content, records the move in the page's history.
  const nullRev = await store.insertRevision({ pageId: page.id, parentId: latest.id, userId: user?.id ?? null, authorName, now, summary, minor: true, model: latest.contentModel, content: latest.content });
  await store.pointPageAt(page.id, nullRev, page.isRedirect, now);
  await storeRender(trx, page.id, nullRev.id, await renderWithLinks(trx, input.to, latest.content, latest.contentModel, true, deps.files), now);

  if (input.leaveRedirect) {
    const content = `#REDIRECTION [[${input.to.full}]]`;
    const redirectId = await store.insertPage({ title: input.from, model: 'markdown', now });
    const rev = await store.insertRevision({ pageId: redirectId, parentId: null, userId: user?.id ?? null, authorName, now, summary, minor: false, model: 'markdown', content });
    await store.pointPageAt(redirectId, rev, true, now);
    await storeRender(trx, redirectId, rev.id, await renderWithLinks(trx, input.from, content, 'markdown', true, deps.files), now);
  }
  await logAction(trx, { type: 'move', action: input.leaveRedirect ? 'move' : 'move_noredirect', actor, title: input.from, pageId: page.id, comment: input.reason.trim(), params: { target: input.to.full }, now });
  await emit(trx, 'page.moved', { pageId: page.id, from: { namespace: input.from.namespace, title: dbTitle(input.from) }, to: { namespace: input.to.namespace, title: dbTitle(input.to) } }, now);
}
