import { sql, type Kysely } from 'kysely';
import { isPostgres } from './lib/dialect.ts';

/**
 * SQLite: `search_fts` becomes a contentless FTS5 table (`content=''`, `contentless_delete=1`).
 * It kept its own copy of the analysed title and body, which nothing reads (snippets come from
 * `search_pages.body`): each save wrote the text twice more than needed. The index itself, bm25
 * and phrase queries are unchanged; rows are still deleted by rowid.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (await isPostgres(db)) return;
  await sql`create virtual table search_fts_new using fts5(title, body, content = '', contentless_delete = 1, tokenize = "unicode61 remove_diacritics 2")`.execute(db);
  await sql`insert into search_fts_new (rowid, title, body) select rowid, title, body from search_fts`.execute(db);
  await sql`drop table search_fts`.execute(db);
  await sql`alter table search_fts_new rename to search_fts`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (await isPostgres(db)) return;
  // A contentless table cannot give its text back: the index is rebuilt empty (reindex the wiki after).
  await sql`drop table search_fts`.execute(db);
  await sql`create virtual table search_fts using fts5(title, body, tokenize = "unicode61 remove_diacritics 2")`.execute(db);
}
