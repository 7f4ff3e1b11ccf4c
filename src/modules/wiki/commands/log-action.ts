import type { Actor } from '../../../core/actor.ts';
import type { Executor } from '../../../core/events.ts';
import type { Title } from '../../markup/index.ts';
import { dbTitle } from '../store.ts';

/** Writes a log entry and its line in recent changes (MediaWiki's logging + rc_log rows). */
export async function logAction(
  db: Executor,
  entry: { type: string; action: string; actor: Actor; title: Title; pageId: number | null; comment: string; params?: Record<string, unknown>; now: number },
): Promise<number> {
  const user = entry.actor.kind === 'user' ? entry.actor.user : undefined;
  const authorName = user?.name ?? 'Maillage';
  const row = await db
    .insertInto('logs')
    .values({
      type: entry.type, action: entry.action, created_at: entry.now, user_id: user?.id ?? null, author_name: authorName,
      namespace: entry.title.namespace, title: dbTitle(entry.title), page_id: entry.pageId, comment: entry.comment, params: JSON.stringify(entry.params ?? {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('recent_changes').values({
    created_at: entry.now, kind: 'log', namespace: entry.title.namespace, title: dbTitle(entry.title), page_id: entry.pageId, rev_id: null, old_rev_id: null,
    user_id: user?.id ?? null, author_name: authorName, summary: entry.comment, minor: 0, bot: 0, old_size: null, new_size: null, log_id: row.id,
  }).execute();
  return row.id;
}
