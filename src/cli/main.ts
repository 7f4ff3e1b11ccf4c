import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../core/config.ts';

// Commands load what they need when they run, so the cluster's primary stays small.

const HELP = `maillage <command>

  start                 migrate, load the demo network, serve (the README's run command)
  serve                 migrate and serve (no demo content)
  migrate               apply pending database migrations
  user create --email E --name N [--role R] [--password P]
  user set-role --email E --role R
  user reset-password --email E [--password P]   (without --password: prints a reset link)

Environment: DATABASE_URL (PostgreSQL; default SQLite in DATA_DIR), PORT, HOST, PUBLIC_URL,
SMTP_URL, MAIL_FROM, LOG_LEVEL, TRUST_PROXY. Roles: reader, contributor, agent, coordination, admin.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'start':
        return await (await import('./serve.ts')).serve(loadConfig({ DEMO: 'true', ...process.env }));
      case 'serve':
        return await (await import('./serve.ts')).serve(loadConfig());
      case 'migrate': {
        const { createDb, migrateToLatest, restoreIndexes } = await import('../core/db/index.ts');
        const db = createDb(loadConfig().database);
        const r = await migrateToLatest(db.db);
        for (const m of r.results ?? []) console.log(`${m.status}: ${m.migrationName}`);
        if (!r.results?.length) console.log('database is up to date');
        // Indexes an interrupted bulk load set aside (core/db/bulk.ts).
        for (const name of await restoreIndexes(db.db, db.engine)) console.log(`index rebuilt: ${name}`);
        await db.destroy();
        return 0;
      }
      case 'user': {
        const [sub, ...args] = rest;
        const { values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' } } });
        const { userCommand } = await import('./user.ts');
        return await userCommand(loadConfig(), sub, values);
      }
      case 'import': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { files: { type: 'string' }, batch: { type: 'string' }, prerender: { type: 'boolean' } } });
        const { importCommand } = await import('./import.ts');
        return await importCommand(loadConfig(), positionals[0], values);
      }
      case 'export': {
        const { values } = parseArgs({ args: rest, options: { output: { type: 'string', short: 'o' }, latest: { type: 'boolean' }, namespace: { type: 'string' }, title: { type: 'string', multiple: true }, for: { type: 'string' } } });
        const { exportCommand } = await import('./export.ts');
        return await exportCommand(loadConfig(), values);
      }
      case undefined:
      case 'help':
      case '--help':
        console.log(HELP);
        return command ? 0 : 1;
      default:
        console.error(`unknown command: ${command}\n\n${HELP}`);
        return 1;
    }
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}

process.exitCode = await main(process.argv.slice(2));
