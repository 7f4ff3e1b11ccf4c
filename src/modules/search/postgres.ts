import { sql, type RawBuilder } from 'kysely';
import type { ParsedQuery } from './query.ts';
import { pageRow } from './store.ts';
import { MAX_INDEXED_CHARS, normalizeForSearch } from './text.ts';
import type { FullTextEngine, MatchRequest, SearchDb, SearchDocument } from './types.ts';

/**
 * PostgreSQL: `search_pages.tsv` = title (weight A) || body (weight B) and `title_tsv` through
 * the `maillage_french` configuration (unaccent, french_stem, French stop words), both
 * GIN-indexed, ranked by ts_rank_cd.
 * Text goes in folded and cut into words by `normalizeForSearch`, as on SQLite: the default
 * parser already splits elisions and unaccent maps œ -> oe, but it keeps hyphenated compounds,
 * URLs and host names as extra tokens; pre-cutting in JS makes both engines see the same words.
 */
const CONFIG = sql`'maillage_french'::regconfig`;
/** ts_rank_cd weights {D, C, B, A}: title (A) five times the body (B). */
const WEIGHTS = sql`'{0.1, 0.2, 0.2, 1.0}'::float4[]`;

export const postgresEngine: FullTextEngine = {
  async write(db, docs) {
    // 8 parameters a row: statements of 100 rows stay far under PostgreSQL's 65,535.
    for (let i = 0; i < docs.length; i += 100) await writeRows(db, docs.slice(i, i + 100));
  },

  async erase() {
    // The tsvectors live in the search_pages row: nothing else to remove.
  },

  async count(db, req, group) {
    const column = group === 'title' ? sql`p.title_tsv` : sql`p.tsv`;
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from search_pages p where ${column} @@ ${tsquery(req.query)} ${namespaceFilter(req)}`.execute(db);
    return rows[0]?.n ?? 0;
  },

  async rank(db, req, group, limit, offset) {
    // `title_tsv` is small: title matches are found and flagged without reading the large `tsv`.
    const q = tsquery(req.query);
    const { rows } = await sql<{ page_id: number; score: number; title_match: boolean }>`
      select p.page_id, ts_rank_cd(${WEIGHTS}, p.tsv, ${q}) as score, p.title_tsv @@ ${q} as title_match
      from search_pages p where ${group === 'title' ? sql`p.title_tsv` : sql`p.tsv`} @@ ${q} ${namespaceFilter(req)}
      order by title_match desc, score desc, p.page_id
      limit ${limit} offset ${offset}`.execute(db);
    return rows.map((r) => ({ pageId: r.page_id, score: Number(r.score), titleMatch: r.title_match }));
  },
};

/** Every clause required: words through plainto_tsquery, phrases through phraseto_tsquery. */
function tsquery(query: ParsedQuery): RawBuilder<unknown> {
  const parts = query.clauses.map((c) =>
    c.phrase ? sql`phraseto_tsquery(${CONFIG}, ${c.words.join(' ')}::text)` : sql`plainto_tsquery(${CONFIG}, ${c.words.join(' ')}::text)`,
  );
  return sql`(${sql.join(parts, sql` && `)})`;
}

function namespaceFilter(req: MatchRequest) {
  return req.namespaces ? sql`and p.namespace in (${sql.join(req.namespaces)})` : sql``;
}

/** search_pages rows with their tsvectors, in one statement. */
async function writeRows(db: SearchDb, docs: readonly SearchDocument[]): Promise<void> {
  const rows = docs.map((doc) => {
    const row = pageRow(doc);
    const title = normalizeForSearch(doc.title);
    const body = normalizeForSearch(doc.text.slice(0, MAX_INDEXED_CHARS));
    return sql`(${row.page_id}, ${row.namespace}, ${row.title}, ${row.full_title}, ${row.body}, to_tsvector(${CONFIG}, ${title}::text),
      setweight(to_tsvector(${CONFIG}, ${title}::text), 'A') || setweight(to_tsvector(${CONFIG}, ${body}::text), 'B'))`;
  });
  await sql`
    insert into search_pages (page_id, namespace, title, full_title, body, title_tsv, tsv)
    values ${sql.join(rows)}
    on conflict (page_id) do update set namespace = excluded.namespace, title = excluded.title,
      full_title = excluded.full_title, body = excluded.body, title_tsv = excluded.title_tsv, tsv = excluded.tsv`.execute(db);
}
