import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../core/errors.ts';
import { formatNumber } from '../../../core/i18n/index.ts';
import { sendPage } from '../../../core/http/render.ts';
import { parseTitle, titleUrl } from '../../markup/index.ts';
import type { WikiQueries } from '../queries.ts';
import { NamespaceSelect, SpecialPage, TitleList } from '../views/specials.tsx';
import { namespaceParam, type SpecialHandler } from './index.ts';

const LIMIT = 500;

/** Toutes les pages, Pages liées, Catégories, Pages demandées, Pages orphelines, Statistiques, Page au hasard. */
export function listPages(q: WikiQueries): Array<[string[], SpecialHandler]> {
  const allPages: SpecialHandler = async (request, reply, _sub, query) => {
    const { ctx } = request;
    const namespace = namespaceParam(query.namespace) ?? 0;
    const pages = await q.allPages({ namespace, from: query.from?.replace(/ /g, '_'), limit: LIMIT });
    return sendPage(reply, SpecialPage({ ctx, heading: ctx.t('special.allpages'), children: [
      <form method="get" action="/wiki/Spécial:Toutes_les_pages" class="inline-filters">
        <label for="f-namespace">{ctx.t('special.namespace')}</label> <NamespaceSelect ctx={ctx} selected={namespace} all={false} />{' '}
        <button type="submit" class="button secondary">{ctx.t('special.show')}</button>
      </form>,
      <TitleList ctx={ctx} titles={pages.map((p) => p.title)} />,
    ] }));
  };

  const whatLinksHere: SpecialHandler = async (request, reply, sub, query) => {
    const { ctx } = request;
    const target = parseTitle(sub || query.target || '');
    if (!target.ok) throw new AppError('bad_request');
    // As MediaWiki: redirects to the page are listed with the pages that link through them.
    const pages = await q.backlinks(target.title, LIMIT);
    const via = new Map<string, Awaited<ReturnType<typeof q.backlinks>>>();
    for (const p of pages) if (p.isRedirect) via.set(p.title.key, await q.backlinks(p.title, LIMIT));
    return sendPage(reply, SpecialPage({ ctx, heading: ctx.t('special.whatlinkshere', { title: target.title.full }), children: pages.length === 0 ? <p>{ctx.t('special.whatlinkshere.none')}</p> : (
      <ul class="title-list">
        {pages.map((p) => (
          <li>
            <a href={p.isRedirect ? `${titleUrl(p.title)}?redirect=no` : titleUrl(p.title)}>{p.title.full}</a>
            {p.isRedirect ? <>{` ${ctx.t('special.whatlinkshere.redirect')}`}<TitleList ctx={ctx} titles={(via.get(p.title.key) ?? []).map((x) => x.title)} empty="" /></> : null}
          </li>
        ))}
      </ul>
    ) }));
  };

  const categories: SpecialHandler = async (request, reply) => {
    const { ctx } = request;
    const cats = await q.categories(LIMIT);
    const titles = cats.flatMap((c) => {
      const t = parseTitle(`Catégorie:${c.name.replace(/_/g, ' ')}`);
      return t.ok ? [t.title] : [];
    });
    return sendPage(reply, SpecialPage({ ctx, heading: ctx.t('special.categories'), children:
      <TitleList ctx={ctx} titles={titles} extra={(_t, i) => ctx.t('special.members', { n: formatNumber(cats[i]?.count ?? 0, ctx.locale) })} /> }));
  };

  const wanted: SpecialHandler = async (request, reply) => {
    const { ctx } = request;
    const rows = await q.wanted(LIMIT);
    return sendPage(reply, SpecialPage({ ctx, heading: ctx.t('special.wanted'), children: rows.length === 0 ? <p>{ctx.t('special.empty')}</p> : (
      <ul class="title-list">
        {rows.map((r) => (
          <li>
            <a href={`${titleUrl(r.title)}?action=edit&redlink=1`} class="new">{r.title.full}</a>{' '}
            <a href={`/wiki/Spécial:Pages_liées/${encodeURIComponent(r.title.key)}`}>{ctx.t('special.links', { n: formatNumber(r.count, ctx.locale) })}</a>
          </li>
        ))}
      </ul>
    ) }));
  };

  const orphans: SpecialHandler = async (request, reply) => {
    const { ctx } = request;
    const pages = await q.orphans(LIMIT);
    return sendPage(reply, SpecialPage({ ctx, heading: ctx.t('special.orphans'), children: <TitleList ctx={ctx} titles={pages.map((p) => p.title)} /> }));
  };

  const statistics: SpecialHandler = async (request, reply) => {
    const { ctx } = request;
    const s = await q.statistics();
    const rows: Array<[string, number]> = [[ctx.t('special.stats.content'), s.contentPages], [ctx.t('special.stats.pages'), s.pages], [ctx.t('special.stats.edits'), s.edits], [ctx.t('special.stats.users'), s.users]];
    return sendPage(reply, SpecialPage({ ctx, heading: ctx.t('special.statistics'), children: (
      <table>
        <caption>{ctx.t('special.statistics')}</caption>
        <tbody>{rows.map(([label, n]) => <tr><th scope="row">{label}</th><td class="num">{formatNumber(n, ctx.locale)}</td></tr>)}</tbody>
      </table>
    ) }));
  };

  const random: SpecialHandler = async (_request: FastifyRequest, reply: FastifyReply) => {
    const page = await q.randomPage();
    return reply.redirect(page ? titleUrl(page.title) : '/wiki/Accueil', 302);
  };

  return [
    [['Toutes_les_pages', 'AllPages'], allPages],
    [['Pages_liées', 'WhatLinksHere'], whatLinksHere],
    [['Catégories', 'Categories'], categories],
    [['Pages_demandées', 'WantedPages'], wanted],
    [['Pages_orphelines', 'LonelyPages', 'OrphanedPages'], orphans],
    [['Statistiques', 'Statistics'], statistics],
    [['Page_au_hasard', 'Random', 'RandomPage'], random],
  ];
}

