import { roleRank, type Actor } from '../../core/actor.ts';
import { AppError } from '../../core/errors.ts';
import { authorize, can, roleOf } from '../accounts/index.ts';
import type { Page } from './types.ts';

/** Editing needs `pages.edit`, and on a protected page at least the protection's role. */
export function canEdit(actor: Actor, page: Pick<Page, 'protectEdit'> | undefined): boolean {
  if (!can(actor, 'pages.edit')) return false;
  return !page?.protectEdit || roleRank(roleOf(actor)) >= roleRank(page.protectEdit);
}

export function assertCanEdit(actor: Actor, page: Pick<Page, 'protectEdit'>): void {
  authorize(actor, 'pages.edit');
  if (!canEdit(actor, page)) throw new AppError('page_protected');
}
