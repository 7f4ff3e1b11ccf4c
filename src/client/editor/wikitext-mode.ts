/**
 * Wikitext highlighting for the source editor: the MediaWiki mode of @bhsd/codemirror-mediawiki
 * (templates, parser functions, links, headings, bold/italic, tags, comments, tables…).
 * Loaded on demand (a separate chunk) by source.ts for wikitext pages only.
 *
 * Only the language and its highlighting are used: no autocompletion (whose help text would load
 * a script from a CDN), no linter, no hover. The configuration is static, built here from the
 * namespaces our wikitext engine knows, so nothing is fetched at run time.
 */
import { mediawikiBase } from '@bhsd/codemirror-mediawiki/mediawiki';
import type { MwConfig } from '@bhsd/codemirror-mediawiki/token';
import type { LanguageSupport } from '@codemirror/language';
import { NAMESPACES, NAMESPACES_EN } from '../../modules/markup/namespaces.ts';

/** Extension tags and how their content is highlighted (`mediawiki`: as wikitext; `text/…`: plain). */
const TAG_MODES: Record<string, string> = {
  nowiki: 'text/nowiki',
  pre: 'text/pre',
  gallery: 'text/gallery',
  indicator: 'mediawiki',
  ref: 'mediawiki',
  references: 'text/references',
  poem: 'mediawiki',
  includeonly: 'mediawiki',
  noinclude: 'mediawiki',
  onlyinclude: 'mediawiki',
};

/** Parser functions written `{{#name:…}}` (ParserFunctions and core). */
const HASH_FUNCTIONS = [
  'if', 'ifeq', 'iferror', 'ifexist', 'ifexpr', 'switch', 'expr', 'time', 'timel', 'rel2abs', 'titleparts',
  'tag', 'language', 'special', 'speciale', 'formatdate', 'dateformat', 'invoke', 'property', 'bcp47', 'dir',
];

/** Functions and variables written without `#` (`{{lc:…}}`, `{{PAGENAME}}`). */
const FUNCTIONS = [
  'lc', 'uc', 'lcfirst', 'ucfirst', 'urlencode', 'anchorencode', 'localurl', 'localurle', 'fullurl', 'fullurle',
  'canonicalurl', 'canonicalurle', 'filepath', 'formatnum', 'padleft', 'padright', 'plural', 'grammar', 'gender',
  'int', 'ns', 'nse', 'displaytitle', 'defaultsort', 'defaultsortkey', 'defaultcategorysort', 'pagesize', 'protectionlevel',
  'subst', 'safesubst', 'msg', 'msgnw', 'raw', 'pagesincategory', 'numberingroup', 'fullpagename', 'pagename',
  'basepagename', 'subpagename', 'rootpagename', 'talkpagename', 'subjectpagename', 'namespace', 'namespacee',
  'namespacenumber', 'fullpagenamee', 'pagenamee', 'talkspace', 'subjectspace', '!', '=',
];
const VARIABLES = [
  'currentyear', 'currentmonth', 'currentmonthname', 'currentday', 'currentday2', 'currentdayname', 'currenttime',
  'currenthour', 'currenttimestamp', 'localyear', 'localmonth', 'localday', 'localtime', 'localtimestamp',
  'sitename', 'server', 'servername', 'scriptpath', 'stylepath', 'numberofpages', 'numberofarticles',
  'numberoffiles', 'numberofusers', 'numberofedits', 'revisionid', 'revisionday', 'revisionmonth', 'revisionyear',
  'revisiontimestamp', 'revisionuser', 'contentlanguage', 'pagename', 'fullpagename', 'namespace', 'talkspace',
];
const SWITCHES = ['notoc', 'forcetoc', 'toc', 'noeditsection', 'newsectionlink', 'nonewsectionlink', 'nogallery', 'hiddencat', 'index', 'noindex', 'staticredirect', 'notitleconvert', 'nocontentconvert'];

const byName = (names: readonly string[], prefix = '') => Object.fromEntries(names.map((n) => [prefix + n, prefix + n]));

/** Lower-case namespace names and aliases (spaces and underscores) → namespace number. */
function namespaceIds(): Record<string, number> {
  const ids: Record<string, number> = {};
  for (const ns of [...NAMESPACES, ...NAMESPACES_EN]) {
    for (const name of [ns.name, ...ns.aliases]) {
      const key = name.toLowerCase();
      ids[key] = ns.id;
      ids[key.replaceAll(' ', '_')] = ns.id;
    }
  }
  return ids;
}

export function wikitextConfig(): MwConfig {
  return {
    tags: Object.fromEntries(Object.keys(TAG_MODES).map((t) => [t, true])) as Record<string, true>,
    tagModes: TAG_MODES,
    urlProtocols: String.raw`bitcoin:|ftp:\/\/|ftps:\/\/|geo:|git:\/\/|gopher:\/\/|http:\/\/|https:\/\/|irc:\/\/|ircs:\/\/|magnet:|mailto:|matrix:|mms:\/\/|news:|nntp:\/\/|redis:\/\/|sftp:\/\/|sip:|sips:|sms:|ssh:\/\/|svn:\/\/|tel:|telnet:\/\/|urn:|worldwind:\/\/|xmpp:|\/\/`,
    // [case-insensitive, case-sensitive] synonyms → canonical name.
    functionSynonyms: [{ ...byName(HASH_FUNCTIONS, '#'), ...byName(FUNCTIONS) }, byName(VARIABLES.map((v) => v.toUpperCase()))],
    doubleUnderscore: [Object.fromEntries(SWITCHES.map((s) => [`__${s}__`, s])), {}],
    variableIDs: VARIABLES,
    functionHooks: [...HASH_FUNCTIONS.map((f) => `#${f}`), ...FUNCTIONS],
    redirection: ['#redirection', '#redirect'],
    nsid: namespaceIds(),
    img: {},
  };
}

/** The MediaWiki language with its highlighting (classes `cm-mw-*`) and theme. */
export function wikitextLanguage(): LanguageSupport {
  return mediawikiBase(wikitextConfig());
}
