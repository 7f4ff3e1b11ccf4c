import type { Clock } from '../../core/clock.ts';
import type { Db, Engine } from '../../core/db/index.ts';
import type { EventBus } from '../../core/events.ts';

export interface WikiDeps {
  db: Db;
  engine: Engine;
  clock: Clock;
  events: EventBus;
}
