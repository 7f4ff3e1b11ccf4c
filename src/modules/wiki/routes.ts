import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.ts';
import { samePath, sendPage } from '../../core/http/render.ts';
import { parseTitle, titleUrl, type Title } from '../markup/index.ts';
import { actionHandlers } from './handlers/actions.ts';
import { editHandlers } from './handlers/edit.ts';
import { readHandlers, type PagePanel } from './handlers/read.ts';
import type { WikiQueries } from './queries.ts';
import type { Wiki } from './service.ts';
import { InvalidTitlePage } from './views/invalid-title.tsx';

export type Query = Record<string, string | undefined>;

export interface SpecialPages {
  handle(request: FastifyRequest, reply: FastifyReply, name: string, query: Query): Promise<FastifyReply>;
}

/** MediaWiki-compatible URLs: /wiki/Titre, ?action=edit|history|raw|…, ?oldid=, ?diff=. */
export function wikiRoutes(wiki: Wiki, queries: WikiQueries, specials: SpecialPages, mainPage = 'Accueil', panels: ReadonlyMap<number, PagePanel> = new Map()) {
  const read = readHandlers(wiki, queries, panels);
  const edit = editHandlers(wiki);
  const actions = actionHandlers(wiki);

  function titleFrom(request: FastifyRequest, reply: FastifyReply): Title | FastifyReply {
    const rawPath = (request.params as { '*': string })['*'] ?? '';
    const parsed = parseTitle(rawPath);
    if (!parsed.ok) return sendPage(reply, InvalidTitlePage({ ctx: request.ctx, input: rawPath, error: parsed.error, char: parsed.char }), 400);
    return parsed.title;
  }

  function canonical(request: FastifyRequest, title: Title): string | undefined {
    const [path, qs] = request.url.split('?');
    const want = titleUrl(title);
    if (samePath(path ?? '', want)) return undefined;
    return qs ? `${want}?${qs}` : want;
  }

  return async (app: FastifyInstance) => {
    app.get('/wiki', async (_request, reply) => reply.redirect(`/wiki/${mainPage}`, 302));
    app.get('/wiki/', async (_request, reply) => reply.redirect(`/wiki/${mainPage}`, 302));

    // MediaWiki's entry point, as imported wikitext and old bookmarks use it
    // (/index.php?title=X&action=edit&redlink=1, ?oldid=…, ?search=…): sent on to our URLs.
    app.get('/index.php', async (request, reply) => {
      const { title, search, ...rest } = request.query as Query;
      if (search !== undefined) return reply.redirect(`/wiki/Sp%C3%A9cial:Recherche?${new URLSearchParams({ q: search })}`, 301);
      const parsed = parseTitle(title ?? mainPage);
      if (!parsed.ok) return sendPage(reply, InvalidTitlePage({ ctx: request.ctx, input: title ?? '', error: parsed.error, char: parsed.char }), 400);
      const params = new URLSearchParams(Object.entries(rest).filter((e): e is [string, string] => typeof e[1] === 'string'));
      const qs = params.toString();
      return reply.redirect(qs ? `${titleUrl(parsed.title)}?${qs}` : titleUrl(parsed.title), 301);
    });

    app.get('/wiki/*', async (request, reply) => {
      const title = titleFrom(request, reply);
      if (!('namespace' in title)) return title;
      const query = request.query as Query;
      if (title.namespace === -1) return specials.handle(request, reply, title.text, query);
      const moved = canonical(request, title);
      if (moved) return reply.redirect(moved, 301);
      switch (query.action) {
        case undefined:
        case 'view':
          if (query.diff !== undefined) return read.diff(request, reply, title, query);
          return read.view(request, reply, title, query);
        case 'edit':
        case 'submit':
          return edit.form(request, reply, title, query);
        case 'history':
          return read.history(request, reply, title, query);
        case 'raw':
          return read.raw(request, reply, title, query);
        case 'move':
        case 'delete':
        case 'undelete':
        case 'protect':
          return actions.form(request, reply, title, query.action);
        default:
          throw new AppError('bad_request');
      }
    });

    app.post('/wiki/*', async (request, reply) => {
      const title = titleFrom(request, reply);
      if (!('namespace' in title)) return title;
      const action = (request.query as Query).action;
      switch (action) {
        case 'submit':
        case 'edit':
          return edit.submit(request, reply, title);
        case 'watch':
        case 'unwatch':
          return actions.watch(request, reply, title, action === 'watch');
        case 'move':
        case 'delete':
        case 'undelete':
        case 'protect':
          return actions.submit(request, reply, title, action);
        default:
          throw new AppError('bad_request');
      }
    });
  };
}
