import { sql } from 'kysely';
import { fts5Expression } from './query.ts';
import { pageRow } from './store.ts';
import { analyze, MAX_INDEXED_CHARS } from './text.ts';
import type { FullTextEngine, MatchRequest } from './types.ts';

/** bm25 column weights (title, body): a title word counts as much as ten body words. */
const TITLE_WEIGHT = 10;
const BODY_WEIGHT = 1;
/** Rows per statement (5 parameters each for search_pages, 3 for search_fts): well under SQLite's limit of 32,766. */
const CHUNK = 100;
const FTS_CHUNK = 1000;

/**
 * SQLite: contentless FTS5 table `search_fts` (rowid = page_id) indexing the analysed title and body
 * (folded, stop words dropped, Snowball-stemmed by `analyze`), ranked by bm25.
 */
export const sqliteEngine: FullTextEngine = {
  async write(db, docs) {
    for (let i = 0; i < docs.length; i += CHUNK) {
      await db
        .insertInto('search_pages')
        .values(docs.slice(i, i + CHUNK).map(pageRow))
        .onConflict((oc) => oc.column('page_id').doUpdateSet((eb) => ({
          namespace: eb.ref('excluded.namespace'), title: eb.ref('excluded.title'), full_title: eb.ref('excluded.full_title'), body: eb.ref('excluded.body'),
        })))
        .execute();
    }
    // FTS5 writes its pending terms to disk at each statement's savepoint: its statements come
    // last, and as few as the parameter limit allows (each would otherwise make a segment).
    for (let i = 0; i < docs.length; i += FTS_CHUNK) {
      const chunk = docs.slice(i, i + FTS_CHUNK);
      await sql`delete from search_fts where rowid in (${sql.join(chunk.map((d) => d.pageId))})`.execute(db);
    }
    for (let i = 0; i < docs.length; i += FTS_CHUNK) {
      const rows = docs.slice(i, i + FTS_CHUNK).map((d) => sql`(${d.pageId}, ${analyze(d.title)}, ${d.analyzedText ?? analyze(d.text.slice(0, MAX_INDEXED_CHARS))})`);
      await sql`insert into search_fts (rowid, title, body) values ${sql.join(rows)}`.execute(db);
    }
  },

  async erase(db, pageId) {
    await sql`delete from search_fts where rowid = ${pageId}`.execute(db);
  },

  async count(db, req, group) {
    const expr = group === 'title' ? fts5Expression(req.query, 'title') : fts5Expression(req.query);
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from search_fts ${namespaceJoin(req)}
      where search_fts match ${expr} ${namespaceFilter(req)}`.execute(db);
    return rows[0]?.n ?? 0;
  },

  async rank(db, req, group, limit, offset) {
    // The score is bm25 of the whole query in both groups. `+rowid` keeps SQLite from driving
    // the title subquery row by row into FTS5 (one full-text lookup per title match).
    const inTitle = sql`+search_fts.rowid in (select rowid from search_fts where search_fts match ${fts5Expression(req.query, 'title')})`;
    const { rows } = await sql<{ page_id: number; score: number; title_match: number }>`
      select search_fts.rowid as page_id, -bm25(search_fts, ${sql.lit(TITLE_WEIGHT)}, ${sql.lit(BODY_WEIGHT)}) as score,
        ${group === 'title' ? sql`1` : inTitle} as title_match
      from search_fts ${namespaceJoin(req)}
      where search_fts match ${fts5Expression(req.query)} ${namespaceFilter(req)} ${group === 'title' ? sql`and ${inTitle}` : sql``}
      order by title_match desc, score desc, page_id
      limit ${limit} offset ${offset}`.execute(db);
    return rows.map((r) => ({ pageId: r.page_id, score: r.score, titleMatch: r.title_match === 1 }));
  },
};

function namespaceJoin(req: MatchRequest) {
  return req.namespaces ? sql`join search_pages p on p.page_id = search_fts.rowid` : sql``;
}

function namespaceFilter(req: MatchRequest) {
  return req.namespaces ? sql`and p.namespace in (${sql.join(req.namespaces)})` : sql``;
}
