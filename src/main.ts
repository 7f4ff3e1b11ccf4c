import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { systemClock, type Clock } from './core/clock.ts';
import type { Config } from './core/config.ts';
import { createDb, migrateToLatest, restoreIndexes, type DbHandle } from './core/db/index.ts';
import { createApp } from './core/http/app.ts';
import { randomToken } from './core/ids.ts';
import { loggerOptions } from './core/logger.ts';
import { consoleMailer, smtpMailer, type Mailer } from './core/mail/index.ts';
import { pruneRateLimits } from './core/rate-limit.ts';
import { getOrInitSetting } from './core/settings.ts';
import { createEventBus, type EventBus, type EventHandler } from './core/events.ts';
import { createAccounts, type Accounts } from './modules/accounts/index.ts';
import { anyFileForRender, createFilesModule, databaseFileStore, diskFileStore, filePanel, lookupFilesForRender, type FileStore, type FilesModule } from './modules/files/index.ts';
import { createSearchIndex, searchFeed, searchPage, suggestRoute, type SearchIndex } from './modules/search/index.ts';
import { createWikiModule, type WikiModule } from './modules/wiki/index.ts';
import { titleFromKey } from './modules/markup/index.ts';
import { portalRoutes } from './modules/portal/index.ts';
import { BOT_PASSWORDS_SPECIAL, createApiModule } from './modules/api/index.ts';
import { createTransferModule, type TransferModule } from './modules/transfer/index.ts';
import { createNetworkModule, NS_RENCONTRE, pageFieldsText, type NetworkModule } from './modules/network/index.ts';
import { createPollsModule, type PollsModule } from './modules/polls/index.ts';

/**
 * Composition root: the only place that picks concrete adapters (database engine, mailer,
 * clock, logger) and wires modules together.
 */
export interface Maillage {
  app: FastifyInstance;
  db: DbHandle;
  accounts: Accounts;
  wiki: WikiModule;
  search: SearchIndex;
  files: FilesModule;
  transfer: TransferModule;
  network: NetworkModule;
  polls: PollsModule;
  events: EventBus;
  logger: Logger;
  close(): Promise<void>;
}

export interface Overrides {
  mailer?: Mailer;
  clock?: Clock;
  logger?: Logger;
  /** An already-open database (tests share one handle between app and assertions). */
  db?: DbHandle;
  migrate?: boolean;
  /** Run queued import jobs in the background (default); the CLI's own import turns it off. */
  runJobs?: boolean;
}

export function createLogger(config: Config): Logger {
  return pino(config.env === 'test' ? { level: 'silent' } : loggerOptions(config));
}

export async function buildMaillage(config: Config, overrides: Overrides = {}): Promise<Maillage> {
  const logger = overrides.logger ?? createLogger(config);
  const db = overrides.db ?? createDb(config.database, { onIdleError: (err) => logger.warn({ err }, 'idle database connection lost') });
  if (overrides.migrate !== false) {
    await migrateToLatest(db.db);
    // Indexes a bulk load set aside and did not build again (it stopped midway): built now.
    await restoreIndexes(db.db, db.engine);
  }
  const mailer = overrides.mailer ?? (config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : consoleMailer(logger));
  const clock = overrides.clock ?? systemClock;
  const accounts = createAccounts({ db: db.db, clock, mailer, publicUrl: config.publicUrl }, config);
  const csrfSecret = await getOrInitSetting(db.db, 'http.csrf_secret', () => randomToken(32));
  // Handlers are registered after the modules that need the bus exist.
  const handlers: Record<string, EventHandler[]> = {};
  const events = createEventBus(db.db, handlers, clock, logger, db.engine);
  const wiki = createWikiModule({ db: db.db, engine: db.engine, clock, events, files: lookupFilesForRender, anyFile: anyFileForRender }, { publicUrl: config.publicUrl, filePanel: filePanel(db.db) });
  addHandlers(handlers, wiki.handlers);
  const search = createSearchIndex(db.db, db.engine);
  // Entity pages' fields (front matter, rendered as nothing) are indexed too.
  addHandlers(handlers, searchFeed(search, pageFieldsText));
  wiki.registerSpecial(['Recherche', 'Search'], searchPage(search, async (key) => {
    const t = titleFromKey(key);
    return Boolean(t && (await wiki.wiki.page(t)));
  }));
  // Files: on disk with SQLite (one instance); in the database with PostgreSQL, so instances share them.
  const storage = config.fileStorage ?? (db.engine === 'postgres' ? 'database' : 'disk');
  const fileStore: FileStore = storage === 'database' ? databaseFileStore(db.db, clock) : diskFileStore(path.join(config.dataDir, 'files'));
  const files = createFilesModule({ db: db.db, clock, events, store: fileStore, wiki, maxBytes: config.uploadMaxBytes });
  // api.php for MediaWiki tools, and the bot passwords that sign them in.
  const api = createApiModule({ db: db.db, clock, accounts, wiki, search, publicUrl: config.publicUrl, mainPage: 'Accueil', version: '0.1.0' });
  wiki.registerSpecial(BOT_PASSWORDS_SPECIAL, api.botPasswordsSpecial);
  const transfer = createTransferModule({ db: db.db, engine: db.engine, clock, wiki, files, dataDir: config.dataDir, logger, extraText: pageFieldsText });
  if (overrides.runJobs !== false) transfer.runner.start();
  const network = createNetworkModule({ db: db.db, engine: db.engine, clock, wiki, publicUrl: config.publicUrl });
  addHandlers(handlers, network.handlers);
  // Polls: a rencontre's archived polls show on its Rencontre: page.
  const polls = createPollsModule({ db: db.db, clock, wiki: wiki.wiki, publicUrl: config.publicUrl });
  wiki.registerPanel(NS_RENCONTRE, polls.panel);

  const app = await createApp({
    config,
    db,
    csrfSecret,
    logger,
    resolveActor: (token) => accounts.sessions.resolve(token),
    abilitiesOf: accounts.abilitiesOf,
    modules: [portalRoutes({ db: db.db }), ...accounts.routes, ...wiki.routes, ...files.routes, ...transfer.routes, ...network.routes, ...polls.routes, suggestRoute(search), ...api.routes],
  });

  return {
    app,
    db,
    accounts,
    wiki,
    search,
    files,
    transfer,
    network,
    polls,
    events,
    logger,
    async close() {
      events.stop();
      await transfer.runner.stop();
      await app.close();
      if (!overrides.db) await db.destroy();
    },
  };
}

function addHandlers(into: Record<string, EventHandler[]>, more: Record<string, EventHandler[]>): void {
  for (const [type, list] of Object.entries(more)) into[type] = [...(into[type] ?? []), ...list];
}

/** Deletes expired sessions and stale rate-limit windows; safe to run on every instance. */
export async function housekeeping(m: Maillage, clock: Clock = systemClock): Promise<void> {
  const now = clock.now();
  await m.db.db.deleteFrom('sessions').where('expires_at', '<', now).execute();
  await m.db.db.deleteFrom('bot_sessions').where('expires_at', '<', now).execute();
  await m.db.db.deleteFrom('tokens').where('expires_at', '<', now - 30 * 86_400_000).execute();
  await pruneRateLimits(m.db.db, now - 86_400_000);
  await m.db.db.deleteFrom('events').where('processed_at', '<', now - 7 * 86_400_000).execute();
}
