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

describe('the server bundle', () => {
  /** Packages loaded, through static imports, by the output holding `input` (built as scripts/build-server.mjs builds it). */
  async function staticPackages(input: string): Promise<string[]> {
    const r = await esbuild.build({ absWorkingDir: ROOT, entryPoints: { maillage: 'src/cli/main.ts' }, outdir: 'dist-test', splitting: true, bundle: true, packages: 'external', platform: 'node', format: 'esm', write: false, metafile: true, logLevel: 'silent' });
    const outputs = r.metafile.outputs;
    const start = Object.keys(outputs).find((o) => input in outputs[o]!.inputs);
    expect(start).toBeDefined();
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (o: string) => {
      if (seen.has(o)) return;
      seen.add(o);
      for (const i of outputs[o]!.imports) {
        if (i.kind !== 'import-statement') continue;
        if (i.external) packages.add(i.path);
        else visit(i.path);
      }
    };
    visit(start!);
    return [...packages].sort();
  }
  const heavy = (packages: string[]) => packages.filter((p) => /^(kysely|pg|better-sqlite3|fastify|@fastify\/|pino|sanitize-html|markdown-it)(\/|$)/.test(p));

  // Commands load the application when they run: the CLI's start (and the cluster's primary) does not.
  it('starts the CLI without loading the application', async () => {
    expect(heavy(await staticPackages('src/cli/main.ts'))).toEqual([]);
  });

  // `maillage import` starts reading its dump, in a thread, before loading the application.
  it('opens the dump of `maillage import` before loading the application', async () => {
    const packages = await staticPackages('src/cli/import.ts');
    expect(heavy(packages)).toEqual([]);
  });
});
