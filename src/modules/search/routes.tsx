import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { raw } from '#jsx/jsx-runtime';
import { formatNumber } from '../../core/i18n/index.ts';
import { sendPage } from '../../core/http/render.ts';
import { Layout, suggestAttrs } from '../../core/layout/Layout.tsx';
import { NAMESPACES, parseTitle, titleUrl } from '../markup/index.ts';
import type { SearchIndex } from './types.ts';

type Query = Record<string, string | undefined>;
const PER_PAGE = 20;

function namespacesParam(value: string | undefined): number[] | undefined {
  if (!value) return undefined;
  const ids = value.split(/[|,]/).map(Number).filter((n) => NAMESPACES.some((x) => x.id === n && n >= 0));
  return ids.length ? ids : undefined;
}

/** Spécial:Recherche — full text with title matches first; and /api/suggest for autocomplete. */
export function searchPage(index: SearchIndex, pageExists: (key: string) => Promise<boolean>) {
  return async (request: FastifyRequest, reply: FastifyReply, subpage: string, query: Query) => {
    const { ctx } = request;
    const q = (query.q ?? query.search ?? subpage.replace(/_/g, ' ')).trim().slice(0, 300);
    const namespaces = namespacesParam(query.ns);
    const offset = Math.max(0, Math.min(10_000, Number(query.offset) || 0));
    // MediaWiki's "Go": an exact title goes straight to the page.
    if (query.go !== undefined && q) {
      const t = parseTitle(q);
      if (t.ok && t.title.namespace >= 0 && (await pageExists(t.title.key))) return reply.redirect(titleUrl(t.title), 302);
    }
    const result = q ? await index.search({ q, namespaces, limit: PER_PAGE, offset }) : { total: 0, hits: [] };
    const heading = ctx.t('search.heading');
    const exact = q ? parseTitle(q) : undefined;
    const base = `/wiki/Sp%C3%A9cial:Recherche?q=${encodeURIComponent(q)}${query.ns ? `&ns=${encodeURIComponent(query.ns)}` : ''}`;
    return sendPage(reply, Layout({ ctx, title: q ? `${q} – ${heading}` : heading, children: [
      <h1 id="firstHeading">{heading}</h1>,
      <form method="get" action="/wiki/Sp%C3%A9cial:Recherche" role="search" class="search-form">
        <label for="f-q">{ctx.t('search.label')}</label>
        <input id="f-q" name="q" type="search" value={q} data-suggest="/api/suggest" {...suggestAttrs(ctx)} autocomplete="off" />{' '}
        <label for="f-ns">{ctx.t('special.namespace')}</label>
        <select id="f-ns" name="ns">
          <option value="" selected={!namespaces}>{ctx.t('special.all_namespaces')}</option>
          {NAMESPACES.filter((n) => n.id >= 0).map((n) => <option value={n.id} selected={namespaces?.length === 1 && namespaces[0] === n.id}>{n.id === 0 ? ctx.t('special.main_namespace') : n.name}</option>)}
        </select>{' '}
        <button type="submit" class="button">{ctx.t('nav.search')}</button>
      </form>,
      q && exact?.ok && exact.title.namespace >= 0 && !(await pageExists(exact.title.key))
        ? <p>{ctx.t('search.create')} <a href={`${titleUrl(exact.title)}?action=edit&redlink=1`} class="new">{exact.title.full}</a></p>
        : null,
      q ? <p class="muted" role="status">{ctx.t('search.count', { n: formatNumber(result.total, ctx.locale) })}</p> : null,
      result.hits.length ? (
        <ol class="search-results" start={offset + 1}>
          {result.hits.map((h) => {
            const t = parseTitle(h.fullTitle);
            return (
              <li>
                <a href={t.ok ? titleUrl(t.title) : '#'} class="search-title">{raw(h.titleHtml)}</a>
                <p class="search-snippet">{raw(h.snippetHtml)}</p>
              </li>
            );
          })}
        </ol>
      ) : q ? <p>{ctx.t('search.none')}</p> : null,
      <nav class="pager" aria-label={ctx.t('search.pages')}>
        {offset > 0 ? <a href={`${base}&offset=${Math.max(0, offset - PER_PAGE)}`}>{ctx.t('search.previous')}</a> : null}{' '}
        {offset + PER_PAGE < result.total ? <a href={`${base}&offset=${offset + PER_PAGE}`}>{ctx.t('search.next')}</a> : null}
      </nav>,
    ] }));
  };
}

export function suggestRoute(index: SearchIndex) {
  return async (app: FastifyInstance) => {
    app.get('/api/suggest', async (request, reply) => {
      const q = String((request.query as Query).q ?? '').trim().slice(0, 100);
      const namespaces = namespacesParam((request.query as Query).ns);
      const items = q ? await index.suggest(q, { namespaces, limit: 10 }) : [];
      reply.header('cache-control', 'no-store');
      return items.map((s) => {
        const t = parseTitle(s.fullTitle);
        return { title: s.fullTitle, url: t.ok ? titleUrl(t.title) : '/' };
      });
    });
  };
}
