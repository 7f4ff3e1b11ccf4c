import { AppError } from '../../core/errors.ts';
import { translate, type Locale } from '../../core/i18n/index.ts';
import { hashToken, randomToken } from '../../core/ids.ts';
import { setSetting } from '../../core/settings.ts';
import { parseForm } from '../../core/validation.ts';
import { SIGNUP_MODE_KEY, signupMode } from './auth.ts';
import type { AccountsDeps } from './deps.ts';
import { LIMITS } from './limits.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { assignableRoles, authorize } from './policy.ts';
import { changePasswordSchema, inviteSchema, roleSchema } from './schemas.ts';
import { accountsStore, toUser } from './store.ts';
import { isRole, type Actor, type Invitation, type Role, type SignupMode, type User } from './types.ts';

function signedIn(actor: Actor): Extract<Actor, { kind: 'user' }> {
  authorize(actor, 'account.manage');
  return actor as Extract<Actor, { kind: 'user' }>;
}

/** What signed-in users do to their own account, and what coordination and admins do to others'. */
export function manage(deps: AccountsDeps) {
  const store = accountsStore(deps.db);

  return {
    async changePassword(actor: Actor, input: unknown): Promise<void> {
      const me = signedIn(actor);
      const form = parseForm(changePasswordSchema, input);
      const row = await store.userById(me.user.id);
      if (!row || !(await verifyPassword(row.password_hash, form.current_password))) {
        throw new AppError('validation_failed', {}, { current_password: 'field.password.wrong' });
      }
      await store.updateUser(me.user.id, { password_hash: await hashPassword(form.password) });
      // Other devices are signed out; this one stays.
      await store.deleteSessionsOfUser(me.user.id, me.sessionId);
    },

    async setLocale(actor: Actor, locale: Locale | null): Promise<void> {
      if (actor.kind !== 'user') return;
      await store.updateUser(actor.user.id, { locale });
    },

    async listUsers(actor: Actor): Promise<User[]> {
      authorize(actor, 'users.list');
      return store.listUsers();
    },

    async setRole(actor: Actor, userId: number, input: unknown): Promise<void> {
      authorize(actor, 'users.setRole');
      const role = parseForm(roleSchema, input);
      const target = await store.userById(userId);
      if (!target) throw new AppError('not_found');
      if (target.role === 'admin' && role !== 'admin' && (await store.countUsersWithRole('admin')) <= 1) {
        throw new AppError('validation_failed', {}, { _form: 'users.last_admin' });
      }
      await store.updateUser(userId, { role });
    },

    async signupMode(actor: Actor): Promise<SignupMode> {
      authorize(actor, 'settings.edit');
      return signupMode(deps);
    },

    async setSignupMode(actor: Actor, mode: unknown): Promise<void> {
      authorize(actor, 'settings.edit');
      if (mode !== 'open' && mode !== 'invite') throw new AppError('validation_failed', {}, { signup_mode: 'field.choice.invalid' });
      await setSetting(deps.db, SIGNUP_MODE_KEY, mode);
    },

    /** Creates an invitation, mails it, and returns the link so the inviter can also pass it on. */
    async invite(actor: Actor, input: unknown, locale: Locale): Promise<string> {
      authorize(actor, 'users.invite');
      const form = parseForm(inviteSchema, input);
      if (!assignableRoles(actor).includes(form.role)) throw new AppError('validation_failed', {}, { role: 'field.role.invalid' });
      if (await store.userByEmail(form.email)) throw new AppError('validation_failed', {}, { email: 'field.email.taken' });
      const token = randomToken();
      const now = deps.clock.now();
      const me = signedIn(actor);
      await store.insertToken({ id: hashToken(token), kind: 'invite', email: form.email, role: form.role, createdBy: me.user.id, now, expiresAt: now + LIMITS.inviteTtlMs });
      const link = `${deps.publicUrl}/inscription?invitation=${encodeURIComponent(token)}`;
      await deps.mailer.send({
        to: form.email,
        subject: translate(locale, 'mail.invite.subject', { site: 'Maillage' }),
        text: translate(locale, 'mail.invite.body', {
          inviter: me.user.name, site: 'Maillage', role: translate(locale, `role.${form.role}`), days: LIMITS.inviteTtlMs / 86_400_000, link,
        }),
      });
      return link;
    },

    async pendingInvitations(actor: Actor): Promise<Invitation[]> {
      authorize(actor, 'users.invite');
      const rows = await store.pendingInvitations(deps.clock.now());
      return rows.map((r) => ({ email: r.email ?? '', role: isRole(r.role) ? r.role : 'contributor', createdAt: r.created_at, expiresAt: r.expires_at }));
    },

    assignableRoles,
  };
}

/** Operator commands for the CLI: whoever runs them already has the server's keys. */
export function operator(deps: AccountsDeps) {
  const store = accountsStore(deps.db);
  async function byEmail(email: string) {
    const row = await store.userByEmail(email.trim().toLowerCase());
    if (!row) throw new Error(`no user with email ${email}`);
    return row;
  }
  return {
    /** Acts as an existing user without a session (imports, demo content). */
    async actorFor(email: string): Promise<Actor> {
      const row = await byEmail(email);
      return { kind: 'user', user: toUser(row), sessionId: 'operator' };
    },
    async createUser(input: { email: string; name: string; role: Role; password?: string }): Promise<User> {
      const role = parseForm(roleSchema, input.role);
      return store.insertUser({
        email: input.email.trim().toLowerCase(), name: input.name.trim(), role, locale: null, now: deps.clock.now(),
        passwordHash: input.password ? await hashPassword(input.password) : null,
      });
    },
    async setRole(email: string, role: string): Promise<void> {
      const row = await byEmail(email);
      await store.updateUser(row.id, { role: parseForm(roleSchema, role) });
    },
    /** Sets a password directly, or returns a one-hour reset link when none is given. */
    async resetPassword(email: string, password?: string): Promise<string | undefined> {
      const row = await byEmail(email);
      if (password) {
        await store.updateUser(row.id, { password_hash: await hashPassword(password), failed_logins: 0, locked_until: null });
        await store.deleteSessionsOfUser(row.id);
        return undefined;
      }
      const token = randomToken();
      const now = deps.clock.now();
      await store.insertToken({ id: hashToken(token), kind: 'reset', userId: row.id, now, expiresAt: now + LIMITS.resetTtlMs });
      return `${deps.publicUrl}/mot-de-passe/reinitialiser?jeton=${encodeURIComponent(token)}`;
    },
  };
}
