import { sql, type Kysely } from 'kysely';
import { isPostgres } from './lib/dialect.ts';

/**
 * SQLite: `page_links` and `template_links` become WITHOUT ROWID tables, stored in the order of
 * their primary key (from_page_id, to_namespace, to_title). A rowid table kept that key as a
 * second B-tree beside the rows, and its reverse index (`…_to`) pointed at rowids, so finding a
 * page's backlinks read a row for each. Now each link is stored once with its key, and the
 * reverse index holds the source page itself: backlinks come from the index alone (20,000
 * lookups on the 10k corpus: 18 s → 4.6 s), and a bulk import writes less (485,000 rows plus
 * their index: 1.3 s → 1.0 s of CPU). Tried before the import built the reverse index at its
 * end (core/db/bulk.ts), keeping it up to date row by row cost more than this saved.
 * Same columns, keys and indexes: nothing reads rowids. PostgreSQL has no such option.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (await isPostgres(db)) return;
  for (const table of ['page_links', 'template_links']) await rebuild(db, table, 'without rowid');
}

export async function down(db: Kysely<any>): Promise<void> {
  if (await isPostgres(db)) return;
  for (const table of ['page_links', 'template_links']) await rebuild(db, table, '');
}

async function rebuild(db: Kysely<any>, table: string, options: string): Promise<void> {
  await sql.raw(`create table ${table}_new (
      from_page_id integer not null references pages (id) on delete cascade,
      to_namespace integer not null,
      to_title text not null,
      constraint ${table}_pk primary key (from_page_id, to_namespace, to_title)
    ) ${options}`).execute(db);
  await sql.raw(`insert into ${table}_new (from_page_id, to_namespace, to_title) select from_page_id, to_namespace, to_title from ${table}`).execute(db);
  await sql.raw(`drop table ${table}`).execute(db);
  await sql.raw(`alter table ${table}_new rename to ${table}`).execute(db);
  await sql.raw(`create index ${table}_to on ${table} (to_namespace, to_title)`).execute(db);
  // A record left by an interrupted bulk load is for an index built just now.
  await sql`delete from deferred_indexes where name = ${`${table}_to`}`.execute(db);
}
