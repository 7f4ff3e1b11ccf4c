import type { Kysely } from 'kysely';
import { idColumn, isPostgres } from './lib/dialect.ts';

/**
 * MediaWiki XML import and export (transfer module).
 * - `transfer_imports`: one row per import job (CLI or admin page): its file, phase, progress,
 *   the error that stopped it, and the claim of the instance running it (jobs survive restarts).
 * - `transfer_revisions`: which source revision became which local one, keyed by the source
 *   wiki and its revision id: a re-run adds only what is missing.
 * - `transfer_import_pages`: the pages an import touched, rendered and indexed at its end.
 * - `transfer_uploads`: the `<upload>` metadata of a dump, and the file version made from it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = await isPostgres(db);
  const id = idColumn(pg);

  await db.schema
    .createTable('transfer_imports')
    .addColumn('id', 'integer', id)
    .addColumn('status', 'text', (c) => c.notNull()) // queued, running, done, failed
    .addColumn('phase', 'text', (c) => c.notNull().defaultTo('load')) // load, render, done
    .addColumn('file_path', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_bytes', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('files_dir', 'text')
    .addColumn('source', 'text')
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('claimed_at', 'bigint')
    .addColumn('claimed_by', 'text')
    .addColumn('finished_at', 'bigint')
    .addColumn('bytes_read', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('pages_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('revisions_added', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('revisions_skipped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pages_rendered', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error_key', 'text')
    .addColumn('error_params', 'text')
    .execute();
  await db.schema.createIndex('transfer_imports_status').on('transfer_imports').columns(['status', 'id']).execute();

  await db.schema
    .createTable('transfer_revisions')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_rev_id', 'bigint', (c) => c.notNull())
    .addColumn('rev_id', 'integer', (c) => c.notNull().references('revisions.id').onDelete('cascade'))
    .addColumn('sha1', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('transfer_revisions_pk', ['source', 'source_rev_id'])
    .execute();
  await db.schema.createIndex('transfer_revisions_rev').on('transfer_revisions').column('rev_id').execute();

  await db.schema
    .createTable('transfer_import_pages')
    .addColumn('import_id', 'integer', (c) => c.notNull().references('transfer_imports.id').onDelete('cascade'))
    .addColumn('page_id', 'integer', (c) => c.notNull().references('pages.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('transfer_import_pages_pk', ['import_id', 'page_id'])
    .execute();

  await db.schema
    .createTable('transfer_uploads')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('timestamp', 'bigint', (c) => c.notNull())
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('src', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('size', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('version_id', 'integer')
    .addPrimaryKeyConstraint('transfer_uploads_pk', ['source', 'file_name', 'timestamp'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['transfer_uploads', 'transfer_import_pages', 'transfer_revisions', 'transfer_imports']) await db.schema.dropTable(t).execute();
}
