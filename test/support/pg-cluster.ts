import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A throwaway PostgreSQL cluster for tests: initdb + pg_ctl in a temporary directory,
 * listening on 127.0.0.1 and a free port, trust authentication, removed on stop.
 * initdb refuses to run as root, so as root the server runs as the `postgres` (or `nobody`) user.
 */
export interface PgCluster {
  url(database: string): string;
  stop(): void;
}

function findBin(name: string): string | undefined {
  const fromPath = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
  if (fromPath) return fromPath;
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return undefined;
  const versions = fs.readdirSync(base).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const candidate = path.join(base, v, 'bin', name);
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

export function postgresBinaries(): { initdb: string; pgCtl: string } | undefined {
  const initdb = findBin('initdb');
  const pgCtl = findBin('pg_ctl');
  return initdb && pgCtl ? { initdb, pgCtl } : undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function runAsUser(): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const hasPostgres = spawnSync('id', ['-u', 'postgres']).status === 0;
  return hasPostgres ? 'postgres' : 'nobody';
}

export async function startPgCluster(): Promise<PgCluster> {
  const bins = postgresBinaries();
  if (!bins) throw new Error('PostgreSQL binaries (initdb, pg_ctl) not found; install the postgresql package');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-pg-'));
  const dataDir = path.join(dir, 'data');
  const user = runAsUser();
  if (user) {
    fs.chmodSync(dir, 0o755);
    execFileSync('chown', [user, dir]);
  }
  const run = (bin: string, args: string[]) =>
    user ? execFileSync('runuser', ['-u', user, '--', bin, ...args], { stdio: 'pipe' }) : execFileSync(bin, args, { stdio: 'pipe' });

  const port = await freePort();
  run(bins.initdb, ['-D', dataDir, '-U', 'maillage', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run(bins.pgCtl, ['-D', dataDir, '-l', path.join(dir, 'log'), '-o', options, '-w', 'start']);

  return {
    url: (database) => `postgres://maillage@127.0.0.1:${port}/${database}`,
    stop() {
      try {
        run(bins.pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
