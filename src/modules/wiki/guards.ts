import type { Actor } from '../../core/actor.ts';
import { AppError } from '../../core/errors.ts';
import type { Executor } from '../../core/events.ts';
import type { Title } from '../markup/index.ts';
import type { WikiDeps } from './deps.ts';

/** Asks the namespace's guard (if another module set one) whether this actor may write this title; refuses with its message. */
export async function checkSaveGuard(deps: WikiDeps, db: Executor, actor: Actor, title: Title, field = '_form'): Promise<void> {
  const guard = deps.saveGuards?.get(title.namespace);
  const refusal = guard ? await guard(db, actor, title) : undefined;
  // `guard` in the params tells machine clients it was another module's refusal (api.php: hookaborted).
  if (refusal) throw new AppError('validation_failed', { guard: title.namespace }, { [field]: refusal });
}
