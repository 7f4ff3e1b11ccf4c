import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../core/db/index.ts';
import type { EventBus } from '../../core/events.ts';
import type { Wiki } from '../wiki/index.ts';
import type { FileStore } from './types.ts';

export interface FilesDeps {
  db: Db;
  clock: Clock;
  events: EventBus;
  /** Where the bytes go (disk or database, chosen by the composition root). */
  store: FileStore;
  /** Description pages are wiki pages, saved through the wiki's own command. */
  wiki: Wiki;
  /** Largest upload accepted, in bytes. */
  maxBytes: number;
}
