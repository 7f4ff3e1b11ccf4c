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

export interface RateLimitsTable {
  key: string;
  window_start: number;
  count: number;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  tokens: TokensTable;
  settings: SettingsTable;
  rate_limits: RateLimitsTable;
}
