import type { DomainEvent } from '../../core/events.ts';
import type { WikiDeps } from './deps.ts';
import { renderWithLinks, storeRender } from './render.ts';
import { titleOf, wikiStore } from './store.ts';

/**
 * Re-renders the pages that link to a title whose existence changed (created, deleted, moved),
 * so their links turn blue or red. Runs from the outbox, after the change committed.
 */
export async function rerenderLinksTo(deps: WikiDeps, namespace: number, title: string): Promise<number> {
  const from = await deps.db
    .selectFrom('page_links')
    .innerJoin('pages', 'pages.id', 'page_links.from_page_id')
    .select('pages.id')
    .where('page_links.to_namespace', '=', namespace)
    .where('page_links.to_title', '=', title)
    .where('pages.deleted_at', 'is', null)
    .execute();
  for (const { id } of from) await rerenderPage(deps, id);
  return from.length;
}

export async function rerenderPage(deps: WikiDeps, pageId: number): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const store = wikiStore(trx, deps.engine);
    const page = await store.pageById(pageId);
    if (!page || page.deletedAt) return;
    const rev = await store.revision(page.latestRevId);
    if (!rev) return;
    const title = titleOf(page.title.namespace, page.title.text.replace(/ /g, '_'));
    await storeRender(trx, page.id, rev.id, await renderWithLinks(trx, title, rev.content, rev.contentModel, true), deps.clock.now());
  });
}

type TitlePayload = { namespace: number; title: string };

export function invalidationHandlers(deps: WikiDeps) {
  const onExistenceChange = async (e: DomainEvent) => {
    const p = e.payload as TitlePayload;
    await rerenderLinksTo(deps, p.namespace, p.title);
  };
  return {
    'page.created': [onExistenceChange],
    'page.deleted': [onExistenceChange],
    'page.moved': [
      async (e: DomainEvent) => {
        const p = e.payload as { from: TitlePayload; to: TitlePayload };
        await rerenderLinksTo(deps, p.from.namespace, p.from.title);
        await rerenderLinksTo(deps, p.to.namespace, p.to.title);
      },
    ],
  };
}
