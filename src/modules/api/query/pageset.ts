import { parseTitle, redirectTarget, type Title } from '../../markup/index.ts';
import type { Page } from '../../wiki/index.ts';
import type { ApiCall } from '../context.ts';
import { ApiError, apiErrors } from '../errors.ts';

/** One entry of query.pages: an existing page, or why there is none. */
export type PageEntry =
  | { kind: 'page'; page: Page }
  | { kind: 'missing'; title: Title }
  | { kind: 'special'; title: Title }
  | { kind: 'invalid'; title: string; reason: string }
  | { kind: 'missingid'; pageid: number };

export interface PageSet {
  entries: PageEntry[];
  normalized: Array<{ fromencoded: boolean; from: string; to: string }>;
  redirects: Array<{ from: string; to: string; tofragment?: string }>;
  /** Revision ids asked for with `revids`, by page id. */
  revids?: Map<number, number[]>;
  badrevids?: number[];
}

const TITLE_REASONS: Record<string, string> = {
  'title.empty': 'The requested page title is empty or contains only the name of a namespace.',
  'title.namespace_only': 'The requested page title is empty or contains only the name of a namespace.',
  'title.too_long': 'The requested page title is too long. It must be no longer than 255 bytes in UTF-8 encoding.',
  'title.relative': 'Title has relative path. Relative page titles (./, ../) are invalid, because they will often be unreachable when handled by user\'s browser.',
  'title.interwiki': 'The requested page title contains an interwiki prefix.',
};

export function invalidReason(error: string, char?: string): string {
  return TITLE_REASONS[error] ?? `The requested page title contains invalid characters: "${char ?? ''}".`;
}

function multiLimit(call: ApiCall, name: string, values: string[]): string[] {
  const max = call.rights.has('apihighlimits') ? 500 : 50;
  if (values.length > max) throw new ApiError('toomanyvalues', `Too many values supplied for parameter "${name}". The limit is ${max}.`, { limit: max });
  return values;
}

/** Resolves `titles`, `pageids` or `revids` (one of them), following redirects when `redirects` is set. */
export async function resolvePageSet(call: ApiCall): Promise<PageSet | undefined> {
  const p = call.params;
  const given = (['titles', 'pageids', 'revids'] as const).filter((n) => p.has(n));
  if (given.length === 0) return undefined;
  if (given.length > 1) throw apiErrors.onlyOne(given);
  const q = call.deps.wiki.apiQueries;
  const set: PageSet = { entries: [], normalized: [], redirects: [] };

  if (given[0] === 'titles') {
    const seen = new Set<string>();
    const wanted: Title[] = [];
    for (const raw of multiLimit(call, 'titles', p.list('titles'))) {
      const r = parseTitle(raw);
      if (!r.ok) {
        set.entries.push({ kind: 'invalid', title: raw, reason: invalidReason(r.error, r.char) });
        continue;
      }
      const t = r.title;
      if (t.full !== raw) set.normalized.push({ fromencoded: false, from: raw, to: t.full });
      if (seen.has(t.key)) continue;
      seen.add(t.key);
      if (t.namespace < 0) set.entries.push({ kind: 'special', title: t });
      else wanted.push(t);
    }
    const pages = new Map((await q.pagesByTitles(wanted)).map((pg) => [pg.title.key, pg]));
    for (const t of wanted) {
      const pg = pages.get(t.key);
      set.entries.push(pg ? { kind: 'page', page: pg } : { kind: 'missing', title: t });
    }
  } else if (given[0] === 'pageids') {
    const ids: number[] = [];
    for (const v of multiLimit(call, 'pageids', p.list('pageids'))) {
      if (!/^\d{1,15}$/.test(v)) throw apiErrors.badInteger('pageids', v);
      if (!ids.includes(Number(v))) ids.push(Number(v));
    }
    const pages = new Map((await q.pagesByIds(ids)).map((pg) => [pg.id, pg]));
    for (const id of ids) {
      const pg = pages.get(id);
      set.entries.push(pg ? { kind: 'page', page: pg } : { kind: 'missingid', pageid: id });
    }
  } else {
    const ids: number[] = [];
    for (const v of multiLimit(call, 'revids', p.list('revids'))) {
      if (!/^\d{1,15}$/.test(v)) throw apiErrors.badInteger('revids', v);
      if (!ids.includes(Number(v))) ids.push(Number(v));
    }
    const revs = await q.revisionsByIds(ids);
    const pages = new Map((await q.pagesByIds([...new Set(revs.map((r) => r.pageId))])).map((pg) => [pg.id, pg]));
    set.revids = new Map();
    set.badrevids = [];
    for (const id of ids) {
      const rev = revs.find((r) => r.id === id);
      const pg = rev ? pages.get(rev.pageId) : undefined;
      if (!rev || !pg) {
        set.badrevids.push(id);
        continue;
      }
      if (!set.revids.has(pg.id)) {
        set.revids.set(pg.id, []);
        set.entries.push({ kind: 'page', page: pg });
      }
      set.revids.get(pg.id)!.push(id);
    }
    return set;
  }

  if (p.bool('redirects')) await followRedirects(call, set);
  return set;
}

/** Replaces redirect pages by their targets (one hop, as MediaWiki), recording `redirects`. */
async function followRedirects(call: ApiCall, set: PageSet): Promise<void> {
  const q = call.deps.wiki.apiQueries;
  const redirects = set.entries.filter((e): e is { kind: 'page'; page: Page } => e.kind === 'page' && e.page.isRedirect);
  if (redirects.length === 0) return;
  const revs = new Map((await q.revisionsByIds(redirects.map((e) => e.page.latestRevId))).map((r) => [r.pageId, r]));
  const targets = new Map<number, Title>();
  for (const e of redirects) {
    const rev = revs.get(e.page.id);
    const target = rev ? redirectTarget(rev.content, rev.contentModel) : undefined;
    if (target && target.namespace >= 0) targets.set(e.page.id, target);
  }
  const found = new Map((await q.pagesByTitles([...targets.values()])).map((pg) => [pg.title.key, pg]));
  const seen = new Set(set.entries.flatMap((e) => (e.kind === 'page' ? [e.page.title.key] : e.kind === 'missing' ? [e.title.key] : [])));
  const out: PageEntry[] = [];
  for (const e of set.entries) {
    const target = e.kind === 'page' ? targets.get(e.page.id) : undefined;
    if (e.kind !== 'page' || !target) {
      out.push(e);
      continue;
    }
    set.redirects.push({ from: e.page.title.full, to: target.full, ...(target.fragment ? { tofragment: target.fragment } : {}) });
    seen.delete(e.page.title.key);
    if (seen.has(target.key)) continue;
    seen.add(target.key);
    const pg = found.get(target.key);
    out.push(pg ? { kind: 'page', page: pg } : { kind: 'missing', title: target });
  }
  set.entries = out;
}

/** The entry as printed in query.pages, before props add their fields. */
export function entryBase(e: PageEntry): Record<string, unknown> {
  switch (e.kind) {
    case 'page':
      return { pageid: e.page.id, ns: e.page.title.namespace, title: e.page.title.full };
    case 'missing':
      return { ns: e.title.namespace, title: e.title.full, missing: true };
    case 'special':
      return { ns: e.title.namespace, title: e.title.full, special: true, missing: true };
    case 'invalid':
      return { title: e.title, invalidreason: e.reason, invalid: true };
    case 'missingid':
      return { pageid: e.pageid, missing: true };
  }
}
