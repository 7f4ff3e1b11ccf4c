import type { LoggerOptions } from 'pino';
import type { Config } from './config.ts';

/** pino options shared by the server and the CLI; secrets never reach the logs. */
export function loggerOptions(config: Pick<Config, 'logLevel' | 'env'>): LoggerOptions {
  return {
    level: config.logLevel,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password'],
      censor: '[redacted]',
    },
  };
}
