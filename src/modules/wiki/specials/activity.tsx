import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../core/errors.ts';
import { formatDateTime } from '../../../core/i18n/index.ts';
import { sendPage } from '../../../core/http/render.ts';
import { CsrfField } from '../../../core/layout/components.tsx';
import { parseTitle, titleFromStored, titleUrl } from '../../markup/index.ts';
import { intParam } from '../handlers/labels.ts';
import type { WikiQueries } from '../queries.ts';
import type { Wiki } from '../service.ts';
import { LogAction, LogTypeSelect } from '../views/log-line.tsx';
import { ChangesList, NamespaceSelect, SpecialPage, TitleList } from '../views/specials.tsx';
import { atomFeed } from './atom.ts';
import { namespaceParam, type SpecialHandler } from './index.ts';

/** Modifications récentes (+ Atom), Contributions, Journal, Liste de suivi, Notifications. */
export function activityPages(q: WikiQueries, wiki: Wiki, publicUrl: string): Array<[string[], SpecialHandler]> {
  const recentChanges: SpecialHandler = async (request, reply, _sub, query) => {
    const { ctx } = request;
    const filter = {
      namespace: namespaceParam(query.namespace),
      user: query.user?.trim() || undefined,
      hideMinor: query.hideminor === '1',
      hideBots: query.hidebots !== '0',
      limit: Math.min(intParam(query.limit) ?? 50, 500),
    };
    const changes = await q.recentChanges(filter);
    if (query.feed === 'atom') {
      return reply.type('application/atom+xml; charset=utf-8').send(atomFeed(changes, { publicUrl, title: ctx.t('special.recentchanges'), selfPath: request.url }));
    }
    return sendPage(reply, SpecialPage({ ctx, heading: ctx.t('special.recentchanges'), children: [
      <form method="get" action="/wiki/Spécial:Modifications_récentes" class="inline-filters">
        <label for="f-namespace">{ctx.t('special.namespace')}</label> <NamespaceSelect ctx={ctx} selected={filter.namespace} />{' '}
        <label for="f-user">{ctx.t('special.user')}</label> <input id="f-user" name="user" type="text" value={filter.user ?? ''} />{' '}
        <span class="choice"><input id="f-hideminor" name="hideminor" type="checkbox" value="1" checked={filter.hideMinor} /><label for="f-hideminor">{ctx.t('special.rc.hideminor')}</label></span>{' '}
        <input type="hidden" name="hidebots" value="0" />
        <button type="submit" class="button secondary">{ctx.t('special.show')}</button>
      </form>,
      <p><a href={`/wiki/Spécial:Modifications_récentes?feed=atom${filter.namespace !== undefined ? `&namespace=${filter.namespace}` : ''}`} type="application/atom+xml">{ctx.t('special.rc.atom')}</a></p>,
      <ChangesList ctx={ctx} changes={changes} />,
    ] }));
  };

  const contributions: SpecialHandler = async (request, reply, sub, query) => {
    const { ctx } = request;
    const user = (sub || query.target || '').replace(/_/g, ' ').trim();
    if (!user) throw new AppError('bad_request');
    const rows = await q.contributions(user, 100, intParam(query.offset));
    return sendPage(reply, SpecialPage({ ctx, heading: ctx.t('special.contributions', { user }), children: rows.length === 0 ? <p>{ctx.t('special.empty')}</p> : (
      <ul class="changes">
        {rows.map((r) => (
          <li>
            <a href={`${titleUrl(r.title)}?oldid=${r.revId}`}>{formatDateTime(r.createdAt, ctx.locale)}</a>{' '}
            {r.parentId ? <a href={`${titleUrl(r.title)}?diff=${r.revId}&oldid=${r.parentId}`}>{ctx.t('wiki.history.prev')}</a> : null}{' '}
            {r.minor ? <abbr class="minor" title={ctx.t('wiki.minor_title')}>{ctx.t('wiki.minor_abbr')}</abbr> : null}{' '}
            <a href={titleUrl(r.title)}>{r.title.full}</a>
            {r.summary ? <span class="comment"> ({r.summary})</span> : null}
            {r.current ? <strong> {ctx.t('special.current')}</strong> : null}
          </li>
        ))}
      </ul>
    ) }));
  };

  const log: SpecialHandler = async (request, reply, sub, query) => {
    const { ctx } = request;
    const type = (sub || query.type || '').trim() || undefined;
    const page = query.page ? parseTitle(query.page) : undefined;
    const rows = await q.logs({ type, page: page?.ok ? page.title : undefined, limit: 200 });
    const filter = (
      <form method="get" action="/wiki/Spécial:Journal" class="inline-filters">
        <label for="f-type">{ctx.t('log.filter.type')}</label> <LogTypeSelect ctx={ctx} selected={type} />{' '}
        <button type="submit" class="button secondary">{ctx.t('special.show')}</button>
      </form>
    );
    return sendPage(reply, SpecialPage({ ctx, heading: ctx.t('special.log'), children: [filter, rows.length === 0 ? <p>{ctx.t('special.empty')}</p> : (
      <ul class="changes">
        {rows.map((r) => (
          <li>
            <time datetime={new Date(r.createdAt).toISOString()}>{formatDateTime(r.createdAt, ctx.locale)}</time>{' '}
            {r.authorName} <LogAction ctx={ctx} type={r.type} action={r.action} title={r.title} />
            {typeof r.params.target === 'string' ? <> → {r.params.target}</> : null}
            {r.comment ? <span class="comment"> ({r.comment})</span> : null}
          </li>
        ))}
      </ul>
    )] }));
  };

  const watchlist: SpecialHandler = async (request: FastifyRequest, reply: FastifyReply) => {
    const { ctx } = request;
    if (ctx.actor.kind !== 'user') throw new AppError('login_required');
    const watched = await wiki.deps.db.selectFrom('watchlist').select(['namespace', 'title']).where('user_id', '=', ctx.actor.user.id).orderBy('namespace').orderBy('title').execute();
    const titles = watched.flatMap((w) => titleFromStored(w.namespace, w.title) ?? []);
    return sendPage(reply, SpecialPage({ ctx, heading: ctx.t('special.watchlist'), children: <TitleList ctx={ctx} titles={titles} empty={ctx.t('special.watchlist.none')} /> }));
  };

  const notifications: SpecialHandler = async (request, reply) => {
    const { ctx } = request;
    if (ctx.actor.kind !== 'user') throw new AppError('login_required');
    const rows = await wiki.deps.db.selectFrom('notifications').selectAll().where('user_id', '=', ctx.actor.user.id).orderBy('id', 'desc').limit(100).execute();
    return sendPage(reply, SpecialPage({ ctx, heading: ctx.t('special.notifications'), children: rows.length === 0 ? <p>{ctx.t('special.notifications.none')}</p> : [
      <ul class="changes">
        {rows.map((n) => {
          const t = titleFromStored(n.namespace, n.title);
          const url = t ? titleUrl(t) : '/';
          return (
            <li class={n.read_at ? 'read' : 'unread'}>
              {formatDateTime(n.created_at, ctx.locale)}{' '}
              {ctx.t(n.kind === 'page.created' ? 'special.notifications.created' : n.kind === 'network.need' ? 'special.notifications.need' : 'special.notifications.edited', { user: n.actor_name })}{' '}
              <a href={n.rev_id ? `${url}?diff=${n.rev_id}` : url}>{t ? t.full : n.title}</a>
              {n.read_at ? null : <strong> {ctx.t('special.notifications.new')}</strong>}
            </li>
          );
        })}
      </ul>,
      <form method="post" action="/notifications/lues" class="stack"><CsrfField ctx={ctx} /><button type="submit" class="button secondary">{ctx.t('special.notifications.mark_read')}</button></form>,
    ] }));
  };

  return [
    [['Modifications_récentes', 'RecentChanges'], recentChanges],
    [['Contributions'], contributions],
    [['Journal', 'Log'], log],
    [['Liste_de_suivi', 'Watchlist'], watchlist],
    [['Notifications'], notifications],
  ];
}
