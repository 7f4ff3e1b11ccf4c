import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../../core/errors.ts';
import { formBody, formString, redirectWithNotice, sendPage, typedValues } from '../../core/http/render.ts';
import { formatDateIso } from '../../core/i18n/index.ts';
import type { FormState } from '../../core/layout/components.tsx';
import { parseForm } from '../../core/validation.ts';
import { can } from '../accounts/index.ts';
import { parseTitle } from '../markup/index.ts';
import { ballotForm, scoreForm, voteForm, type ContinuityService } from './continuity.ts';
import { CRITERIA, scorerCounts, summarize, type Criterion, type Score } from './grid.ts';
import { COORDINATE, CONTRIBUTE, judgeTransition } from './lifecycle.ts';
import type { NetworkDeps } from './service.ts';
import { networkStore, type ChantierRow } from './store.ts';
import { NAMESPACE_NAMES, NS_CHANTIER } from './types.ts';
import { decisionUrl, GridPage, gridUrl, type RoundView } from './views/grid.tsx';
import { closable, DecisionPage, type VoteView } from './views/votes.tsx';
import { outcome, tally } from './votes.ts';
import type { RoundRow, VoteRow } from './continuity-store.ts';
import { sendCsv, sendJson } from './export.ts';
import { roundCsv, roundRecord } from './grid-export.ts';

const DAY = 86_400_000;

/** A chantier's rounds and votes as the views show them (aggregates only: no scorer is named). */
export function continuityViews(service: ContinuityService, now: () => number) {
  const { store } = service;
  return {
    async round(round: RoundRow): Promise<RoundView> {
      const rows = await store.scores(round.id);
      return { round, summary: summarize(rows), counts: scorerCounts(rows), comments: rows.filter((r) => r.comment !== '').map((r) => ({ criterion: r.criterion, scorer: r.scorer, comment: r.comment })) };
    },
    async vote(vote: VoteRow, userId: number | undefined): Promise<VoteView> {
      const ballots = await store.ballots(vote.id);
      const t = tally(ballots, vote.eligible ?? (await store.memberCount(vote.pageId)));
      return { vote, tally: t, outcome: outcome(vote, t, vote, now()), mine: ballots.find((b) => b.userId === userId)?.choice };
    },
  };
}

/** The continuity grid (`/reseau/chantiers/grille/<Titre>`) and decision votes (`/reseau/chantiers/decision/<Titre>`). */
export function continuityRoutes(deps: NetworkDeps, service: ContinuityService, publicUrl: string) {
  const store = networkStore(deps.db, deps.engine);
  const views = continuityViews(service, () => deps.clock.now());

  async function chantierOf(request: FastifyRequest): Promise<ChantierRow> {
    const key = ((request.params as { '*'?: string })['*'] ?? '').replace(/ /g, '_');
    const t = parseTitle(`${NAMESPACE_NAMES[NS_CHANTIER]}:${key}`);
    const page = t.ok && t.title.namespace === NS_CHANTIER ? await deps.wiki.page(t.title) : undefined;
    const c = page ? await store.chantier(page.id) : undefined;
    if (!c) throw new AppError('not_found');
    return c;
  }

  async function who(request: FastifyRequest, c: ChantierRow) {
    const { actor } = request.ctx;
    const userId = actor.kind === 'user' ? actor.user.id : undefined;
    const member = userId !== undefined && (await store.membership(c.pageId, userId)) === 'member';
    const coordinates = can(actor, COORDINATE);
    const contributes = can(actor, CONTRIBUTE);
    return { userId, member, coordinates, contributes, mayOpen: c.status !== 'closed' && (coordinates || (contributes && member)) };
  }

  /** Runs a form's command; a refusal or bad input shows the page again with what was typed, its message and status. */
  async function handle(request: FastifyRequest, reply: FastifyReply, run: () => Promise<FastifyReply>, show: (form: FormState, status: number) => Promise<FastifyReply>) {
    try {
      return await run();
    } catch (e) {
      if (!isAppError(e) || Object.keys(e.fields).length === 0) throw e;
      return show({ values: typedValues(formBody(request)), errors: e.fields, params: e.params }, e.status);
    }
  }

  const gridPage = async (request: FastifyRequest, reply: FastifyReply, form: FormState | undefined, status = 200) => {
    const c = await chantierOf(request);
    const w = await who(request, c);
    const rounds = await service.store.rounds(c.pageId);
    const openRow = rounds.find((r) => r.closedAt === null);
    const open = openRow ? await views.round(openRow) : undefined;
    const past = await Promise.all(rounds.filter((r) => r.closedAt !== null).map((r) => views.round(r)));
    let shown = form;
    if (!shown) {
      // The person's own scores in the open round, to change them.
      const mine = openRow && w.userId !== undefined ? (await service.store.scores(openRow.id)).filter((s) => s.userId === w.userId) : [];
      shown = { values: Object.fromEntries(mine.flatMap((s) => [[`score_${s.criterion}`, String(s.score)], [`comment_${s.criterion}`, s.comment]])), errors: {} };
    }
    return sendPage(reply, GridPage({ ctx: request.ctx, c, open, past, mayOpen: w.mayOpen, mayScore: w.contributes, scoredAs: w.member ? 'member' : 'peer', form: shown }), status);
  };

  const decisionPage = async (request: FastifyRequest, reply: FastifyReply, form: FormState | undefined, status = 200) => {
    const c = await chantierOf(request);
    const w = await who(request, c);
    const now = deps.clock.now();
    const all = await Promise.all((await service.store.votes(c.pageId)).map((v) => views.vote(v, w.userId)));
    const current = all.find((v) => v.outcome === 'open');
    const past = all.filter((v) => v !== current);
    const lastClose = past.find((v) => v.vote.decision === 'close');
    let closeOffer: 'ready' | 'legacy' | undefined;
    if (lastClose?.outcome === 'passed' && closable(c.status) && w.userId !== undefined) {
      const verdict = judgeTransition(c.status, 'closed', w, { hasLegacy: Boolean(c.legacy) });
      closeOffer = verdict === 'allowed' ? 'ready' : verdict === 'legacy_required' ? 'legacy' : undefined;
    }
    const defaults: FormState = { values: { rule: 'majority', quorum: '50', deadline_date: formatDateIso(now + 7 * DAY), deadline_time: '17:00' }, errors: {} };
    return sendPage(reply, DecisionPage({ ctx: request.ctx, c, current, past, mayOpen: w.mayOpen, member: w.member && w.contributes, coordinates: w.coordinates, closeOffer, form: form ?? defaults }), status);
  };

  const id = (v: unknown) => {
    const n = Number(formString(v));
    if (!Number.isInteger(n) || n <= 0) throw new AppError('bad_request');
    return n;
  };

  return async (app: FastifyInstance) => {
    app.get('/reseau/chantiers/grille/*', async (request, reply) => gridPage(request, reply, undefined));
    // A round's aggregated results, JSON or CSV: public like the grid page (aggregates name no one).
    app.get('/reseau/chantiers/resultats-grille/:file', async (request, reply) => {
      const m = /^(\d{1,12})\.(json|csv)$/.exec((request.params as { file: string }).file);
      const round = m ? await service.store.round(Number(m[1])) : undefined;
      const c = round ? await store.chantier(round.pageId) : undefined;
      if (!m || !round || !c) throw new AppError('not_found');
      const view = await views.round(round);
      const label = (cr: Criterion) => request.ctx.t(`network.grid.${cr}`);
      const name = `grille-${round.id}`;
      return m[2] === 'json' ? sendJson(reply, name, roundRecord(c, view, publicUrl.replace(/\/$/, ''), label)) : sendCsv(reply, name, roundCsv(c, view, label));
    });
    app.post('/reseau/chantiers/grille/*', async (request, reply) => {
      const body = formBody(request);
      return handle(request, reply, async () => {
        const c = await chantierOf(request);
        const action = formString(body.action);
        if (action === 'open') await service.openRound(request.ctx.actor, c.pageId);
        else if (action === 'close') await service.closeRound(request.ctx.actor, await roundOf(c, body.round));
        else if (action === 'score') {
          const roundId = await roundOf(c, body.round);
          if (request.ctx.actor.kind !== 'user') throw new AppError('login_required');
          const parsed = parseForm(scoreForm, body) as Record<string, unknown>;
          const input = Object.fromEntries(CRITERIA.map((cr) => [cr, { score: parsed[`score_${cr}`] as Score, comment: String(parsed[`comment_${cr}`] ?? '') }])) as Record<Criterion, { score: Score; comment: string }>;
          await service.score(request.ctx.actor, roundId, input);
        } else throw new AppError('bad_request');
        return redirectWithNotice(reply, gridUrl(c.title), action === 'score' ? 'network.grid.saved' : 'saved');
      }, (form, status) => gridPage(request, reply, form, status));
    });

    app.get('/reseau/chantiers/decision/*', async (request, reply) => decisionPage(request, reply, undefined));
    app.post('/reseau/chantiers/decision/*', async (request, reply) => {
      const body = formBody(request);
      return handle(request, reply, async () => {
        const c = await chantierOf(request);
        const action = formString(body.action);
        if (action === 'open') {
          if (request.ctx.actor.kind !== 'user') throw new AppError('login_required');
          await service.openVote(request.ctx.actor, c.pageId, parseForm(voteForm, body));
        } else if (action === 'ballot') {
          const voteId = await voteOf(c, body.vote);
          if (request.ctx.actor.kind !== 'user') throw new AppError('login_required');
          await service.ballot(request.ctx.actor, voteId, parseForm(ballotForm, body).choice);
        } else if (action === 'close') await service.closeVote(request.ctx.actor, await voteOf(c, body.vote));
        else throw new AppError('bad_request');
        return redirectWithNotice(reply, decisionUrl(c.title), action === 'ballot' ? 'network.vote.saved' : 'saved');
      }, (form, status) => decisionPage(request, reply, form, status));
    });
  };

  /** A round of this chantier (an id from another chantier is not found here). */
  async function roundOf(c: ChantierRow, value: unknown): Promise<number> {
    const r = await service.store.round(id(value));
    if (!r || r.pageId !== c.pageId) throw new AppError('not_found');
    return r.id;
  }

  async function voteOf(c: ChantierRow, value: unknown): Promise<number> {
    const v = await service.store.vote(id(value));
    if (!v || v.pageId !== c.pageId) throw new AppError('not_found');
    return v.id;
  }
}
