import { ROLES, roleRank } from '../../core/actor.ts';
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
export async function reproject(db: Executor, pageId: number, now: number, by?: Editor): Promise<void> {
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
    const before = await db.selectFrom('network_chantiers').select('fields').where('page_id', '=', pageId).executeTakeFirst();
    const fields = readChantier(page.content, text).fields;
    await store.projectChantier(pageId, page.latest_rev_id!, page.title, fields, now);
    if (by) await notifyNeeds(db, { namespace: page.namespace, title: page.title, revId: page.latest_rev_id! }, before ? needsOf(before.fields) : [], fields.needs, by, now);
  } else if (page.namespace === NS_PROJECT) {
    await store.projectProject(pageId, page.latest_rev_id!, page.title, readProject(page.content, text).fields, now);
  } else if (page.namespace === NS_LEARNING) {
    await store.projectLearning(pageId, page.latest_rev_id!, page.title, readLearning(page.content, text).fields, now);
  } else {
    await store.projectRencontre(pageId, page.latest_rev_id!, page.title, readRencontre(page.content, text).fields, now);
  }
}

/** Who saved the revision being projected (from the wiki's page.created / page.edited events). */
interface Editor {
  actorId: number | null;
  actorName: string;
}

/** Roles that receive a chantier's needs: the coordination team (and administrators). */
const COORDINATION_ROLES = ROLES.filter((r) => roleRank(r) >= roleRank('coordination'));

function needsOf(json: string): string[] {
  try {
    const needs = (JSON.parse(json) as { needs?: unknown }).needs;
    return Array.isArray(needs) ? needs.filter((n): n is string => typeof n === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * A chantier « sends » its needs to the coordination team by listing them in its fields: when a
 * revision adds a need, each coordination account (but the editor) gets an in-app notification
 * (kind `network.need`) pointing at the revision.
 */
async function notifyNeeds(db: Executor, page: { namespace: number; title: string; revId: number }, before: readonly string[], after: readonly string[], by: Editor, now: number): Promise<void> {
  const known = new Set(before);
  if (!after.some((n) => !known.has(n))) return;
  const team = await db.selectFrom('users').select('id').where('role', 'in', COORDINATION_ROLES).execute();
  const rows = team.filter((u) => u.id !== by.actorId).map((u) => ({
    user_id: u.id, created_at: now, kind: 'network.need', namespace: page.namespace, title: page.title, rev_id: page.revId, actor_name: by.actorName, read_at: null,
  }));
  if (rows.length > 0) await db.insertInto('notifications').values(rows).execute();
}

function concerns(e: DomainEvent): boolean {
  const p = e.payload as { namespace?: number; from?: { namespace: number }; to?: { namespace: number } };
  return [p.namespace, p.from?.namespace, p.to?.namespace].some((ns) => ns !== undefined && NAMESPACE_NAMES[ns] !== undefined);
}

export function projectionHandlers(): Record<string, EventHandler[]> {
  const onPage: EventHandler = async (e, db) => {
    if (concerns(e)) await reproject(db, (e.payload as { pageId: number }).pageId, e.createdAt);
  };
  // A saved revision: its editor is known, so new needs are sent to the coordination team.
  const onSave: EventHandler = async (e, db) => {
    const p = e.payload as { pageId: number; actorId?: number | null; actorName?: string };
    if (concerns(e)) await reproject(db, p.pageId, e.createdAt, { actorId: p.actorId ?? null, actorName: p.actorName ?? '' });
  };
  return { 'page.created': [onSave], 'page.edited': [onSave], 'page.moved': [onPage], 'page.deleted': [onPage] };
}
