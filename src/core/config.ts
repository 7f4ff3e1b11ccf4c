import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/** Configuration read once from the environment, validated, then frozen. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  /** PostgreSQL connection string; when absent Maillage uses the embedded SQLite file. */
  DATABASE_URL: z.string().startsWith('postgres').optional(),
  DATA_DIR: z.string().default('./data'),
  TRUST_PROXY: z.stringbool().default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Maillage <no-reply@localhost>'),
  /** Load the demo network on start (the `start` command sets it). */
  DEMO: z.stringbool().default(false),
  /** Web worker processes sharing the port (node:cluster); default: one per core, at most 4. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  /** Where uploaded files live: `disk` (DATA_DIR/files) or `database`; default disk on SQLite, database on PostgreSQL. */
  FILE_STORAGE: z.enum(['disk', 'database']).optional(),
  /** Largest upload accepted, in megabytes. */
  UPLOAD_MAX_MB: z.coerce.number().positive().max(1024).default(10),
});

export type Config = Readonly<{
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  dataDir: string;
  trustProxy: boolean;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  smtpUrl: string | undefined;
  mailFrom: string;
  demo: boolean;
  /** Chosen file store; undefined = by engine (disk on SQLite, database on PostgreSQL, so instances share files). */
  fileStorage: 'disk' | 'database' | undefined;
  uploadMaxBytes: number;
  webConcurrency: number;
}>;

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return Object.freeze({
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    database: e.DATABASE_URL
      ? { kind: 'postgres' as const, url: e.DATABASE_URL }
      : { kind: 'sqlite' as const, file: path.join(dataDir, 'maillage.sqlite') },
    dataDir,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    demo: e.DEMO,
    fileStorage: e.FILE_STORAGE,
    uploadMaxBytes: Math.round(e.UPLOAD_MAX_MB * 1024 * 1024),
    webConcurrency: e.WEB_CONCURRENCY ?? Math.min(4, availableParallelism()),
  });
}
