import type { Actor } from '../../core/actor.ts';
import { can } from '../accounts/index.ts';
import { COORDINATE } from './lifecycle.ts';

/** Whether this actor may change this person's record (and write their `Personne:` page). */
export function mayEditPerson(actor: Actor, personUserId: number | null): boolean {
  return can(actor, COORDINATE) || (actor.kind === 'user' && personUserId !== null && actor.user.id === personUserId);
}

/** Whether this actor may see people who have not opted in to a public profile. */
export function seesPrivatePeople(actor: Actor): boolean {
  return can(actor, 'network.people.view');
}
