import cluster from 'node:cluster';
import type { Config } from '../core/config.ts';
import type { Maillage } from '../main.ts';

/** The application is loaded only by processes that serve or prepare it, never by the primary. */
const app = () => import('../main.ts');

/**
 * Runs the web server until SIGINT/SIGTERM, then drains requests and closes the database.
 * With WEB_CONCURRENCY > 1 (the default on a multi-core machine) the primary process prepares
 * the database (migrations, demo content, setup link) and forks that many stateless workers
 * sharing the port; nothing lives in a worker's memory that the others need.
 */
export async function serve(config: Config): Promise<number> {
  if (config.webConcurrency <= 1) return single(config);
  return cluster.isPrimary ? primary(config) : worker(config);
}

async function prepare(m: Maillage, config: Config): Promise<string | undefined> {
  const { loadDemo } = await import('../demo/load.ts');
  if (config.demo && (await loadDemo({ db: m.db.db, accounts: m.accounts, wiki: m.wiki.wiki, network: m.network.service }))) m.logger.info('demo network loaded');
  return m.accounts.auth.setupLinkIfNeeded();
}

function announce(config: Config, setupLink: string | undefined, workers: number): void {
  const engine = config.database.kind === 'sqlite' ? `SQLite (${config.database.file})` : 'PostgreSQL';
  // One write: whoever reads the output (a supervisor, a test) gets the address and the link together.
  const running = `\nMaillage is running on ${config.publicUrl} with ${engine}${workers > 1 ? `, ${workers} workers` : ''}\n`;
  process.stdout.write(running + (setupLink ? `\nNo administrator yet. Create one with this one-time link:\n\n    ${setupLink}\n\n` : ''));
}

/** Starts background work and resolves with the exit code once a signal has closed everything. */
async function runUntilSignal(m: Maillage): Promise<number> {
  const { housekeeping } = await app();
  m.events.start();
  const timer = setInterval(() => housekeeping(m).catch((err) => m.logger.warn({ err }, 'housekeeping failed')), 3600_000);
  timer.unref();
  return new Promise((resolve) => {
    let closing = false;
    const stop = (signal: string) => {
      if (closing) return;
      closing = true;
      m.logger.info({ signal }, 'shutting down');
      clearInterval(timer);
      const force = setTimeout(() => resolve(1), 10_000);
      force.unref();
      m.close().then(() => resolve(0), () => resolve(1));
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

async function single(config: Config): Promise<number> {
  const m = await (await app()).buildMaillage(config);
  const setupLink = await prepare(m, config);
  await m.app.listen({ host: config.host, port: config.port });
  announce(config, setupLink, 1);
  return runUntilSignal(m);
}

async function worker(config: Config): Promise<number> {
  if (process.env.MAILLAGE_ROLE === 'prepare') return prepareWorker(config);
  const m = await (await app()).buildMaillage(config, { migrate: false });
  await m.app.listen({ host: config.host, port: config.port });
  const code = await runUntilSignal(m);
  // The IPC channel to the primary would keep this process alive.
  cluster.worker?.disconnect();
  return code;
}

/** A short-lived worker migrates the database and loads the demo, then reports the setup link. */
async function prepareWorker(config: Config): Promise<number> {
  const m = await (await app()).buildMaillage(config);
  const setupLink = await prepare(m, config);
  await m.close();
  await new Promise<void>((resolve) => process.send?.({ setupLink: setupLink ?? null }, () => resolve()));
  cluster.worker?.disconnect();
  return 0;
}

function runPrepareWorker(): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const w = cluster.fork({ MAILLAGE_ROLE: 'prepare' });
    let link: string | undefined;
    w.on('message', (msg: { setupLink: string | null }) => (link = msg.setupLink ?? undefined));
    w.on('exit', (code) => (code === 0 ? resolve(link) : reject(new Error(`database preparation failed (exit ${code})`))));
  });
}

async function primary(config: Config): Promise<number> {
  let setupLink: string | undefined;
  try {
    setupLink = await runPrepareWorker();
  } catch (err) {
    process.stderr.write(`maillage: ${(err as Error).message}\n`);
    return 1;
  }

  let stopping = false;
  const fork = () => cluster.fork();
  for (let i = 0; i < config.webConcurrency; i++) fork();
  let listening = 0;
  cluster.on('listening', () => {
    if (++listening === config.webConcurrency) announce(config, setupLink, config.webConcurrency);
  });
  // A worker that dies on its own is replaced; during shutdown they are let go.
  cluster.on('exit', (w, code, signal) => {
    if (stopping) return;
    process.stderr.write(`maillage: worker ${w.process.pid} exited (${signal ?? code}); starting another\n`);
    fork();
  });

  return new Promise((resolve) => {
    const stop = () => {
      if (stopping) return;
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
      let left = workers.length;
      let failed = false;
      if (left === 0) resolve(0);
      for (const w of workers) {
        w.once('exit', (code) => {
          failed ||= code !== 0;
          if (--left === 0) resolve(failed ? 1 : 0);
        });
        w.process.kill('SIGTERM');
      }
      setTimeout(() => resolve(1), 15_000).unref();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
