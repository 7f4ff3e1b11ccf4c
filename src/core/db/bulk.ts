import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

type Engine = 'sqlite' | 'postgres';

/**
 * Bulk loads: secondary indexes set aside while many rows go into tables that were nearly
 * empty, then built once with a sort. Kept up to date row by row, an index over link targets
 * takes each insert at a random place: 485,000 link rows cost 2.9 s that way, against 0.9 s
 * without the index plus 0.6 s to build it afterwards.
 *
 * Each index's CREATE statement is recorded in `deferred_indexes` in the transaction that drops
 * it, so a load that stops midway leaves a record, and `restoreIndexes` (at the end of the load,
 * and at every start-up) builds what is missing. Queries stay correct meanwhile, only slower.
 */
export async function deferIndexes(db: Kysely<Database>, engine: Engine, names: readonly string[]): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const dropped: string[] = [];
    for (const name of names) {
      const ddl = await indexDefinition(trx, engine, name);
      if (!ddl) continue; // already set aside, or no such index
      await trx.insertInto('deferred_indexes').values({ name, ddl }).onConflict((oc) => oc.column('name').doUpdateSet({ ddl })).execute();
      await sql`drop index ${sql.id(name)}`.execute(trx);
      dropped.push(name);
    }
    return dropped;
  });
}

/** Builds every index a bulk load set aside (none usually: one query). */
export async function restoreIndexes(db: Kysely<Database>, engine: Engine): Promise<string[]> {
  const pending = await db.selectFrom('deferred_indexes').select('name').orderBy('name').execute();
  const built: string[] = [];
  for (const { name } of pending) {
    await db.transaction().execute(async (trx) => {
      // Taking the row first: another instance restoring at the same time waits, then finds it gone.
      const row = await trx.deleteFrom('deferred_indexes').where('name', '=', name).returning('ddl').executeTakeFirst();
      if (!row || (await indexDefinition(trx, engine, name))) return;
      await sql.raw(row.ddl).execute(trx);
      built.push(name);
    });
  }
  return built;
}

/** The statement that creates index `name`, from the engine's catalog; undefined if there is no such index. */
async function indexDefinition(db: Kysely<Database>, engine: Engine, name: string): Promise<string | undefined> {
  const r = engine === 'sqlite'
    ? await sql<{ ddl: string }>`select sql as ddl from sqlite_master where type = 'index' and name = ${name} and sql is not null`.execute(db)
    : await sql<{ ddl: string }>`select indexdef as ddl from pg_indexes where schemaname = current_schema() and indexname = ${name}`.execute(db);
  return r.rows[0]?.ddl;
}
