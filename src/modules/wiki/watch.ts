import type { Actor } from '../../core/actor.ts';
import { AppError } from '../../core/errors.ts';
import type { DomainEvent, Executor } from '../../core/events.ts';
import { subjectOf, type Title } from '../markup/index.ts';
import type { WikiDeps } from './deps.ts';
import { dbTitle } from './store.ts';

/** Watching a page covers its talk page too (MediaWiki stores the subject). */
function key(title: Title) {
  const s = subjectOf(title);
  return { namespace: s.namespace, title: dbTitle(s) };
}

export function watchlist(deps: WikiDeps) {
  return {
    async isWatching(actor: Actor, title: Title): Promise<boolean> {
      if (actor.kind !== 'user') return false;
      const k = key(title);
      const row = await deps.db.selectFrom('watchlist').select('user_id').where('user_id', '=', actor.user.id).where('namespace', '=', k.namespace).where('title', '=', k.title).executeTakeFirst();
      return Boolean(row);
    },
    async watch(actor: Actor, title: Title): Promise<void> {
      if (actor.kind !== 'user') throw new AppError('login_required');
      await deps.db.insertInto('watchlist').values({ user_id: actor.user.id, ...key(title) }).onConflict((oc) => oc.doNothing()).execute();
    },
    async unwatch(actor: Actor, title: Title): Promise<void> {
      if (actor.kind !== 'user') throw new AppError('login_required');
      const k = key(title);
      await deps.db.deleteFrom('watchlist').where('user_id', '=', actor.user.id).where('namespace', '=', k.namespace).where('title', '=', k.title).execute();
    },
    async unreadCount(actor: Actor): Promise<number> {
      if (actor.kind !== 'user') return 0;
      const r = await deps.db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', actor.user.id).where('read_at', 'is', null).executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}

type EditPayload = { namespace: number; title: string; revId: number; actorId: number | null; actorName: string };

/** Notifies everyone watching a page (or its talk page) of a change by someone else. */
export function notificationHandlers() {
  const notify = async (e: DomainEvent, db: Executor) => {
    const p = e.payload as EditPayload;
    const subjectNs = p.namespace >= 0 && p.namespace % 2 === 1 ? p.namespace - 1 : p.namespace;
    const watchers = await db.selectFrom('watchlist').select('user_id').where('namespace', '=', subjectNs).where('title', '=', p.title).execute();
    const rows = watchers
      .filter((w) => w.user_id !== p.actorId)
      .map((w) => ({ user_id: w.user_id, created_at: e.createdAt, kind: e.type, namespace: p.namespace, title: p.title, rev_id: p.revId, actor_name: p.actorName, read_at: null }));
    if (rows.length) await db.insertInto('notifications').values(rows).execute();
  };
  return { 'page.created': [notify], 'page.edited': [notify] };
}
