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

export interface LogEntry {
  title: Title;
  pageId: number | null;
  comment: string;
  params?: Record<string, unknown>;
}

/** Rows per multi-row INSERT. */
const ROWS = 200;

/**
 * `logAction` for many pages at once (same type, action, actor and time), with multi-row
 * inserts: a few statements per few hundred entries. Returns the log ids in input order.
 */
export async function logActions(db: Executor, common: { type: string; action: string; actor: Actor; now: number }, entries: readonly LogEntry[]): Promise<number[]> {
  const user = common.actor.kind === 'user' ? common.actor.user : undefined;
  const authorName = user?.name ?? 'Maillage';
  // The command line's stand-in actor (no administrator yet) has id 0: no account row to point at.
  const userId = user && user.id > 0 ? user.id : null;
  const ids: number[] = [];
  for (let i = 0; i < entries.length; i += ROWS) {
    const chunk = entries.slice(i, i + ROWS);
    const rows = await db
      .insertInto('logs')
      .values(chunk.map((e) => ({
        type: common.type, action: common.action, created_at: common.now, user_id: userId, author_name: authorName,
        namespace: e.title.namespace, title: dbTitle(e.title), page_id: e.pageId, comment: e.comment, params: JSON.stringify(e.params ?? {}),
      })))
      .returning(['id', 'namespace', 'title'])
      .execute();
    // Both engines return a multi-row VALUES insert's rows in order; checked rather than assumed.
    rows.forEach((r, k) => {
      if (r.namespace !== chunk[k]!.title.namespace || r.title !== dbTitle(chunk[k]!.title)) throw new Error('multi-row insert returned rows out of order');
    });
    await db.insertInto('recent_changes').values(chunk.map((e, k) => ({
      created_at: common.now, kind: 'log' as const, namespace: e.title.namespace, title: dbTitle(e.title), page_id: e.pageId, rev_id: null, old_rev_id: null,
      user_id: userId, author_name: authorName, summary: e.comment, minor: 0, bot: 0, old_size: null, new_size: null, log_id: rows[k]!.id,
    }))).execute();
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

/** Rewrites the comment and parameters of log entries (and of their recent-changes lines). */
export async function updateLogEntry(db: Executor, logId: number, comment: string, params: Record<string, unknown>): Promise<void> {
  await db.updateTable('logs').set({ comment, params: JSON.stringify(params) }).where('id', '=', logId).execute();
  await db.updateTable('recent_changes').set({ summary: comment }).where('log_id', '=', logId).execute();
}
