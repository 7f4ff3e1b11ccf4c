/**
 * Page names, namespaces and URLs (CoreParserFunctions: pagename…, ns, localurl…, #special,
 * filepath, PAGESIZE), as functions with a title argument and as variables for the page itself.
 */
import { NS_FILE, NS_SPECIAL } from '../../namespaces.ts';
import { wfUrlencode, type TitleCodec } from '../../titles.ts';
import type { Title } from '../../types.ts';
import { isInterwiki, pageSource } from '../preprocess/braces.ts';
import { escapeWikiText } from '../preprocess/escape.ts';
import type { RenderState } from '../preprocess/state.ts';
import { incrementExpensive } from '../preprocess/state.ts';
import type { WikitextSite } from '../types.ts';
import type { FunctionEntry } from './index.ts';
import type { FunctionCall, MagicVariable } from './types.ts';
import { formatDate } from './dates.ts';
import { formatNumber, htmlspecialchars, intval } from './util.ts';
import { matchWord } from './words.ts';

/** Namespaces where '/' separates subpages (MediaWiki's defaults; every one with options.subpages). */
const WITH_SUBPAGES = new Set([1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 15]);

interface Names {
  codec: TitleCodec;
  subpages: boolean;
}

function hasSubpages(n: Names, ns: number): boolean {
  return n.subpages || WITH_SUBPAGES.has(ns);
}

function nsText(n: Names, ns: number): string {
  return n.codec.namespaces.byId(ns)?.name ?? '';
}

function talkOf(n: Names, t: Title): Title | undefined {
  if (t.namespace < 0) return undefined;
  const ns = t.namespace % 2 === 1 ? t.namespace : t.namespace + 1;
  return n.codec.namespaces.byId(ns) ? n.codec.make(ns, t.text) : undefined;
}

function subjectOf(n: Names, t: Title): Title {
  const ns = t.namespace > 0 && t.namespace % 2 === 1 ? t.namespace - 1 : t.namespace;
  return n.codec.make(ns, t.text);
}

function namesOf(state: RenderState): Names {
  return { codec: state.codec, subpages: state.ctx.env.options?.subpages === true };
}

function subpageText(n: Names, t: Title): string {
  if (!hasSubpages(n, t.namespace)) return t.text;
  const i = t.text.lastIndexOf('/');
  return i < 0 ? t.text : t.text.slice(i + 1);
}

function baseText(n: Names, t: Title): string {
  if (!hasSubpages(n, t.namespace)) return t.text;
  const i = t.text.lastIndexOf('/');
  return i < 0 ? t.text : t.text.slice(0, i);
}

function rootText(n: Names, t: Title): string {
  if (!hasSubpages(n, t.namespace)) return t.text;
  const i = t.text.indexOf('/');
  return i < 0 ? t.text : t.text.slice(0, i);
}

const encode = (s: string): string => wfUrlencode(s.replace(/ /g, '_'));

type Namer = (t: Title, n: Names) => string | undefined;

const NAMERS: Record<string, Namer> = {
  pagename: (t) => escapeWikiText(t.text),
  pagenamee: (t) => escapeWikiText(encode(t.text)),
  fullpagename: (t) => escapeWikiText(t.full),
  fullpagenamee: (t) => escapeWikiText(encode(t.full)),
  subpagename: (t, n) => escapeWikiText(subpageText(n, t)),
  subpagenamee: (t, n) => escapeWikiText(encode(subpageText(n, t))),
  basepagename: (t, n) => escapeWikiText(baseText(n, t)),
  basepagenamee: (t, n) => escapeWikiText(encode(baseText(n, t))),
  rootpagename: (t, n) => escapeWikiText(rootText(n, t)),
  rootpagenamee: (t, n) => escapeWikiText(encode(rootText(n, t))),
  talkpagename: (t, n) => {
    const talk = talkOf(n, t);
    return talk ? escapeWikiText(talk.full) : '';
  },
  talkpagenamee: (t, n) => {
    const talk = talkOf(n, t);
    return talk ? escapeWikiText(encode(talk.full)) : '';
  },
  subjectpagename: (t, n) => escapeWikiText(subjectOf(n, t).full),
  subjectpagenamee: (t, n) => escapeWikiText(encode(subjectOf(n, t).full)),
  namespace: (t, n) => nsText(n, t.namespace),
  namespacee: (t, n) => encode(nsText(n, t.namespace)),
  namespacenumber: (t) => String(t.namespace),
  talkspace: (t, n) => {
    const talk = talkOf(n, t);
    return talk ? nsText(n, talk.namespace) : '';
  },
  talkspacee: (t, n) => {
    const talk = talkOf(n, t);
    return talk ? encode(nsText(n, talk.namespace)) : '';
  },
  subjectspace: (t, n) => nsText(n, subjectOf(n, t).namespace),
  subjectspacee: (t, n) => encode(nsText(n, subjectOf(n, t).namespace)),
};

/** Title::newFromText of a function argument; undefined when not a valid title. */
export function titleArg(state: RenderState, text: string): Title | undefined {
  const r = state.codec.parse(text);
  return r.ok ? r.title : undefined;
}

function nameFunction(namer: Namer): FunctionEntry {
  return {
    hash: false,
    fn: (c) => {
      const t = titleArg(c.state, c.text(0));
      return t ? namer(t, namesOf(c.state)) ?? '' : '';
    },
  };
}

/** ns:N or ns:Name → the namespace's name (spaces). */
function nsIndex(codec: TitleCodec, text: string): number | undefined {
  if (intval(text) !== 0 || text === '0') return intval(text);
  return codec.namespaces.byName(text.replace(/_/g, ' '))?.id;
}

function nsFunction(encoded: boolean): FunctionEntry {
  return {
    hash: false,
    fn: (c) => {
      const index = nsIndex(c.state.codec, c.text(0));
      if (index === undefined) return '';
      const ns = c.state.codec.namespaces.byId(index);
      if (!ns) return '';
      return encoded ? wfUrlencode(ns.name.replace(/ /g, '_')) : ns.name;
    },
  };
}

export function articleUrl(site: WikitextSite, title: Title, query = ''): string {
  const key = wfUrlencode(title.key);
  if (query === '') return site.articlePath.replace('$1', key);
  return `${site.script}?title=${key}&${query}`;
}

function urlFunction(kind: 'local' | 'full' | 'canonical', escape: boolean): FunctionEntry {
  return {
    hash: false,
    fn: (c) => {
      const text = c.text(0);
      const parsed = c.state.codec.parse(text);
      if (!parsed.ok) return `{{${kind}url${escape ? 'e' : ''}:${text}}}`;
      let t = parsed.title;
      if (t.namespace === -2) t = c.state.codec.make(NS_FILE, t.text, t.fragment);
      const query = c.count > 1 ? c.text(1) : '';
      let url = articleUrl(c.ctx.site, t, query);
      if (kind !== 'local') {
        url = (url.startsWith('/') && !url.startsWith('//') ? c.ctx.site.server : '') + url;
        if (t.fragment) url += '#' + encodeFragment(t.fragment);
      }
      return escape ? htmlspecialchars(url).replace(/&#039;/g, "'") : url;
    },
  };
}

// eslint-disable-next-line no-control-regex -- controls are what gets encoded
const FRAGMENT_ESCAPED = /[\x00-\x20"%<>\x7f]/g;

function encodeFragment(f: string): string {
  return f.replace(/ /g, '_').replace(FRAGMENT_ESCAPED, (ch) => encodeURIComponent(ch));
}

/** Canonical names of common special pages, by lower-case alias (SpecialPageFactory::resolveAlias). */
const SPECIAL_PAGES: Record<string, string> = Object.fromEntries(
  [
    ['RecentChanges', 'recentchanges'], ['AllPages', 'allpages'], ['Search', 'search'], ['Preferences', 'preferences'],
    ['Upload', 'upload'], ['Watchlist', 'watchlist'], ['Contributions', 'contributions', 'contribs'],
    ['WhatLinksHere', 'whatlinkshere'], ['Random', 'random', 'randompage'], ['SpecialPages', 'specialpages'],
    ['Version', 'version'], ['Categories', 'categories'], ['Log', 'log', 'logs'], ['Userlogin', 'userlogin', 'login'],
    ['Userlogout', 'userlogout', 'logout'], ['PrefixIndex', 'prefixindex'], ['ListUsers', 'listusers', 'userlist'],
    ['NewPages', 'newpages'], ['MovePage', 'movepage'], ['Export', 'export'], ['Import', 'import'],
    ['BlankPage', 'blankpage'], ['BookSources', 'booksources'], ['Badtitle', 'badtitle'], ['EditPage', 'editpage', 'edit'],
    ['Statistics', 'statistics'], ['Uncategorizedpages', 'uncategorizedpages'], ['ListFiles', 'listfiles', 'imagelist'],
    ['FilePath', 'filepath'], ['Redirect', 'redirect'], ['CreateAccount', 'createaccount'], ['Emailuser', 'emailuser'],
    ['MyPage', 'mypage'], ['MyTalk', 'mytalk'], ['Mycontributions', 'mycontributions'], ['RecentChangesLinked', 'recentchangeslinked'],
  ].flatMap(([canonical, ...aliases]) => aliases.map((a) => [a, canonical!])),
);

function specialName(text: string): string {
  const slash = text.indexOf('/');
  const name = slash < 0 ? text : text.slice(0, slash);
  const canonical = SPECIAL_PAGES[name.replace(/[ _]+/g, '').toLowerCase()];
  return canonical ? canonical + (slash < 0 ? '' : text.slice(slash)) : text;
}

function special(encoded: boolean): FunctionEntry {
  return {
    hash: true,
    fn: (c) => {
      const text = specialName(c.text(0));
      const special = nsText(namesOf(c.state), NS_SPECIAL);
      const r = c.state.codec.parse(`${special}:${text}`);
      const full = r.ok && r.title.namespace === NS_SPECIAL ? r.title.full : `${special}:Badtitle`;
      return encoded ? wfUrlencode(full.replace(/ /g, '_')) : full;
    },
  };
}

function filepath(c: FunctionCall): string | { text: string; nowiki: true } {
  const r = c.state.codec.parse(c.text(0), NS_FILE);
  if (!r.ok) return '';
  const file = c.ctx.env.files?.get(c.state.codec.make(NS_FILE, r.title.text).key);
  if (!file) return '';
  const opts = [c.count > 1 ? c.text(1) : '', c.count > 2 ? c.text(2) : ''];
  const size = opts.map((o) => intval(o)).find((n) => n > 0);
  const url = size ? file.thumbUrl(size) : file.url;
  return opts.includes('nowiki') ? { text: url, nowiki: true } : url;
}

function pagesize(c: FunctionCall): string {
  const t = titleArg(c.state, c.text(0));
  if (!t || isInterwiki(c.state, c.text(0))) return '0';
  if (t.key !== c.ctx.title.key && !incrementExpensive(c.state)) return '0';
  const raw = matchWord('rawsuffix', c.count > 1 ? c.text(1) : '', c.ctx.site.language);
  const text = pageSource(c.state, t.key) ?? '';
  const size = String(new TextEncoder().encode(text).length);
  return raw ? size : formatNumber(size, c.ctx.site.language);
}

function countFunction(expensive: boolean): FunctionEntry {
  return {
    hash: false,
    fn: (c) => {
      if (expensive) incrementExpensive(c.state);
      return '0';
    },
  };
}

/** {{REVISIONID:page}}, {{REVISIONDAY:page}}…: known for the page being rendered only (unsaved: no id or user). */
function revisionFunction(value: (c: FunctionCall) => string): FunctionEntry {
  return {
    hash: false,
    fn: (c) => {
      const t = titleArg(c.state, c.text(0));
      if (!t || t.key !== c.ctx.title.key || isInterwiki(c.state, c.text(0))) return '';
      return value(c);
    },
  };
}

const revisionDate = (format: string) => (c: FunctionCall): string =>
  formatDate(format, c.ctx.env.revision?.timestamp ?? c.ctx.env.now ?? Date.now(), 0, c.ctx.site.language);

/** {{#isbn:…}}: the ISBN magic link, without the magic-link syntax (MediaWiki 1.44). */
function isbn(c: FunctionCall): string | { text: string; isHTML: true } {
  const text = c.text(0);
  const num = text.replace(/[\s-]/g, '');
  if (!/^(?:97[89])?\d{9}[\dxX]$/.test(num)) return `ISBN ${text}`;
  const special = c.state.codec.make(NS_SPECIAL, `BookSources/${num.toUpperCase()}`);
  const href = articleUrl(c.ctx.site, special);
  return { text: `<a href="${htmlspecialchars(href)}" class="internal mw-magiclink-isbn">ISBN ${htmlspecialchars(text)}</a>`, isHTML: true };
}

export const NAME_FUNCTIONS: Record<string, FunctionEntry> = {
  ...Object.fromEntries(Object.entries(NAMERS).map(([id, namer]) => [id, nameFunction(namer)])),
  ns: nsFunction(false),
  nse: nsFunction(true),
  localurl: urlFunction('local', false),
  localurle: urlFunction('local', true),
  fullurl: urlFunction('full', false),
  fullurle: urlFunction('full', true),
  canonicalurl: urlFunction('canonical', false),
  canonicalurle: urlFunction('canonical', true),
  special: special(false),
  speciale: special(true),
  filepath: { hash: false, fn: filepath },
  pagesize: { hash: false, fn: pagesize },
  protectionlevel: { hash: false, fn: () => '' },
  protectionexpiry: { hash: false, fn: () => '' },
  pagesincategory: countFunction(true),
  pagesinnamespace: countFunction(false),
  numberingroup: countFunction(false),
  isbn: { hash: true, fn: isbn },
  pageid: { hash: false, fn: (c) => (titleArg(c.state, c.text(0)) ? '0' : '') },
  revisionid: revisionFunction(() => ''),
  revisionuser: revisionFunction(() => ''),
  revisionday: revisionFunction(revisionDate('j')),
  revisionday2: revisionFunction(revisionDate('d')),
  revisionmonth: revisionFunction(revisionDate('m')),
  revisionmonth1: revisionFunction(revisionDate('n')),
  revisionyear: revisionFunction(revisionDate('Y')),
  revisiontimestamp: revisionFunction(revisionDate('YmdHis')),
};

export const NAME_VARIABLES: Record<string, MagicVariable> = Object.fromEntries(
  Object.entries(NAMERS).map(([id, namer]) => [id, (state: RenderState) => namer(state.ctx.title, namesOf(state)) ?? '']),
);
