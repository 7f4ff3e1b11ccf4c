import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDb, migrateToLatest, type DbHandle, type Engine } from '../../src/core/db/index.ts';
import { randomToken } from '../../src/core/ids.ts';

export const ENGINES: Engine[] = ['sqlite', 'postgres'];
const TEMPLATE_DB = 'maillage_template';

export function pgAdminUrl(): string | undefined {
  return process.env.MAILLAGE_TEST_PG_ADMIN_URL;
}

/** Whether this engine can run here; PostgreSQL is absent only outside CI (global setup enforces it). */
export function engineAvailable(engine: Engine): boolean {
  return engine === 'sqlite' || Boolean(pgAdminUrl());
}

export interface TestDatabase {
  engine: Engine;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  open(): DbHandle;
  drop(): Promise<void>;
}

/** A fresh, migrated database on the given engine. */
export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-sqlite-'));
    const database = { kind: 'sqlite' as const, file: path.join(dir, 'test.sqlite') };
    const h = createDb(database);
    await migrateToLatest(h.db);
    await h.destroy();
    return {
      engine,
      database,
      open: () => createDb(database),
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const adminUrl = pgAdminUrl();
  if (!adminUrl) throw new Error('PostgreSQL test cluster is not running');
  const name = `t_${randomToken(9).toLowerCase().replace(/[^a-z0-9]/g, '')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${TEMPLATE_DB}`);
  await admin.end();
  const database = { kind: 'postgres' as const, url: adminUrl.replace(/\/postgres$/, `/${name}`) };
  return {
    engine,
    database,
    open: () => createDb(database, { poolSize: 4 }),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
