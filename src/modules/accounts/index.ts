import { adminRoutes } from './admin-routes.ts';
import { auth } from './auth.ts';
import { credentials } from './credentials.ts';
import type { AccountsDeps } from './deps.ts';
import { manage, operator } from './manage.ts';
import { abilities } from './policy.ts';
import { accountsRoutes } from './routes.ts';
import { sessions } from './sessions.ts';
import type { Config } from '../../core/config.ts';

export type { AccountsDeps } from './deps.ts';
export { ROLES, ANONYMOUS, isRole } from './types.ts';
export type { Actor, Role, User, SignupMode } from './types.ts';
export { can, authorize, abilities, assignableRoles, roleOf, ACTIONS, type Action } from './policy.ts';
export { LIMITS } from './limits.ts';
export { SIGNUP_MODE_KEY } from './auth.ts';
export type { Client, SignedIn } from './auth.ts';
export type { Credentials } from './credentials.ts';
export { SESSION_TTL_MS } from './sessions.ts';

/** The accounts module, built from its ports. */
export function createAccounts(deps: AccountsDeps, config: Config) {
  const a = auth(deps);
  const m = manage(deps);
  const s = sessions(deps);
  return {
    auth: a,
    manage: m,
    sessions: s,
    /** Sign-in for other clients (api.php): by e-mail or name, same limits as the form. */
    credentials: credentials(deps, a),
    operator: operator(deps),
    abilitiesOf: abilities,
    routes: [accountsRoutes({ config, auth: a, manage: m, sessions: s }), adminRoutes({ manage: m })],
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
