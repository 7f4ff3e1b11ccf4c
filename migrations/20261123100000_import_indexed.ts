import type { Kysely } from 'kysely';

/**
 * `transfer_import_pages.indexed_rev_id`: the revision whose links tables and search entry an
 * import wrote for the page. An import indexes its pages without rendering them (they render on
 * their first view), so the stored render no longer tells what is done: this does, and a re-run
 * skips the pages already indexed at their latest revision, by this import or an earlier one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('transfer_import_pages').addColumn('indexed_rev_id', 'integer').execute();
  await db.schema.createIndex('transfer_import_pages_indexed').on('transfer_import_pages').columns(['page_id', 'indexed_rev_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('transfer_import_pages_indexed').execute();
  await db.schema.alterTable('transfer_import_pages').dropColumn('indexed_rev_id').execute();
}
