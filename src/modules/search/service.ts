import { highlighter } from './highlight.ts';
import { postgresEngine } from './postgres.ts';
import { isEmptyQuery, parseQuery } from './query.ts';
import { rankedPage } from './ranking.ts';
import { sqliteEngine } from './sqlite.ts';
import { deletePage, pageRow, readPages, suggestTitles, writeTitleKeys } from './store.ts';
import type { SearchDb, SearchHit, SearchIndex, SearchQuery } from './types.ts';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
const DEFAULT_SUGGEST_LIMIT = 10;

/** A whole number within [min, max], or `fallback` when `value` is absent or not a number. */
function bounded(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(value)));
}

const INT32 = 2 ** 31;

/** Absent or empty means every namespace; otherwise the distinct 32-bit integers given. */
function namespaceList(namespaces: number[] | undefined): number[] | undefined {
  const list = [...new Set((Array.isArray(namespaces) ? namespaces : []).filter((n) => Number.isInteger(n) && n >= -INT32 && n < INT32))];
  return list.length > 0 ? list : undefined;
}

async function inTransaction(db: SearchDb, fn: (trx: SearchDb) => Promise<void>): Promise<void> {
  if (db.isTransaction) await fn(db);
  else await db.transaction().execute(fn);
}

/**
 * The search index over `db`. Writes run in one transaction (or in the caller's, when `db` is
 * one), so a page is never half indexed.
 */
export function createSearchIndex(db: SearchDb, engine: 'sqlite' | 'postgres'): SearchIndex {
  const fullText = engine === 'postgres' ? postgresEngine : sqliteEngine;
  return {
    async upsert(doc, outer) {
      await inTransaction(outer ?? db, async (trx) => {
        // Most edits keep the title, and some keep the text: only what changed is rewritten.
        const before = await trx.selectFrom('search_pages').select(['namespace', 'full_title', 'body']).where('page_id', '=', doc.pageId).executeTakeFirst();
        const row = pageRow(doc);
        const sameTitle = before?.namespace === row.namespace && before.full_title === row.full_title;
        if (sameTitle && before.body === row.body) return;
        await fullText.write(trx, [doc]);
        if (!sameTitle) await writeTitleKeys(trx, doc);
      });
    },

    async remove(pageId, outer) {
      await inTransaction(outer ?? db, async (trx) => {
        await fullText.erase(trx, pageId);
        await deletePage(trx, pageId);
      });
    },

    async search(query: SearchQuery) {
      const parsed = parseQuery(typeof query.q === 'string' ? query.q : '');
      if (isEmptyQuery(parsed)) return { total: 0, hits: [] };
      const req = { query: parsed, namespaces: namespaceList(query.namespaces) };
      const limit = bounded(query.limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
      const offset = bounded(query.offset, 0, 0, Number.MAX_SAFE_INTEGER);
      const { total, rows } = await rankedPage(fullText, db, req, limit, offset);
      if (rows.length === 0) return { total, hits: [] };
      const pages = new Map((await readPages(db, rows.map((r) => r.pageId))).map((p) => [p.page_id, p]));
      const mark = highlighter(parsed.highlight);
      const hits: SearchHit[] = [];
      for (const r of rows) {
        const page = pages.get(r.pageId);
        if (!page) continue;
        hits.push({
          pageId: r.pageId,
          namespace: page.namespace,
          fullTitle: page.full_title,
          titleHtml: mark.markHtml(page.title),
          snippetHtml: mark.snippetHtml(page.body),
          score: r.score,
          titleMatch: r.titleMatch,
        });
      }
      return { total, hits };
    },

    async suggest(prefix, opts = {}) {
      const limit = bounded(opts.limit, DEFAULT_SUGGEST_LIMIT, 1, MAX_LIMIT);
      return suggestTitles(db, typeof prefix === 'string' ? prefix : '', namespaceList(opts.namespaces), limit);
    },
  };
}
