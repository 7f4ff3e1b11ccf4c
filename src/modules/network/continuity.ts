import { z } from 'zod';
import type { Actor } from '../../core/actor.ts';
import { AppError } from '../../core/errors.ts';
import type { Executor } from '../../core/events.ts';
import { text } from '../../core/validation.ts';
import { can } from '../accounts/index.ts';
import { continuityStore } from './continuity-store.ts';
import { CRITERIA, type Criterion, type Score } from './grid.ts';
import { COORDINATE, CONTRIBUTE } from './lifecycle.ts';
import type { NetworkDeps } from './service.ts';
import { networkStore } from './store.ts';
import { CHOICES, DECISIONS, localInstant, PASS_RULES, type Choice } from './votes.ts';

const refuse = (code: 'login_required' | 'forbidden' | 'validation_failed', key: string, field = '_form') => new AppError(code, {}, { [field]: key });

const scoreField = z.enum(['0', '1', '2', '3'], { error: 'network.grid.error.score' }).transform((v) => Number(v) as Score);
const commentField = text().max(1000, { error: 'network.error.too_long' });

/** A score set: `score_<criterion>` (0–3, required) and `comment_<criterion>` (optional) for each criterion. */
export const scoreForm = z.object(Object.fromEntries(CRITERIA.flatMap((c) => [[`score_${c}`, scoreField], [`comment_${c}`, commentField.optional().default('')]])));

export const voteForm = z.object({
  decision: z.enum(DECISIONS, { error: 'network.vote.error.decision' }),
  rule: z.enum(PASS_RULES, { error: 'network.vote.error.rule' }),
  quorum: text().regex(/^\d{1,3}$/, { error: 'network.vote.error.quorum' }).transform(Number).refine((n) => n <= 100, { error: 'network.vote.error.quorum' }),
  deadline_date: text().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'network.error.date' }),
  deadline_time: text().regex(/^\d{1,2}:\d{2}$/, { error: 'network.vote.error.time' }),
});

export const ballotForm = z.object({ choice: z.enum(CHOICES, { error: 'network.vote.error.choice' }) });

/** Who the actor is for this chantier: a signed-in user, whether a member, whether coordination. */
async function who(db: Executor, actor: Actor, pageId: number) {
  if (actor.kind !== 'user') throw new AppError('login_required');
  const member = (await networkStore(db).membership(pageId, actor.user.id)) === 'member';
  return { userId: actor.user.id, member, coordinates: can(actor, COORDINATE), contributes: can(actor, CONTRIBUTE) };
}

/**
 * The continuity grid's and the decision votes' commands. Rounds and votes are opened by the
 * chantier's members or the coordination team; any agent scores (as a member or as a peer);
 * only members vote; the coordination team may close a vote before its deadline.
 */
export function continuityService(deps: NetworkDeps) {
  const store = continuityStore(deps.db);

  /** Runs in a transaction holding the chantier's page row (PostgreSQL), so two openings cannot cross. */
  function locked<T>(pageId: number, run: (db: Executor) => Promise<T>): Promise<T> {
    return deps.db.transaction().execute(async (trx) => {
      if (deps.engine === 'postgres') await trx.selectFrom('pages').select('id').where('id', '=', pageId).forUpdate().execute();
      return run(trx);
    });
  }

  async function chantierOpen(db: Executor, pageId: number): Promise<void> {
    const s = networkStore(db, deps.engine);
    if (!(await s.chantier(pageId))) throw new AppError('not_found');
    if ((await s.status(pageId)).status === 'closed') throw refuse('validation_failed', 'network.continuity.error.closed');
  }

  function mayOpen(w: Awaited<ReturnType<typeof who>>): void {
    if (!w.coordinates && !(w.contributes && w.member)) throw refuse('forbidden', 'network.continuity.error.members_only');
  }

  return {
    store,

    async openRound(actor: Actor, pageId: number): Promise<number> {
      return locked(pageId, async (db) => {
        mayOpen(await who(db, actor, pageId));
        await chantierOpen(db, pageId);
        const s = continuityStore(db);
        if ((await s.rounds(pageId)).some((r) => r.closedAt === null)) throw refuse('validation_failed', 'network.grid.error.round_open');
        return s.openRound(pageId, (actor as Extract<Actor, { kind: 'user' }>).user.id, deps.clock.now());
      });
    },

    async closeRound(actor: Actor, roundId: number): Promise<void> {
      const round = await store.round(roundId);
      if (!round) throw new AppError('not_found');
      mayOpen(await who(deps.db, actor, round.pageId));
      if (round.closedAt !== null) throw refuse('validation_failed', 'network.grid.error.round_closed');
      await store.closeRound(roundId, deps.clock.now());
    },

    /** Records (or replaces) this person's scores; a member of the chantier scores as a member, anyone else as a peer. */
    async score(actor: Actor, roundId: number, input: Record<Criterion, { score: Score; comment: string }>): Promise<void> {
      const round = await store.round(roundId);
      if (!round) throw new AppError('not_found');
      const w = await who(deps.db, actor, round.pageId);
      if (!w.contributes) throw refuse('forbidden', 'network.grid.error.agents_only');
      await deps.db.transaction().execute(async (trx) => {
        const s = continuityStore(trx);
        if ((await s.round(roundId))?.closedAt !== null) throw refuse('validation_failed', 'network.grid.error.round_closed');
        await s.setScores(roundId, w.userId, w.member ? 'member' : 'peer', CRITERIA.map((c) => ({ criterion: c, ...input[c] })), deps.clock.now());
      });
    },

    async openVote(actor: Actor, pageId: number, input: z.infer<typeof voteForm>): Promise<number> {
      const deadline = localInstant(input.deadline_date, input.deadline_time);
      if (deadline === undefined) throw refuse('validation_failed', 'network.error.date', 'deadline_date');
      if (deadline <= deps.clock.now()) throw refuse('validation_failed', 'network.vote.error.deadline_past', 'deadline_date');
      return locked(pageId, async (db) => {
        mayOpen(await who(db, actor, pageId));
        await chantierOpen(db, pageId);
        const s = continuityStore(db);
        const now = deps.clock.now();
        if ((await s.votes(pageId)).some((v) => v.closedAt === null && v.deadline > now)) throw refuse('validation_failed', 'network.vote.error.vote_open');
        return s.openVote(pageId, { decision: input.decision, rule: input.rule, quorum: input.quorum, deadline }, (actor as Extract<Actor, { kind: 'user' }>).user.id, now);
      });
    },

    /** A member's ballot, replaced when changed, until the deadline. */
    async ballot(actor: Actor, voteId: number, choice: Choice): Promise<void> {
      const vote = await store.vote(voteId);
      if (!vote) throw new AppError('not_found');
      const w = await who(deps.db, actor, vote.pageId);
      if (!w.member || !w.contributes) throw refuse('forbidden', 'network.vote.error.members_only', 'choice');
      if (vote.closedAt !== null || deps.clock.now() >= vote.deadline) throw refuse('validation_failed', 'network.vote.error.deadline', 'choice');
      await store.setBallot(voteId, w.userId, choice, deps.clock.now());
    },

    /** The coordination team closes a vote (before its deadline, or to record it after): the member count is frozen. */
    async closeVote(actor: Actor, voteId: number): Promise<void> {
      const vote = await store.vote(voteId);
      if (!vote) throw new AppError('not_found');
      const w = await who(deps.db, actor, vote.pageId);
      if (!w.coordinates) throw refuse('forbidden', 'network.vote.error.coordination_only');
      if (vote.closedAt !== null) throw refuse('validation_failed', 'network.vote.error.closed');
      await store.closeVote(voteId, await store.memberCount(vote.pageId), Math.min(deps.clock.now(), vote.deadline));
    },
  };
}

export type ContinuityService = ReturnType<typeof continuityService>;
