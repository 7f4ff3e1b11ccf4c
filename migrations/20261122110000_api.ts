import type { Kysely } from 'kysely';
import { idColumn, isPostgres } from './lib/dialect.ts';

/**
 * api.php: bot passwords ("User@botname", MediaWiki's Special:BotPasswords) and the API-only
 * sessions they open. A bot session never signs anyone in on the website: it lives in its own
 * table and cookie, and carries the grants of its bot password.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = await isPostgres(db);
  await db.schema
    .createTable('bot_passwords')
    .addColumn('id', 'integer', idColumn(pg))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('grants', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_used_at', 'bigint')
    .addUniqueConstraint('bot_passwords_user_name', ['user_id', 'name'])
    .execute();

  await db.schema
    .createTable('bot_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bot_password_id', 'integer', (c) => c.notNull().references('bot_passwords.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bot_sessions_password').on('bot_sessions').column('bot_password_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('bot_sessions').execute();
  await db.schema.dropTable('bot_passwords').execute();
}
