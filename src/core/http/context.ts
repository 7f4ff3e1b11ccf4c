import type { Actor } from '../actor.ts';
import type { Locale, MessageKey, Translate } from '../i18n/index.ts';

/** What every handler and view knows about the current request. */
export interface RequestContext {
  actor: Actor;
  locale: Locale;
  t: Translate;
  /** Token to put in every form (field `_csrf`) or `x-csrf-token` header. */
  csrfToken: string;
  /** Permission names the actor holds, for views deciding what to show (the policy decides). */
  abilities: ReadonlySet<string>;
  /** Path and query of this request, for "back to where I was" links. */
  path: string;
  /** A one-off confirmation shown at the top of the page (from `?notice=`). */
  notice: MessageKey | undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
  interface FastifyContextConfig {
    /** Set to false only for endpoints with their own token scheme (api.php). */
    csrf?: boolean;
  }
}
