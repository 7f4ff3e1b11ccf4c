#!/usr/bin/env node
/**
 * Builds the browser islands (src/client) into src/core/layout/assets/islands/, served at
 * /assets/islands/: ESM bundles for es2022, minified, with source maps; CSS imported by an
 * island is extracted next to it (the CSP allows no inline styles).
 *
 *   node scripts/build-client.mjs          build once
 *   node scripts/build-client.mjs --watch  rebuild on change
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'src/core/layout/assets/islands');

/** @type {import('esbuild').BuildOptions} */
const options = {
  absWorkingDir: root,
  entryPoints: {
    editor: 'src/client/editor/index.ts',
    drafts: 'src/client/drafts/index.ts',
    suggest: 'src/client/suggest/index.ts',
    polls: 'src/client/polls/index.ts',
  },
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
  metafile: true,
};

if (process.argv.includes('--watch')) {
  const context = await esbuild.context(options);
  await context.watch();
  console.log(`build-client: watching, writing to ${path.relative(root, outdir)}/`);
} else {
  const started = Date.now();
  const result = await esbuild.build(options);
  const sizes = Object.entries(result.metafile.outputs)
    .filter(([file]) => !file.endsWith('.map') && !file.endsWith('.LEGAL.txt'))
    .map(([file, out]) => `${path.basename(file)} ${(out.bytes / 1024).toFixed(0)} kB`);
  console.log(`build-client: ${sizes.join(', ')} (${Date.now() - started} ms)`);
}
