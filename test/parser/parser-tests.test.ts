/**
 * The parser-test gate: every core parser test passes, is skipped for a named reason, or is
 * listed in known-failures.txt; a listed test that passes must be removed from the list.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { failureKey, KNOWN_FAILURES, runAll } from './harness.ts';

const UPDATE = 'update the list with `npm run parser-tests -- --update-known-failures`';

describe('MediaWiki core parser tests', () => {
  it('fail only where known-failures.txt says so', () => {
    const known = new Set(readFileSync(KNOWN_FAILURES, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#')));
    const results = runAll();
    const failing = new Set(results.filter((r) => r.outcome.status === 'fail').map(failureKey));
    const passing = new Set(results.filter((r) => r.outcome.status === 'pass').map(failureKey));
    const regressions = [...failing].filter((k) => !known.has(k));
    const fixed = [...known].filter((k) => passing.has(k));
    expect(regressions, `tests failing that are not in known-failures.txt (fix them, or ${UPDATE})`).toEqual([]);
    expect(fixed, `tests in known-failures.txt that now pass: ${UPDATE}`).toEqual([]);
  });
});
