import type { Kysely } from 'kysely';

/**
 * A person who opts in to a public profile gets a `Personne:` wiki page for their free text.
 * `network_people.page_id` is that page (kept while the page is hidden, when the person opts
 * out; cleared when the page is purged, when the person is erased). No foreign key: the page is
 * purged by the same command that clears it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('network_people').addColumn('page_id', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('network_people').dropColumn('page_id').execute();
}
