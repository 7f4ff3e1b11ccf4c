import { sql } from 'kysely';
import { normalizeForSearch } from './text.ts';
import type { SearchDb, SearchDocument, Suggestion } from './types.ts';

/** SQL shared by both engines: page rows, title keys for autocomplete, suggestions. */

/** Title keys are cut to this length (a prefix longer than that is cut the same way). */
const MAX_KEY_LENGTH = 200;
const MAX_KEYS_PER_TITLE = 32;
/** `pos` of the key made from the full title (namespace prefix included). */
const FULL_TITLE_POS = -1;

/** NUL cannot be stored in PostgreSQL text; it is dropped on both engines alike. */
const noNul = (s: string) => s.replace(/\0/g, '');

export function pageRow(doc: SearchDocument) {
  return { page_id: doc.pageId, namespace: doc.namespace, title: noNul(doc.title), full_title: noNul(doc.fullTitle), body: noNul(doc.text) };
}

/** The folded title from each of its words on, and the folded full title when it differs. */
export function titleKeys(doc: SearchDocument): Array<{ page_id: number; pos: number; key: string }> {
  const words = normalizeForSearch(doc.title).split(' ').filter((w) => w.length > 0);
  const keys = words.slice(0, MAX_KEYS_PER_TITLE).map((_, i) => ({ page_id: doc.pageId, pos: i, key: words.slice(i).join(' ').slice(0, MAX_KEY_LENGTH) }));
  const full = normalizeForSearch(doc.fullTitle).slice(0, MAX_KEY_LENGTH);
  if (full && full !== keys[0]?.key) keys.push({ page_id: doc.pageId, pos: FULL_TITLE_POS, key: full });
  return keys;
}

export async function writeTitleKeys(db: SearchDb, doc: SearchDocument): Promise<void> {
  await db.deleteFrom('search_title_keys').where('page_id', '=', doc.pageId).execute();
  const keys = titleKeys(doc);
  if (keys.length > 0) await db.insertInto('search_title_keys').values(keys).execute();
}

export async function deletePage(db: SearchDb, pageId: number): Promise<void> {
  await db.deleteFrom('search_title_keys').where('page_id', '=', pageId).execute();
  await db.deleteFrom('search_pages').where('page_id', '=', pageId).execute();
}

export async function readPages(db: SearchDb, pageIds: number[]) {
  if (pageIds.length === 0) return [];
  return db.selectFrom('search_pages').select(['page_id', 'namespace', 'title', 'full_title', 'body']).where('page_id', 'in', pageIds).execute();
}

/**
 * Pages whose folded title, or a word of it, or the folded full title, starts with the folded
 * prefix. Title-start matches first, then shorter titles, then alphabetical.
 * The pattern holds only letters, digits and spaces (normalizeForSearch), so no LIKE wildcard.
 */
export async function suggestTitles(db: SearchDb, prefix: string, namespaces: number[] | undefined, limit: number): Promise<Suggestion[]> {
  const folded = normalizeForSearch(prefix).slice(0, MAX_KEY_LENGTH);
  if (!folded) return [];
  const rows = await db
    .selectFrom('search_title_keys as k')
    .innerJoin('search_pages as p', 'p.page_id', 'k.page_id')
    .select(['k.page_id', 'p.namespace', 'p.full_title'])
    .select(sql<number>`min(case when k.pos <= 0 then 0 else 1 end)`.as('rank'))
    .where('k.key', 'like', `${folded}%`)
    .$if(namespaces !== undefined, (qb) => qb.where('p.namespace', 'in', namespaces ?? []))
    .groupBy(['k.page_id', 'p.namespace', 'p.full_title', 'p.title'])
    .orderBy('rank')
    .orderBy(sql`length(p.title)`)
    .orderBy('p.full_title')
    .orderBy('k.page_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ pageId: r.page_id, namespace: r.namespace, fullTitle: r.full_title }));
}
