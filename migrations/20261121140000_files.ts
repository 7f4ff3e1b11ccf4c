import type { Kysely } from 'kysely';
import { idColumn, isPostgres } from './lib/dialect.ts';

/**
 * Uploaded files. `files` has one row per name (the title key in the Fichier namespace, without
 * the prefix) pointing at its current version; `file_versions` keeps every upload (history,
 * immutable URLs). The bytes live in a file store: the local disk, or `blobs` when several
 * instances share one PostgreSQL database (bytea there, blob on SQLite).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = await isPostgres(db);
  const id = idColumn(pg);

  await db.schema
    .createTable('file_versions')
    .addColumn('id', 'integer', id)
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer') // null for documents (PDF)
    .addColumn('height', 'integer')
    .addColumn('sha1', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('file_versions_name').on('file_versions').columns(['file_name', 'id']).execute();
  await db.schema.createIndex('file_versions_sha1').on('file_versions').column('sha1').execute();

  await db.schema
    .createTable('files')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('current_version_id', 'integer', (c) => c.notNull().references('file_versions.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('blobs')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('bytes', pg ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['blobs', 'files', 'file_versions']) await db.schema.dropTable(t).execute();
}
