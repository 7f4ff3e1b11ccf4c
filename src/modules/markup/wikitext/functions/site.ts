/** Site facts and statistics (CoreMagicVariables): SITENAME, SERVER…, NUMBEROF*, REVISION*, `!` and `=`. */
import type { FunctionEntry } from './index.ts';
import type { MagicVariable } from './types.ts';
import type { RenderState } from '../preprocess/state.ts';
import { formatNumber } from './util.ts';
import { matchWord } from './words.ts';

/** MediaWiki version the engine follows (CURRENTVERSION). */
export const MEDIAWIKI_VERSION = '1.43.0';

function serverName(server: string): string {
  const m = /^(?:[a-z][a-z0-9+.-]*:)?\/\/([^/:?#]+)/i.exec(server);
  return m ? m[1]! : server;
}

function scriptPath(script: string): string {
  const i = script.lastIndexOf('/');
  return i <= 0 ? '' : script.slice(0, i);
}

const STATS = {
  numberofpages: 'pages',
  numberofarticles: 'articles',
  numberoffiles: 'files',
  numberofusers: 'users',
  numberofactiveusers: 'activeusers',
  numberofedits: 'edits',
  numberofadmins: 'admins',
} as const;

function statistic(state: RenderState, id: keyof typeof STATS): number {
  return state.ctx.env.statistics?.[STATS[id]] ?? 0;
}

export const SITE_VARIABLES: Record<string, MagicVariable> = {
  '!': () => '|',
  '=': () => '=',
  sitename: (s) => s.ctx.site.siteName,
  server: (s) => s.ctx.site.server,
  servername: (s) => serverName(s.ctx.site.server),
  scriptpath: (s) => scriptPath(s.ctx.site.script),
  stylepath: (s) => `${scriptPath(s.ctx.site.script)}/skins`,
  contentlanguage: (s) => s.ctx.site.language,
  pagelanguage: (s) => s.ctx.site.language,
  directionmark: () => '\u200E',
  currentversion: () => MEDIAWIKI_VERSION,
  revisionid: (s) => (s.ctx.env.revision ? String(s.ctx.env.revision.id) : ''),
  revisionuser: (s) => s.ctx.env.revision?.user ?? '',
  revisionsize: () => '0',
  pageid: () => '',
  ...Object.fromEntries(
    (Object.keys(STATS) as Array<keyof typeof STATS>).map((id) => [id, (s: RenderState) => formatNumber(String(statistic(s, id)), s.ctx.site.language)]),
  ),
};

export const SITE_FUNCTIONS: Record<string, FunctionEntry> = Object.fromEntries(
  (Object.keys(STATS) as Array<keyof typeof STATS>).map((id) => [
    id,
    {
      hash: false,
      fn: (c) => {
        const n = String(statistic(c.state, id));
        return matchWord('rawsuffix', c.text(0), c.ctx.site.language) ? n : formatNumber(n, c.ctx.site.language);
      },
    } satisfies FunctionEntry,
  ]),
);
