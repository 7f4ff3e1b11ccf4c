import { raw, type Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../../../core/http/context.ts';
import { formatDateTime } from '../../../core/i18n/index.ts';
import { Layout } from '../../../core/layout/Layout.tsx';
import { titleUrl, type Title } from '../../markup/index.ts';
import { draftPrefix, SAVED_ASSETS, SAVED_NOTICES } from './drafts.ts';
import { PageTabs } from './tabs.tsx';

export interface ViewModel {
  title: Title;
  html: string;
  toc: string;
  categories: Array<{ title: Title; exists: boolean }>;
  lastModified: number;
  revId: number;
  redirectedFrom?: Title;
  /** Viewing an old revision. */
  oldRevision?: { id: number; createdAt: number; authorName: string; latestId: number };
  canEdit: boolean;
  watching: boolean | undefined;
  /** On a category page: the pages in it. */
  members?: Title[];
}

export function PageView({ ctx, m }: { ctx: RequestContext; m: ViewModel }): Raw {
  // Just saved: the browser drafts of the page that was edited are no longer needed.
  const saved = ctx.notice && SAVED_NOTICES.has(ctx.notice) ? draftPrefix(m.redirectedFrom ?? m.title) : undefined;
  return (
    <Layout ctx={ctx} title={m.title.full} {...(saved ? SAVED_ASSETS : {})}>
      <PageTabs ctx={ctx} title={m.title} current="read" exists canEdit={m.canEdit} />
      <h1 id="firstHeading" class="page-title">{m.title.full}</h1>
      {m.redirectedFrom ? (
        <p class="muted redirected-from">
          {ctx.t('wiki.redirected_from')} <a href={`${titleUrl(m.redirectedFrom)}?redirect=no`}>{m.redirectedFrom.full}</a>
        </p>
      ) : null}
      {m.oldRevision ? (
        <div class="notice old-revision" role="status">
          {ctx.t('wiki.old_revision', { date: formatDateTime(m.oldRevision.createdAt, ctx.locale), author: m.oldRevision.authorName })}{' '}
          <a href={titleUrl(m.title)}>{ctx.t('wiki.current_version')}</a>
        </div>
      ) : null}
      {m.watching !== undefined ? <WatchForm ctx={ctx} title={m.title} watching={m.watching} /> : null}
      {m.toc ? raw(m.toc) : null}
      <div id="mw-content-text" class="page-content" lang="fr-CA" data-saved-drafts={saved}>{raw(m.html)}</div>
      {m.members ? <CategoryMembers ctx={ctx} members={m.members} /> : null}
      {m.categories.length > 0 ? (
        <nav class="catlinks" aria-label={ctx.t('wiki.categories')}>
          <span>{ctx.t('wiki.categories')}</span>
          <ul>
            {m.categories.map((c) => <li><a href={titleUrl(c.title)} class={c.exists ? undefined : 'new'}>{c.title.text}</a></li>)}
          </ul>
        </nav>
      ) : null}
      <p class="muted page-info">{ctx.t('wiki.last_modified', { date: formatDateTime(m.lastModified, ctx.locale) })}</p>
    </Layout>
  );
}

export function CategoryMembers({ ctx, members }: { ctx: RequestContext; members: Title[] }): Raw {
  return (
    <section class="category-members" aria-labelledby="category-members">
      <h2 id="category-members">{ctx.t('wiki.category.members', { count: members.length })}</h2>
      {members.length === 0 ? <p>{ctx.t('wiki.category.empty')}</p> : <ul class="title-list">{members.map((t) => <li><a href={titleUrl(t)}>{t.full}</a></li>)}</ul>}
    </section>
  );
}

export function WatchForm({ ctx, title, watching }: { ctx: RequestContext; title: Title; watching: boolean }): Raw {
  return (
    <form method="post" action={`${titleUrl(title)}?action=${watching ? 'unwatch' : 'watch'}`} class="watch-form">
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <button type="submit" class="button secondary" aria-pressed={watching ? 'true' : 'false'}>
        {ctx.t(watching ? 'wiki.unwatch' : 'wiki.watch')}
      </button>
    </form>
  );
}

export function MissingPage({ ctx, title, canEdit, deleted, members }: { ctx: RequestContext; title: Title; canEdit: boolean; deleted: boolean; members?: Title[] }): Raw {
  return (
    <Layout ctx={ctx} title={title.full}>
      <PageTabs ctx={ctx} title={title} current="read" exists={false} canEdit={canEdit} />
      <h1 id="firstHeading">{title.full}</h1>
      <p>{ctx.t('wiki.missing')}</p>
      {deleted ? <p>{ctx.t('wiki.was_deleted')} <a href={`/wiki/Spécial:Journal?type=delete&page=${encodeURIComponent(title.key)}`}>{ctx.t('wiki.see_log')}</a></p> : null}
      {canEdit ? <p><a class="button" href={`${titleUrl(title)}?action=edit`}>{ctx.t('wiki.create_it')}</a></p> : null}
      {members ? <CategoryMembers ctx={ctx} members={members} /> : null}
      <p><a href={`/wiki/Spécial:Recherche?q=${encodeURIComponent(title.text)}`}>{ctx.t('wiki.search_for', { title: title.text })}</a></p>
    </Layout>
  );
}
