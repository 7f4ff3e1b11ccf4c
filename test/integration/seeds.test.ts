import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TOOL = path.resolve(ROOT, '../shared/tools/seed-overlap.py');
const present = fs.existsSync(TOOL);

describe('demo content is written in our own words', () => {
  it('requires the seed-overlap tool in CI', () => {
    if (process.env.CI === 'true') expect(present, `${TOOL} must exist beside the checkout in CI`).toBe(true);
  });
  it.runIf(present)('copies no run of ten words from the seed pages', () => {
    const r = spawnSync('python3', [TOOL, ROOT, '10'], { encoding: 'utf8' });
    expect(r.stdout.trim()).toMatch(/^no run of 10\+ words from the seeds$/);
  });
});
