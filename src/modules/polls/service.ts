import type { Actor } from '../../core/actor.ts';
import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../core/db/index.ts';
import { AppError, type FieldErrors } from '../../core/errors.ts';
import { hashToken } from '../../core/ids.ts';
import { authorize } from '../accounts/index.ts';
import { parseTitle } from '../markup/index.ts';
import type { Wiki } from '../wiki/index.ts';
import { newPollCode } from './code.ts';
import { tally } from './results.ts';
import { pollsStore, type AnswerRow } from './store.ts';
import { OPTION_MAX, OPTIONS_MAX, POLL_KINDS, QUESTION_MAX, SCALE_MAX, SCALE_MIN, WORDS_MAX, type Poll, type PollKind, type PollResults, type PollStatus } from './types.ts';

export interface PollsDeps {
  db: Db;
  clock: Clock;
  wiki: Wiki;
}

/** What the creation form sends. */
export interface CreatePollInput {
  question: string;
  kind: string;
  /** One choice per line (single and multiple choice). */
  options: string;
  /** Largest value of a scale (it starts at 1). */
  scaleMax: string;
  /** Title of the wiki page the poll belongs to (a rencontre's page), optional. */
  page: string;
  context: string;
  /** Open it at once. */
  open: boolean;
}

/** What a participant sends: option indexes (as form values) or a few words. */
export interface AnswerInput {
  choices: string[];
  words: string;
}

function invalid(fields: FieldErrors): never {
  throw new AppError('validation_failed', {}, fields);
}

function optionsFor(kind: PollKind, input: CreatePollInput, errors: FieldErrors): string[] {
  if (kind === 'words') return [];
  if (kind === 'scale') {
    const max = Number(input.scaleMax || '5');
    if (!Number.isInteger(max) || max < SCALE_MIN || max > SCALE_MAX) errors.scale_max = 'polls.error.scale';
    return Array.from({ length: Number.isInteger(max) ? Math.min(Math.max(max, SCALE_MIN), SCALE_MAX) : 5 }, (_, i) => String(i + 1));
  }
  const options = [...new Set(input.options.split(/\r?\n/).map((o) => o.trim()).filter(Boolean))];
  if (options.length < 2 || options.length > OPTIONS_MAX || options.some((o) => o.length > OPTION_MAX)) errors.options = 'polls.error.options';
  return options;
}

/** The polls' rules: coordination creates, opens and closes; anyone with the code answers while open. */
export function pollsService(deps: PollsDeps) {
  const store = pollsStore(deps.db);

  async function byCode(code: string): Promise<Poll> {
    const poll = await store.byCode(code);
    if (!poll) throw new AppError('not_found');
    return poll;
  }

  async function move(actor: Actor, code: string, from: PollStatus[], to: PollStatus): Promise<Poll> {
    authorize(actor, 'polls.manage');
    const poll = await byCode(code);
    await store.transition(poll.id, from, to, deps.clock.now());
    return byCode(code);
  }

  return {
    store,
    byCode,

    async create(actor: Actor, input: CreatePollInput): Promise<Poll> {
      authorize(actor, 'polls.manage');
      const errors: FieldErrors = {};
      const question = input.question.trim();
      if (!question) errors.question = 'field.required';
      else if (question.length > QUESTION_MAX) errors.question = 'polls.error.too_long';
      const kind = (POLL_KINDS as readonly string[]).includes(input.kind) ? (input.kind as PollKind) : undefined;
      if (!kind) errors.kind = 'field.required';
      const options = kind ? optionsFor(kind, input, errors) : [];
      let pageId: number | null = null;
      let pageTitle: string | null = null;
      if (input.page.trim()) {
        const parsed = parseTitle(input.page.trim());
        const page = parsed.ok ? await deps.wiki.page(parsed.title) : undefined;
        if (!parsed.ok || !page) errors.page = 'polls.error.page';
        else [pageId, pageTitle] = [page.id, parsed.title.full];
      }
      const context = input.context.trim().slice(0, QUESTION_MAX);
      if (Object.keys(errors).length > 0 || !kind) invalid(errors);
      const createdBy = actor.kind === 'user' ? actor.user.id : null;
      // A clash of codes is rare (23^6 codes); draw again when it happens.
      for (let attempt = 0; attempt < 10; attempt++) {
        const poll = await store.insert({ code: newPollCode(), question, kind, options, pageId, pageTitle, context, status: input.open ? 'open' : 'draft', createdBy, now: deps.clock.now() });
        if (poll) return poll;
      }
      throw new AppError('unavailable');
    },

    open: (actor: Actor, code: string) => move(actor, code, ['draft', 'closed'], 'open'),
    close: (actor: Actor, code: string) => move(actor, code, ['open'], 'closed'),

    /** Stores this device's answer, replacing its previous one. */
    async answer(code: string, deviceId: string, input: AnswerInput): Promise<Poll> {
      const poll = await byCode(code);
      if (poll.status !== 'open') throw new AppError('validation_failed', {}, { _form: 'polls.answer.not_open' });
      const answer: AnswerRow = { choices: [], words: '' };
      if (poll.kind === 'words') {
        answer.words = input.words.trim().replace(/\s+/g, ' ');
        if (!answer.words) invalid({ words: 'field.required' });
        if (answer.words.length > WORDS_MAX) invalid({ words: 'polls.error.too_long' });
      } else {
        const picked = [...new Set(input.choices.map(Number))].filter((i) => Number.isInteger(i) && i >= 0 && i < poll.options.length).sort((a, b) => a - b);
        if (picked.length === 0) invalid({ choice: 'polls.error.choose' });
        if (poll.kind !== 'multiple' && picked.length > 1) invalid({ choice: 'polls.error.choose_one' });
        answer.choices = picked;
      }
      if (!(await store.answer(poll.id, hashToken(deviceId), answer, deps.clock.now()))) throw new AppError('validation_failed', {}, { _form: 'polls.answer.not_open' });
      return poll;
    },

    /** The answer this device gave, to show the form filled in again. */
    previousAnswer: (poll: Poll, deviceId: string) => store.answerOf(poll.id, hashToken(deviceId)),

    async results(poll: Poll): Promise<PollResults> {
      return tally(poll, await store.answers(poll.id));
    },

    /** Polls attached to a wiki page (by title, as typed or as a Title's text), newest first. */
    async forPage(pageId: number, status?: PollStatus): Promise<Poll[]> {
      return store.list(200, { pageId, ...(status ? { status } : {}) });
    },
  };
}

export type PollsService = ReturnType<typeof pollsService>;
