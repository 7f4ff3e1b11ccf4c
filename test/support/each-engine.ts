import { describe } from 'vitest';
import type { Engine } from '../../src/core/db/index.ts';
import { ENGINES, engineAvailable } from './engines.ts';

/**
 * Runs a suite once per storage engine. PostgreSQL is missing only outside CI (the global setup
 * fails a CI run without it); then its variant is reported as skipped, never silently passed.
 */
export function describeEachEngine(name: string, suite: (engine: Engine) => void): void {
  for (const engine of ENGINES) {
    describe.skipIf(!engineAvailable(engine))(`${name} [${engine}]`, () => suite(engine));
  }
}
