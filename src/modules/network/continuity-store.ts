import type { Executor } from '../../core/events.ts';
import { isCriterion, type Criterion, type Score, type ScoreRow, type ScorerKind } from './grid.ts';
import { isChoice, isDecision, isPassRule, type Choice, type Decision, type PassRule } from './votes.ts';

export interface RoundRow {
  id: number;
  pageId: number;
  openedBy: number | null;
  openedAt: number;
  closedAt: number | null;
}

export interface VoteRow {
  id: number;
  pageId: number;
  decision: Decision;
  rule: PassRule;
  quorum: number;
  deadline: number;
  openedBy: number | null;
  openedAt: number;
  closedAt: number | null;
  /** Members allowed to vote, frozen when the vote was closed; null while open. */
  eligible: number | null;
}

type RoundDb = { id: number; page_id: number; opened_by: number | null; opened_at: number; closed_at: number | null };
type VoteDb = { id: number; page_id: number; decision: string; rule: string; quorum: number; deadline: number; opened_by: number | null; opened_at: number; closed_at: number | null; eligible: number | null };

const toRound = (r: RoundDb): RoundRow => ({ id: r.id, pageId: r.page_id, openedBy: r.opened_by, openedAt: Number(r.opened_at), closedAt: r.closed_at === null ? null : Number(r.closed_at) });
const toVote = (r: VoteDb): VoteRow => ({
  id: r.id, pageId: r.page_id, decision: isDecision(r.decision) ? r.decision : 'continue', rule: isPassRule(r.rule) ? r.rule : 'majority', quorum: Number(r.quorum),
  deadline: Number(r.deadline), openedBy: r.opened_by, openedAt: Number(r.opened_at), closedAt: r.closed_at === null ? null : Number(r.closed_at), eligible: r.eligible === null ? null : Number(r.eligible),
});

/** The continuity grid's and the votes' SQL, both engines. */
export function continuityStore(db: Executor) {
  return {
    /** A chantier's rounds, most recent first. */
    async rounds(pageId: number): Promise<RoundRow[]> {
      return (await db.selectFrom('network_grid_rounds').selectAll().where('page_id', '=', pageId).orderBy('id', 'desc').execute()).map(toRound);
    },

    async round(id: number): Promise<RoundRow | undefined> {
      const r = await db.selectFrom('network_grid_rounds').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toRound(r) : undefined;
    },

    async openRound(pageId: number, userId: number, now: number): Promise<number> {
      const r = await db.insertInto('network_grid_rounds').values({ page_id: pageId, opened_by: userId, opened_at: now, closed_at: null }).returning('id').executeTakeFirstOrThrow();
      return r.id;
    },

    async closeRound(id: number, now: number): Promise<void> {
      await db.updateTable('network_grid_rounds').set({ closed_at: now }).where('id', '=', id).where('closed_at', 'is', null).execute();
    },

    async scores(roundId: number): Promise<ScoreRow[]> {
      const rows = await db.selectFrom('network_grid_scores').select(['user_id', 'scorer', 'criterion', 'score', 'comment']).where('round_id', '=', roundId).orderBy('user_id').execute();
      return rows.filter((r) => isCriterion(r.criterion)).map((r) => ({
        userId: r.user_id, scorer: r.scorer === 'member' ? 'member' : 'peer', criterion: r.criterion as Criterion, score: Math.min(3, Math.max(0, Number(r.score))) as Score, comment: r.comment,
      }));
    },

    /** Replaces this person's score set in a round (the four criteria at once, one upsert: two quick submits cannot collide). */
    async setScores(roundId: number, userId: number, scorer: ScorerKind, scores: ReadonlyArray<{ criterion: Criterion; score: Score; comment: string }>, now: number): Promise<void> {
      await db.insertInto('network_grid_scores')
        .values(scores.map((s) => ({ round_id: roundId, user_id: userId, criterion: s.criterion, score: s.score, comment: s.comment, scorer, updated_at: now })))
        .onConflict((oc) => oc.columns(['round_id', 'user_id', 'criterion']).doUpdateSet((eb) => ({
          score: eb.ref('excluded.score'), comment: eb.ref('excluded.comment'), scorer: eb.ref('excluded.scorer'), updated_at: eb.ref('excluded.updated_at'),
        })))
        .execute();
    },

    /** A chantier's votes, most recent first. */
    async votes(pageId: number): Promise<VoteRow[]> {
      return (await db.selectFrom('network_votes').selectAll().where('page_id', '=', pageId).orderBy('id', 'desc').execute()).map(toVote);
    },

    async vote(id: number): Promise<VoteRow | undefined> {
      const r = await db.selectFrom('network_votes').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toVote(r) : undefined;
    },

    async openVote(pageId: number, v: { decision: Decision; rule: PassRule; quorum: number; deadline: number }, userId: number, now: number): Promise<number> {
      const r = await db.insertInto('network_votes').values({ page_id: pageId, ...v, opened_by: userId, opened_at: now, closed_at: null, eligible: null }).returning('id').executeTakeFirstOrThrow();
      return r.id;
    },

    async closeVote(id: number, eligible: number, now: number): Promise<void> {
      await db.updateTable('network_votes').set({ closed_at: now, eligible }).where('id', '=', id).where('closed_at', 'is', null).execute();
    },

    async ballots(voteId: number): Promise<Array<{ userId: number; choice: Choice }>> {
      const rows = await db.selectFrom('network_vote_ballots').select(['user_id', 'choice']).where('vote_id', '=', voteId).execute();
      return rows.filter((r) => isChoice(r.choice)).map((r) => ({ userId: r.user_id, choice: r.choice as Choice }));
    },

    async setBallot(voteId: number, userId: number, choice: Choice, now: number): Promise<void> {
      await db.insertInto('network_vote_ballots').values({ vote_id: voteId, user_id: userId, choice, updated_at: now })
        .onConflict((oc) => oc.columns(['vote_id', 'user_id']).doUpdateSet({ choice, updated_at: now })).execute();
    },

    async memberCount(pageId: number): Promise<number> {
      const r = await db.selectFrom('network_chantier_members').select((e) => e.fn.countAll<number>().as('n')).where('page_id', '=', pageId).where('kind', '=', 'member').executeTakeFirst();
      return Number(r?.n ?? 0);
    },
  };
}

export type ContinuityStore = ReturnType<typeof continuityStore>;
