import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.ts';
import { setCookie } from '../../core/http/cookies.ts';
import { formAction } from '../../core/http/forms.ts';
import { formBody, formString, redirectWithNotice, sendPage } from '../../core/http/render.ts';
import { randomToken } from '../../core/ids.ts';
import { EMPTY_FORM } from '../../core/layout/components.tsx';
import { hitRateLimit } from '../../core/rate-limit.ts';
import { authorize, can } from '../accounts/index.ts';
import { normalizeCode } from './code.ts';
import { liveStream } from './stream.ts';
import type { PollsModuleDeps } from './index.ts';
import type { LiveHub } from './live.ts';
import type { PollsService } from './service.ts';
import type { Poll } from './types.ts';
import { CreatePage } from './views/create.tsx';
import { AnswerPage, CodePage, ListPage, ManagePage, ResultsPage } from './views/pages.tsx';
import { manageUrl, pollUrl } from './views/urls.ts';

const DEVICE_COOKIE = 'maillage_device';
const DEVICE_ID = /^[A-Za-z0-9_-]{20,64}$/;
const YEAR_SECONDS = 365 * 86_400;

type CodeParams = { Params: { code: string } };

function choicesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

export function pollsRoutes(deps: PollsModuleDeps, service: PollsService, hub: LiveHub) {
  const secure = deps.publicUrl.startsWith('https:');
  // Like the session cookie: __Host- behind TLS, HttpOnly, SameSite=Lax.
  const deviceCookie = `${secure ? '__Host-' : ''}${DEVICE_COOKIE}`;
  const limit = deps.answerLimit ?? { max: 60, windowMs: 60_000 };

  const deviceOf = (request: FastifyRequest): string | undefined => {
    const id = request.cookies[deviceCookie];
    return id && DEVICE_ID.test(id) ? id : undefined;
  };

  /** A poll by the code in the path; drafts exist only for coordination. */
  async function visiblePoll(request: FastifyRequest<CodeParams>): Promise<Poll> {
    const poll = await service.byCode(request.params.code);
    if (poll.status === 'draft' && !can(request.ctx.actor, 'polls.manage')) throw new AppError('not_found');
    return poll;
  }

  /** Lower-case or spaced codes in a path go to the canonical address. */
  function canonical(request: FastifyRequest<CodeParams>, reply: FastifyReply, suffix: string): FastifyReply | undefined {
    const code = normalizeCode(request.params.code);
    if (!code || code === request.params.code) return undefined;
    return reply.redirect(`/sondage/${code}${suffix}`, 301);
  }

  return async (app: FastifyInstance) => {
    app.addHook('preClose', async () => hub.close());

    app.get('/sondage', async (request, reply) => {
      const typed = formString((request.query as Record<string, unknown>).code);
      if (!typed) return sendPage(reply, CodePage({ ctx: request.ctx, form: EMPTY_FORM }));
      const code = normalizeCode(typed);
      const poll = code ? await service.store.byCode(code) : undefined;
      if (!poll || poll.status === 'draft') return sendPage(reply, CodePage({ ctx: request.ctx, form: { values: { code: typed }, errors: { code: 'polls.code.unknown' } } }), 404);
      return reply.redirect(pollUrl(poll), 303);
    });

    app.get<CodeParams>('/sondage/:code', async (request, reply) => {
      const moved = canonical(request, reply, '');
      if (moved) return moved;
      const poll = await visiblePoll(request);
      const device = deviceOf(request);
      const previous = device ? await service.previousAnswer(poll, device) : undefined;
      const saved = (request.query as Record<string, unknown>).envoye === '1';
      return sendPage(reply, AnswerPage({ ctx: request.ctx, poll, form: EMPTY_FORM, previous, saved }));
    });

    app.post<CodeParams>('/sondage/:code', async (request, reply) => {
      const poll = await visiblePoll(request);
      const body = formBody(request);
      const choices = choicesOf(body.choice);
      return formAction(
        request,
        reply,
        async () => {
          const rate = await hitRateLimit(deps.db, `polls.answer:${request.ip}`, limit.max, limit.windowMs, deps.clock.now());
          if (!rate.allowed) throw new AppError('rate_limited', { minutes: Math.max(1, Math.ceil(rate.retryAfterMs / 60_000)) });
          let device = deviceOf(request);
          if (!device) device = randomToken(24);
          // Renewed on every answer: the device keeps its single answer for a year after its last use.
          setCookie(reply, secure, deviceCookie, device, YEAR_SECONDS);
          await service.answer(poll.code, device, { choices, words: formString(body.words) });
          return reply.redirect(`${pollUrl(poll)}?envoye=1`, 303);
        },
        (form, status) => sendPage(reply, AnswerPage({ ctx: request.ctx, poll, form: { ...form, values: { ...form.values, choice: choices.join(',') } }, previous: undefined, saved: false }), status),
      );
    });

    app.get<CodeParams>('/sondage/:code/resultats', async (request, reply) => {
      const moved = canonical(request, reply, '/resultats');
      if (moved) return moved;
      const poll = await visiblePoll(request);
      return sendPage(reply, ResultsPage({ ctx: request.ctx, poll, results: await service.results(poll) }));
    });

    app.get<CodeParams>('/sondage/:code/direct', async (request, reply) => {
      const poll = await visiblePoll(request);
      return liveStream(request, reply, poll, service, hub);
    });

    app.get<CodeParams>('/sondage/:code/gerer', async (request, reply) => {
      authorize(request.ctx.actor, 'polls.manage');
      const poll = await service.byCode(request.params.code);
      return sendPage(reply, ManagePage({ ctx: request.ctx, poll, results: await service.results(poll), publicUrl: deps.publicUrl }));
    });

    for (const [verb, act] of [['ouvrir', service.open], ['fermer', service.close]] as const) {
      app.post<CodeParams>(`/sondage/:code/gerer/${verb}`, async (request, reply) => {
        const poll = await act(request.ctx.actor, request.params.code);
        return redirectWithNotice(reply, manageUrl(poll));
      });
    }

    app.get('/sondages', async (request, reply) => {
      const manage = can(request.ctx.actor, 'polls.manage');
      const polls = await service.store.list(200, manage ? {} : { status: 'closed' });
      return sendPage(reply, ListPage({ ctx: request.ctx, polls }));
    });

    app.get('/sondages/nouveau', async (request, reply) => {
      authorize(request.ctx.actor, 'polls.manage');
      return sendPage(reply, CreatePage({ ctx: request.ctx, form: EMPTY_FORM }));
    });

    app.post('/sondages', async (request, reply) => {
      authorize(request.ctx.actor, 'polls.manage');
      const body = formBody(request);
      return formAction(
        request,
        reply,
        async () => {
          const poll = await service.create(request.ctx.actor, {
            question: formString(body.question), kind: formString(body.kind), options: formString(body.options), scaleMax: formString(body.scale_max),
            page: formString(body.page), context: formString(body.context), open: body.open === '1',
          });
          return reply.redirect(manageUrl(poll), 303);
        },
        (form, status) => sendPage(reply, CreatePage({ ctx: request.ctx, form }), status),
      );
    });
  };
}
