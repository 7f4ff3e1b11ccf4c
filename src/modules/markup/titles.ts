/**
 * Page titles, parsed and normalised after MediaWiki's TitleParser (MediaWikiTitleCodec::splitTitleString):
 * bidi marks dropped; '_' and runs of Unicode spaces become one space; trimmed; one leading ':'
 * dropped (it only means "not the default namespace, not a category assignment"); a namespace prefix
 * (case-insensitive, accents significant) recognised; '#' starts the fragment; illegal characters,
 * relative paths, '~~~', percent-escapes and entity-like sequences rejected; 255 bytes at most
 * (UTF-8, without the namespace, as MediaWiki's page_title); the first letter upper-cased.
 *
 * `parseTitle` takes text as written by people (a link target, a form field): like
 * Title::newFromText it decodes HTML character references, but not %-escapes (a title cannot
 * contain "%XX"; the wikilink syntax decodes them before calling it, as MediaWiki's parser does).
 * `titleFromKey` takes the key form stored in tables and URLs and decodes nothing.
 */
import { decodeCharReferences } from './entities.ts';
import { languageData } from './wikitext/languages.ts';
import { NS_MAIN, NS_SPECIAL, namespacesFor, namespaceTable, type NamespaceTable } from './namespaces.ts';
import type { Namespace, ParseTitleResult, Title, TitleError } from './types.ts';
import { detached, StringMemo } from '../../core/strings.ts';

export { NAMESPACES, namespaceByName } from './namespaces.ts';

const BIDI_MARKS = /[\u200E\u200F\u202A-\u202E]/g;
const SPACES = /[ _\u00A0\u1680\u180E\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;
const NS_PREFIX = /^(.+?)_*:_*(.*)$/s;
/** Outside MediaWiki's $wgLegalTitleChars: controls, # < > [ ] | { }, and DEL. */
// eslint-disable-next-line no-control-regex -- control characters are what this pattern refuses
const ILLEGAL_CHAR = /[\x00-\x1f\x7f#<>[\]|{}\uFFFD]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/;
const ENTITY_LIKE = /&[A-Za-z0-9\u0080-\uFFFF]+;/;
const MAX_BYTES = 255;
const MAX_BYTES_SPECIAL = 512;

/** Length in UTF-8 bytes, without encoding (titles are checked on every link). */
function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) i++; // a pair: 2 UTF-16 units, 4 bytes
    else if (c >= 0x800) n += 2;
    else if (c >= 0x80) n += 1;
  }
  return n;
}

function fail(error: TitleError, char?: string): ParseTitleResult {
  return char === undefined ? { ok: false, error } : { ok: false, error, char };
}

function trimUnderscores(s: string): string {
  return s.replace(/^_+|_+$/g, '');
}

function isRelative(s: string): boolean {
  return (
    s === '.' || s === '..' || s.startsWith('./') || s.startsWith('../') ||
    s.includes('/./') || s.includes('/../') || s.endsWith('/.') || s.endsWith('/..')
  );
}

/** Upper-cases the first letter; letters whose capital is several characters ('ß') stay as they are, as in MediaWiki. */
export function ucfirst(s: string): string {
  const first = s.codePointAt(0);
  if (first === undefined) return s;
  const ch = String.fromCodePoint(first);
  const upper = ch.toUpperCase();
  return [...upper].length === 1 ? upper + s.slice(ch.length) : s;
}

const FRENCH = namespacesFor('fr');

function make(table: NamespaceTable, namespace: number, text: string, fragment = ''): Title {
  const ns = table.byId(namespace);
  const full = ns && ns.name !== '' ? `${ns.name}:${text}` : text;
  return { namespace, text, fragment, full, key: full.replace(/ /g, '_') };
}

/** Builds a Title from parts already valid and normalised (text with spaces). */
export function makeTitle(namespace: number, text: string, fragment = ''): Title {
  return make(FRENCH, namespace, text, fragment);
}

function split(input: string, defaultNs: number, allowFragment: boolean, table: NamespaceTable = FRENCH): ParseTitleResult {
  let s = trimUnderscores(input.replace(BIDI_MARKS, '').replace(SPACES, '_'));
  let ns = defaultNs;
  let prefixed = false;
  if (s.startsWith(':')) {
    ns = NS_MAIN;
    s = trimUnderscores(s.slice(1));
  }
  if (s === '') return fail('title.empty');

  const m = NS_PREFIX.exec(s);
  const found = m ? table.byName(m[1]!.replace(/_/g, ' ')) : undefined;
  if (m && found) {
    ns = found.id;
    prefixed = true;
    s = m[2]!;
  }
  // MediaWiki's title-invalid-initial-colon ("Catégorie::X", "::X").
  if (s.startsWith(':')) return fail('title.invalid_char', ':');

  let fragment = '';
  const hash = s.indexOf('#');
  if (hash >= 0) {
    if (!allowFragment) return fail('title.invalid_char', '#');
    fragment = s.slice(hash + 1).replace(/_/g, ' ');
    s = trimUnderscores(s.slice(0, hash));
  }
  if (s === '') return fail(prefixed ? 'title.namespace_only' : 'title.empty');

  const illegal = ILLEGAL_CHAR.exec(s) ?? PERCENT_ESCAPE.exec(s) ?? ENTITY_LIKE.exec(s);
  if (illegal) return fail('title.invalid_char', illegal[0].slice(0, 1));
  if (isRelative(s)) return fail('title.relative');
  if (s.includes('~~~')) return fail('title.invalid_char', '~');
  if (utf8Length(s) > (ns === NS_SPECIAL ? MAX_BYTES_SPECIAL : MAX_BYTES)) return fail('title.too_long');

  const nsInfo = table.byId(ns);
  if (!nsInfo) return fail('title.empty');
  if (nsInfo.capitalize) s = ucfirst(s);
  return { ok: true, title: make(table, ns, s.replace(/_/g, ' '), fragment) };
}

/** Titles with the namespace names of one content language (see namespacesFor). */
export interface TitleCodec {
  namespaces: NamespaceTable;
  /** As parseTitle. */
  parse(input: string, defaultNs?: number): ParseTitleResult;
  /** As titleFromKey. */
  fromKey(key: string): Title | undefined;
  /** As makeTitle. */
  make(namespace: number, text: string, fragment?: string): Title;
}

const CODECS = new Map<string, TitleCodec>();
/** Entries of a generation of the title memos (a page's links: a few dozen bytes each). */
const MEMO_SIZE = 20_000;
/** Longer inputs (never valid titles) are not memoised. */
const MEMO_MAX_LENGTH = 1000;

/**
 * The title codec of a content language: 'en' uses MediaWiki's English namespace names, others
 * Maillage's French ones; `metaNamespace` renames namespace 4 (and 5), keeping their names as aliases.
 */
export function titleCodec(language = 'fr', metaNamespace?: string): TitleCodec {
  const local = language !== 'en' && language !== 'fr' && languageData(language) !== undefined;
  const cacheKey = `${language === 'en' || local ? language : 'fr'}:${metaNamespace ?? ''}`;
  let codec = CODECS.get(cacheKey);
  if (codec) return codec;
  const base = namespacesFor(language);
  const table = metaNamespace ? namespaceTable(base.list.map((ns) => renameMeta(ns, metaNamespace, language))) : base;
  // Memoised by default namespace then input: links are parsed on every render, mostly the same ones.
  const parsed = new Map<number, StringMemo<ParseTitleResult>>();
  codec = {
    namespaces: table,
    parse: (input, defaultNs = 0) => {
      if (input.length > MEMO_MAX_LENGTH) return split(decodeCharReferences(input).normalize('NFC'), defaultNs, true, table);
      return memoisedParse(parsed, input, defaultNs, table);
    },
    fromKey: (key) => {
      const r = split(key.normalize('NFC'), NS_MAIN, false, table);
      return r.ok ? r.title : undefined;
    },
    make: (namespace, text, fragment = '') => make(table, namespace, text, fragment),
  };
  CODECS.set(cacheKey, codec);
  return codec;
}

function renameMeta(ns: Namespace, meta: string, language: string): Namespace {
  if (ns.id !== 4 && ns.id !== 5) return ns;
  const localTalk = ns.id === 5 ? languageData(language)?.namespaces?.[5] : undefined;
  const name = ns.id === 4 ? meta : localTalk ? localTalk.replace('$1', meta) : language === 'en' || languageData(language) ? `${meta} talk` : `Discussion ${meta}`;
  return { ...ns, name, aliases: [ns.name, ...ns.aliases] };
}

/** Parses a title as written by a person (link target, form field); `defaultNs` applies when no prefix is given. */
export function parseTitle(input: string, defaultNs = 0): ParseTitleResult {
  return memoisedParse(PARSED, input, defaultNs);
}

/** A title as written, parsed with `table` (the default one if none), through memos by default namespace. */
function memoisedParse(memos: Map<number, StringMemo<ParseTitleResult>>, input: string, defaultNs: number, table?: NamespaceTable): ParseTitleResult {
  let memo = memos.get(defaultNs);
  if (!memo) memos.set(defaultNs, (memo = new StringMemo(MEMO_SIZE)));
  let r = memo.get(input);
  if (!r) {
    // Kept: made from a copy of the input, which is often a slice of a whole page's text.
    r = split(decodeCharReferences(detached(input)).normalize('NFC'), defaultNs, true, table);
    // Shared by every caller (no copy: this runs for each link of each render), hence frozen.
    if (r.ok) Object.freeze(r.title);
    memo.set(input, Object.freeze(r));
  }
  return r;
}

/** parseTitle's memo, by default namespace: links are parsed on every render, mostly the same ones. */
const PARSED = new Map<number, StringMemo<ParseTitleResult>>();

/** titleFromKey's memo (null: not a title). */
const FROM_KEY = new StringMemo<Title | null>(MEMO_SIZE);

/**
 * Rebuilds a Title from its key (`Catégorie:Chantiers_actifs`): no decoding, no fragment.
 * Memoised (keys come back on every save and view); the Title returned is frozen.
 */
export function titleFromKey(key: string): Title | undefined {
  let title = FROM_KEY.get(key);
  if (title === undefined) {
    const r = split(detached(key).normalize('NFC'), NS_MAIN, false);
    title = r.ok ? Object.freeze(r.title) : null;
    FROM_KEY.set(key, title);
  }
  return title ?? undefined;
}

/**
 * Rebuilds a Title from database columns: a namespace number and the title as stored
 * (MediaWiki's page_title: underscores, no namespace prefix). Undefined if they are not valid.
 */
export function titleFromStored(namespace: number, stored: string): Title | undefined {
  const ns = FRENCH.byId(namespace);
  if (!ns) return undefined;
  const t = titleFromKey(ns.id === NS_MAIN ? stored : `${ns.name.replace(/ /g, '_')}:${stored}`);
  return t && t.namespace === namespace ? t : undefined;
}

/** The talk page of a title (itself for a talk page); undefined for special pages. */
export function talkOf(title: Title): Title | undefined {
  if (title.namespace < 0) return undefined;
  const ns = title.namespace % 2 === 1 ? title.namespace : title.namespace + 1;
  return FRENCH.byId(ns) ? makeTitle(ns, title.text) : undefined;
}

/** The subject page of a title (itself for a subject page). */
export function subjectOf(title: Title): Title {
  const ns = title.namespace > 0 && title.namespace % 2 === 1 ? title.namespace - 1 : title.namespace;
  return makeTitle(ns, title.text);
}

/** Percent-encodes as MediaWiki's wfUrlencode: `/ : @ $ ! * , ; ( ) ~` stay readable, `'` is encoded. */
export function wfUrlencode(s: string): string {
  let out = encodeURIComponent(s);
  if (out.includes("'")) out = out.replace(/'/g, '%27');
  return out.includes('%') ? out.replace(KEPT_ESCAPES, (m) => decodeURIComponent(m)) : out;
}

const KEPT_ESCAPES = /%(3B|40|24|2C|2F|3A)/gi;

/** Path of a title's page: `/wiki/` + key, without the fragment. */
export function titleUrl(title: Title): string {
  return `/wiki/${wfUrlencode(title.key)}`;
}
