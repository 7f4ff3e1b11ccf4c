import { postgresEngine } from './postgres.ts';
import { sqliteEngine } from './sqlite.ts';
import { titleKeys } from './store.ts';
import type { SearchDb, SearchDocument } from './types.ts';

/**
 * Indexes many pages at once (bulk imports): multi-row statements instead of one upsert per
 * page, in the caller's transaction when `db` is one. Same rows as `SearchIndex.upsert` and
 * `remove` would write, so searching cannot tell how a page was indexed.
 */
export async function indexPagesBatch(db: SearchDb, engine: 'sqlite' | 'postgres', docs: readonly SearchDocument[], removed: readonly number[] = []): Promise<void> {
  const fullText = engine === 'postgres' ? postgresEngine : sqliteEngine;
  const run = async (trx: SearchDb) => {
    const ids = [...docs.map((d) => d.pageId), ...removed];
    for (let i = 0; i < ids.length; i += 500) await trx.deleteFrom('search_title_keys').where('page_id', 'in', ids.slice(i, i + 500)).execute();
    for (let i = 0; i < removed.length; i += 500) await trx.deleteFrom('search_pages').where('page_id', 'in', removed.slice(i, i + 500)).execute();
    for (const id of removed) await fullText.erase(trx, id);
    const keys = docs.flatMap(titleKeys);
    for (let k = 0; k < keys.length; k += 500) await trx.insertInto('search_title_keys').values(keys.slice(k, k + 500)).execute();
    // The full-text writes last, for the whole batch at once (see sqliteEngine.write).
    await fullText.write(trx, docs);
  };
  if (db.isTransaction) await run(db);
  else await db.transaction().execute(run);
}
