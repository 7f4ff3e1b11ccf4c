import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ANONYMOUS } from '../actor.ts';
import { AppError, isAppError, type ErrorCode } from '../errors.ts';
import { negotiateLocale, translate, translator } from '../i18n/index.ts';
import { ErrorPage } from '../layout/ErrorPage.tsx';
import { formBody, sendPage, typedValues } from './render.ts';

/** Maps Fastify's own errors (body parsing, limits, bad URLs) to catalog codes. */
function fromFramework(error: FastifyError): AppError {
  const status = error.statusCode ?? 500;
  const byCode: Record<string, ErrorCode> = {
    FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
    FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
    FST_ERR_VALIDATION: 'validation_failed',
  };
  const code = (error.code && byCode[error.code]) || (status === 405 ? 'method_not_allowed' : status === 404 ? 'not_found' : status >= 500 ? 'internal' : 'bad_request');
  return new AppError(code);
}

function wantsJson(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/')) return true;
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

function keptFields(body: Record<string, unknown>): { fields: Record<string, string>; droppedPassword: boolean } {
  return { fields: typedValues(body), droppedPassword: Object.keys(body).some((k) => /pass/i.test(k)) };
}

function ensureContext(request: FastifyRequest): void {
  if (request.ctx) return;
  // The error came before the request context was built (bad URL, database down): fall back.
  const locale = negotiateLocale(request.headers['accept-language']);
  request.ctx = { actor: ANONYMOUS, locale, t: translator(locale), csrfToken: '', abilities: new Set(), path: '/', notice: undefined };
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError, reference?: string): FastifyReply {
  ensureContext(request);
  if (error.status === 429 && error.params.minutes) reply.header('retry-after', String(Number(error.params.minutes) * 60));
  if (wantsJson(request)) {
    const { locale } = request.ctx;
    return reply.code(error.status).send({
      error: { code: error.code, message: translate(locale, `error.${error.code}.message`, error.params), fields: error.fields, reference },
    });
  }
  if (error.code === 'login_required' && request.method === 'GET') {
    return reply.redirect(`/connexion?retour=${encodeURIComponent(request.url)}`, 303);
  }
  const resubmit = error.code === 'csrf_failed' && request.method === 'POST' ? { action: request.url, ...keptFields(formBody(request)) } : undefined;
  return sendPage(reply, ErrorPage({ ctx: request.ctx, error, reference, resubmit }), error.status);
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    if (isAppError(err)) return sendError(request, reply, err);
    const mapped = fromFramework(err as FastifyError);
    if (mapped.code === 'internal') {
      request.log.error({ err, reqId: request.id }, 'unhandled error');
      return sendError(request, reply, mapped, String(request.id));
    }
    request.log.info({ code: (err as FastifyError).code, reqId: request.id }, 'client error');
    return sendError(request, reply, mapped);
  });
  app.setNotFoundHandler((request, reply) => sendError(request, reply, new AppError('not_found')));
}
