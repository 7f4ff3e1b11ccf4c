import { sql } from 'kysely';
import type { Actor } from '../../../core/actor.ts';
import type { Executor } from '../../../core/events.ts';
import { DEFAULT_LOCALE, translate } from '../../../core/i18n/index.ts';
import type { Title } from '../../markup/index.ts';
import { logActions, sha1Base36, updateLogEntry, type ImportedPage, type ImportedRevision } from '../../wiki/index.ts';
import type { TransferDeps } from '../types.ts';

/** One revision read from the dump, mapped, waiting for its batch. */
export interface PendingRevision {
  sourceId: number | undefined;
  sourceParentId: number | undefined;
  /** Not the first revision of its page in the dump. */
  hasPrevious: boolean;
  authorName: string;
  createdAt: number;
  summary: string;
  minor: boolean;
  model: ImportedRevision['model'];
  content: string;
  /** sha1Base36(content), if known. */
  sha1?: string;
  /** UTF-8 length of the content, if known. */
  size?: number;
}

export interface PendingPage {
  title: Title;
  revisions: PendingRevision[];
}

/** Local user ids by name, looked up once per name (bounded: a dump may name many people). */
function userCache(limit = 50_000) {
  const known = new Map<string, number | null>();
  return {
    async resolve(db: Executor, names: Iterable<string>): Promise<Map<string, number | null>> {
      const missing = [...new Set(names)].filter((n) => !known.has(n));
      for (let i = 0; i < missing.length; i += 500) {
        const chunk = missing.slice(i, i + 500);
        const rows = await db.selectFrom('users').select(['id', 'name']).where('name', 'in', chunk).execute();
        if (known.size + chunk.length > limit) known.clear();
        for (const n of chunk) known.set(n, null);
        for (const r of rows) known.set(r.name, r.id);
      }
      return known;
    },
  };
}

/** A content key for revisions without an id (very old dumps): their SHA-1 and time. */
function syntheticId(r: PendingRevision): number {
  const h = sha1Base36(`${r.createdAt}|${r.content}`);
  return -Number.parseInt(h.slice(0, 10), 36);
}

/**
 * Writes batches of pages in one transaction each: skips the revisions already imported from
 * this source (transfer_revisions), resolves parents and local authors, adds the rest through
 * the wiki's bulk command, and records what became of each source revision and which pages this
 * import touched (they are rendered and indexed at the end).
 */
export function batchWriter(deps: TransferDeps, actor: Actor, importId: number, source: () => string) {
  const users = userCache();
  return async function writeBatch(trx: Executor, pages: readonly PendingPage[]): Promise<{ added: number; skipped: number; pageIds: number[] }> {
    const src = source();
    const idOf = (r: PendingRevision) => r.sourceId ?? syntheticId(r);
    const wanted = new Set<number>();
    for (const p of pages) for (const r of p.revisions) {
      wanted.add(idOf(r));
      if (r.sourceParentId !== undefined) wanted.add(r.sourceParentId);
    }
    const local = new Map<number, number>();
    const ids = [...wanted];
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await trx.selectFrom('transfer_revisions').select(['source_rev_id', 'rev_id']).where('source', '=', src).where('source_rev_id', 'in', ids.slice(i, i + 500)).execute();
      for (const r of rows) local.set(Number(r.source_rev_id), r.rev_id);
    }
    const authors = await users.resolve(trx, pages.flatMap((p) => p.revisions.map((r) => r.authorName)));
    let skipped = 0;
    const seen = new Set<number>();
    const input: ImportedPage[] = [];
    const kept: PendingRevision[][] = [];
    for (const p of pages) {
      const revs = p.revisions.filter((r) => {
        const id = idOf(r);
        if (local.has(id) || seen.has(id)) { skipped++; return false; }
        seen.add(id);
        return true;
      });
      kept.push(revs);
      input.push({
        title: p.title,
        revisions: revs.map((r) => ({
          parent: r.sourceParentId !== undefined && local.has(r.sourceParentId) ? local.get(r.sourceParentId)! : r.sourceParentId !== undefined || r.hasPrevious ? 'previous' : null,
          userId: authors.get(r.authorName) ?? null, authorName: r.authorName, createdAt: r.createdAt, summary: r.summary, minor: r.minor, model: r.model, content: r.content, sha1: r.sha1, size: r.size,
        })),
      });
    }
    const { pageIds, revIds, sha1s } = await deps.wiki.importRevisions(trx, actor, input);
    // Pages whose revisions were all there already still exist: find them for rendering.
    const missing = pages.flatMap((p, i) => (pageIds[i] ? [] : [{ i, p }]));
    for (const { i, p } of missing) {
      const page = await trx.selectFrom('pages').select('id').where('namespace', '=', p.title.namespace).where('title', '=', p.title.text.replace(/ /g, '_')).where('deleted_at', 'is', null).executeTakeFirst();
      if (page) pageIds[i] = page.id;
    }
    const links = kept.flatMap((revs, i) => revs.map((r, k) => ({ source: src, source_rev_id: idOf(r), rev_id: revIds[i]![k]!, sha1: sha1s[i]![k]! })));
    for (let i = 0; i < links.length; i += 500) {
      await trx.insertInto('transfer_revisions').values(links.slice(i, i + 500)).onConflict((oc) => oc.columns(['source', 'source_rev_id']).doNothing()).execute();
    }
    const logIds = await logImportedPages(deps, trx, actor, importId, pages, pageIds, kept);
    const touched = [...new Set(pageIds.filter((id) => id > 0))].map((page_id) => ({ import_id: importId, page_id, log_id: logIds.get(page_id) ?? null }));
    for (let i = 0; i < touched.length; i += 500) {
      await trx.insertInto('transfer_import_pages').values(touched.slice(i, i + 500))
        .onConflict((oc) => oc.columns(['import_id', 'page_id']).doUpdateSet({ log_id: sql<number | null>`coalesce(transfer_import_pages.log_id, excluded.log_id)` })).execute();
    }
    return { added: links.length, skipped, pageIds };
  };
}

/** The import log's comment, in the wiki's content language, as MediaWiki's « N révisions importées ». */
function importComment(revisions: number): string {
  return translate(DEFAULT_LOCALE, revisions === 1 ? 'transfer.log.revisions.one' : 'transfer.log.revisions.other', { count: revisions });
}

/**
 * One `import/upload` log entry (and recent-changes line) per page that got revisions, written
 * in bulk with the batch. A page whose entry this import already wrote (cut across batches) has
 * its count updated instead; revisions a re-run skips add nothing. Returns the new entries' ids by page.
 */
async function logImportedPages(deps: TransferDeps, trx: Executor, actor: Actor, importId: number, pages: readonly PendingPage[], pageIds: readonly number[], kept: readonly PendingRevision[][]): Promise<Map<number, number>> {
  const added = new Map<number, { title: Title; count: number }>();
  kept.forEach((revs, i) => {
    const id = pageIds[i]!;
    if (id <= 0 || revs.length === 0) return;
    added.set(id, { title: pages[i]!.title, count: (added.get(id)?.count ?? 0) + revs.length });
  });
  const ids = [...added.keys()];
  const existing = new Map<number, number>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await trx.selectFrom('transfer_import_pages').select(['page_id', 'log_id']).where('import_id', '=', importId).where('page_id', 'in', ids.slice(i, i + 500)).where('log_id', 'is not', null).execute();
    for (const r of rows) existing.set(r.page_id, r.log_id!);
  }
  if (existing.size > 0) {
    const logs = await trx.selectFrom('logs').select(['id', 'params']).where('id', 'in', [...existing.values()]).execute();
    const before = new Map(logs.map((l) => [l.id, Number((JSON.parse(l.params) as { revisions?: number }).revisions ?? 0)]));
    for (const [pageId, logId] of existing) {
      const total = (before.get(logId) ?? 0) + added.get(pageId)!.count;
      await updateLogEntry(trx, logId, importComment(total), { revisions: total });
    }
  }
  const fresh = ids.filter((id) => !existing.has(id));
  const logIds = await logActions(trx, { type: 'import', action: 'upload', actor, now: deps.clock.now() }, fresh.map((id) => {
    const { title, count } = added.get(id)!;
    return { title, pageId: id, comment: importComment(count), params: { revisions: count } };
  }));
  return new Map(fresh.map((id, k) => [id, logIds[k]!]));
}
