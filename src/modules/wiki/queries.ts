import { sql } from 'kysely';
import type { Db } from '../../core/db/index.ts';
import type { Title } from '../markup/index.ts';
import { dbTitle, titleOf } from './store.ts';

export interface PageRef {
  title: Title;
  id?: number;
  isRedirect?: boolean;
}

export interface RecentChange {
  id: number;
  createdAt: number;
  kind: 'new' | 'edit' | 'log';
  title: Title;
  revId: number | null;
  oldRevId: number | null;
  authorName: string;
  summary: string;
  minor: boolean;
  bot: boolean;
  oldSize: number | null;
  newSize: number | null;
  logType?: string;
  logAction?: string;
}

export interface RecentChangesFilter {
  namespace?: number;
  user?: string;
  hideMinor?: boolean;
  hideBots?: boolean;
  limit: number;
  /** Only changes strictly older than this id (pagination). */
  before?: number;
}

/** Read-only listings behind the special pages. */
export function wikiQueries(db: Db) {
  const ref = (r: { namespace: number; title: string; id?: number; is_redirect?: number }): PageRef => ({ title: titleOf(r.namespace, r.title), id: r.id, isRedirect: r.is_redirect === 1 });
  return {
    async recentChanges(f: RecentChangesFilter): Promise<RecentChange[]> {
      let q = db.selectFrom('recent_changes').leftJoin('logs', 'logs.id', 'recent_changes.log_id').selectAll('recent_changes').select(['logs.type as log_type', 'logs.action as log_action']);
      if (f.namespace !== undefined) q = q.where('recent_changes.namespace', '=', f.namespace);
      if (f.user) q = q.where('recent_changes.author_name', '=', f.user);
      if (f.hideMinor) q = q.where('recent_changes.minor', '=', 0);
      if (f.hideBots) q = q.where('recent_changes.bot', '=', 0);
      if (f.before) q = q.where('recent_changes.id', '<', f.before);
      const rows = await q.orderBy('recent_changes.id', 'desc').limit(f.limit).execute();
      return rows.map((r) => ({
        id: r.id, createdAt: r.created_at, kind: r.kind, title: titleOf(r.namespace, r.title), revId: r.rev_id, oldRevId: r.old_rev_id,
        authorName: r.author_name, summary: r.summary, minor: r.minor === 1, bot: r.bot === 1, oldSize: r.old_size, newSize: r.new_size,
        logType: r.log_type ?? undefined, logAction: r.log_action ?? undefined,
      }));
    },

    async allPages(opts: { namespace: number; from?: string; limit: number }): Promise<PageRef[]> {
      let q = db.selectFrom('pages').select(['id', 'namespace', 'title']).where('namespace', '=', opts.namespace).where('deleted_at', 'is', null);
      if (opts.from) q = q.where('title', '>=', opts.from);
      return (await q.orderBy('title').limit(opts.limit).execute()).map(ref);
    },

    async backlinks(target: Title, limit: number): Promise<PageRef[]> {
      const rows = await db
        .selectFrom('page_links')
        .innerJoin('pages', 'pages.id', 'page_links.from_page_id')
        .select(['pages.id', 'pages.namespace', 'pages.title', 'pages.is_redirect'])
        .where('page_links.to_namespace', '=', target.namespace)
        .where('page_links.to_title', '=', dbTitle(target))
        .where('pages.deleted_at', 'is', null)
        .orderBy('pages.namespace').orderBy('pages.title')
        .limit(limit)
        .execute();
      return rows.map(ref);
    },

    async categoryMembers(category: string, limit: number): Promise<PageRef[]> {
      const rows = await db
        .selectFrom('category_links')
        .innerJoin('pages', 'pages.id', 'category_links.from_page_id')
        .select(['pages.id', 'pages.namespace', 'pages.title'])
        .where('category_links.category', '=', category)
        .where('pages.deleted_at', 'is', null)
        .orderBy('category_links.sort_key').orderBy('pages.title')
        .limit(limit)
        .execute();
      return rows.map(ref);
    },

    /** Categories in use, with their member counts. */
    async categories(limit: number): Promise<Array<{ name: string; count: number }>> {
      const rows = await db.selectFrom('category_links').select(['category', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('category').orderBy('category').limit(limit).execute();
      return rows.map((r) => ({ name: r.category, count: Number(r.n) }));
    },

    /** Titles linked to but missing, most wanted first (MediaWiki's Special:WantedPages). */
    async wanted(limit: number): Promise<Array<{ title: Title; count: number }>> {
      const rows = await db
        .selectFrom('page_links as l')
        .innerJoin('pages as src', 'src.id', 'l.from_page_id')
        .leftJoin('pages as dst', (j) => j.onRef('dst.namespace', '=', 'l.to_namespace').onRef('dst.title', '=', 'l.to_title').on('dst.deleted_at', 'is', null))
        .select(['l.to_namespace', 'l.to_title', (eb) => eb.fn.countAll<number>().as('n')])
        .where('dst.id', 'is', null)
        .where('src.deleted_at', 'is', null)
        .groupBy(['l.to_namespace', 'l.to_title'])
        .orderBy(sql`count(*)`, 'desc').orderBy('l.to_title')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ title: titleOf(r.to_namespace, r.to_title), count: Number(r.n) }));
    },

    /** Content pages no other page links to (MediaWiki's Special:LonelyPages). */
    async orphans(limit: number): Promise<PageRef[]> {
      const rows = await db
        .selectFrom('pages as p')
        .leftJoin('page_links as l', (j) => j.onRef('l.to_namespace', '=', 'p.namespace').onRef('l.to_title', '=', 'p.title'))
        .select(['p.id', 'p.namespace', 'p.title'])
        .where('p.namespace', '=', 0)
        .where('p.deleted_at', 'is', null)
        .where('p.is_redirect', '=', 0)
        .where('l.from_page_id', 'is', null)
        .orderBy('p.title')
        .limit(limit)
        .execute();
      return rows.map(ref);
    },

    async contributions(authorName: string, limit: number, before?: number) {
      let q = db
        .selectFrom('revisions')
        .innerJoin('pages', 'pages.id', 'revisions.page_id')
        .select(['revisions.id', 'revisions.created_at', 'revisions.summary', 'revisions.minor', 'revisions.size', 'revisions.parent_id', 'pages.namespace', 'pages.title', 'pages.latest_rev_id'])
        .where('revisions.author_name', '=', authorName);
      if (before) q = q.where('revisions.id', '<', before);
      const rows = await q.orderBy('revisions.id', 'desc').limit(limit).execute();
      return rows.map((r) => ({ revId: r.id, createdAt: r.created_at, summary: r.summary, minor: r.minor === 1, size: r.size, parentId: r.parent_id, title: titleOf(r.namespace, r.title), current: r.latest_rev_id === r.id }));
    },

    async logs(opts: { type?: string; page?: Title; limit: number }) {
      let q = db.selectFrom('logs').selectAll();
      if (opts.type) q = q.where('type', '=', opts.type);
      if (opts.page) q = q.where('namespace', '=', opts.page.namespace).where('title', '=', dbTitle(opts.page));
      const rows = await q.orderBy('id', 'desc').limit(opts.limit).execute();
      return rows.map((r) => ({ id: r.id, type: r.type, action: r.action, createdAt: r.created_at, authorName: r.author_name, title: titleOf(r.namespace, r.title), comment: r.comment, params: JSON.parse(r.params) as Record<string, unknown> }));
    },

    async statistics() {
      const count = async (q: Promise<{ n: number | string | bigint }>) => Number((await q).n);
      return {
        pages: await count(db.selectFrom('pages').select((eb) => eb.fn.countAll<number>().as('n')).where('deleted_at', 'is', null).executeTakeFirstOrThrow()),
        contentPages: await count(db.selectFrom('pages').select((eb) => eb.fn.countAll<number>().as('n')).where('deleted_at', 'is', null).where('namespace', '=', 0).where('is_redirect', '=', 0).executeTakeFirstOrThrow()),
        edits: await count(db.selectFrom('revisions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()),
        users: await count(db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()),
      };
    },

    async randomPage(): Promise<PageRef | undefined> {
      const n = await db.selectFrom('pages').select((eb) => eb.fn.countAll<number>().as('n')).where('namespace', '=', 0).where('deleted_at', 'is', null).where('is_redirect', '=', 0).executeTakeFirstOrThrow();
      const total = Number(n.n);
      if (total === 0) return undefined;
      const row = await db.selectFrom('pages').select(['id', 'namespace', 'title']).where('namespace', '=', 0).where('deleted_at', 'is', null).where('is_redirect', '=', 0).orderBy('id').offset(Math.floor(Math.random() * total)).limit(1).executeTakeFirst();
      return row ? ref(row) : undefined;
    },
  };
}

export type WikiQueries = ReturnType<typeof wikiQueries>;
