import type { Db } from '../../core/db/index.ts';
import type { Title } from '../markup/index.ts';
import { dbTitle, titleOf, toPage, toRevision } from './store.ts';
import type { Page, Revision, RevisionWithContent } from './types.ts';

/** Read queries with cursors for machine clients (api.php): every listing is keyset-paginated. */

export type Dir = 'older' | 'newer';

export interface ApiRecentChange {
  id: number;
  createdAt: number;
  kind: 'new' | 'edit' | 'log';
  title: Title;
  pageId: number | null;
  revId: number | null;
  oldRevId: number | null;
  userId: number | null;
  authorName: string;
  summary: string;
  minor: boolean;
  bot: boolean;
  oldSize: number | null;
  newSize: number | null;
  logType: string | null;
  logAction: string | null;
}

export interface MemberRef {
  title: Title;
  id: number;
  sortKey: string;
  isRedirect: boolean;
}

const REV_COLUMNS = ['id', 'page_id', 'parent_id', 'user_id', 'author_name', 'created_at', 'summary', 'minor', 'size', 'sha1', 'content_model'] as const;

export function apiQueries(db: Db) {
  return {
    /** Live pages with these titles (in no particular order). */
    async pagesByTitles(titles: readonly Title[]): Promise<Page[]> {
      if (titles.length === 0) return [];
      const rows = await db
        .selectFrom('pages')
        .selectAll()
        .where('deleted_at', 'is', null)
        .where((eb) => eb.or(titles.map((t) => eb.and([eb('namespace', '=', t.namespace), eb('title', '=', dbTitle(t))]))))
        .execute();
      return rows.map(toPage);
    },

    async pagesByIds(ids: readonly number[]): Promise<Page[]> {
      if (ids.length === 0) return [];
      const rows = await db.selectFrom('pages').selectAll().where('deleted_at', 'is', null).where('id', 'in', [...ids]).execute();
      return rows.map(toPage);
    },

    async revisionsByIds(ids: readonly number[]): Promise<RevisionWithContent[]> {
      if (ids.length === 0) return [];
      const rows = await db.selectFrom('revisions').selectAll().where('id', 'in', [...ids]).execute();
      return rows.map((r) => ({ ...toRevision(r), content: r.content }));
    },

    /** Revisions of one page from `startId` (inclusive) in the given direction, with content when asked. */
    async history(pageId: number, opts: { dir: Dir; limit: number; startId?: number; startAt?: number; endAt?: number; content: boolean }): Promise<Array<Revision & { content?: string }>> {
      let q = db.selectFrom('revisions').select(REV_COLUMNS).where('page_id', '=', pageId);
      const older = opts.dir === 'older';
      if (opts.startId !== undefined) q = q.where('id', older ? '<=' : '>=', opts.startId);
      if (opts.startAt !== undefined) q = q.where('created_at', older ? '<=' : '>=', opts.startAt);
      if (opts.endAt !== undefined) q = q.where('created_at', older ? '>=' : '<=', opts.endAt);
      const rows = await q.orderBy('id', older ? 'desc' : 'asc').limit(opts.limit).execute();
      const revisions = rows.map(toRevision);
      if (!opts.content || revisions.length === 0) return revisions;
      const contents = await db.selectFrom('revisions').select(['id', 'content']).where('id', 'in', revisions.map((r) => r.id)).execute();
      const byId = new Map(contents.map((c) => [c.id, c.content]));
      return revisions.map((r) => ({ ...r, content: byId.get(r.id) ?? '' }));
    },

    /** The page's latest revision saved at or before `at` (MediaWiki's basetimestamp lookup). */
    async revisionAt(pageId: number, at: number): Promise<Revision | undefined> {
      const row = await db.selectFrom('revisions').select(REV_COLUMNS).where('page_id', '=', pageId).where('created_at', '<=', at).orderBy('id', 'desc').limit(1).executeTakeFirst();
      return row ? toRevision(row) : undefined;
    },

    /** When a page with this title was last deleted, if ever. */
    async lastDeletedAt(title: Title): Promise<number | undefined> {
      const row = await db.selectFrom('pages').select('deleted_at').where('namespace', '=', title.namespace).where('title', '=', dbTitle(title)).where('deleted_at', 'is not', null).orderBy('deleted_at', 'desc').limit(1).executeTakeFirst();
      return row?.deleted_at ?? undefined;
    },

    async recentChanges(f: { namespaces?: number[]; kinds?: Array<'new' | 'edit' | 'log'>; title?: Title; user?: string; anon?: boolean; minor?: boolean; bot?: boolean; dir: Dir; startAt?: number; endAt?: number; fromId?: number; limit: number }): Promise<ApiRecentChange[]> {
      let q = db.selectFrom('recent_changes').leftJoin('logs', 'logs.id', 'recent_changes.log_id').selectAll('recent_changes').select(['logs.type as log_type', 'logs.action as log_action']);
      const older = f.dir === 'older';
      if (f.namespaces?.length === 0) return [];
      if (f.namespaces) q = q.where('recent_changes.namespace', 'in', f.namespaces);
      if (f.kinds?.length) q = q.where('recent_changes.kind', 'in', f.kinds);
      if (f.user) q = q.where('recent_changes.author_name', '=', f.user);
      if (f.title) q = q.where('recent_changes.namespace', '=', f.title.namespace).where('recent_changes.title', '=', dbTitle(f.title));
      if (f.anon !== undefined) q = q.where('recent_changes.user_id', f.anon ? 'is' : 'is not', null);
      if (f.minor !== undefined) q = q.where('recent_changes.minor', '=', f.minor ? 1 : 0);
      if (f.bot !== undefined) q = q.where('recent_changes.bot', '=', f.bot ? 1 : 0);
      if (f.startAt !== undefined) q = q.where('recent_changes.created_at', older ? '<=' : '>=', f.startAt);
      if (f.endAt !== undefined) q = q.where('recent_changes.created_at', older ? '>=' : '<=', f.endAt);
      if (f.fromId !== undefined) q = q.where('recent_changes.id', older ? '<=' : '>=', f.fromId);
      const rows = await q.orderBy('recent_changes.id', older ? 'desc' : 'asc').limit(f.limit).execute();
      return rows.map((r) => ({
        id: r.id, createdAt: r.created_at, kind: r.kind, title: titleOf(r.namespace, r.title), pageId: r.page_id, revId: r.rev_id, oldRevId: r.old_rev_id,
        userId: r.user_id, authorName: r.author_name, summary: r.summary, minor: r.minor === 1, bot: r.bot === 1, oldSize: r.old_size, newSize: r.new_size,
        logType: r.log_type ?? null, logAction: r.log_action ?? null,
      }));
    },

    /** Pages of a namespace by title (stored form), from `from` inclusive. */
    async allPages(f: { namespace: number; from?: string; to?: string; prefix?: string; dir: 'ascending' | 'descending'; redirects?: boolean; limit: number }): Promise<MemberRef[]> {
      let q = db.selectFrom('pages').select(['id', 'namespace', 'title', 'is_redirect']).where('namespace', '=', f.namespace).where('deleted_at', 'is', null);
      const asc = f.dir === 'ascending';
      if (f.from !== undefined) q = q.where('title', asc ? '>=' : '<=', f.from);
      if (f.to !== undefined) q = q.where('title', asc ? '<=' : '>=', f.to);
      if (f.prefix) q = q.where('title', '>=', f.prefix).where('title', '<', `${f.prefix}\u{10FFFF}`);
      if (f.redirects !== undefined) q = q.where('is_redirect', '=', f.redirects ? 1 : 0);
      const rows = await q.orderBy('title', asc ? 'asc' : 'desc').limit(f.limit).execute();
      return rows.map((r) => ({ title: titleOf(r.namespace, r.title), id: r.id, sortKey: r.title, isRedirect: r.is_redirect === 1 }));
    },

    /** Members of a category (stored name), by sort key then page id, after the cursor. */
    async categoryMembers(f: { category: string; namespaces?: number[]; after?: { sortKey: string; pageId: number }; limit: number }): Promise<MemberRef[]> {
      let q = db
        .selectFrom('category_links')
        .innerJoin('pages', 'pages.id', 'category_links.from_page_id')
        .select(['pages.id', 'pages.namespace', 'pages.title', 'pages.is_redirect', 'category_links.sort_key'])
        .where('category_links.category', '=', f.category)
        .where('pages.deleted_at', 'is', null);
      if (f.namespaces?.length === 0) return [];
      if (f.namespaces) q = q.where('pages.namespace', 'in', f.namespaces);
      const after = f.after;
      if (after) q = q.where((eb) => eb.or([eb('category_links.sort_key', '>', after.sortKey), eb.and([eb('category_links.sort_key', '=', after.sortKey), eb('pages.id', '>=', after.pageId)])]));
      const rows = await q.orderBy('category_links.sort_key').orderBy('pages.id').limit(f.limit).execute();
      return rows.map((r) => ({ title: titleOf(r.namespace, r.title), id: r.id, sortKey: r.sort_key, isRedirect: r.is_redirect === 1 }));
    },

    /** Pages linking to `target`, by page id from `fromId` inclusive. */
    async backlinks(f: { target: Title; namespaces?: number[]; redirects?: boolean; fromId?: number; limit: number }): Promise<MemberRef[]> {
      let q = db
        .selectFrom('page_links')
        .innerJoin('pages', 'pages.id', 'page_links.from_page_id')
        .select(['pages.id', 'pages.namespace', 'pages.title', 'pages.is_redirect'])
        .where('page_links.to_namespace', '=', f.target.namespace)
        .where('page_links.to_title', '=', dbTitle(f.target))
        .where('pages.deleted_at', 'is', null);
      if (f.namespaces?.length === 0) return [];
      if (f.namespaces) q = q.where('pages.namespace', 'in', f.namespaces);
      if (f.redirects !== undefined) q = q.where('pages.is_redirect', '=', f.redirects ? 1 : 0);
      if (f.fromId !== undefined) q = q.where('pages.id', '>=', f.fromId);
      const rows = await q.orderBy('pages.id').limit(f.limit).execute();
      return rows.map((r) => ({ title: titleOf(r.namespace, r.title), id: r.id, sortKey: r.title, isRedirect: r.is_redirect === 1 }));
    },
  };
}

export type ApiQueries = ReturnType<typeof apiQueries>;
