export { ROLES, isRole, roleRank, ANONYMOUS } from '../../core/actor.ts';
export type { Role, User, Actor } from '../../core/actor.ts';
import type { Role } from '../../core/actor.ts';

export type SignupMode = 'open' | 'invite';

export interface Invitation {
  email: string;
  role: Role;
  createdAt: number;
  expiresAt: number;
}
