import { sql, type Kysely } from 'kysely';
import { idColumn, isPostgres } from './lib/dialect.ts';

/**
 * Pages and their immutable revisions, the render cache, links tables, recent changes, logs,
 * watchlist, notifications, and the outbox of events processed after commit.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = await isPostgres(db);
  const id = idColumn(pg);

  await db.schema
    .createTable('pages')
    .addColumn('id', 'integer', id)
    .addColumn('namespace', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull()) // key form: underscores, no namespace prefix
    .addColumn('latest_rev_id', 'integer')
    .addColumn('content_model', 'text', (c) => c.notNull())
    .addColumn('is_redirect', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('length', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('touched_at', 'bigint', (c) => c.notNull())
    .addColumn('protect_edit', 'text') // weakest role allowed to edit, null = anyone who may edit
    .addColumn('deleted_at', 'bigint') // deleted pages keep every revision; undelete clears this
    .execute();
  // One live page per title; deleted pages may share it with a newer live one.
  await sql`create unique index pages_live_title on pages (namespace, title) where deleted_at is null`.execute(db);
  await db.schema.createIndex('pages_title').on('pages').columns(['namespace', 'title']).execute();

  await db.schema
    .createTable('revisions')
    .addColumn('id', 'integer', id)
    .addColumn('page_id', 'integer', (c) => c.notNull().references('pages.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer')
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('minor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha1', 'text', (c) => c.notNull())
    .addColumn('content_model', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('revisions_page').on('revisions').columns(['page_id', 'id']).execute();
  await db.schema.createIndex('revisions_user').on('revisions').columns(['user_id', 'id']).execute();

  await db.schema
    .createTable('page_renders')
    .addColumn('page_id', 'integer', (c) => c.primaryKey().references('pages.id').onDelete('cascade'))
    .addColumn('rev_id', 'integer', (c) => c.notNull())
    // Small columns first: the view's freshness check reads them without walking the HTML's overflow pages.
    .addColumn('rendered_at', 'bigint', (c) => c.notNull())
    .addColumn('toc', 'text', (c) => c.notNull())
    .addColumn('headings', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('page_links')
    .addColumn('from_page_id', 'integer', (c) => c.notNull().references('pages.id').onDelete('cascade'))
    .addColumn('to_namespace', 'integer', (c) => c.notNull())
    .addColumn('to_title', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('page_links_pk', ['from_page_id', 'to_namespace', 'to_title'])
    .execute();
  await db.schema.createIndex('page_links_to').on('page_links').columns(['to_namespace', 'to_title']).execute();

  await db.schema
    .createTable('category_links')
    .addColumn('from_page_id', 'integer', (c) => c.notNull().references('pages.id').onDelete('cascade'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('sort_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('category_links_pk', ['from_page_id', 'category'])
    .execute();
  await db.schema.createIndex('category_links_cat').on('category_links').columns(['category', 'sort_key']).execute();

  await db.schema
    .createTable('template_links')
    .addColumn('from_page_id', 'integer', (c) => c.notNull().references('pages.id').onDelete('cascade'))
    .addColumn('to_namespace', 'integer', (c) => c.notNull())
    .addColumn('to_title', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('template_links_pk', ['from_page_id', 'to_namespace', 'to_title'])
    .execute();
  await db.schema.createIndex('template_links_to').on('template_links').columns(['to_namespace', 'to_title']).execute();

  await db.schema
    .createTable('logs')
    .addColumn('id', 'integer', id)
    .addColumn('type', 'text', (c) => c.notNull()) // delete, move, protect, upload, newusers
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('namespace', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('page_id', 'integer')
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('params', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('logs_type').on('logs').columns(['type', 'id']).execute();

  await db.schema
    .createTable('recent_changes')
    .addColumn('id', 'integer', id)
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // new, edit, log
    .addColumn('namespace', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('page_id', 'integer')
    .addColumn('rev_id', 'integer')
    .addColumn('old_rev_id', 'integer')
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('minor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('bot', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('old_size', 'integer')
    .addColumn('new_size', 'integer')
    .addColumn('log_id', 'integer')
    .execute();
  await db.schema.createIndex('recent_changes_time').on('recent_changes').column('created_at').execute();

  await db.schema
    .createTable('watchlist')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('namespace', 'integer', (c) => c.notNull()) // the subject namespace; watching covers the talk page
    .addColumn('title', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('watchlist_pk', ['user_id', 'namespace', 'title'])
    .execute();
  await db.schema.createIndex('watchlist_title').on('watchlist').columns(['namespace', 'title']).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('namespace', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('rev_id', 'integer')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('read_at', 'bigint')
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'read_at', 'id']).execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'integer', id)
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('claimed_at', 'bigint')
    .addColumn('processed_at', 'bigint')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .execute();
  await db.schema.createIndex('events_pending').on('events').columns(['processed_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['events', 'notifications', 'watchlist', 'recent_changes', 'logs', 'template_links', 'category_links', 'page_links', 'page_renders', 'revisions', 'pages']) {
    await db.schema.dropTable(t).execute();
  }
}
