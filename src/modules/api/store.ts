import type { Db } from '../../core/db/index.ts';
import { hashToken, randomToken, safeEqual } from '../../core/ids.ts';
import { isGrant, type Grant } from './rights.ts';

/** Bot sessions last as long as web sessions, without sliding. */
export const BOT_SESSION_TTL_MS = 30 * 24 * 3600_000;

export interface BotPassword {
  id: number;
  userId: number;
  name: string;
  grants: Grant[];
  createdAt: number;
  lastUsedAt: number | null;
}

type Row = { id: number; user_id: number; name: string; grants: string; created_at: number; last_used_at: number | null };

function toBotPassword(r: Row): BotPassword {
  return { id: r.id, userId: r.user_id, name: r.name, grants: r.grants.split(' ').filter(isGrant), createdAt: r.created_at, lastUsedAt: r.last_used_at };
}

/** Events given up after this many attempts (core/events.ts) are dead letters, not lag. */
const OUTBOX_MAX_ATTEMPTS = 5;

const COLUMNS = ['id', 'user_id', 'name', 'grants', 'created_at', 'last_used_at'] as const;

/** SQL of the api module (bot passwords, bot sessions, outbox lag); identical on both engines. */
export function apiStore(db: Db) {
  return {
    async listBotPasswords(userId: number): Promise<BotPassword[]> {
      return (await db.selectFrom('bot_passwords').select(COLUMNS).where('user_id', '=', userId).orderBy('name').execute()).map(toBotPassword);
    },
    async botPassword(userId: number, name: string): Promise<BotPassword | undefined> {
      const row = await db.selectFrom('bot_passwords').select(COLUMNS).where('user_id', '=', userId).where('name', '=', name).executeTakeFirst();
      return row ? toBotPassword(row) : undefined;
    },
    /** Creates a bot password and returns its secret (shown once; only its hash is kept). */
    async createBotPassword(userId: number, name: string, grants: Grant[], now: number): Promise<string> {
      const secret = randomToken(24);
      await db.insertInto('bot_passwords').values({ user_id: userId, name, secret_hash: hashToken(secret), grants: grants.join(' '), created_at: now, last_used_at: null }).execute();
      return secret;
    },
    /** Deletes it and every session it opened. */
    async revokeBotPassword(userId: number, id: number): Promise<boolean> {
      await db.deleteFrom('bot_sessions').where('bot_password_id', '=', id).where('user_id', '=', userId).execute();
      const r = await db.deleteFrom('bot_passwords').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async checkSecret(userId: number, name: string, secret: string): Promise<BotPassword | undefined> {
      const row = await db.selectFrom('bot_passwords').select([...COLUMNS, 'secret_hash']).where('user_id', '=', userId).where('name', '=', name).executeTakeFirst();
      if (!row || !safeEqual(row.secret_hash, hashToken(secret))) return undefined;
      return toBotPassword(row);
    },
    async openSession(bp: BotPassword, now: number): Promise<string> {
      const token = randomToken();
      await db.insertInto('bot_sessions').values({ id: hashToken(token), bot_password_id: bp.id, user_id: bp.userId, created_at: now, expires_at: now + BOT_SESSION_TTL_MS }).execute();
      await db.updateTable('bot_passwords').set({ last_used_at: now }).where('id', '=', bp.id).execute();
      return token;
    },
    async session(token: string, now: number): Promise<{ id: string; botPassword: BotPassword } | undefined> {
      if (!token || token.length > 100) return undefined;
      const id = hashToken(token);
      const row = await db
        .selectFrom('bot_sessions')
        .innerJoin('bot_passwords', 'bot_passwords.id', 'bot_sessions.bot_password_id')
        .select(['bot_sessions.expires_at', 'bot_passwords.id', 'bot_passwords.user_id', 'bot_passwords.name', 'bot_passwords.grants', 'bot_passwords.created_at', 'bot_passwords.last_used_at'])
        .where('bot_sessions.id', '=', id)
        .executeTakeFirst();
      if (!row || row.expires_at <= now) return undefined;
      return { id, botPassword: toBotPassword(row) };
    },
    async closeSession(id: string): Promise<void> {
      await db.deleteFrom('bot_sessions').where('id', '=', id).execute();
    },
    async deleteExpiredSessions(now: number): Promise<void> {
      await db.deleteFrom('bot_sessions').where('expires_at', '<', now).execute();
    },
    /** Seconds the oldest unprocessed outbox event has waited: this deployment's "replication lag". */
    async lagSeconds(now: number): Promise<number> {
      const row = await db.selectFrom('events').select((eb) => eb.fn.min<number>('created_at').as('oldest')).where('processed_at', 'is', null).where('attempts', '<', OUTBOX_MAX_ATTEMPTS).executeTakeFirst();
      const oldest = row?.oldest === null || row?.oldest === undefined ? undefined : Number(row.oldest);
      return oldest === undefined ? 0 : Math.max(0, Math.floor((now - oldest) / 1000));
    },
  };
}

export type ApiStore = ReturnType<typeof apiStore>;
