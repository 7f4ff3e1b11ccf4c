import { sql, type Kysely } from 'kysely';
import { isPostgres } from './lib/dialect.ts';

/**
 * Full-text search over wiki pages.
 * - `search_pages`: one row per indexed page, with the original text (snippets are built from it).
 * - `search_title_keys`: the folded title from each word on (`ecole de musique`, `de musique`,
 *   `musique`), so autocomplete is an indexed `key LIKE 'prefix%'` on both engines.
 * - SQLite: `search_fts`, an FTS5 table (rowid = page_id) over folded, stop-word-free,
 *   Snowball-stemmed title and body computed by the search module.
 * - PostgreSQL: `tsv` (title weight A, body weight B) and `title_tsv` (title matches are found
 *   without reading the large `tsv`), maintained on upsert with the `maillage_french`
 *   configuration (french_stem behind unaccent), each with a GIN index.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = await isPostgres(db);
  await db.schema
    .createTable('search_pages')
    .addColumn('page_id', 'integer', (c) => c.primaryKey())
    .addColumn('namespace', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('full_title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('search_pages_namespace').on('search_pages').column('namespace').execute();

  // Keys are lower-case and folded: NOCASE (SQLite) and "C" (PostgreSQL) let LIKE 'p%' use the index.
  await db.schema
    .createTable('search_title_keys')
    .addColumn('page_id', 'integer', (c) => c.notNull())
    .addColumn('pos', 'integer', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull().modifyEnd(pg ? sql`collate "C"` : sql`collate nocase`))
    .addPrimaryKeyConstraint('search_title_keys_pk', ['page_id', 'pos'])
    .execute();
  await db.schema.createIndex('search_title_keys_key').on('search_title_keys').column('key').execute();

  if (pg) {
    await sql`create extension if not exists unaccent`.execute(db);
    await sql`create text search configuration maillage_french (copy = french)`.execute(db);
    await sql`alter text search configuration maillage_french alter mapping for hword, hword_part, word with unaccent, french_stem`.execute(db);
    await sql`alter table search_pages add column tsv tsvector not null default ''::tsvector`.execute(db);
    await sql`alter table search_pages add column title_tsv tsvector not null default ''::tsvector`.execute(db);
    await sql`create index search_pages_tsv on search_pages using gin (tsv)`.execute(db);
    await sql`create index search_pages_title_tsv on search_pages using gin (title_tsv)`.execute(db);
  } else {
    await sql`create virtual table search_fts using fts5(title, body, tokenize = "unicode61 remove_diacritics 2")`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = await isPostgres(db);
  if (!pg) await sql`drop table if exists search_fts`.execute(db);
  await db.schema.dropTable('search_title_keys').execute();
  await db.schema.dropTable('search_pages').execute();
  if (pg) {
    await sql`drop text search configuration if exists maillage_french`.execute(db);
    // Restrict (no cascade): if something else came to depend on unaccent, keep it and fail loudly.
    await sql`drop extension if exists unaccent`.execute(db);
  }
}
