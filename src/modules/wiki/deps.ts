import type { Clock } from '../../core/clock.ts';
import type { Db, Engine } from '../../core/db/index.ts';
import type { EventBus, Executor } from '../../core/events.ts';
import type { Actor } from '../../core/actor.ts';
import type { RenderFile, Title } from '../markup/index.ts';

/** Looks up the uploaded files a page embeds, by title key; provided by the files module (without it every embed is a red link). */
export type FileLookup = (db: Executor, keys: readonly string[]) => Promise<ReadonlyMap<string, RenderFile>>;

/**
 * Another module's say on who may write a page of its namespace (the network: a `Personne:` page
 * exists only for a person with a public profile). Returns the i18n key of the refusal, or
 * undefined to let the wiki's own rules decide. Runs in the write's transaction.
 */
export type SaveGuard = (db: Executor, actor: Actor, title: Title) => Promise<string | undefined>;

export interface WikiDeps {
  db: Db;
  engine: Engine;
  clock: Clock;
  events: EventBus;
  files?: FileLookup;
  /** Whether any uploaded file exists (bulk renders skip file lookups when none does). Without it, assumed. */
  anyFile?: (db: Executor) => Promise<boolean>;
  /** Guards by namespace, checked on save, on a move into the namespace and on undelete. */
  saveGuards?: ReadonlyMap<number, SaveGuard>;
}
