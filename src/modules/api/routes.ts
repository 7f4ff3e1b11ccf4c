import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { cookieNames, clearCookie, setCookie } from '../../core/http/cookies.ts';
import { can } from '../accounts/index.ts';
import type { ActionModule, ApiCall, ApiDeps } from './context.ts';
import { ApiError, apiErrors, isApiError } from './errors.ts';
import { acceptApiBodies } from './multipart.ts';
import { ERROR_FORMATS, errorBody, sendJson, warningsBody, type ErrorFormat, type OutputOptions } from './output.ts';
import { flattenParams, isoTimestamp, Params } from './params.ts';
import { resolvePrincipal } from './principal.ts';
import { rightsOf } from './rights.ts';
import { apiStore } from './store.ts';
import { apiTokens } from './tokens.ts';
import { Warnings } from './warnings.ts';

/** Largest request body: a page (2 MB) sent as multipart, with room for the other fields. */
const BODY_LIMIT = 4 * 1024 * 1024;

function outputOptions(raw: Readonly<Record<string, string>>, docref: string): OutputOptions {
  const fv = raw.formatversion === '2' || raw.formatversion === 'latest' ? 2 : 1;
  const errorFormat = (ERROR_FORMATS as readonly string[]).includes(raw.errorformat ?? '') ? (raw.errorformat as ErrorFormat) : 'bc';
  return { fv, errorFormat, docref };
}

/**
 * api.php: MediaWiki's Action API for the subset Maillage serves. Its own token scheme replaces
 * the form CSRF check (route option `csrf: false`): every write needs a token from meta=tokens,
 * bound to the cookie jar and the session, sent in the POST body.
 */
export function apiRoutes(deps: ApiDeps, actions: readonly ActionModule[]) {
  const secure = deps.publicUrl.startsWith('https:');
  const names = cookieNames(secure);
  const botCookie = names.session.replace('maillage_session', 'maillage_bot_session');
  const store = apiStore(deps.db);
  const byName = new Map(actions.map((a) => [a.name, a]));
  const docref = `See ${deps.publicUrl}/api.php for API usage.`;

  async function handle(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const query = flattenParams(request.query);
    const body = request.method === 'POST' ? flattenParams(request.body) : {};
    const raw = { ...query, ...body };
    const o = outputOptions(raw, docref);
    const warnings = new Warnings();
    try {
      const format = raw.format ?? 'json';
      if (format !== 'json' && format !== 'jsonfm') throw apiErrors.badValue('format', format);
      if (raw.formatversion !== undefined && !['1', '2', 'latest'].includes(raw.formatversion)) throw apiErrors.badValue('formatversion', raw.formatversion);
      const now = deps.clock.now();
      const { actor, bot } = await resolvePrincipal(request, deps, store, botCookie, now);
      const rights = rightsOf(actor, bot);
      const params = new Params(raw, warnings, rights.has('apihighlimits'));
      const principal = bot ? `bot:${bot.sessionId}` : actor.kind === 'user' ? `web:${actor.sessionId}` : undefined;
      const call: ApiCall = {
        deps, store, request, reply, params, fv: o.fv, warnings, actor, bot, rights, now,
        tokens: apiTokens(request.ctx.csrfToken, principal),
        cookies: {
          setWebSession: (token, maxAge) => setCookie(reply, secure, names.session, token, maxAge),
          clearWebSession: () => clearCookie(reply, secure, names.session),
          setBotSession: (token, maxAge) => setCookie(reply, secure, botCookie, token, maxAge),
          clearBotSession: () => clearCookie(reply, secure, botCookie),
        },
      };

      const actionName = params.str('action') ?? 'help';
      const action = byName.get(actionName);
      if (!action) throw apiErrors.unknownAction(actionName);
      await checkMaxlag(call);
      checkAssert(call);
      if (action.needsRead !== false && !can(actor, 'site.read')) throw apiErrors.readDenied();
      if (action.mustBePosted && request.method !== 'POST') throw apiErrors.mustBePosted(action.name);
      if (action.token) {
        const sent = body.token;
        if (sent === undefined && query.token !== undefined) throw apiErrors.mustPostToken();
        if (sent === undefined) throw apiErrors.noToken();
        if (!call.tokens.check(action.token, sent)) throw apiErrors.badToken();
      }
      const result = await action.execute(call);
      const out: Record<string, unknown> = { ...warningsBody(warnings, o), ...result };
      if (params.bool('curtimestamp')) out.curtimestamp = isoTimestamp(now);
      if (params.has('requestid')) out.requestid = params.str('requestid');
      return sendJson(reply, out, o);
    } catch (e) {
      const error = isApiError(e) ? e : internalError(request, e);
      reply.header('mediawiki-api-error', error.code);
      for (const [k, v] of Object.entries(error.headers)) reply.header(k, v);
      const out: Record<string, unknown> = { ...errorBody(error, o), ...warningsBody(warnings, o) };
      if (raw.curtimestamp !== undefined) out.curtimestamp = isoTimestamp(deps.clock.now());
      return sendJson(reply, out, o);
    }
  }

  async function checkMaxlag(call: ApiCall): Promise<void> {
    const maxlag = call.params.int('maxlag');
    if (maxlag === undefined) return;
    const lag = await store.lagSeconds(call.now);
    if (lag > maxlag) {
      throw new ApiError('maxlag', `Waiting for localhost: ${lag} seconds lagged.`, { host: 'localhost', lag, type: 'db' }, { 'retry-after': '5', 'x-database-lag': String(lag) });
    }
  }

  function checkAssert(call: ApiCall): void {
    const named = call.params.str('assertuser');
    if (named !== undefined && (call.actor.kind !== 'user' || call.actor.user.name !== named)) {
      throw new ApiError('assertnameduserfailed', `You are no longer logged in as "${named.slice(0, 100)}", so the action could not be completed.`);
    }
    const assert = call.params.str('assert');
    if (assert === undefined) return;
    if (assert === 'user' && call.actor.kind !== 'user') throw new ApiError('assertuserfailed', 'You are no longer logged in, so the action could not be completed.');
    if (assert === 'bot' && !call.rights.has('bot')) throw new ApiError('assertbotfailed', 'You do not have the "bot" right, so the action could not be completed.');
    if (assert === 'anon' && call.actor.kind === 'user') throw new ApiError('assertanonfailed', 'You are logged in, so the action could not be completed.');
    if (!['user', 'bot', 'anon'].includes(assert)) throw apiErrors.badValue('assert', assert);
  }

  function internalError(request: FastifyRequest, e: unknown): ApiError {
    const kind = e instanceof Error ? e.constructor.name : 'Error';
    request.log.error({ err: e, reqId: request.id }, 'api.php internal error');
    return new ApiError(`internal_api_error_${kind}`, `[${request.id}] Caught exception of type ${kind}`);
  }

  return async (app: FastifyInstance) => {
    acceptApiBodies(app, BODY_LIMIT);
    app.setErrorHandler((err: FastifyError, request, reply) => {
      // Failures outside the handler (bodies the parsers refused, the database gone) in the API's shape, never an HTML page.
      const o = outputOptions(flattenParams(request.query), docref);
      const status = err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 413 : err.statusCode && err.statusCode < 500 ? 400 : 500;
      const error =
        status === 413 ? new ApiError('contenttoobig', `The content you supplied exceeds the size limit of ${BODY_LIMIT / 1024} kibibytes.`)
        : status === 400 ? new ApiError('badrequest', 'The request could not be read.')
        : internalError(request, err);
      reply.header('mediawiki-api-error', error.code);
      return sendJson(reply, errorBody(error, o), o, status);
    });
    app.route({ method: ['GET', 'POST'], url: '/api.php', bodyLimit: BODY_LIMIT, config: { csrf: false }, handler: handle });
  };
}
