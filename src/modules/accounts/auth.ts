import { isUniqueViolation } from '../../core/db/index.ts';
import { AppError } from '../../core/errors.ts';
import { translate, type Locale } from '../../core/i18n/index.ts';
import { hashToken, randomToken } from '../../core/ids.ts';
import { hitRateLimit } from '../../core/rate-limit.ts';
import { getSetting } from '../../core/settings.ts';
import { parseForm } from '../../core/validation.ts';
import type { AccountsDeps } from './deps.ts';
import { LIMITS, minutesLeft } from './limits.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { loginSchema, resetRequestSchema, resetSchema, setupSchema, signupSchema } from './schemas.ts';
import { sessions } from './sessions.ts';
import { accountsStore, toUser } from './store.ts';
import { isRole, type Role, type SignupMode, type User } from './types.ts';

export interface Client {
  ip: string;
  userAgent: string | null;
  locale: Locale;
}

export interface SignedIn {
  user: User;
  token: string;
}

export const SIGNUP_MODE_KEY = 'accounts.signup_mode';

export async function signupMode(deps: AccountsDeps): Promise<SignupMode> {
  return (await getSetting(deps.db, SIGNUP_MODE_KEY)) === 'open' ? 'open' : 'invite';
}

async function limit(deps: AccountsDeps, key: string, rule: { limit: number; windowMs: number }) {
  const r = await hitRateLimit(deps.db, key, rule.limit, rule.windowMs, deps.clock.now());
  if (!r.allowed) throw new AppError('rate_limited', { minutes: minutesLeft(r.retryAfterMs) });
}

/** Sign-up, login, password reset and first-run setup: the flows an anonymous visitor can start. */
export function auth(deps: AccountsDeps) {
  const store = accountsStore(deps.db);
  const sess = sessions(deps);

  async function insertUser(input: { email: string; name: string; password: string; role: Role; locale: Locale | null }) {
    const passwordHash = await hashPassword(input.password);
    try {
      return await store.insertUser({ ...input, passwordHash, now: deps.clock.now() });
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('validation_failed', {}, { email: 'field.email.taken' });
      throw e;
    }
  }

  async function invitation(token: string | undefined) {
    if (!token) return undefined;
    const row = await store.validToken(hashToken(token), 'invite', deps.clock.now());
    if (!row) throw new AppError('validation_failed', {}, { _form: 'signup.invitation_invalid' });
    return { id: row.id, email: row.email ?? '', role: isRole(row.role) ? row.role : 'contributor' };
  }

  return {
    signupMode: () => signupMode(deps),

    /** Validates an invitation link before the form is shown. */
    async checkInvitation(token: string) {
      return invitation(token);
    },

    async signUp(input: unknown, client: Client): Promise<SignedIn> {
      const form = parseForm(signupSchema, input);
      await limit(deps, `signup:ip:${client.ip}`, LIMITS.signupPerIp);
      const invite = await invitation(form.invitation || undefined);
      if (!invite && (await signupMode(deps)) !== 'open') throw new AppError('validation_failed', {}, { _form: 'signup.invite_only' });
      if (invite && invite.email !== form.email) throw new AppError('validation_failed', {}, { email: 'field.email.not_invited' });
      if (await store.userByEmail(form.email)) throw new AppError('validation_failed', {}, { email: 'field.email.taken' });
      const user = await insertUser({ email: form.email, name: form.name, password: form.password, role: invite?.role ?? 'contributor', locale: client.locale });
      if (invite) await store.consumeToken(invite.id, deps.clock.now());
      return { user, token: await sess.create(user.id, client.userAgent) };
    },

    async logIn(input: unknown, client: Client): Promise<SignedIn> {
      const form = parseForm(loginSchema, input);
      await limit(deps, `login:ip:${client.ip}`, LIMITS.loginPerIp);
      const row = await store.userByEmail(form.email);
      const now = deps.clock.now();
      if (row?.locked_until && row.locked_until > now) {
        throw new AppError('account_locked', { minutes: minutesLeft(row.locked_until - now) });
      }
      if (!row || !(await verifyPassword(row.password_hash, form.password))) {
        if (row && (await store.addFailedLogin(row.id)) >= LIMITS.lockAfter) {
          await store.updateUser(row.id, { failed_logins: 0, locked_until: now + LIMITS.lockForMs });
          throw new AppError('account_locked', { minutes: minutesLeft(LIMITS.lockForMs) });
        }
        throw new AppError('validation_failed', {}, { _form: 'login.invalid' });
      }
      if (row.failed_logins > 0 || row.locked_until) await store.updateUser(row.id, { failed_logins: 0, locked_until: null });
      return { user: toUser(row), token: await sess.create(row.id, client.userAgent) };
    },

    /** Always answers the same way, whether or not the address has an account. */
    async requestPasswordReset(input: unknown, client: Client): Promise<void> {
      const form = parseForm(resetRequestSchema, input);
      await limit(deps, `reset:ip:${client.ip}`, LIMITS.resetPerIp);
      const row = await store.userByEmail(form.email);
      if (!row) return;
      const email = await hitRateLimit(deps.db, `reset:email:${form.email}`, LIMITS.resetPerEmail.limit, LIMITS.resetPerEmail.windowMs, deps.clock.now());
      if (!email.allowed) return;
      const token = randomToken();
      const now = deps.clock.now();
      await store.insertToken({ id: hashToken(token), kind: 'reset', userId: row.id, now, expiresAt: now + LIMITS.resetTtlMs });
      const user = toUser(row);
      const locale = user.locale ?? client.locale;
      const link = `${deps.publicUrl}/mot-de-passe/reinitialiser?jeton=${encodeURIComponent(token)}`;
      await deps.mailer.send({
        to: user.email,
        subject: translate(locale, 'mail.reset.subject', { site: 'Maillage' }),
        text: translate(locale, 'mail.reset.body', { name: user.name, link }),
      });
    },

    async resetTokenValid(token: string): Promise<boolean> {
      return Boolean(await store.validToken(hashToken(token), 'reset', deps.clock.now()));
    },

    /** Sets the new password, unlocks the account and signs out every session of the user. */
    async resetPassword(token: string, input: unknown): Promise<User> {
      const form = parseForm(resetSchema, input);
      const now = deps.clock.now();
      const row = await store.validToken(hashToken(token), 'reset', now);
      if (!row?.user_id || !(await store.consumeToken(row.id, now))) throw new AppError('validation_failed', {}, { _form: 'reset.invalid' });
      await store.updateUser(row.user_id, { password_hash: await hashPassword(form.password), failed_logins: 0, locked_until: null });
      await store.deleteSessionsOfUser(row.user_id);
      const user = await store.userById(row.user_id);
      if (!user) throw new AppError('validation_failed', {}, { _form: 'reset.invalid' });
      return toUser(user);
    },

    /** When no administrator exists, makes a one-time setup link (for the console at start). */
    async setupLinkIfNeeded(): Promise<string | undefined> {
      if ((await store.countUsersWithRole('admin')) > 0) return undefined;
      const token = randomToken();
      const now = deps.clock.now();
      await store.insertToken({ id: hashToken(token), kind: 'setup', now, expiresAt: now + LIMITS.setupTtlMs });
      return `${deps.publicUrl}/installation?jeton=${encodeURIComponent(token)}`;
    },

    async setupTokenValid(token: string): Promise<boolean> {
      if ((await store.countUsersWithRole('admin')) > 0) return false;
      return Boolean(await store.validToken(hashToken(token), 'setup', deps.clock.now()));
    },

    async completeSetup(token: string, input: unknown, client: Client): Promise<SignedIn> {
      const form = parseForm(setupSchema, input);
      const now = deps.clock.now();
      const row = await store.validToken(hashToken(token), 'setup', now);
      if (!row || (await store.countUsersWithRole('admin')) > 0 || !(await store.consumeToken(row.id, now))) {
        throw new AppError('validation_failed', {}, { _form: 'setup.invalid' });
      }
      const user = await insertUser({ email: form.email, name: form.name, password: form.password, role: 'admin', locale: client.locale });
      await store.consumeTokensOfKind('setup', now);
      return { user, token: await sess.create(user.id, client.userAgent) };
    },
  };
}

export type Auth = ReturnType<typeof auth>;
