import type { DomainEvent, EventHandler, Executor } from '../../core/events.ts';
import { readChantier } from './chantier.ts';
import { readOrganisation } from './organisation.ts';
import { readRencontre } from './rencontre.ts';
import { readProject } from './project.ts';
import { readLearning } from './learning.ts';
import { networkStore } from './store.ts';
import { NAMESPACE_NAMES, NS_CHANTIER, NS_LEARNING, NS_ORGANISATION, NS_PROJECT } from './types.ts';

/**
 * Keeps the network's query tables in step with the pages they project: after any change to a
 * page (created, edited, moved, deleted, undeleted) its row is rebuilt from the latest revision,
 * or removed when the page is no longer a live entity page. Runs in the event's transaction.
 */
export async function reproject(db: Executor, pageId: number, now: number): Promise<void> {
  const store = networkStore(db);
  const page = await db
    .selectFrom('pages')
    .innerJoin('revisions', 'revisions.id', 'pages.latest_rev_id')
    .select(['pages.namespace', 'pages.title', 'pages.deleted_at', 'pages.is_redirect', 'pages.latest_rev_id', 'revisions.content', 'revisions.content_model'])
    .where('pages.id', '=', pageId)
    .executeTakeFirst();
  // An entity page is a live Markdown page of the namespace that opens with its fields. Anything
  // else there (a page imported from a wiki whose namespace 100 was « Portail », a stub written by
  // hand) is an ordinary page: it is not listed.
  const entity = page && page.deleted_at === null && page.is_redirect === 0 && page.content_model === 'markdown' && /^---[ \t]*\n/.test(page.content);
  if (!entity || !NAMESPACE_NAMES[page.namespace]) {
    await store.removeProjections(pageId);
    return;
  }
  const text = page.title.replace(/_/g, ' ');
  if (page.namespace === NS_ORGANISATION) {
    await store.projectOrganisation(pageId, page.latest_rev_id!, page.title, readOrganisation(page.content, text).fields, now);
  } else if (page.namespace === NS_CHANTIER) {
    await store.projectChantier(pageId, page.latest_rev_id!, page.title, readChantier(page.content, text).fields, now);
  } else if (page.namespace === NS_PROJECT) {
    await store.projectProject(pageId, page.latest_rev_id!, page.title, readProject(page.content, text).fields, now);
  } else if (page.namespace === NS_LEARNING) {
    await store.projectLearning(pageId, page.latest_rev_id!, page.title, readLearning(page.content, text).fields, now);
  } else {
    await store.projectRencontre(pageId, page.latest_rev_id!, page.title, readRencontre(page.content, text).fields, now);
  }
}

function concerns(e: DomainEvent): boolean {
  const p = e.payload as { namespace?: number; from?: { namespace: number }; to?: { namespace: number } };
  return [p.namespace, p.from?.namespace, p.to?.namespace].some((ns) => ns !== undefined && NAMESPACE_NAMES[ns] !== undefined);
}

export function projectionHandlers(): Record<string, EventHandler[]> {
  const onPage: EventHandler = async (e, db) => {
    if (concerns(e)) await reproject(db, (e.payload as { pageId: number }).pageId, e.createdAt);
  };
  return { 'page.created': [onPage], 'page.edited': [onPage], 'page.moved': [onPage], 'page.deleted': [onPage] };
}
