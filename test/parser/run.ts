/**
 * `npm run parser-tests`: runs MediaWiki's core parser tests against the wikitext engine and
 * prints per-file counts, the skip reasons, and `N passed, M failed, K skipped`.
 * Flags: `--update-known-failures` rewrites known-failures.txt; `--file=name` and
 * `--filter=regex` narrow the run; `--show` prints diffs of failures; `--list` lists failing names.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { EXTRA_DIR, failureKey, KNOWN_FAILURES, loadSuite, runAll } from './harness.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
const value = (name: string) => flag(name)?.split('=').slice(1).join('=');

const suite = loadSuite();
const fileFilter = value('file');
const nameFilter = value('filter');
if (fileFilter) suite.files = suite.files.filter((f) => f.file.includes(fileFilter));
if (nameFilter) {
  const re = new RegExp(nameFilter, 'i');
  for (const f of suite.files) f.tests = f.tests.filter((t) => re.test(t.name));
}

const started = Date.now();
const results = runAll(suite);
const perFile = new Map<string, { pass: number; fail: number; skip: number }>();
const skips = new Map<string, number>();
let pass = 0;
let fail = 0;
let skip = 0;
for (const r of results) {
  const c = perFile.get(r.file) ?? { pass: 0, fail: 0, skip: 0 };
  perFile.set(r.file, c);
  if (r.outcome.status === 'pass') {
    c.pass++;
    pass++;
  } else if (r.outcome.status === 'fail') {
    c.fail++;
    fail++;
    if (flag('show') && !(flag('noprep') && /\{\{|<nowiki|<!--|<pre|<ref|<includeonly|<noinclude|<onlyinclude/i.test(r.input))) {
      console.log(`\n=== ${failureKey(r)}\n--- input\n${r.input}`);
      if (r.outcome.error) console.log(r.outcome.error);
      console.log(`--- expected\n${r.outcome.expected}\n--- actual\n${r.outcome.actual}`);
    } else if (flag('list')) console.log(`FAIL ${failureKey(r)}`);
  } else {
    c.skip++;
    skip++;
    skips.set(r.outcome.reason, (skips.get(r.outcome.reason) ?? 0) + 1);
  }
}

console.log('\nPer file (passed / failed / skipped):');
for (const [file, c] of perFile) console.log(`  ${file.padEnd(26)} ${String(c.pass).padStart(4)} ${String(c.fail).padStart(4)} ${String(c.skip).padStart(4)}`);
console.log('\nSkipped, by reason:');
for (const [reason, n] of [...skips].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)}  ${reason}`);
const ran = pass + fail;
const parsoidOnly = results.filter((r) => r.outcome.status === 'skip' && r.outcome.reason.startsWith('Parsoid-only')).length;
console.log(
  `\n${((pass / Math.max(1, ran)) * 100).toFixed(1)} % of non-skipped tests pass; ${((skip / Math.max(1, results.length)) * 100).toFixed(1)} % skipped ` +
    `(${(((skip - parsoidOnly) / Math.max(1, results.length - parsoidOnly)) * 100).toFixed(1)} % of the ${results.length - parsoidOnly} tests with a legacy expectation); ${Date.now() - started} ms`,
);

if (flag('update-known-failures')) {
  if (fileFilter || nameFilter) {
    console.error('--update-known-failures needs a full run (no --file or --filter)');
    process.exit(2);
  }
  const failing = results.filter((r) => r.outcome.status === 'fail').map(failureKey);
  writeFileSync(KNOWN_FAILURES, `${[...new Set(failing)].sort().join('\n')}\n`);
  console.log(`wrote ${failing.length} entries to test/parser/known-failures.txt`);
}
// Extra files kept in the repository (test/parser/extra/: Cite's tests), counted apart from the core files.
if (!fileFilter && !nameFilter && existsSync(EXTRA_DIR)) {
  const extra = runAll(loadSuite(EXTRA_DIR));
  const failed = extra.filter((r) => r.outcome.status === 'fail');
  if (flag('list')) for (const r of failed) console.log(`FAIL extra/${failureKey(r)}`);
  console.log(`\nExtra (test/parser/extra/, not in the gate): ${extra.filter((r) => r.outcome.status === 'pass').length} passed, ${failed.length} failed`);
}
console.log(`${pass} passed, ${fail} failed, ${skip} skipped`);
