import path from 'node:path';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The packages a thread's module loads, as scripts/build-server.mjs bundles it. */
async function packagesOf(entry: string): Promise<string[]> {
  const r = await esbuild.build({ absWorkingDir: ROOT, entryPoints: [entry], bundle: true, packages: 'external', platform: 'node', format: 'esm', write: false, metafile: true, logLevel: 'silent' });
  return [...new Set(Object.values(r.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path)))].sort();
}

describe('worker thread modules', () => {
  // Each of these threads starts per import (or per server process): a database or HTTP package
  // would add its loading (Kysely's: about 0.1 s) to every start, for nothing.
  it.each([
    ['src/modules/transfer/import/render-worker.ts'],
    ['src/modules/wiki/render/worker.ts'],
    ['src/modules/transfer/import/dump-worker.ts'],
  ])('%s loads no database or server package', async (entry) => {
    const packages = await packagesOf(entry);
    expect(packages.length).toBeGreaterThan(0);
    expect(packages.filter((p) => /^(kysely|pg|better-sqlite3|fastify|@fastify\/|pino|zod)(\/|$)/.test(p))).toEqual([]);
  });
});
