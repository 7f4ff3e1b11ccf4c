/**
 * The api module: a MediaWiki Action API subset at /api.php, so MediaWiki tools (mwn, Pywikibot…)
 * work against Maillage; and bot passwords (Spécial:Mots_de_passe_de_robots) to sign them in.
 *
 * Wiring (main.ts): `createApiModule(deps)`, add `routes` to the app's modules and register
 * `botPasswordsSpecial` with the wiki's `registerSpecial`.
 */
import type { ApiDeps } from './context.ts';
import { editAction } from './actions/edit.ts';
import { loginAction, logoutAction } from './actions/login.ts';
import { helpAction } from './actions/help.ts';
import { paraminfoAction } from './actions/paraminfo.ts';
import { parseAction } from './actions/parse.ts';
import { queryAction } from './actions/query.ts';
import { botPasswordsPages } from './bot-passwords/page.tsx';
import { listAllPages } from './query/list-allpages.ts';
import { listBacklinks } from './query/list-backlinks.ts';
import { listCategoryMembers } from './query/list-categorymembers.ts';
import { listRecentChanges } from './query/list-recentchanges.ts';
import { listSearch } from './query/list-search.ts';
import { metaSiteinfo } from './query/meta-siteinfo.ts';
import { metaTokens } from './query/meta-tokens.ts';
import { metaUserinfo } from './query/meta-userinfo.ts';
import { propInfo } from './query/prop-info.ts';
import { propRevisions } from './query/prop-revisions.ts';
import type { ActionModule } from './context.ts';
import { apiRoutes } from './routes.ts';
import { apiStore } from './store.ts';

export type { ApiDeps } from './context.ts';
export { LEGAL_TITLE_CHARS } from './query/meta-siteinfo.ts';
export { BOT_PASSWORDS_PATH } from './bot-passwords/page.tsx';

/** Names of the bot-password special page: French canonical first, MediaWiki's English name. */
export const BOT_PASSWORDS_SPECIAL = ['Mots de passe de robots', 'BotPasswords'];

export function createApiModule(deps: ApiDeps) {
  const query = { metas: [metaTokens, metaSiteinfo, metaUserinfo], props: [propRevisions, propInfo], lists: [listSearch, listRecentChanges, listAllPages, listCategoryMembers, listBacklinks] };
  const actions: ActionModule[] = [loginAction, logoutAction, queryAction(query.metas, query.props, query.lists), editAction, parseAction];
  const names = (all: ReadonlyArray<{ name: string }>) => all.map((m) => m.name);
  actions.push(paraminfoAction(() => actions, query), helpAction(() => names(actions), names(query.lists), names(query.metas), names(query.props)));
  const botPasswords = botPasswordsPages(deps.db, deps.clock);
  const store = apiStore(deps.db);
  return {
    routes: [apiRoutes(deps, actions), botPasswords.routes],
    botPasswordsSpecial: botPasswords.special,
    /** Expired bot sessions, for housekeeping. */
    pruneSessions: (now: number) => store.deleteExpiredSessions(now),
  };
}

export type ApiModule = ReturnType<typeof createApiModule>;
