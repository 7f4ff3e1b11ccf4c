import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../core/actor.ts';
import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../core/db/index.ts';
import type { Accounts } from '../accounts/index.ts';
import type { SearchIndex } from '../search/index.ts';
import type { WikiModule } from '../wiki/index.ts';
import type { Params } from './params.ts';
import type { BotPrincipal } from './rights.ts';
import type { ApiStore } from './store.ts';
import type { ApiTokens, TokenType } from './tokens.ts';
import type { Warnings } from './warnings.ts';

/** What api.php needs from the rest of Maillage (wired in main.ts). */
export interface ApiDeps {
  db: Db;
  clock: Clock;
  accounts: Pick<Accounts, 'credentials' | 'sessions'>;
  wiki: Pick<WikiModule, 'wiki' | 'apiQueries'>;
  search: SearchIndex;
  publicUrl: string;
  /** Title of the main page ("Accueil"). */
  mainPage: string;
  version: string;
}

/** One api.php request as the modules see it. */
export interface ApiCall {
  deps: ApiDeps;
  store: ApiStore;
  request: FastifyRequest;
  reply: FastifyReply;
  /** All parameters (query string and body; the body wins). */
  params: Params;
  fv: 1 | 2;
  warnings: Warnings;
  actor: Actor;
  bot: BotPrincipal | undefined;
  rights: ReadonlySet<string>;
  tokens: ApiTokens;
  now: number;
  /** The session cookies the API writes (login, logout). */
  cookies: {
    setWebSession(token: string, maxAgeSeconds: number): void;
    clearWebSession(): void;
    setBotSession(token: string, maxAgeSeconds: number): void;
    clearBotSession(): void;
  };
}

/** An `action=` module. */
export interface ActionModule {
  name: string;
  /** Refused over GET (`mustbeposted`). */
  mustBePosted?: boolean;
  /** Checked before `execute`: the `token` parameter, in the POST body. */
  token?: TokenType;
  /** Whether reading the wiki is needed (`readapidenied` otherwise). */
  needsRead?: boolean;
  /** Parameter names, for action=paraminfo. */
  parameters: readonly string[];
  execute(call: ApiCall): Promise<Record<string, unknown>>;
}
