import type { Kysely } from 'kysely';
import { idColumn, isPostgres } from './lib/dialect.ts';

/**
 * The network as data (src/modules/network, docs/network.md).
 * - Organisations, chantiers, rencontres, projects and learnings are wiki pages; their tables
 *   here are projections of the latest revision's front matter, rebuilt by an outbox handler.
 * - A chantier's lifecycle and membership are not page text: transitions (who, when) and
 *   members/followers are rows of their own, changed only through the module's rules.
 * - People are personal information (Loi 25): rows only, never page revisions, so they can be
 *   corrected or erased for good; `public` is the person's opt-in to a public profile.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = await isPostgres(db);
  const id = idColumn(pg);

  await db.schema
    .createTable('network_organisations')
    .addColumn('page_id', 'integer', (c) => c.primaryKey().references('pages.id').onDelete('cascade'))
    .addColumn('rev_id', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull()) // page title, key form
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('region', 'text') // official code 01–17
    .addColumn('sectors', 'text', (c) => c.notNull()) // JSON array, for display and export
    .addColumn('website', 'text')
    .addColumn('wikidata', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('network_organisations_region').on('network_organisations').column('region').execute();

  await db.schema
    .createTable('network_organisation_sectors')
    .addColumn('page_id', 'integer', (c) => c.notNull().references('pages.id').onDelete('cascade'))
    .addColumn('sector', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('network_organisation_sectors_pk', ['page_id', 'sector'])
    .execute();
  await db.schema.createIndex('network_organisation_sectors_sector').on('network_organisation_sectors').column('sector').execute();

  await db.schema
    .createTable('network_chantiers')
    .addColumn('page_id', 'integer', (c) => c.primaryKey().references('pages.id').onDelete('cascade'))
    .addColumn('rev_id', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull()) // the validated front matter, JSON, for views and export
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('network_rencontres')
    .addColumn('page_id', 'integer', (c) => c.primaryKey().references('pages.id').onDelete('cascade'))
    .addColumn('rev_id', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text') // YYYY-MM-DD, the first day
    .addColumn('ends_on', 'text') // YYYY-MM-DD, the last day (inclusive)
    .addColumn('online', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('network_rencontres_dates').on('network_rencontres').columns(['ends_on', 'starts_on']).execute();

  await db.schema
    .createTable('network_projects')
    .addColumn('page_id', 'integer', (c) => c.primaryKey().references('pages.id').onDelete('cascade'))
    .addColumn('rev_id', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('collective', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('axes', 'text', (c) => c.notNull()) // space-separated mandate axes, for filtering with like
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('network_learnings')
    .addColumn('page_id', 'integer', (c) => c.primaryKey().references('pages.id').onDelete('cascade'))
    .addColumn('rev_id', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('axis', 'text')
    .addColumn('kind', 'text')
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('network_learnings_axis').on('network_learnings').columns(['axis', 'kind']).execute();

  // Lifecycle: the current status is the latest row; a chantier without rows is in ideation.
  await db.schema
    .createTable('network_chantier_transitions')
    .addColumn('id', 'integer', id)
    .addColumn('page_id', 'integer', (c) => c.notNull().references('pages.id').onDelete('cascade'))
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('network_chantier_transitions_page').on('network_chantier_transitions').columns(['page_id', 'id']).execute();

  await db.schema
    .createTable('network_chantier_members')
    .addColumn('page_id', 'integer', (c) => c.notNull().references('pages.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull()) // member | follower
    .addColumn('since', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('network_chantier_members_pk', ['page_id', 'user_id'])
    .execute();
  await db.schema.createIndex('network_chantier_members_user').on('network_chantier_members').column('user_id').execute();

  await db.schema
    .createTable('network_people')
    .addColumn('id', 'integer', id)
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.unique().references('users.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull()) // agent | manager | coordination | partner
    .addColumn('scope', 'text') // organisational | sectoral | territorial | double
    .addColumn('start_date', 'text') // YYYY-MM-DD
    .addColumn('end_date', 'text')
    .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('network_people_public').on('network_people').columns(['public', 'name']).execute();

  // A shared position is a person with two host organisations.
  await db.schema
    .createTable('network_person_hosts')
    .addColumn('person_id', 'integer', (c) => c.notNull().references('network_people.id').onDelete('cascade'))
    .addColumn('org_page_id', 'integer', (c) => c.notNull().references('pages.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('network_person_hosts_pk', ['person_id', 'org_page_id'])
    .execute();
  await db.schema.createIndex('network_person_hosts_org').on('network_person_hosts').column('org_page_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['network_person_hosts', 'network_people', 'network_chantier_members', 'network_chantier_transitions', 'network_learnings', 'network_projects', 'network_rencontres', 'network_chantiers', 'network_organisation_sectors', 'network_organisations']) {
    await db.schema.dropTable(t).execute();
  }
}
