import path from 'node:path';
import { ROOT } from '../paths.ts';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import { ANONYMOUS, type Actor } from '../actor.ts';
import type { Config } from '../config.ts';
import type { DbHandle } from '../db/index.ts';
import { migrationsPending } from '../db/migrate.ts';
import { isLocale, negotiateLocale, translator, type Locale } from '../i18n/index.ts';
import { randomUUID } from 'node:crypto';
import { randomToken } from '../ids.ts';
import { loggerOptions } from '../logger.ts';
import { messageOrNull } from '../layout/components.tsx';
import type { RequestContext } from './context.ts';
import { cookieNames, setCookie } from './cookies.ts';
import { csrfToken, csrfValid, isUnsafe } from './csrf.ts';
import { installErrorHandling, sendError } from './errors.ts';
import { securityHeaders } from './security.ts';
import { AppError } from '../errors.ts';

const ASSETS = path.join(ROOT, 'src/core/layout/assets');

export interface HttpDeps {
  config: Config;
  db: DbHandle;
  /** Shared by every instance (stored in the database). */
  csrfSecret: string;
  resolveActor(sessionToken: string | undefined): Promise<Actor>;
  abilitiesOf(actor: Actor): ReadonlySet<string>;
  /** Module route plugins, registered in order. */
  modules: Array<(app: FastifyInstance) => void | Promise<void>>;
  logger?: FastifyBaseLogger;
}

function pickLocale(request: FastifyRequest, actor: Actor, langCookie: string | undefined): Locale {
  const q = (request.query as Record<string, unknown> | undefined)?.uselang;
  if (typeof q === 'string') {
    if (isLocale(q)) return q;
    if (q === 'fr' || q === 'en') return `${q}-CA` as Locale;
  }
  if (actor.kind === 'user' && actor.user.locale) return actor.user.locale;
  if (isLocale(langCookie)) return langCookie;
  return negotiateLocale(request.headers['accept-language']);
}

/** Request ids for logs: a random prefix per process and a counter (unique across instances, cheap). */
function requestIds(): () => string {
  const prefix = randomToken(3);
  let n = 0;
  return () => `${prefix}-${(n++).toString(36)}`;
}

/** Builds the Fastify app with every cross-cutting concern; never listens (tests inject). */
export async function createApp(deps: HttpDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const secure = config.publicUrl.startsWith('https:');
  const names = cookieNames(secure);
  const origins = [new URL(config.publicUrl).origin];

  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: config.env === 'test' ? false : loggerOptions(config) }),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: requestIds(),
    routerOptions: { maxParamLength: 500 },
    frameworkErrors: (_error, request, reply) => sendError(request, reply, new AppError('bad_request')),
  });

  await app.register(fastifyCookie);
  await app.register(fastifyFormbody, { bodyLimit: 1024 * 1024 });
  await app.register(fastifyStatic, { root: ASSETS, prefix: '/assets/', maxAge: 3600_000, decorateReply: false });

  app.decorateRequest('ctx', null as unknown as RequestContext);

  app.addHook('onRequest', async (request, reply) => {
    securityHeaders(reply, secure);
    const actor = request.url.startsWith('/assets/') ? ANONYMOUS : await deps.resolveActor(request.cookies[names.session]);
    const locale = pickLocale(request, actor, request.cookies[names.lang]);
    const query = request.query as Record<string, unknown> | undefined;
    const ctx = {
      actor,
      locale,
      t: translator(locale),
      abilities: deps.abilitiesOf(actor),
      path: request.url,
      notice: messageOrNull(typeof query?.notice === 'string' ? `notice.${query.notice}` : undefined),
    } as RequestContext;
    // The CSRF token is made when something asks for it (a form, an unsafe request's check): a
    // page without forms, as most pages read anonymously, costs no HMAC and sets no cookie.
    // Not enumerable, so `{ ...ctx, csrfToken: x }` does not make one either.
    let token: string | undefined;
    Object.defineProperty(ctx, 'csrfToken', {
      enumerable: false,
      get(): string {
        if (token === undefined) {
          let cookie = request.cookies[names.csrf];
          if (!cookie || cookie.length > 64) {
            // 122 random bits; randomUUID draws from a cached pool, far cheaper than randomBytes per visitor.
            cookie = randomUUID().replace(/-/g, '');
            if (!reply.sent) setCookie(reply, secure, names.csrf, cookie);
          }
          token = csrfToken(deps.csrfSecret, cookie, actor.kind === 'user' ? actor.sessionId : undefined);
        }
        return token;
      },
    });
    request.ctx = ctx;
    reply.header('content-language', locale);
    reply.header('vary', 'Cookie, Accept-Language');
  });

  app.addHook('preHandler', async (request) => {
    if (!isUnsafe(request.method) || request.routeOptions.config.csrf === false) return;
    const requestOrigin = `${request.protocol}://${request.host}`;
    if (!csrfValid(request, request.ctx.csrfToken, [...origins, requestOrigin])) throw new AppError('csrf_failed');
  });

  installErrorHandling(app);

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await deps.db.ping();
      const pending = await migrationsPending(deps.db.db);
      if (pending > 0) return reply.code(503).send({ status: 'migrations_pending', pending });
      return { status: 'ready', engine: deps.db.engine };
    } catch {
      return reply.code(503).send({ status: 'database_unreachable' });
    }
  });

  for (const register of deps.modules) await app.register(async (scoped) => register(scoped));
  return app;
}

