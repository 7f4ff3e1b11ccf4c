import { AppError } from '../../core/errors.ts';
import { ROLES, roleRank, type Actor, type Role } from './types.ts';

/**
 * The one place that decides permissions. Each action names the weakest role allowed to do it;
 * routes and services ask `can` / `authorize`, never compare roles themselves.
 */
const MIN_ROLE = {
  'site.read': 'reader',
  'account.manage': 'reader',
  'pages.edit': 'contributor',
  'pages.move': 'contributor',
  'pages.delete': 'coordination',
  'pages.protect': 'coordination',
  'files.upload': 'contributor',
  'network.contribute': 'agent',
  'network.follow': 'reader',
  'network.coordinate': 'coordination',
  'network.people.view': 'agent',
  'users.list': 'coordination',
  'users.invite': 'coordination',
  'users.setRole': 'admin',
  'settings.edit': 'admin',
  'api.highlimits': 'coordination',
  'transfer.import': 'admin',
  'polls.manage': 'coordination',
} as const satisfies Record<string, Role>;

export type Action = keyof typeof MIN_ROLE;
export const ACTIONS = Object.keys(MIN_ROLE) as Action[];

/** Actions that need an account even when the role floor is `reader`. */
const NEEDS_ACCOUNT: ReadonlySet<Action> = new Set(['account.manage', 'network.follow']);

export function roleOf(actor: Actor): Role {
  return actor.kind === 'user' ? actor.user.role : 'reader';
}

export function can(actor: Actor, action: Action): boolean {
  if (NEEDS_ACCOUNT.has(action) && actor.kind !== 'user') return false;
  return roleRank(roleOf(actor)) >= roleRank(MIN_ROLE[action]);
}

/** Throws `login_required` for anonymous visitors and `forbidden` for signed-in users. */
export function authorize(actor: Actor, action: Action): void {
  if (can(actor, action)) return;
  throw new AppError(actor.kind === 'user' ? 'forbidden' : 'login_required');
}

export function abilities(actor: Actor): Set<Action> {
  return new Set(ACTIONS.filter((a) => can(actor, a)));
}

/** Roles this actor may hand out: admins any, coordination up to agent (invitations only). */
export function assignableRoles(actor: Actor): Role[] {
  const mine = roleOf(actor);
  if (mine === 'admin') return [...ROLES];
  if (mine === 'coordination') return ROLES.filter((r) => roleRank(r) <= roleRank('agent'));
  return [];
}
