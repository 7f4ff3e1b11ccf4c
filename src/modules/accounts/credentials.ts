import { AppError } from '../../core/errors.ts';
import { hitRateLimit } from '../../core/rate-limit.ts';
import type { Auth, Client, SignedIn } from './auth.ts';
import type { AccountsDeps } from './deps.ts';
import { LIMITS, minutesLeft } from './limits.ts';
import { verifyPassword } from './passwords.ts';
import { accountsStore, toUser } from './store.ts';
import type { User } from './types.ts';

/**
 * Credentials for clients other than the web form (api.php): a login is an e-mail address or a
 * user name, and every attempt counts against the same per-address limit as the form.
 */
export function credentials(deps: AccountsDeps, auth: Auth) {
  const store = accountsStore(deps.db);

  async function userByLogin(login: string): Promise<User | undefined> {
    const text = login.trim();
    if (!text || text.length > 200) return undefined;
    if (text.includes('@')) {
      const byEmail = await store.userByEmail(text.toLowerCase());
      if (byEmail) return toUser(byEmail);
    }
    // A name signs in only when exactly one account carries it.
    const rows = await deps.db.selectFrom('users').selectAll().where('name', '=', text).limit(2).execute();
    return rows.length === 1 ? toUser(rows[0]!) : undefined;
  }

  async function countAttempt(ip: string): Promise<void> {
    const r = await hitRateLimit(deps.db, `login:ip:${ip}`, LIMITS.loginPerIp.limit, LIMITS.loginPerIp.windowMs, deps.clock.now());
    if (!r.allowed) throw new AppError('rate_limited', { minutes: minutesLeft(r.retryAfterMs) });
  }

  return {
    userByLogin,
    async userById(id: number): Promise<User | undefined> {
      const row = await store.userById(id);
      return row ? toUser(row) : undefined;
    },
    /** Counts one sign-in attempt from this address; throws `rate_limited` over the form's limit. */
    countAttempt,
    /** Signs in with a login (e-mail or unique name) and password, with the form's limits and lockout. */
    async logIn(login: string, password: string, client: Client): Promise<SignedIn> {
      const user = await userByLogin(login);
      if (user) return auth.logIn({ email: user.email, password }, client);
      await countAttempt(client.ip);
      await verifyPassword(null, password);
      throw new AppError('validation_failed', {}, { _form: 'login.invalid' });
    },
  };
}

export type Credentials = ReturnType<typeof credentials>;
