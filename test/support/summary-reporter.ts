import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one closing line, `tests: N passed, M failed, K skipped`, with per-project counts
 * above it (the project name says which engine or browser suite), for CI logs and the notes.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const byProject = new Map<string, { passed: number; failed: number; skipped: number }>();
    const sqlite = { passed: 0, failed: 0 };
    const postgres = { passed: 0, failed: 0 };
    for (const mod of testModules) {
      const name = mod.project.name || 'default';
      const counts = byProject.get(name) ?? { passed: 0, failed: 0, skipped: 0 };
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        const key = state === 'passed' ? 'passed' : state === 'failed' ? 'failed' : 'skipped';
        counts[key]++;
        const path = test.fullName;
        if (key !== 'skipped' && /\[sqlite\]/.test(path)) sqlite[key]++;
        if (key !== 'skipped' && (/\[postgres\]/.test(path) || /PostgreSQL/.test(path))) postgres[key]++;
      }
      byProject.set(name, counts);
    }
    const total = { passed: 0, failed: 0, skipped: 0 };
    const lines: string[] = [];
    for (const [name, c] of byProject) {
      lines.push(`  ${name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
      total.passed += c.passed;
      total.failed += c.failed;
      total.skipped += c.skipped;
    }
    lines.push(`  storage on SQLite: ${sqlite.passed} passed, ${sqlite.failed} failed`);
    lines.push(`  storage on PostgreSQL: ${postgres.passed} passed, ${postgres.failed} failed`);
    process.stdout.write(`\nPer project:\n${lines.join('\n')}\ntests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
  }
}
