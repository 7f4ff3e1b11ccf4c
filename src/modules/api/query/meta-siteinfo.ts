import { NAMESPACES } from '../../markup/index.ts';
import { isoTimestamp } from '../params.ts';
import type { MetaModule } from './types.ts';

/** MediaWiki's $wgLegalTitleChars, as siteinfo prints it (mwn's Title class requires it). */
export const LEGAL_TITLE_CHARS = " %!\"$&'()*,\\-.\\/0-9:;=?@A-Z\\\\^_`a-z~\\x80-\\xFF+";

const PROPS = ['general', 'namespaces', 'namespacealiases', 'statistics', 'rightsinfo'] as const;

/** Talk namespaces, User, Project and Help allow subpages (MediaWiki's defaults). */
function subpages(id: number): boolean {
  return id > 0 && (id % 2 === 1 || id === 2 || id === 4 || id === 12);
}

/** meta=siteinfo: general, namespaces, namespacealiases, statistics, rightsinfo. */
export const metaSiteinfo: MetaModule = {
  name: 'siteinfo',
  prefix: 'si',
  parameters: ['prop'],
  async run(call, p) {
    const props = p.multiEnum('prop', PROPS, ['general']);
    const { deps, fv } = call;
    const server = new URL(deps.publicUrl);
    const out: Record<string, unknown> = {};
    if (props.includes('general')) {
      out.general = {
        mainpage: deps.mainPage,
        base: `${server.origin}/wiki/${encodeURIComponent(deps.mainPage.replace(/ /g, '_'))}`,
        sitename: 'Maillage',
        favicon: `${server.origin}/assets/favicon.svg`,
        generator: `Maillage ${deps.version}`,
        case: 'first-letter',
        lang: 'fr',
        fallback: [],
        rtl: false,
        fallback8bitEncoding: 'windows-1252',
        readonly: false,
        writeapi: true,
        maxarticlesize: 2 * 1024 * 1024,
        timezone: 'UTC',
        timeoffset: 0,
        articlepath: '/wiki/$1',
        scriptpath: '',
        script: '/index.php',
        variantarticlepath: false,
        server: server.origin,
        servername: server.hostname,
        wikiid: 'maillage',
        time: isoTimestamp(call.now),
        legaltitlechars: LEGAL_TITLE_CHARS,
        invalidusernamechars: '@:>=',
        mainpageisdomainroot: false,
        categorycollation: 'uppercase',
        externallinktarget: false,
        linkprefixcharset: '',
        titleconversion: false,
        langconversion: false,
      };
    }
    if (props.includes('namespaces')) {
      out.namespaces = Object.fromEntries(
        NAMESPACES.map((ns) => {
          const canonical = ns.id === 0 ? '' : (ns.aliases[0] ?? ns.name);
          const entry: Record<string, unknown> = { id: ns.id, case: ns.capitalize ? 'first-letter' : 'case-sensitive' };
          if (fv === 2) entry.name = ns.name;
          else entry['*'] = ns.name;
          Object.assign(entry, { subpages: subpages(ns.id), canonical, content: ns.id === 0, nonincludable: false });
          return [String(ns.id), entry];
        }),
      );
    }
    if (props.includes('namespacealiases')) {
      out.namespacealiases = NAMESPACES.flatMap((ns) => ns.aliases.slice(1).map((alias) => (fv === 2 ? { id: ns.id, alias } : { id: ns.id, '*': alias })));
    }
    if (props.includes('statistics')) {
      const s = await deps.db
        .selectFrom('pages')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow();
      const edits = await deps.db.selectFrom('revisions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const users = await deps.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      out.statistics = { pages: Number(s.n), articles: Number(s.n), edits: Number(edits.n), images: 0, users: Number(users.n), activeusers: 0, admins: 0, jobs: 0 };
    }
    if (props.includes('rightsinfo')) out.rightsinfo = { url: '', text: '' };
    return out;
  },
};
