import type { Locale } from './i18n/locales.ts';

/** Who is acting, shared by every module: the accounts module fills it in from the session. */

/** Roles, weakest first. `reader` is also what an anonymous visitor is. */
export const ROLES = ['reader', 'contributor', 'agent', 'coordination', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  locale: Locale | null;
  createdAt: number;
}

/** Who is acting: a signed-in user, or an anonymous reader. */
export type Actor = { kind: 'anonymous' } | { kind: 'user'; user: User; sessionId: string };

export const ANONYMOUS: Actor = Object.freeze({ kind: 'anonymous' });
