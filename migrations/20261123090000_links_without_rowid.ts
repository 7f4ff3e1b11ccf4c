import { sql, type Kysely } from 'kysely';
import { isPostgres } from './lib/dialect.ts';

/**
 * SQLite: `page_links` becomes a WITHOUT ROWID table, stored in the order of its primary key
 * (from_page_id, to_namespace, to_title). A rowid table kept that key as a second B-tree beside
 * the rows, so each link was written three times (rows, key, `page_links_to`); now twice. An
 * import writes about 50 links per page (20 % less time measured for 485,000 rows). Same
 * columns, keys and index: nothing reads rowids. PostgreSQL has no such option.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (await isPostgres(db)) return;
  await rebuild(db, 'without rowid');
}

export async function down(db: Kysely<any>): Promise<void> {
  if (await isPostgres(db)) return;
  await rebuild(db, '');
}

async function rebuild(db: Kysely<any>, options: string): Promise<void> {
  await sql.raw(`create table page_links_new (
      from_page_id integer not null references pages (id) on delete cascade,
      to_namespace integer not null,
      to_title text not null,
      constraint page_links_pk primary key (from_page_id, to_namespace, to_title)
    ) ${options}`).execute(db);
  await sql`insert into page_links_new (from_page_id, to_namespace, to_title) select from_page_id, to_namespace, to_title from page_links`.execute(db);
  await sql`drop table page_links`.execute(db);
  await sql`alter table page_links_new rename to page_links`.execute(db);
  await sql`create index page_links_to on page_links (to_namespace, to_title)`.execute(db);
}
