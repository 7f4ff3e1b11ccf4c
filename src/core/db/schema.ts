import type { Generated } from 'kysely';

/**
 * Table shapes as both engines store them. Times are epoch milliseconds (bigint),
 * flags are 0/1 integers, so SQLite and PostgreSQL rows compare and sort alike.
 */
export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string | null;
  role: string;
  locale: string | null;
  created_at: number;
  failed_logins: Generated<number>;
  locked_until: number | null;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  created_at: number;
  expires_at: number;
  last_seen_at: number;
  user_agent: string | null;
}

export interface TokensTable {
  id: string;
  kind: 'reset' | 'setup' | 'invite';
  user_id: number | null;
  email: string | null;
  role: string | null;
  created_by: number | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface SettingsTable {
  key: string;
  value: string;
}

/** Indexes dropped for a bulk load, until core/db/bulk.ts builds them again. */
export interface DeferredIndexesTable {
  name: string;
  /** The CREATE INDEX statement, as the engine's catalog gave it. */
  ddl: string;
}

export interface RateLimitsTable {
  key: string;
  window_start: number;
  count: number;
}

export interface PagesTable {
  id: Generated<number>;
  namespace: number;
  title: string;
  latest_rev_id: number | null;
  content_model: string;
  is_redirect: Generated<number>;
  length: Generated<number>;
  created_at: number;
  touched_at: number;
  protect_edit: string | null;
  deleted_at: number | null;
}

export interface RevisionsTable {
  id: Generated<number>;
  page_id: number;
  parent_id: number | null;
  user_id: number | null;
  author_name: string;
  created_at: number;
  summary: Generated<string>;
  minor: Generated<number>;
  size: number;
  sha1: string;
  content_model: string;
  content: string;
}

export interface PageRendersTable {
  page_id: number;
  rev_id: number;
  html: string;
  toc: string;
  headings: string;
  rendered_at: number;
}

export interface PageLinksTable {
  from_page_id: number;
  to_namespace: number;
  to_title: string;
}

export interface CategoryLinksTable {
  from_page_id: number;
  category: string;
  sort_key: string;
}

export type TemplateLinksTable = PageLinksTable;

export interface LogsTable {
  id: Generated<number>;
  type: string;
  action: string;
  created_at: number;
  user_id: number | null;
  author_name: string;
  namespace: number;
  title: string;
  page_id: number | null;
  comment: Generated<string>;
  params: Generated<string>;
}

export interface RecentChangesTable {
  id: Generated<number>;
  created_at: number;
  kind: 'new' | 'edit' | 'log';
  namespace: number;
  title: string;
  page_id: number | null;
  rev_id: number | null;
  old_rev_id: number | null;
  user_id: number | null;
  author_name: string;
  summary: Generated<string>;
  minor: Generated<number>;
  bot: Generated<number>;
  old_size: number | null;
  new_size: number | null;
  log_id: number | null;
}

export interface WatchlistTable {
  user_id: number;
  namespace: number;
  title: string;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  created_at: number;
  kind: string;
  namespace: number;
  title: string;
  rev_id: number | null;
  actor_name: string;
  read_at: number | null;
}

export interface EventsTable {
  id: Generated<number>;
  type: string;
  payload: string;
  created_at: number;
  claimed_at: number | null;
  processed_at: number | null;
  attempts: Generated<number>;
  last_error: string | null;
}

/** Search module: one row per indexed page (PostgreSQL adds `tsv` and `title_tsv` columns, SQLite an FTS5 table). */
export interface SearchPagesTable {
  page_id: number;
  namespace: number;
  title: string;
  full_title: string;
  body: string;
}

/** Search module: folded title suffixes starting at each word, for prefix autocomplete. */
export interface SearchTitleKeysTable {
  page_id: number;
  pos: number;
  key: string;
}

/** Files module: one row per file name (title key in namespace 6, without the prefix). */
export interface FilesTable {
  name: string;
  current_version_id: number;
  created_at: number;
  updated_at: number;
}

/** Files module: every uploaded version, immutable. */
export interface FileVersionsTable {
  id: Generated<number>;
  file_name: string;
  storage_key: string;
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
  sha1: string;
  user_id: number | null;
  user_name: string;
  created_at: number;
  comment: Generated<string>;
}

/** Files module: bytes of the database file store (bytea on PostgreSQL, blob on SQLite). */
export interface BlobsTable {
  key: string;
  bytes: Buffer;
  size: number;
  created_at: number;
}

/** Transfer module: one MediaWiki XML import job (CLI or admin page) and its progress. */
export interface TransferImportsTable {
  id: Generated<number>;
  status: 'queued' | 'running' | 'done' | 'failed';
  phase: Generated<string>;
  file_path: string;
  file_name: string;
  file_bytes: Generated<number>;
  files_dir: string | null;
  source: string | null;
  user_id: number | null;
  user_name: string;
  created_at: number;
  updated_at: number;
  claimed_at: number | null;
  claimed_by: string | null;
  finished_at: number | null;
  bytes_read: Generated<number>;
  pages_done: Generated<number>;
  revisions_added: Generated<number>;
  revisions_skipped: Generated<number>;
  pages_rendered: Generated<number>;
  error_key: string | null;
  error_params: string | null;
}

/** Transfer module: source revision (wiki, rev id) -> local revision, so re-runs add only what is missing. */
export interface TransferRevisionsTable {
  source: string;
  source_rev_id: number;
  rev_id: number;
  sha1: string;
}

/** Transfer module: pages an import touched (rendered and indexed at its end). */
export interface TransferImportPagesTable {
  import_id: number;
  page_id: number;
  /** The page's `import/upload` log entry for this import (none while no revision was added). */
  log_id: Generated<number | null>;
  /** The revision this import wrote the page's links tables and search entry for (null until then). */
  indexed_rev_id: Generated<number | null>;
}

/** Transfer module: `<upload>` metadata read from a dump. */
export interface TransferUploadsTable {
  source: string;
  file_name: string;
  timestamp: number;
  user_name: string;
  comment: Generated<string>;
  src: Generated<string>;
  size: Generated<number>;
  version_id: number | null;
}

/** api module: bot passwords (secrets hashed) and the API-only sessions they open. */
export interface BotPasswordsTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  secret_hash: string;
  /** Space-separated grant names. */
  grants: string;
  created_at: number;
  last_used_at: number | null;
}

export interface BotSessionsTable {
  id: string;
  bot_password_id: number;
  user_id: number;
  created_at: number;
  expires_at: number;
}

/** Network module (docs/network.md): projections of entity pages, lifecycle, membership, people. */
export interface NetworkOrganisationsTable {
  page_id: number;
  rev_id: number;
  title: string;
  name: string;
  kind: string;
  region: string | null;
  sectors: string;
  website: string | null;
  wikidata: string | null;
  updated_at: number;
}

export interface NetworkOrganisationSectorsTable {
  page_id: number;
  sector: string;
}

export interface NetworkChantiersTable {
  page_id: number;
  rev_id: number;
  title: string;
  name: string;
  kind: string;
  definition: string;
  fields: string;
  updated_at: number;
}

export interface NetworkRencontresTable {
  page_id: number;
  rev_id: number;
  title: string;
  name: string;
  starts_on: string | null;
  ends_on: string | null;
  online: Generated<number>;
  fields: string;
  updated_at: number;
}

export interface NetworkProjectsTable {
  page_id: number;
  rev_id: number;
  title: string;
  name: string;
  collective: Generated<number>;
  axes: string;
  fields: string;
  updated_at: number;
}

export interface NetworkLearningsTable {
  page_id: number;
  rev_id: number;
  title: string;
  axis: string | null;
  kind: string | null;
  fields: string;
  updated_at: number;
}

export interface NetworkChantierTransitionsTable {
  id: Generated<number>;
  page_id: number;
  from_status: string;
  to_status: string;
  user_id: number | null;
  author_name: string;
  note: Generated<string>;
  created_at: number;
}

export interface NetworkChantierMembersTable {
  page_id: number;
  user_id: number;
  kind: 'member' | 'follower';
  since: number;
}

export interface NetworkPeopleTable {
  id: Generated<number>;
  slug: string;
  user_id: number | null;
  name: string;
  role: string;
  scope: string | null;
  start_date: string | null;
  end_date: string | null;
  bio: Generated<string>;
  public: Generated<number>;
  /** The person's `Personne:` wiki page, once they opted in (hidden, not removed, while they are private). */
  page_id: Generated<number | null>;
  created_at: number;
  updated_at: number;
}

/** Network module: an evaluation round of a chantier's continuity grid; open while closed_at is null. */
export interface NetworkGridRoundsTable {
  id: Generated<number>;
  page_id: number;
  opened_by: number | null;
  opened_at: number;
  closed_at: number | null;
}

/** Network module: one person's score (0–3) of one criterion in a round. */
export interface NetworkGridScoresTable {
  round_id: number;
  user_id: number;
  criterion: string;
  score: number;
  comment: Generated<string>;
  scorer: 'member' | 'peer';
  updated_at: number;
}

/** Network module: a chantier's decision vote, with its rule and deadline. */
export interface NetworkVotesTable {
  id: Generated<number>;
  page_id: number;
  decision: string;
  rule: string;
  quorum: Generated<number>;
  deadline: number;
  opened_by: number | null;
  opened_at: number;
  closed_at: number | null;
  eligible: number | null;
}

/** Network module: one member's ballot in a vote, replaced when changed. */
export interface NetworkVoteBallotsTable {
  vote_id: number;
  user_id: number;
  choice: string;
  updated_at: number;
}

export interface NetworkPersonHostsTable {
  person_id: number;
  org_page_id: number;
}

/** Polls module: a live poll or word cloud, attached to a wiki page and/or a free context. */
export interface PollsTable {
  id: Generated<number>;
  code: string;
  question: string;
  kind: string;
  /** JSON array of option labels. */
  options: string;
  page_id: number | null;
  page_title: string | null;
  context: Generated<string>;
  status: string;
  created_by: number | null;
  created_at: number;
  opened_at: number | null;
  closed_at: number | null;
  version: Generated<number>;
}

/** Polls module: one answer per device (hashed cookie); answering again replaces it. */
export interface PollAnswersTable {
  poll_id: number;
  device: string;
  /** JSON array of option indexes. */
  choices: string;
  words: Generated<string>;
  created_at: number;
  updated_at: number;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  tokens: TokensTable;
  settings: SettingsTable;
  rate_limits: RateLimitsTable;
  deferred_indexes: DeferredIndexesTable;
  search_pages: SearchPagesTable;
  search_title_keys: SearchTitleKeysTable;
  pages: PagesTable;
  revisions: RevisionsTable;
  page_renders: PageRendersTable;
  page_links: PageLinksTable;
  category_links: CategoryLinksTable;
  template_links: TemplateLinksTable;
  logs: LogsTable;
  recent_changes: RecentChangesTable;
  watchlist: WatchlistTable;
  notifications: NotificationsTable;
  events: EventsTable;
  files: FilesTable;
  file_versions: FileVersionsTable;
  blobs: BlobsTable;
  bot_passwords: BotPasswordsTable;
  bot_sessions: BotSessionsTable;
  transfer_imports: TransferImportsTable;
  transfer_revisions: TransferRevisionsTable;
  transfer_import_pages: TransferImportPagesTable;
  transfer_uploads: TransferUploadsTable;
  network_organisations: NetworkOrganisationsTable;
  network_organisation_sectors: NetworkOrganisationSectorsTable;
  network_chantiers: NetworkChantiersTable;
  network_rencontres: NetworkRencontresTable;
  network_projects: NetworkProjectsTable;
  network_learnings: NetworkLearningsTable;
  network_chantier_transitions: NetworkChantierTransitionsTable;
  network_chantier_members: NetworkChantierMembersTable;
  network_people: NetworkPeopleTable;
  network_person_hosts: NetworkPersonHostsTable;
  network_grid_rounds: NetworkGridRoundsTable;
  network_grid_scores: NetworkGridScoresTable;
  network_votes: NetworkVotesTable;
  network_vote_ballots: NetworkVoteBallotsTable;
  polls: PollsTable;
  poll_answers: PollAnswersTable;
}
