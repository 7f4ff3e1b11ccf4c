import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../core/db/index.ts';
import type { Mailer } from '../../core/mail/index.ts';

export interface AccountsDeps {
  db: Db;
  clock: Clock;
  mailer: Mailer;
  /** Absolute base URL for links sent by mail or printed on the console. */
  publicUrl: string;
}
