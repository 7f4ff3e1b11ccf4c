import { sql } from 'kysely';
import type { Db } from '../../core/db/index.ts';
import type { Poll, PollKind, PollStatus } from './types.ts';

type Row = {
  id: number; code: string; question: string; kind: string; options: string; page_id: number | null; page_title: string | null;
  context: string; status: string; created_at: number; opened_at: number | null; closed_at: number | null; version: number;
};

const COLUMNS = ['id', 'code', 'question', 'kind', 'options', 'page_id', 'page_title', 'context', 'status', 'created_at', 'opened_at', 'closed_at', 'version'] as const;

function toPoll(r: Row): Poll {
  return {
    id: r.id, code: r.code, question: r.question, kind: r.kind as PollKind, options: JSON.parse(r.options) as string[],
    pageId: r.page_id, pageTitle: r.page_title, context: r.context, status: r.status as PollStatus,
    createdAt: Number(r.created_at), openedAt: r.opened_at === null ? null : Number(r.opened_at),
    closedAt: r.closed_at === null ? null : Number(r.closed_at), version: Number(r.version),
  };
}

export type NewPoll = Pick<Poll, 'code' | 'question' | 'kind' | 'options' | 'pageId' | 'pageTitle' | 'context' | 'status'> & { createdBy: number | null; now: number };

export interface AnswerRow {
  choices: number[];
  words: string;
}

/** The polls module's SQL (both engines). */
export function pollsStore(db: Db) {
  return {
    async insert(p: NewPoll): Promise<Poll | undefined> {
      const row = await db
        .insertInto('polls')
        .values({
          code: p.code, question: p.question, kind: p.kind, options: JSON.stringify(p.options), page_id: p.pageId, page_title: p.pageTitle,
          context: p.context, status: p.status, created_by: p.createdBy, created_at: p.now,
          opened_at: p.status === 'draft' ? null : p.now, closed_at: p.status === 'closed' ? p.now : null,
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .returning(COLUMNS)
        .executeTakeFirst();
      return row ? toPoll(row) : undefined;
    },

    async byCode(code: string): Promise<Poll | undefined> {
      const row = await db.selectFrom('polls').select(COLUMNS).where('code', '=', code).executeTakeFirst();
      return row ? toPoll(row) : undefined;
    },

    async byId(id: number): Promise<Poll | undefined> {
      const row = await db.selectFrom('polls').select(COLUMNS).where('id', '=', id).executeTakeFirst();
      return row ? toPoll(row) : undefined;
    },

    /** Newest first. */
    async list(limit: number, where: { status?: PollStatus; pageId?: number } = {}): Promise<Poll[]> {
      let q = db.selectFrom('polls').select(COLUMNS).orderBy('id', 'desc').limit(limit);
      if (where.status) q = q.where('status', '=', where.status);
      if (where.pageId !== undefined) q = q.where('page_id', '=', where.pageId);
      return (await q.execute()).map(toPoll);
    },

    /** Moves a poll to `to` only from one of `from`; false when it was not there (someone else moved it). */
    async transition(id: number, from: PollStatus[], to: PollStatus, now: number): Promise<boolean> {
      const stamp = to === 'open' ? { opened_at: now, closed_at: null } : to === 'closed' ? { closed_at: now } : {};
      const res = await db
        .updateTable('polls')
        .set({ status: to, ...stamp, version: sql<number>`version + 1` })
        .where('id', '=', id)
        .where('status', 'in', from)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) > 0;
    },

    /**
     * Stores a device's answer (replacing its previous one) while the poll is open, and bumps the
     * poll's version in the same transaction. False when the poll is not open.
     */
    async answer(pollId: number, device: string, answer: AnswerRow, now: number): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const bumped = await trx
          .updateTable('polls')
          .set({ version: sql<number>`version + 1` })
          .where('id', '=', pollId)
          .where('status', '=', 'open')
          .executeTakeFirst();
        if (Number(bumped.numUpdatedRows) === 0) return false;
        await trx
          .insertInto('poll_answers')
          .values({ poll_id: pollId, device, choices: JSON.stringify(answer.choices), words: answer.words, created_at: now, updated_at: now })
          .onConflict((oc) => oc.columns(['poll_id', 'device']).doUpdateSet({ choices: JSON.stringify(answer.choices), words: answer.words, updated_at: now }))
          .execute();
        return true;
      });
    },

    async answerOf(pollId: number, device: string): Promise<AnswerRow | undefined> {
      const row = await db.selectFrom('poll_answers').select(['choices', 'words']).where('poll_id', '=', pollId).where('device', '=', device).executeTakeFirst();
      return row ? { choices: JSON.parse(row.choices) as number[], words: row.words } : undefined;
    },

    async answers(pollId: number): Promise<AnswerRow[]> {
      const rows = await db.selectFrom('poll_answers').select(['choices', 'words']).where('poll_id', '=', pollId).orderBy('created_at').orderBy('device').execute();
      return rows.map((r) => ({ choices: JSON.parse(r.choices) as number[], words: r.words }));
    },

    /** Versions and statuses of several polls at once (what the live streams poll). */
    async versions(ids: number[]): Promise<Map<number, { version: number; status: PollStatus }>> {
      if (ids.length === 0) return new Map();
      const rows = await db.selectFrom('polls').select(['id', 'version', 'status']).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, { version: Number(r.version), status: r.status as PollStatus }]));
    },
  };
}

export type PollsStore = ReturnType<typeof pollsStore>;
