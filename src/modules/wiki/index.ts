import type { FastifyInstance } from 'fastify';
import { redirectWithNotice } from '../../core/http/render.ts';
import type { WikiDeps } from './deps.ts';
import { wikiQueries } from './queries.ts';
import { wikiRoutes } from './routes.ts';
import { createWiki } from './service.ts';
import { activityPages } from './specials/activity.tsx';
import type { PagePanel } from './handlers/read.ts';
import { specialPages, type SpecialHandler } from './specials/index.ts';
import { listPages } from './specials/lists.tsx';

export type { WikiDeps, FileLookup } from './deps.ts';
export type { PagePanel } from './handlers/read.ts';
export { logAction } from './commands/log-action.ts';
export type { Wiki } from './service.ts';
export type { Page, Revision, SaveInput, SaveResult } from './types.ts';
export type { SpecialHandler } from './specials/index.ts';
export { sideBySideDiff } from './diff.ts';

/** The wiki module: pages, revisions, links tables, special pages, watchlist. */
export function createWikiModule(deps: WikiDeps, opts: { publicUrl: string; filePanel?: PagePanel }) {
  const wiki = createWiki(deps);
  const queries = wikiQueries(deps.db);
  const specials = specialPages();
  for (const [names, handler] of [...listPages(queries), ...activityPages(queries, wiki, opts.publicUrl)]) specials.register(names, handler);
  const notificationsRead = async (app: FastifyInstance) => {
    app.post('/notifications/lues', async (request, reply) => {
      const { actor } = request.ctx;
      if (actor.kind === 'user') await deps.db.updateTable('notifications').set({ read_at: deps.clock.now() }).where('user_id', '=', actor.user.id).where('read_at', 'is', null).execute();
      return redirectWithNotice(reply, '/wiki/Spécial:Notifications', 'saved');
    });
  };
  return {
    wiki,
    queries,
    /** Other modules add their special pages (Recherche, Téléverser…). */
    registerSpecial: (names: string[], handler: SpecialHandler) => specials.register(names, handler),
    routes: [wikiRoutes(wiki, queries, specials, 'Accueil', opts.filePanel), notificationsRead],
    handlers: wiki.handlers(),
  };
}

export type WikiModule = ReturnType<typeof createWikiModule>;
