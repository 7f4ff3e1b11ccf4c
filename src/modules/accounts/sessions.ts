import { hashToken, randomToken } from '../../core/ids.ts';
import type { AccountsDeps } from './deps.ts';
import { accountsStore, toUser } from './store.ts';
import { ANONYMOUS, type Actor } from './types.ts';

export const SESSION_TTL_MS = 30 * 24 * 3600_000;
/** A session's expiry slides forward at most this often, so reads do not write on every request. */
const TOUCH_EVERY_MS = 5 * 60_000;

/**
 * Server-side sessions: the cookie carries a random token, the database keeps only its hash.
 * Any app instance on the same database resolves any session.
 */
export function sessions({ db, clock }: AccountsDeps) {
  const store = accountsStore(db);
  return {
    async create(userId: number, userAgent: string | null): Promise<string> {
      const token = randomToken();
      const now = clock.now();
      await store.insertSession({ id: hashToken(token), userId, now, expiresAt: now + SESSION_TTL_MS, userAgent: userAgent?.slice(0, 300) ?? null });
      return token;
    },
    async resolve(token: string | undefined): Promise<Actor> {
      if (!token || token.length > 100) return ANONYMOUS;
      const id = hashToken(token);
      const row = await store.sessionWithUser(id);
      const now = clock.now();
      if (!row || row.session_expires_at <= now) return ANONYMOUS;
      if (now - row.session_last_seen_at > TOUCH_EVERY_MS) await store.touchSession(id, now, now + SESSION_TTL_MS);
      return { kind: 'user', user: toUser(row), sessionId: id };
    },
    async revoke(sessionId: string): Promise<void> {
      await store.deleteSession(sessionId);
    },
  };
}
