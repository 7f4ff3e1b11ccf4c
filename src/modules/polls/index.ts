/**
 * The polls module's public surface: live polls and word clouds for rencontres.
 *
 * - Participants answer at /sondage/CODE (or type the code at /sondage), without an account:
 *   one answer per device (an HttpOnly cookie), answering again replaces it; rate-limited per IP.
 * - Results at /sondage/CODE/resultats, live through server-sent events (/sondage/CODE/direct).
 * - Coordination (`polls.manage`) creates polls at /sondages/nouveau and opens/closes them.
 * - Other modules list a page's polls (`pollsFor`) and show the archive (`archiveHtml`,
 *   `panel` for a namespace's pages, e.g. Rencontre:).
 *
 * Wiring (main.ts): `createPollsModule({ db, clock, wiki: wiki.wiki, publicUrl })`, add `routes`.
 */
import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../core/db/index.ts';
import type { RequestContext } from '../../core/http/context.ts';
import type { Title } from '../markup/index.ts';
import type { Wiki } from '../wiki/index.ts';
import { liveHub } from './live.ts';
import { pollsRoutes } from './routes.ts';
import { pollsService } from './service.ts';
import type { Poll } from './types.ts';
import { PollArchive } from './views/archive.tsx';

export type { Poll, PollKind, PollResults, PollStatus, WordCount } from './types.ts';
export type { CreatePollInput, AnswerInput } from './service.ts';
export { countWords } from './words.ts';
export { loadDemoPolls } from './demo.ts';

export interface PollsModuleDeps {
  db: Db;
  clock: Clock;
  wiki: Wiki;
  publicUrl: string;
  /** Answers accepted per IP address and window (a room behind one NAT shares an address). */
  answerLimit?: { max: number; windowMs: number };
  /** How often live streams look for new answers (ms). */
  liveIntervalMs?: number;
}

export function createPollsModule(deps: PollsModuleDeps) {
  const service = pollsService(deps);
  const hub = liveHub(service.store, deps.liveIntervalMs);

  /** The polls of a wiki page, newest first (closed ones only unless `all`). */
  async function pollsFor(page: Title | number, opts: { all?: boolean } = {}): Promise<Poll[]> {
    const id = typeof page === 'number' ? page : (await deps.wiki.page(page))?.id;
    if (id === undefined) return [];
    const polls = await service.forPage(id);
    return opts.all ? polls : polls.filter((p) => p.status === 'closed');
  }

  /** The archive of a page's polls (SVG charts and data tables), '' when it has none. */
  async function archiveHtml(page: Title | number, ctx: RequestContext): Promise<string> {
    const polls = (await pollsFor(page, { all: true })).filter((p) => p.status !== 'draft');
    const withResults = await Promise.all(polls.map(async (poll) => ({ poll, results: await service.results(poll) })));
    return PollArchive({ ctx, polls: withResults })?.html ?? '';
  }

  return {
    service,
    pollsFor,
    archiveHtml,
    /** A wiki page panel (see the wiki's PagePanel) showing the page's polls after its text. */
    panel: async (title: Title, ctx: RequestContext) => {
      const after = await archiveHtml(title, ctx);
      return after ? { before: '', after } : undefined;
    },
    routes: [pollsRoutes(deps, service, hub)],
    /** Ends open live streams (also done by the app's close). */
    close: () => hub.close(),
  };
}

export type PollsModule = ReturnType<typeof createPollsModule>;
