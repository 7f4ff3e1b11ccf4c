import type { ApiCall } from '../context.ts';
import type { Params } from '../params.ts';
import type { PageEntry, PageSet } from './pageset.ts';

/** A page of query.pages being built: the entry and the object printed for it. */
export interface PageOut {
  entry: PageEntry;
  out: Record<string, unknown>;
}

interface Submodule {
  name: string;
  /** MediaWiki's parameter prefix (rv, rc, ap…). */
  prefix: string;
  parameters: readonly string[];
}

/** list=…: its items go to query[name]; `cont` into the continue object. */
export interface ListModule extends Submodule {
  run(call: ApiCall, p: Params): Promise<{ items: unknown[]; cont?: Record<string, string>; extra?: Record<string, unknown> }>;
}

/** meta=…: its fields are merged into query. */
export interface MetaModule extends Submodule {
  run(call: ApiCall, p: Params): Promise<Record<string, unknown>>;
}

/** prop=…: adds fields to the pages; `cont` when it stopped part-way. */
export interface PropModule extends Submodule {
  run(call: ApiCall, p: Params, pages: PageOut[], set: PageSet): Promise<{ cont?: Record<string, string> }>;
}
