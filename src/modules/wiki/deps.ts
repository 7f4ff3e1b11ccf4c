import type { Clock } from '../../core/clock.ts';
import type { Db, Engine } from '../../core/db/index.ts';
import type { EventBus, Executor } from '../../core/events.ts';
import type { RenderFile } from '../markup/index.ts';

/** Looks up the uploaded files a page embeds, by title key; provided by the files module (without it every embed is a red link). */
export type FileLookup = (db: Executor, keys: readonly string[]) => Promise<ReadonlyMap<string, RenderFile>>;

export interface WikiDeps {
  db: Db;
  engine: Engine;
  clock: Clock;
  events: EventBus;
  files?: FileLookup;
}
