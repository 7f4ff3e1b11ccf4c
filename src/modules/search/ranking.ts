import type { FullTextEngine, MatchRequest, RankedRow, SearchDb } from './types.ts';

export interface RankedPage {
  rows: RankedRow[];
  /** Every match, also when `offset` is past the last one. */
  total: number;
}

/**
 * Title matches first, then body-only matches, each by relevance.
 * Ranking costs per matching row on both engines (bm25, ts_rank_cd) and a common word matches
 * thousands of pages, few of them in the title: when title matches fill the requested page,
 * only they are ranked.
 */
export async function rankedPage(engine: FullTextEngine, db: SearchDb, req: MatchRequest, limit: number, offset: number): Promise<RankedPage> {
  const titleCount = await engine.count(db, req, 'title');
  if (titleCount >= offset + limit) {
    return { rows: await engine.rank(db, req, 'title', limit, offset), total: await engine.count(db, req, 'any') };
  }
  const rows = await engine.rank(db, req, 'any', limit, offset);
  // A short page ends the matches, unless it is empty because `offset` is past the end.
  const last = rows.length < limit && (rows.length > 0 || offset === 0);
  return { rows, total: last ? offset + rows.length : await engine.count(db, req, 'any') };
}
