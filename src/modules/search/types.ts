import type { Kysely } from 'kysely';
import type { Database } from '../../core/db/index.ts';
import type { ParsedQuery } from './query.ts';

export interface SearchDocument {
  pageId: number;
  namespace: number;
  /** Display title without namespace prefix, e.g. "Procédures d'accueil". */
  title: string;
  /** With namespace prefix, e.g. "Aide:Procédures". */
  fullTitle: string;
  /** Plain text of the page (the wiki strips markup before calling). */
  text: string;
  /**
   * `analyze(text.slice(0, MAX_INDEXED_CHARS))` when the caller already has it (an import's
   * render workers compute it): SQLite's full-text body. Ignored by PostgreSQL.
   */
  analyzedText?: string;
}

export interface SearchHit {
  pageId: number;
  namespace: number;
  fullTitle: string;
  /** Title, HTML-escaped, matched words in <mark>. */
  titleHtml: string;
  /** About 200 characters of text around the best match, HTML-escaped, matched words in <mark>. */
  snippetHtml: string;
  /** Engine-specific relevance, higher is better: compare only within one result list. */
  score: number;
  /** Every clause of the query matches the title; such hits come first. */
  titleMatch: boolean;
}

export interface SearchQuery {
  q: string;
  /** Restrict to these namespaces; absent or empty means all. */
  namespaces?: number[];
  /** Default 20, at most 100. */
  limit?: number;
  offset?: number;
}

export interface Suggestion {
  pageId: number;
  namespace: number;
  fullTitle: string;
}

export interface SearchIndex {
  /** Adds or replaces the page (idempotent); inside `trx` when given (an event's transaction). */
  upsert(doc: SearchDocument, trx?: SearchDb): Promise<void>;
  remove(pageId: number, trx?: SearchDb): Promise<void>;
  /** All words required; title matches first, then by relevance. Never throws on user input. */
  search(query: SearchQuery): Promise<{ total: number; hits: SearchHit[] }>;
  /** Title autocomplete: accent/case-insensitive prefix of the title or of any word of it. */
  suggest(prefix: string, opts?: { namespaces?: number[]; limit?: number }): Promise<Suggestion[]>;
}

export type SearchDb = Kysely<Database>;

/** One ranked match, before the page row is read. */
export interface RankedRow {
  pageId: number;
  score: number;
  /** Every clause matches in the title. */
  titleMatch: boolean;
}

export interface MatchRequest {
  query: ParsedQuery;
  namespaces: number[] | undefined;
}

/**
 * What differs between engines: writing the full-text index and querying it.
 * A page's score is the same whichever group it is ranked in, so pages of results agree.
 */
export interface FullTextEngine {
  /** Inserts or replaces the `search_pages` rows and the full-text entries of these pages (at most ~100). */
  write(db: SearchDb, docs: readonly SearchDocument[]): Promise<void>;
  /** Removes the full-text entry kept outside `search_pages`, if any. */
  erase(db: SearchDb, pageId: number): Promise<void>;
  /** Pages where every clause matches in the title (`title`) or anywhere (`any`). */
  count(db: SearchDb, req: MatchRequest, group: 'title' | 'any'): Promise<number>;
  /**
   * One page of matches, title matches first, then best score first, then by page id;
   * `title` ranks the title matches only (cheaper when they fill the page).
   */
  rank(db: SearchDb, req: MatchRequest, group: 'title' | 'any', limit: number, offset: number): Promise<RankedRow[]>;
}
