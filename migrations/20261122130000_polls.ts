import type { Kysely } from 'kysely';
import { idColumn, isPostgres } from './lib/dialect.ts';

/**
 * Live polls and word clouds (src/modules/polls).
 * - A poll belongs to a wiki page (a rencontre's page: `page_id`, kept through moves; the title
 *   as it was typed in `page_title`) and/or a free `context`; `code` is the short public code.
 * - `version` grows with every answer and status change: live result streams compare it (one
 *   cheap read per poll per second), so instances sharing the database see each other's answers.
 * - One answer per device: the key is (poll, hash of the device cookie); answering again
 *   replaces the row. No account, no IP address is stored.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = await isPostgres(db);

  await db.schema
    .createTable('polls')
    .addColumn('id', 'integer', idColumn(pg))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // single | multiple | scale | words
    .addColumn('options', 'text', (c) => c.notNull()) // JSON array of labels (empty for words)
    .addColumn('page_id', 'integer', (c) => c.references('pages.id').onDelete('set null'))
    .addColumn('page_title', 'text')
    .addColumn('context', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull()) // draft | open | closed
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('opened_at', 'bigint')
    .addColumn('closed_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('polls_page').on('polls').columns(['page_id', 'id']).execute();

  await db.schema
    .createTable('poll_answers')
    .addColumn('poll_id', 'integer', (c) => c.notNull().references('polls.id').onDelete('cascade'))
    .addColumn('device', 'text', (c) => c.notNull()) // sha-256 of the device cookie
    .addColumn('choices', 'text', (c) => c.notNull()) // JSON array of option indexes
    .addColumn('words', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('poll_answers_pk', ['poll_id', 'device'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('poll_answers').execute();
  await db.schema.dropTable('polls').execute();
}
