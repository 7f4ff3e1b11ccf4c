import type { Kysely } from 'kysely';

/**
 * `deferred_indexes`: secondary indexes dropped for a bulk load (core/db/bulk.ts), with the
 * statement that builds each again. A load that stops midway (a crash, a kill) leaves its rows
 * here, and the next start-up rebuilds the indexes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('deferred_indexes')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('ddl', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('deferred_indexes').execute();
}
