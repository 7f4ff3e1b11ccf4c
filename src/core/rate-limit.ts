import { sql } from 'kysely';
import type { Db } from './db/index.ts';

export interface RateLimitResult {
  allowed: boolean;
  /** Milliseconds until the window resets. */
  retryAfterMs: number;
}

/**
 * Fixed-window counter kept in the database, so the limit holds across app instances.
 * One atomic upsert per hit: a window older than `windowMs` starts again at 1.
 */
export async function hitRateLimit(db: Db, key: string, limit: number, windowMs: number, now: number): Promise<RateLimitResult> {
  const stale = now - windowMs;
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_start: now, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql<number>`case when rate_limits.window_start <= ${stale} then 1 else rate_limits.count + 1 end`,
        window_start: sql<number>`case when rate_limits.window_start <= ${stale} then ${now} else rate_limits.window_start end`,
      }),
    )
    .returning(['count', 'window_start'])
    .executeTakeFirstOrThrow();
  return { allowed: row.count <= limit, retryAfterMs: Math.max(0, Number(row.window_start) + windowMs - now) };
}

export async function clearRateLimit(db: Db, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}

/** Drops windows that ended long ago; called from housekeeping. */
export async function pruneRateLimits(db: Db, olderThan: number): Promise<void> {
  await db.deleteFrom('rate_limits').where('window_start', '<', olderThan).execute();
}
