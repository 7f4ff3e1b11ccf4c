import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/http/context.ts';
import { sendPage } from '../../../core/http/render.ts';
import { NS_FILE, parseTitle, redirectTarget, titleUrl, type Title } from '../../markup/index.ts';
import { sideBySideDiff } from '../diff.ts';
import { canEdit } from '../permissions.ts';
import { localizeRender } from '../render.ts';
import type { Query } from '../routes.ts';
import type { WikiQueries } from '../queries.ts';
import type { Wiki } from '../service.ts';
import { DiffPage, HistoryPage } from '../views/history.tsx';
import { MissingPage, PageView } from '../views/page-view.tsx';
import { intParam, renderLabels } from './labels.ts';
import { pageCache } from './page-cache.ts';

const HISTORY_PAGE = 50;

/**
 * Extra HTML around the content of a page, in the reader's language: the files module shows the
 * file and its history on Fichier: pages, the network module an infobox on its entities' pages.
 * The wiki does not know what it shows. Pages of a namespace with a panel are never served from
 * the page cache: the panel may change without a new revision, and may depend on the reader.
 */
export type PagePanel = (title: Title, ctx: RequestContext) => Promise<{ before: string; after: string } | undefined>;

export function readHandlers(wiki: Wiki, queries: WikiQueries, panels: ReadonlyMap<number, PagePanel> = new Map()) {
  const cache = pageCache();
  const categoryMembers = async (title: Title) => (await queries.categoryMembers(title.text.replace(/ /g, '_'), 1000)).map((p) => p.title);
  return {
    async view(request: FastifyRequest, reply: FastifyReply, title: Title, query: Query) {
      const { ctx } = request;
      const found = await wiki.pageWithStamp(title);
      const page = found?.page;
      const oldid = intParam(query.oldid);
      if (!page) {
        const deleted = (await wiki.deletedPages(title)).length > 0;
        const members = title.namespace === 14 ? await categoryMembers(title) : undefined;
        return sendPage(reply, MissingPage({ ctx, title, canEdit: canEdit(ctx.actor, undefined), deleted, members }), 404);
      }
      const labels = renderLabels(ctx);
      if (oldid) {
        const rev = await wiki.revision(oldid);
        if (!rev || rev.pageId !== page.id) throw new AppError('not_found');
        const r = await wiki.renderTransient(title, rev.content, rev.contentModel, labels);
        return sendPage(reply, PageView({ ctx, m: {
          title, html: r.html, toc: r.toc, categories: [], lastModified: rev.createdAt, revId: rev.id, canEdit: canEdit(ctx.actor, page), watching: undefined,
          oldRevision: { id: rev.id, createdAt: rev.createdAt, authorName: rev.authorName, latestId: page.latestRevId },
        } }));
      }
      // Follow a redirect once, unless asked not to (as MediaWiki: ?redirect=no).
      if (page.isRedirect && query.redirect !== 'no') {
        const rev = await wiki.revision(page.latestRevId);
        const target = rev ? redirectTarget(rev.content, rev.contentModel) : undefined;
        if (target && target.key !== title.key && target.namespace >= 0) {
          const hash = target.fragment ? `#${encodeURIComponent(target.fragment.replace(/ /g, '_'))}` : '';
          return reply.redirect(`${titleUrl(target)}?rdfrom=${encodeURIComponent(title.key)}${hash}`, 302);
        }
      }
      // Plain content pages read anonymously are served from the page cache while they are unchanged.
      const cacheKey = `${page.id}|${ctx.locale}`;
      // Category pages are cached too: a change of membership touches them (see storeRender).
      const useCache = title.namespace !== NS_FILE && !panels.has(title.namespace) && !query.rdfrom && cache.cacheable(request, titleUrl(title));
      const stamp = useCache ? found!.stamp : '';
      if (useCache && stamp) {
        const hit = cache.send(request, reply, cacheKey, stamp);
        if (hit) return hit;
      }
      const stored = await wiki.storedRender(page);
      const rdfrom = query.rdfrom ? parseTitle(query.rdfrom) : undefined;
      const panelOf = panels.get(title.namespace);
      const panel = panelOf ? await panelOf(title, ctx) : undefined;
      const categories = await wiki.categoriesOf(page.id);
      const watching = ctx.actor.kind === 'user' ? await wiki.watchlist.isWatching(ctx.actor, title) : undefined;
      const members = title.namespace === 14 ? await categoryMembers(title) : undefined;
      const view = (c: RequestContext) => PageView({ ctx: c, m: {
        title,
        html: (panel?.before ?? '') + localizeRender(stored?.html ?? '', labels) + (panel?.after ?? ''),
        toc: localizeRender(stored?.toc ?? '', labels),
        categories,
        lastModified: page.touchedAt,
        revId: page.latestRevId,
        redirectedFrom: rdfrom?.ok ? rdfrom.title : undefined,
        canEdit: canEdit(ctx.actor, page),
        watching,
        members,
      } });
      if (useCache && stored) return cache.store(request, reply, cacheKey, `${page.latestRevId}|${stored.rev_id}|${stored.rendered_at}|${page.touchedAt}`, (token) => view({ ...ctx, csrfToken: token }));
      return sendPage(reply, view(ctx));
    },

    async raw(_request: FastifyRequest, reply: FastifyReply, title: Title, query: Query) {
      const page = await wiki.page(title);
      if (!page) throw new AppError('not_found');
      const rev = await wiki.revision(intParam(query.oldid) ?? page.latestRevId);
      if (!rev || rev.pageId !== page.id) throw new AppError('not_found');
      return reply.type(rev.contentModel === 'markdown' ? 'text/markdown; charset=utf-8' : 'text/x-wiki; charset=utf-8').send(rev.content);
    },

    async history(request: FastifyRequest, reply: FastifyReply, title: Title, query: Query) {
      const page = await wiki.page(title);
      if (!page) throw new AppError('not_found');
      const before = intParam(query.offset);
      const revisions = await wiki.revisions(page.id, { limit: HISTORY_PAGE + 1, before });
      const shown = revisions.slice(0, HISTORY_PAGE);
      const missingParents = shown.map((r) => r.parentId).filter((id): id is number => id !== null && !shown.some((r) => r.id === id));
      return sendPage(reply, HistoryPage({
        ctx: request.ctx, title, revisions: shown, parentSizes: await wiki.parentSizes(missingParents), latestId: page.latestRevId,
        olderOffset: revisions.length > HISTORY_PAGE ? shown.at(-1)!.id : undefined, canEdit: canEdit(request.ctx.actor, page),
      }));
    },

    /** ?diff=N&oldid=M, with MediaWiki's shorthands diff=prev|next|cur. */
    async diff(request: FastifyRequest, reply: FastifyReply, title: Title, query: Query) {
      const page = await wiki.page(title);
      if (!page) throw new AppError('not_found');
      const oldid = intParam(query.oldid);
      let newer = query.diff === 'cur' || query.diff === '' ? await wiki.revision(page.latestRevId) : await wiki.revision(intParam(query.diff) ?? oldid ?? page.latestRevId);
      let older = oldid ? await wiki.revision(oldid) : undefined;
      if (query.diff === 'prev' && older) {
        newer = older;
        older = older.parentId ? await wiki.revision(older.parentId) : undefined;
      } else if (!older && newer?.parentId) {
        older = await wiki.revision(newer.parentId);
      }
      if (!newer || newer.pageId !== page.id || (older && older.pageId !== page.id)) throw new AppError('not_found');
      if (older && older.id > newer.id) [older, newer] = [newer, older];
      const base = older ?? { ...newer, id: 0, content: '', size: 0, summary: '', parentId: null };
      return sendPage(reply, DiffPage({ ctx: request.ctx, title, older: base, newer, rows: sideBySideDiff(base.content, newer.content), canEdit: canEdit(request.ctx.actor, page) }));
    },
  };
}
