import { sha1Base36 } from '../../core/sha1.ts';
import type { Selectable } from 'kysely';
import type { Engine } from '../../core/db/index.ts';
import type { Executor } from '../../core/events.ts';
import type { PagesTable, RevisionsTable } from '../../core/db/schema.ts';
import { isRole } from '../../core/actor.ts';
import { titleFromStored, type ContentModel, type Title } from '../markup/index.ts';
import type { Page, Revision, RevisionWithContent } from './types.ts';

/** Title text as stored: underscores for spaces, no namespace prefix (MediaWiki's page_title). */
export function dbTitle(title: Title): string {
  return title.text.replace(/ /g, '_');
}

/** Rebuilds a Title from stored columns (stored rows are valid titles: they were parsed on save). */
export function titleOf(namespace: number, stored: string): Title {
  const title = titleFromStored(namespace, stored);
  if (!title) throw new Error(`stored title is invalid: ${namespace}:${stored}`);
  return title;
}

export { sha1Base36 };

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export function toPage(row: Selectable<PagesTable>): Page {
  return {
    id: row.id,
    title: titleOf(row.namespace, row.title),
    latestRevId: row.latest_rev_id ?? 0,
    contentModel: row.content_model as ContentModel,
    isRedirect: row.is_redirect === 1,
    length: row.length,
    createdAt: row.created_at,
    touchedAt: row.touched_at,
    protectEdit: isRole(row.protect_edit) ? row.protect_edit : null,
    deletedAt: row.deleted_at,
  };
}

export function toRevision(row: Omit<Selectable<RevisionsTable>, 'content'>): Revision {
  return {
    id: row.id, pageId: row.page_id, parentId: row.parent_id, userId: row.user_id, authorName: row.author_name,
    createdAt: row.created_at, summary: row.summary, minor: row.minor === 1, size: row.size, sha1: row.sha1,
    contentModel: row.content_model as ContentModel,
  };
}

const REV_COLUMNS = ['id', 'page_id', 'parent_id', 'user_id', 'author_name', 'created_at', 'summary', 'minor', 'size', 'sha1', 'content_model'] as const;

export function wikiStore(db: Executor, engine: Engine = 'sqlite') {
  return {
    /** With `lock`, the row stays locked until the transaction ends (PostgreSQL; SQLite serialises writes). */
    async livePage(title: Title, opts: { lock?: boolean } = {}): Promise<Page | undefined> {
      let q = db.selectFrom('pages').selectAll().where('namespace', '=', title.namespace).where('title', '=', dbTitle(title)).where('deleted_at', 'is', null);
      if (opts.lock && engine === 'postgres') q = q.forUpdate();
      const row = await q.executeTakeFirst();
      return row ? toPage(row) : undefined;
    },
    async pageById(id: number): Promise<Page | undefined> {
      const row = await db.selectFrom('pages').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toPage(row) : undefined;
    },
    async deletedPages(title: Title): Promise<Page[]> {
      const rows = await db.selectFrom('pages').selectAll().where('namespace', '=', title.namespace).where('title', '=', dbTitle(title)).where('deleted_at', 'is not', null).orderBy('deleted_at', 'desc').execute();
      return rows.map(toPage);
    },
    async revision(id: number): Promise<RevisionWithContent | undefined> {
      const row = await db.selectFrom('revisions').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? { ...toRevision(row), content: row.content } : undefined;
    },
    async revisions(pageId: number, opts: { limit: number; before?: number }): Promise<Revision[]> {
      let q = db.selectFrom('revisions').select(REV_COLUMNS).where('page_id', '=', pageId);
      if (opts.before) q = q.where('id', '<', opts.before);
      return (await q.orderBy('id', 'desc').limit(opts.limit).execute()).map(toRevision);
    },
    async revisionCount(pageId: number): Promise<number> {
      const r = await db.selectFrom('revisions').select((eb) => eb.fn.countAll<number>().as('n')).where('page_id', '=', pageId).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async insertPage(p: { title: Title; model: ContentModel; now: number }): Promise<number> {
      const row = await db
        .insertInto('pages')
        .values({ namespace: p.title.namespace, title: dbTitle(p.title), latest_rev_id: null, content_model: p.model, created_at: p.now, touched_at: p.now, protect_edit: null, deleted_at: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async insertRevision(r: { pageId: number; parentId: number | null; userId: number | null; authorName: string; now: number; summary: string; minor: boolean; model: ContentModel; content: string }): Promise<Revision> {
      const row = await db
        .insertInto('revisions')
        .values({
          page_id: r.pageId, parent_id: r.parentId, user_id: r.userId, author_name: r.authorName, created_at: r.now, summary: r.summary,
          minor: r.minor ? 1 : 0, size: byteLength(r.content), sha1: sha1Base36(r.content), content_model: r.model, content: r.content,
        })
        .returning(REV_COLUMNS)
        .executeTakeFirstOrThrow();
      return toRevision(row);
    },
    async pointPageAt(pageId: number, rev: Revision, isRedirect: boolean, now: number) {
      await db.updateTable('pages').set({ latest_rev_id: rev.id, length: rev.size, is_redirect: isRedirect ? 1 : 0, content_model: rev.contentModel, touched_at: now }).where('id', '=', pageId).execute();
    },
  };
}

export type WikiStore = ReturnType<typeof wikiStore>;
