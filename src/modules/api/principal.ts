import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../core/actor.ts';
import type { ApiDeps } from './context.ts';
import type { BotPrincipal } from './rights.ts';
import type { ApiStore } from './store.ts';

/**
 * Who calls api.php: a bot session (its own cookie, which the website ignores) when there is a
 * valid one, otherwise whoever the web session says.
 */
export async function resolvePrincipal(request: FastifyRequest, deps: ApiDeps, store: ApiStore, botCookie: string, now: number): Promise<{ actor: Actor; bot?: BotPrincipal }> {
  const token = request.cookies[botCookie];
  if (token) {
    const s = await store.session(token, now);
    const user = s ? await deps.accounts.credentials.userById(s.botPassword.userId) : undefined;
    if (s && user) {
      return {
        actor: { kind: 'user', user, sessionId: `bot:${s.id}` },
        bot: { passwordId: s.botPassword.id, botName: s.botPassword.name, grants: new Set(s.botPassword.grants), sessionId: s.id },
      };
    }
  }
  return { actor: request.ctx.actor };
}
