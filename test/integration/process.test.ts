import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-cli-'));
const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'production', DATABASE_URL: '' };
delete (env as Record<string, string | undefined>).DATABASE_URL;

function cli(...args: string[]) {
  const r = spawnSync(TSX, ['src/cli/main.ts', ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('command line and process lifecycle (SQLite file under DATA_DIR)', { timeout: 120_000 }, () => {
  it('migrates, creates a user, sets a role and resets a password', () => {
    expect(cli('migrate').out).toContain('Success: 20261121100000_accounts');
    expect(cli('migrate').out).toContain('database is up to date');
    const created = cli('user', 'create', '--email', 'Awa@Example.ca', '--name', 'Awa', '--role', 'agent');
    expect(created.code).toBe(0);
    expect(created.out).toContain('awa@example.ca (agent)');
    expect(cli('user', 'set-role', '--email', 'awa@example.ca', '--role', 'coordination').code).toBe(0);
    const link = cli('user', 'reset-password', '--email', 'awa@example.ca');
    expect(link.out).toMatch(/reset link \(valid one hour\): http:\/\/localhost:3000\/mot-de-passe\/reinitialiser\?jeton=/);
    expect(cli('user', 'reset-password', '--email', 'awa@example.ca', '--password', 'a long enough secret').out).toContain('password changed');
    const bad = cli('user', 'set-role', '--email', 'awa@example.ca', '--role', 'emperor');
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('invalid value');
    expect(cli('user', 'create', '--name', 'x').code).toBe(1);
    expect(cli('nonsense').code).toBe(1);
  });

  // From the sources (tsx), and from the production bundle that `npm start` builds and runs.
  it.each([
    ['the sources', TSX, ['src/cli/main.ts', 'start']],
    ['the server bundle', process.execPath, ['--enable-source-maps', 'dist/maillage.mjs', 'start']],
  ])('starts from %s with demo content and a setup link, serves, and shuts down gracefully on SIGTERM', async (_name, command, args) => {
    if (args.includes('dist/maillage.mjs')) {
      const build = spawnSync(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, encoding: 'utf8' });
      expect(build.status, build.stderr).toBe(0);
    }
    const port = await freePort();
    const child = spawn(command, args, { cwd: ROOT, env: { ...env, PORT: String(port), HOST: '127.0.0.1' } });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (out += String(d)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    for (let i = 0; i < 200 && !out.includes('Maillage is running'); i++) await new Promise((r) => setTimeout(r, 100));
    expect(out).toContain(`Maillage is running on http://localhost:${port}`);
    expect(out).toMatch(new RegExp(`http://localhost:${port}/installation\\?jeton=\\S+`));
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(await ready.json()).toEqual({ status: 'ready', engine: 'sqlite' });
    const home = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    expect(home).toContain('Almanach culturel');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
