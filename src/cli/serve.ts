import type { Config } from '../core/config.ts';
import { loadDemo } from '../demo/load.ts';
import { buildMaillage, housekeeping } from '../main.ts';

/** Runs the web server until SIGINT/SIGTERM, then drains requests and closes the database. */
export async function serve(config: Config): Promise<number> {
  const m = await buildMaillage(config);
  if (config.demo && (await loadDemo({ db: m.db.db, accounts: m.accounts, wiki: m.wiki.wiki }))) m.logger.info('demo network loaded');
  const setupLink = await m.accounts.auth.setupLinkIfNeeded();
  await m.app.listen({ host: config.host, port: config.port });
  m.events.start();
  const engine = m.db.engine === 'sqlite' ? `SQLite (${config.database.kind === 'sqlite' ? config.database.file : ''})` : 'PostgreSQL';
  process.stdout.write(`\nMaillage is running on ${config.publicUrl} with ${engine}\n`);
  if (setupLink) {
    process.stdout.write(`\nNo administrator yet. Create one with this one-time link:\n\n    ${setupLink}\n\n`);
  }
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
