import type { Kysely } from 'kysely';
import { idColumn, isPostgres } from './lib/dialect.ts';

/**
 * A chantier's continuity grid and decision votes (src/modules/network/grid.ts, votes.ts).
 * Rows, not page revisions: scores and ballots are people's own acts, changed until a round
 * closes or a vote's deadline passes.
 * - A round is open while `closed_at` is null; one score row per person, round and criterion,
 *   with whether the scorer was a member of the chantier or a peer.
 * - A vote states its decision, rule, quorum (percent of members, 0 for none) and deadline;
 *   one ballot per member, replaced when changed. `eligible` is the member count frozen at closing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(await isPostgres(db));

  await db.schema
    .createTable('network_grid_rounds')
    .addColumn('id', 'integer', id)
    .addColumn('page_id', 'integer', (c) => c.notNull().references('pages.id').onDelete('cascade'))
    .addColumn('opened_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('opened_at', 'bigint', (c) => c.notNull())
    .addColumn('closed_at', 'bigint')
    .execute();
  await db.schema.createIndex('network_grid_rounds_page').on('network_grid_rounds').columns(['page_id', 'id']).execute();

  await db.schema
    .createTable('network_grid_scores')
    .addColumn('round_id', 'integer', (c) => c.notNull().references('network_grid_rounds.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('criterion', 'text', (c) => c.notNull()) // need | objectives | climate | conditions
    .addColumn('score', 'integer', (c) => c.notNull()) // 0–3
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('scorer', 'text', (c) => c.notNull()) // member | peer
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('network_grid_scores_pk', ['round_id', 'user_id', 'criterion'])
    .execute();

  await db.schema
    .createTable('network_votes')
    .addColumn('id', 'integer', id)
    .addColumn('page_id', 'integer', (c) => c.notNull().references('pages.id').onDelete('cascade'))
    .addColumn('decision', 'text', (c) => c.notNull()) // continue | revise | close
    .addColumn('rule', 'text', (c) => c.notNull()) // majority | two_thirds
    .addColumn('quorum', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('deadline', 'bigint', (c) => c.notNull())
    .addColumn('opened_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('opened_at', 'bigint', (c) => c.notNull())
    .addColumn('closed_at', 'bigint')
    .addColumn('eligible', 'integer')
    .execute();
  await db.schema.createIndex('network_votes_page').on('network_votes').columns(['page_id', 'id']).execute();

  await db.schema
    .createTable('network_vote_ballots')
    .addColumn('vote_id', 'integer', (c) => c.notNull().references('network_votes.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('choice', 'text', (c) => c.notNull()) // yes | no | abstain
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('network_vote_ballots_pk', ['vote_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['network_vote_ballots', 'network_votes', 'network_grid_scores', 'network_grid_rounds']) await db.schema.dropTable(t).execute();
}
