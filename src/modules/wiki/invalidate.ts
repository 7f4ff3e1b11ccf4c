import type { Actor } from '../../core/actor.ts';
import type { DomainEvent, Executor } from '../../core/events.ts';
import { parseTitle } from '../markup/index.ts';
import { logAction } from './commands/log-action.ts';
import type { WikiDeps } from './deps.ts';
import { renderWithLinks, storeRender } from './render.ts';
import { titleOf, wikiStore } from './store.ts';

/**
 * When a title starts or stops existing (created, deleted, moved), the stored renders of the
 * pages that link to it are dropped, so their links turn blue or red: the next view renders
 * them again (MediaWiki purges its parser cache the same way). One statement, whatever the
 * number of linking pages; runs from the outbox, after the change committed.
 */
export async function invalidateLinksTo(db: Executor, namespace: number, title: string): Promise<void> {
  await db
    .deleteFrom('page_renders')
    .where('page_id', 'in', (eb) =>
      eb.selectFrom('page_links').select('page_links.from_page_id').where('page_links.to_namespace', '=', namespace).where('page_links.to_title', '=', title),
    )
    .execute();
}

/** When a page changes, the pages that transclude it (directly or through other templates) are rendered again on their next view. */
export async function invalidateTransclusionsOf(db: Executor, namespace: number, title: string): Promise<void> {
  await db
    .deleteFrom('page_renders')
    .where('page_id', 'in', (eb) =>
      eb.selectFrom('template_links').select('template_links.from_page_id').where('template_links.to_namespace', '=', namespace).where('template_links.to_title', '=', title),
    )
    .execute();
}

export async function rerenderPage(deps: WikiDeps, pageId: number): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const store = wikiStore(trx, deps.engine);
    const page = await store.pageById(pageId);
    if (!page || page.deletedAt) return;
    const rev = await store.revision(page.latestRevId);
    if (!rev) return;
    const title = titleOf(page.title.namespace, page.title.text.replace(/ /g, '_'));
    await storeRender(trx, page.id, rev.id, await renderWithLinks(trx, title, rev.content, rev.contentModel, true, deps.files), deps.clock.now());
  });
}

type TitlePayload = { namespace: number; title: string };

export function invalidationHandlers() {
  const onExistenceChange = async (e: DomainEvent, db: Executor) => {
    const p = e.payload as TitlePayload;
    await invalidateLinksTo(db, p.namespace, p.title);
    await invalidateTransclusionsOf(db, p.namespace, p.title);
  };
  const onEdit = async (e: DomainEvent, db: Executor) => {
    const p = e.payload as TitlePayload;
    await invalidateTransclusionsOf(db, p.namespace, p.title);
  };
  return {
    /** MediaWiki's user-creation log: one entry on the user's page title. */
    'user.created': [
      async (e: DomainEvent, db: Executor) => {
        const p = e.payload as { userId: number; name: string };
        const title = parseTitle(`Utilisateur:${p.name}`);
        if (!title.ok) return;
        const actor: Actor = { kind: 'user', sessionId: 'event', user: { id: p.userId, name: p.name, email: '', role: 'reader', locale: null, createdAt: e.createdAt } };
        await logAction(db, { type: 'newusers', action: 'create', actor, title: title.title, pageId: null, comment: '', now: e.createdAt });
      },
    ],
    'page.created': [onExistenceChange],
    'page.edited': [onEdit],
    'page.deleted': [onExistenceChange],
    // A new version of a file (payload: namespace 6 and the file name): pages embedding it show the new one.
    'file.uploaded': [onExistenceChange],
    'page.moved': [
      async (e: DomainEvent, db: Executor) => {
        const p = e.payload as { from: TitlePayload; to: TitlePayload };
        for (const t of [p.from, p.to]) {
          await invalidateLinksTo(db, t.namespace, t.title);
          await invalidateTransclusionsOf(db, t.namespace, t.title);
        }
      },
    ],
  };
}
