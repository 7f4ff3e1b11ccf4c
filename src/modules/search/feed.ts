import type { DomainEvent, EventHandler, Executor } from '../../core/events.ts';
import { decodeCharReferences, titleFromStored } from '../markup/index.ts';
import type { SearchIndex } from './types.ts';

/** Plain text of rendered HTML, for indexing: tags dropped, block ends kept as line breaks. */
export function htmlToText(html: string): string {
  return decodeCharReferences(
    html
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<span class="mw-editsection">[\s\S]*?<\/span>\s*<\/span>|<span class="mw-editsection">[\s\S]*?<\/span>/g, ' ')
      .replace(/<\/(p|div|h[1-6]|li|tr|td|th|dt|dd|blockquote|pre|figcaption)>|<br\s*\/?>/gi, '\n')
      .replace(/<[^>]+>/g, ' '),
  )
    .replace(/\u27E6mw-[a-z]+\u27E7/g, ' ')
    .replace(/[ \t\u00A0]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

/** Words a page carries outside its rendered text (another module's fields), to index too. */
export type ExtraText = (db: Executor, page: { namespace: number; latestRevId: number | null }) => Promise<string>;

/** Keeps the index in step with the wiki: events are processed after the change committed. */
export function searchFeed(index: SearchIndex, extraText?: ExtraText): Record<string, EventHandler[]> {
  async function reindex(db: Executor, pageId: number): Promise<void> {
    const row = await db
      .selectFrom('pages')
      .select(['pages.id', 'pages.namespace', 'pages.title', 'pages.deleted_at', 'pages.is_redirect', 'pages.latest_rev_id'])
      // A scalar subquery rather than a left join: much faster on SQLite (see wiki's pageWithStamp).
      .select((eb) => eb.selectFrom('page_renders').select('page_renders.html').whereRef('page_renders.page_id', '=', 'pages.id').as('html'))
      .where('pages.id', '=', pageId)
      .executeTakeFirst();
    if (!row || row.deleted_at !== null || row.is_redirect === 1) {
      await index.remove(pageId, db);
      return;
    }
    const text = row.title.replace(/_/g, ' ');
    const full = titleFromStored(row.namespace, row.title);
    const extra = extraText ? await extraText(db, { namespace: row.namespace, latestRevId: row.latest_rev_id }) : '';
    const body = htmlToText(row.html ?? '');
    await index.upsert({ pageId, namespace: row.namespace, title: text, fullTitle: full?.full ?? text, text: extra ? `${body}\n${extra}` : body }, db);
  }
  const onPage = async (e: DomainEvent, db: Executor) => reindex(db, (e.payload as { pageId: number }).pageId);
  return {
    'page.created': [onPage],
    'page.edited': [onPage],
    'page.moved': [onPage],
    'page.deleted': [async (e, db) => index.remove((e.payload as { pageId: number }).pageId, db)],
  };
}
