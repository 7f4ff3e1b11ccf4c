import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BUNDLE = path.join(ROOT, 'src/core/layout/assets/islands/editor.js');
const SOURCES = [path.join(ROOT, 'src/client'), path.join(ROOT, 'src/modules/markup/namespaces.ts'), path.join(ROOT, 'scripts/build-client.mjs')];

function newest(file: string): number {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(file).map((name) => newest(path.join(file, name))));
}

/**
 * Browser tests need the islands built (`npm test` builds them first). Running vitest directly,
 * they are built here when missing or older than their sources.
 */
export function ensureIslands(): void {
  const built = fs.existsSync(BUNDLE) ? fs.statSync(BUNDLE).mtimeMs : 0;
  if (built >= Math.max(...SOURCES.map(newest))) return;
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-client.mjs')], { cwd: ROOT, stdio: 'inherit' });
}
