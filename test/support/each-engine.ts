import { afterAll, beforeAll, describe } from 'vitest';
import type { DbHandle, Engine } from '../../src/core/db/index.ts';
import { createTestDatabase, ENGINES, engineAvailable, type TestDatabase } from './engines.ts';

/**
 * Runs a suite once per storage engine. PostgreSQL is missing only outside CI (the global setup
 * fails a CI run without it); then its variant is reported as skipped, never silently passed.
 */
export function describeEachEngine(name: string, suite: (engine: Engine) => void): void {
  for (const engine of ENGINES) {
    describe.skipIf(!engineAvailable(engine))(`${name} [${engine}]`, () => suite(engine));
  }
}

/**
 * A fresh, migrated database for the suite it is called in: open from its first test to its
 * last, then dropped. `h` is read inside tests and hooks, once it is open.
 */
export function useTestDatabase(engine: Engine): { readonly h: DbHandle } {
  let tdb: TestDatabase | undefined;
  let handle: DbHandle | undefined;
  beforeAll(async () => {
    tdb = await createTestDatabase(engine);
    handle = tdb.open();
  });
  afterAll(async () => {
    await handle?.destroy();
    await tdb?.drop();
  });
  return {
    get h() {
      if (!handle) throw new Error('the test database is not open yet');
      return handle;
    },
  };
}
