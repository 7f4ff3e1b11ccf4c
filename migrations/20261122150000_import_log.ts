import type { Kysely } from 'kysely';

/**
 * Imports leave a trace, as MediaWiki's Special:Import: one `import/upload` log entry per page
 * and import. `transfer_import_pages.log_id` is that entry: a page cut across two batches of
 * the same import updates it instead of adding another, and a re-run never adds one for
 * revisions it skips.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('transfer_import_pages').addColumn('log_id', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('transfer_import_pages').dropColumn('log_id').execute();
}
