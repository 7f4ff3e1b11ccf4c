import { isRole, type Actor, type Role } from '../../../core/actor.ts';
import { AppError } from '../../../core/errors.ts';
import { authorize } from '../../accounts/index.ts';
import type { Title } from '../../markup/index.ts';
import type { WikiDeps } from '../deps.ts';
import { wikiStore } from '../store.ts';
import { logAction } from './log-action.ts';

/** Sets the weakest role allowed to edit the page (null lifts the protection). Logged. */
export async function protectPage(deps: WikiDeps, actor: Actor, title: Title, level: Role | null, reason: string): Promise<void> {
  authorize(actor, 'pages.protect');
  if (level !== null && !isRole(level)) throw new AppError('validation_failed', {}, { level: 'field.role.invalid' });
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const page = await wikiStore(trx, deps.engine).livePage(title, { lock: true });
    if (!page) throw new AppError('not_found');
    await trx.updateTable('pages').set({ protect_edit: level }).where('id', '=', page.id).execute();
    await logAction(trx, { type: 'protect', action: level ? 'protect' : 'unprotect', actor, title, pageId: page.id, comment: reason.trim(), params: { edit: level }, now });
  });
}
