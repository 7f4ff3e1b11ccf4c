/** Search module: full-text search over wiki pages (SQLite FTS5 or PostgreSQL text search). */
export { createSearchIndex } from './service.ts';
export { fold, isStopWord, normalizeForSearch, stem, tokens } from './text.ts';
export type { SearchDocument, SearchHit, SearchIndex, SearchQuery, Suggestion } from './types.ts';
export { searchFeed, htmlToText, type ExtraText } from './feed.ts';
export { searchPage, suggestRoute } from './routes.tsx';
export { indexPagesBatch } from './batch.ts';
/** The autocomplete index over title keys: a bulk load may build it afterwards (core/db/bulk.ts). */
export const TITLE_KEY_INDEXES = ['search_title_keys_key'] as const;
