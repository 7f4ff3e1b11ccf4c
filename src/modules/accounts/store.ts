import type { Selectable } from 'kysely';
import type { Db } from '../../core/db/index.ts';
import { emit } from '../../core/events.ts';
import type { TokensTable, UsersTable } from '../../core/db/schema.ts';
import { isLocale } from '../../core/i18n/locales.ts';
import { isRole, type Role, type User } from './types.ts';

type UserRow = Selectable<UsersTable>;
export type TokenKind = TokensTable['kind'];

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: isRole(row.role) ? row.role : 'reader',
    locale: isLocale(row.locale) ? row.locale : null,
    createdAt: row.created_at,
  };
}

/** SQL of the accounts module; identical on SQLite and PostgreSQL. */
export function accountsStore(db: Db) {
  return {
    async userByEmail(email: string): Promise<UserRow | undefined> {
      return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    },
    async userById(id: number): Promise<UserRow | undefined> {
      return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async insertUser(u: { email: string; name: string; passwordHash: string | null; role: Role; locale: string | null; now: number }) {
      // The account and its 'user.created' event (the user-creation log) commit together.
      const row = await db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('users')
          .values({ email: u.email, name: u.name, password_hash: u.passwordHash, role: u.role, locale: u.locale, created_at: u.now })
          .returningAll()
          .executeTakeFirstOrThrow();
        await emit(trx, 'user.created', { userId: inserted.id, name: inserted.name }, u.now);
        return inserted;
      });
      return toUser(row);
    },
    async updateUser(id: number, patch: Partial<Pick<UserRow, 'password_hash' | 'role' | 'locale' | 'name' | 'failed_logins' | 'locked_until'>>) {
      await db.updateTable('users').set(patch).where('id', '=', id).execute();
    },
    /** Counts a failed login and returns the new count (atomic, safe across instances). */
    async addFailedLogin(id: number): Promise<number> {
      const row = await db
        .updateTable('users')
        .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
        .where('id', '=', id)
        .returning('failed_logins')
        .executeTakeFirstOrThrow();
      return row.failed_logins;
    },
    async listUsers(): Promise<User[]> {
      const rows = await db.selectFrom('users').selectAll().orderBy('name').orderBy('id').execute();
      return rows.map(toUser);
    },
    async countUsersWithRole(role: Role): Promise<number> {
      const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', role).executeTakeFirstOrThrow();
      return Number(r.n);
    },

    async insertSession(s: { id: string; userId: number; now: number; expiresAt: number; userAgent: string | null }) {
      await db
        .insertInto('sessions')
        .values({ id: s.id, user_id: s.userId, created_at: s.now, expires_at: s.expiresAt, last_seen_at: s.now, user_agent: s.userAgent })
        .execute();
    },
    async sessionWithUser(id: string) {
      return db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .selectAll('users')
        .select(['sessions.expires_at as session_expires_at', 'sessions.last_seen_at as session_last_seen_at'])
        .where('sessions.id', '=', id)
        .executeTakeFirst();
    },
    async touchSession(id: string, now: number, expiresAt: number) {
      await db.updateTable('sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('id', '=', id).execute();
    },
    async deleteSession(id: string) {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },
    async deleteSessionsOfUser(userId: number, exceptId?: string) {
      let q = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (exceptId) q = q.where('id', '!=', exceptId);
      await q.execute();
    },
    async deleteExpiredSessions(now: number) {
      await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
    },

    async insertToken(t: { id: string; kind: TokenKind; userId?: number | null; email?: string | null; role?: Role | null; createdBy?: number | null; now: number; expiresAt: number }) {
      await db
        .insertInto('tokens')
        .values({
          id: t.id, kind: t.kind, user_id: t.userId ?? null, email: t.email ?? null, role: t.role ?? null,
          created_by: t.createdBy ?? null, created_at: t.now, expires_at: t.expiresAt, used_at: null,
        })
        .execute();
    },
    async validToken(id: string, kind: TokenKind, now: number) {
      return db
        .selectFrom('tokens')
        .selectAll()
        .where('id', '=', id)
        .where('kind', '=', kind)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
    },
    /** Marks a token used; false when another request used it first. */
    async consumeToken(id: string, now: number): Promise<boolean> {
      const r = await db.updateTable('tokens').set({ used_at: now }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async consumeTokensOfKind(kind: TokenKind, now: number) {
      await db.updateTable('tokens').set({ used_at: now }).where('kind', '=', kind).where('used_at', 'is', null).execute();
    },
    async pendingInvitations(now: number) {
      return db
        .selectFrom('tokens')
        .select(['email', 'role', 'created_at', 'expires_at'])
        .where('kind', '=', 'invite')
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .orderBy('created_at', 'desc')
        .execute();
    },
  };
}

export type AccountsStore = ReturnType<typeof accountsStore>;
