#!/usr/bin/env node
/**
 * Builds the browser islands (src/client) into src/core/layout/assets/islands/, served at
 * /assets/islands/: ESM bundles for es2022, minified, with source maps; CSS imported by an
 * island is extracted next to it (the CSP allows no inline styles).
 *
 *   node scripts/build-client.mjs          build once
 *   node scripts/build-client.mjs --watch  rebuild on change
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'src/core/layout/assets/islands');

/** @type {import('esbuild').BuildOptions} */
const options = {
  absWorkingDir: root,
  entryPoints: {
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

/**
 * The editor on its own, with code splitting: its wikitext mode is a chunk loaded only on
 * wikitext pages (chunks/wikitext-mode-*.js). The other islands stay one file each.
 */
/** @type {import('esbuild').BuildOptions} */
const editorOptions = {
  ...options,
  entryPoints: { editor: 'src/client/editor/index.ts' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
};

if (process.argv.includes('--watch')) {
  for (const o of [options, editorOptions]) await (await esbuild.context(o)).watch();
  console.log(`build-client: watching, writing to ${path.relative(root, outdir)}/`);
} else {
  const started = Date.now();
  // Chunk names carry a content hash: drop the previous build's.
  fs.rmSync(path.join(outdir, 'chunks'), { recursive: true, force: true });
  const results = await Promise.all([esbuild.build(editorOptions), esbuild.build(options)]);
  const sizes = results.flatMap((result) => Object.entries(result.metafile.outputs))
    .filter(([file]) => !file.endsWith('.map') && !file.endsWith('.LEGAL.txt'))
    .map(([file, out]) => `${path.basename(file)} ${(out.bytes / 1024).toFixed(0)} kB`);
  console.log(`build-client: ${sizes.join(', ')} (${Date.now() - started} ms)`);
}
