import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { migrateToLatest } from '../../src/core/db/migrate.ts';
import type { Database } from '../../src/core/db/schema.ts';
import { postgresBinaries, startPgCluster, type PgCluster } from './pg-cluster.ts';

export const TEMPLATE_DB = 'maillage_template';
let cluster: PgCluster | undefined;

/**
 * Starts one PostgreSQL cluster for the whole run and migrates a template database that each
 * test database is cloned from. Under CI=true a missing PostgreSQL fails the run.
 */
export async function setup(): Promise<void> {
  if (!postgresBinaries()) {
    if (process.env.CI === 'true') throw new Error('CI=true but PostgreSQL is not installed: storage tests must run on both engines');
    console.warn('\n[maillage] PostgreSQL not found: PostgreSQL variants of storage tests are skipped (CI fails instead).\n');
    return;
  }
  cluster = await startPgCluster();
  const admin = new pg.Client({ connectionString: cluster.url('postgres') });
  await admin.connect();
  await admin.query(`create database ${TEMPLATE_DB}`);
  await admin.end();
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: cluster.url(TEMPLATE_DB), max: 1 }) }) });
  await migrateToLatest(db);
  await db.destroy();
  process.env.MAILLAGE_TEST_PG_ADMIN_URL = cluster.url('postgres');
}

export async function teardown(): Promise<void> {
  cluster?.stop();
}
