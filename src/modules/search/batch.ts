import { sql } from 'kysely';
import { MAX_INDEXED_CHARS, pageRow, titleKeys } from './store.ts';
import { analyze, normalizeForSearch } from './text.ts';
import type { SearchDb, SearchDocument } from './types.ts';

/** Rows per statement: keeps every statement well under both engines' parameter limits. */
const CHUNK = 100;

/**
 * Indexes many pages at once (bulk imports): multi-row statements instead of one upsert per
 * page, in the caller's transaction when `db` is one. Same rows as `SearchIndex.upsert` and
 * `remove` would write, so searching cannot tell how a page was indexed.
 */
export async function indexPagesBatch(db: SearchDb, engine: 'sqlite' | 'postgres', docs: readonly SearchDocument[], removed: readonly number[] = []): Promise<void> {
  const run = async (trx: SearchDb) => {
    const ids = [...docs.map((d) => d.pageId), ...removed];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      await trx.deleteFrom('search_title_keys').where('page_id', 'in', chunk).execute();
      await trx.deleteFrom('search_pages').where('page_id', 'in', chunk).execute();
      if (engine === 'sqlite') await sql`delete from search_fts where rowid in (${sql.join(chunk)})`.execute(trx);
    }
    for (let i = 0; i < docs.length; i += CHUNK) {
      const chunk = docs.slice(i, i + CHUNK);
      if (engine === 'sqlite') {
        await trx.insertInto('search_pages').values(chunk.map(pageRow)).execute();
        const rows = chunk.map((d) => sql`(${d.pageId}, ${analyze(d.title)}, ${analyze(d.text.slice(0, MAX_INDEXED_CHARS))})`);
        await sql`insert into search_fts (rowid, title, body) values ${sql.join(rows)}`.execute(trx);
      } else {
        const config = sql`'maillage_french'::regconfig`;
        const rows = chunk.map((d) => {
          const r = pageRow(d);
          const title = normalizeForSearch(d.title);
          const body = normalizeForSearch(d.text.slice(0, MAX_INDEXED_CHARS));
          return sql`(${r.page_id}, ${r.namespace}, ${r.title}, ${r.full_title}, ${r.body}, to_tsvector(${config}, ${title}::text),
            setweight(to_tsvector(${config}, ${title}::text), 'A') || setweight(to_tsvector(${config}, ${body}::text), 'B'))`;
        });
        await sql`insert into search_pages (page_id, namespace, title, full_title, body, title_tsv, tsv) values ${sql.join(rows)}`.execute(trx);
      }
      const keys = chunk.flatMap(titleKeys);
      for (let k = 0; k < keys.length; k += 500) await trx.insertInto('search_title_keys').values(keys.slice(k, k + 500)).execute();
    }
  };
  if (db.isTransaction) await run(db);
  else await db.transaction().execute(run);
}
