import type { FastifyInstance } from 'fastify';
import { redirectWithNotice } from '../../core/http/render.ts';
import { NS_FILE } from '../markup/index.ts';
import type { SaveGuard, WikiDeps } from './deps.ts';
import { apiQueries } from './api-queries.ts';
import { wikiQueries } from './queries.ts';
import { wikiRoutes } from './routes.ts';
import { createWiki } from './service.ts';
import { activityPages } from './specials/activity.tsx';
import type { PagePanel } from './handlers/read.ts';
import { specialPages, type SpecialHandler } from './specials/index.ts';
import { listPages } from './specials/lists.tsx';

export type { WikiDeps, FileLookup, SaveGuard } from './deps.ts';
export type { PagePanel } from './handlers/read.ts';
export { logAction, logActions, updateLogEntry, type LogEntry } from './commands/log-action.ts';
export type { ImportedPage, ImportedRevision, PendingRender, RenderedPage } from './commands/import-revisions.ts';
export { createRenderPool, type RenderPool } from './render/pool.ts';
export type { Wiki } from './service.ts';
export type { Page, Revision, SaveInput, SaveResult } from './types.ts';
export { sha1Base36 } from './store.ts';
export type { SpecialHandler } from './specials/index.ts';
export { sideBySideDiff } from './diff.ts';
export type { ApiQueries, ApiRecentChange, MemberRef } from './api-queries.ts';
export { normalizeText } from './commands/save-page.ts';
/** The links tables' reverse indexes (by target): a bulk load may build them afterwards (core/db/bulk.ts). */
export const LINK_TARGET_INDEXES = ['page_links_to', 'template_links_to', 'category_links_cat'] as const;

/** The wiki module: pages, revisions, links tables, special pages, watchlist. */
export function createWikiModule(deps: WikiDeps, opts: { publicUrl: string; filePanel?: PagePanel }) {
  const saveGuards = new Map<number, SaveGuard>();
  const wiki = createWiki({ ...deps, saveGuards });
  const queries = wikiQueries(deps.db);
  const specials = specialPages();
  const panels = new Map<number, PagePanel>(opts.filePanel ? [[NS_FILE, opts.filePanel]] : []);
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
    /** Keyset-paginated reads for api.php. */
    apiQueries: apiQueries(deps.db),
    /** Other modules add their special pages (Recherche, Téléverser…). */
    registerSpecial: (names: string[], handler: SpecialHandler) => specials.register(names, handler),
    /**
     * Other modules show their own panel around the pages of a namespace (the network's infoboxes,
     * a rencontre's polls). Several panels of one namespace show in the order they were registered.
     */
    /** Another module decides who may write the pages of its namespace (see deps.ts); one guard per namespace. */
    registerSaveGuard: (namespace: number, guard: SaveGuard) => void saveGuards.set(namespace, guard),
    registerPanel: (namespace: number, panel: PagePanel) => void panels.set(namespace, composePanels(panels.get(namespace), panel)),
    routes: [wikiRoutes(wiki, queries, specials, 'Accueil', panels), notificationsRead],
    handlers: wiki.handlers(),
  };
}

export type WikiModule = ReturnType<typeof createWikiModule>;

function composePanels(first: PagePanel | undefined, second: PagePanel): PagePanel {
  if (!first) return second;
  return async (title, ctx) => {
    const [a, b] = await Promise.all([first(title, ctx), second(title, ctx)]);
    if (!a || !b) return a ?? b;
    return { before: a.before + b.before, after: a.after + b.after };
  };
}
