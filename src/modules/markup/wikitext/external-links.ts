/**
 * External links ([url text], numbered [url]), free URLs and magic links (ISBN, RFC, PMID), as
 * MediaWiki's Parser::handleExternalLinks and handleMagicLinks.
 */
import { decodeCharReferences } from '../entities.ts';
import type { ParseState } from './context.ts';
import { splitTrail } from './internal-links.ts';
import { encodeAttribute, URL_PROTOCOLS_RE } from './sanitizer.ts';
import { formatNumber } from './functions/util.ts';
import { addTrackingCategory } from './tracking.ts';
import { articleUrl, cleanUrl } from './urls.ts';

const URL_CLASS = '[^\\][<>"\\x00-\\x20\\x7F\\p{Zs}\\uFFFD]';
const ADDR = `(?:[0-9.]+|\\[(?:[0-9a-fA-F:.]+)\\]|${URL_CLASS})`;
const BRACKETED = new RegExp(`\\[((?:${URL_PROTOCOLS_RE})${ADDR}${URL_CLASS}*)\\p{Zs}*([^\\]\\x00-\\x08\\x0a-\\x1F\\uFFFD]*?)\\]`, 'giu');
const SPACE = '(?:\\t|&nbsp;|&#0*160;|&#[Xx]0*[Aa]0;|\\p{Zs})';
const SPDASH = `(?:-|${SPACE})`;
const ABSOLUTE_PROTOCOLS_RE = URL_PROTOCOLS_RE.split('|').filter((p) => p !== '\\/\\/').join('|');
/**
 * Free URLs and magic links, tried at a position. MediaWiki's regex also matches links and tags
 * (skipped with SKIPPED) and wants no letter, digit or '_' before a free URL (checked with
 * WORD_CHAR: a lookbehind tried at every position is slow).
 */
const MAGIC = new RegExp(
  `((?:${ABSOLUTE_PROTOCOLS_RE})(${ADDR}${URL_CLASS}*))|\\b(RFC|PMID)${SPACE}+([0-9]+)\\b|\\bISBN${SPACE}+((?:97[89]${SPDASH}?)?(?:[0-9]${SPDASH}?){9}[0-9Xx])\\b`,
  'iuy',
);
/**
 * Where a match can start: a magic link at its word (any case; 'ſ' folds to 's'), a free URL at
 * the protocol's name, letters right before a ':' (at most 9: 'worldwind').
 */
const WORD_HINT = /[Rr][Ff][Cc]|[Pp][Mm][Ii][Dd]|[Ii][Ss\u017f][Bb][Nn]/g;
const MAX_PROTOCOL_NAME = 9;
/** A link or tag at a '<', left as it is (tried before MAGIC at each position, as MediaWiki's alternation). */
const SKIPPED = /<a[ \t\r\n>].*?<\/a>|<.*?>/iuy;
const WORD_CHAR = /^[\p{L}\p{N}_]$/iu;

/**
 * The first match of MAGIC from `from`, free URLs right after a word character left out. MAGIC is
 * tried only where a match can start (see WORD_HINT): most ':' follow no protocol's name.
 */
function nextMagic(text: string, from: number): RegExpExecArray | null {
  let word = wordHint(text, from);
  for (let colon = text.indexOf(':', from); ; colon = text.indexOf(':', colon + 1)) {
    const end = colon < 0 ? text.length : colon;
    let start = end;
    if (colon >= 0) while (start > from && end - start < MAX_PROTOCOL_NAME && isProtocolChar(text.charCodeAt(start - 1))) start--;
    for (; word >= 0 && word < start; word = wordHint(text, word + 1)) {
      const m = magicAt(text, word);
      if (m) return m;
    }
    if (colon < 0) return null;
    for (let at = start; at < end; at++) {
      const m = magicAt(text, at);
      if (m) return m;
    }
    // Words among these letters were tried with them.
    while (word >= 0 && word < end) word = wordHint(text, word + 1);
  }
}

function wordHint(text: string, from: number): number {
  WORD_HINT.lastIndex = from;
  return WORD_HINT.exec(text)?.index ?? -1;
}

/** A character that may be part of a protocol's name under MAGIC's case-insensitive matching ('ſ', the Kelvin sign). */
function isProtocolChar(c: number): boolean {
  return ((c | 32) >= 97 && (c | 32) <= 122) || c === 0x17f || c === 0x212a;
}

function magicAt(text: string, at: number): RegExpExecArray | null {
  // The second half of a surrogate pair starts nothing.
  if (at > 0 && isTrail(text.charCodeAt(at)) && isLead(text.charCodeAt(at - 1))) return null;
  MAGIC.lastIndex = at;
  const m = MAGIC.exec(text);
  return m && (m[1] === undefined || !wordCharBefore(text, at)) ? m : null;
}

function isLead(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isTrail(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function wordCharBefore(text: string, pos: number): boolean {
  if (pos === 0) return false;
  const start = pos > 1 && isTrail(text.charCodeAt(pos - 1)) && isLead(text.charCodeAt(pos - 2)) ? pos - 2 : pos - 1;
  return WORD_CHAR.test(text.slice(start, pos));
}

const IMAGE_URL = new RegExp(`^(?:http:\\/\\/|https:\\/\\/)${URL_CLASS}+\\/([A-Za-z0-9_.,~%\\-+&;#*?!=()@\\x80-\\xFF]+)\\.(?:gif|png|jpg|jpeg)$`, 'iu');

/** Parser::getExternalLinkRel: nofollow unless the host is one of the exceptions (or under one). */
export function noFollow(state: ParseState, url: string): boolean {
  if (!state.options.noFollowLinks) return false;
  const host = /^(?:[a-z][a-z0-9+.-]*:)?\/\/([^/?#:]+)/i.exec(url)?.[1]?.toLowerCase();
  return !(host && (state.options.noFollowDomainExceptions ?? []).some((d) => host === d.toLowerCase() || host.endsWith(`.${d.toLowerCase()}`)));
}

function linkAttrs(state: ParseState, cls: string, url: string): string {
  const rel = noFollow(state, url) ? ' rel="nofollow"' : '';
  const target = state.options.externalLinkTarget ? ` target="${encodeAttribute(state.options.externalLinkTarget)}"` : '';
  return `${target}${rel} class="${cls}" href="${encodeAttribute(url)}"`;
}

function maybeExternalImage(state: ParseState, url: string): string | undefined {
  if (!state.options.allowExternalImages || !IMAGE_URL.test(url)) return undefined;
  const alt = url.replace(/^.*\//, '');
  return `<img src="${encodeAttribute(url)}" alt="${encodeAttribute(alt)}" />`;
}

const ABSOLUTE_PROTOCOL = new RegExp(`^(?:${URL_PROTOCOLS_RE.replace(/\|\\\/\\\/$/, '')})`);

/** LanguageConverter::markNoConversion: text the converter must leave as it is (only with variants). */
export function markNoConversion(state: ParseState, text: string): string {
  return state.converter && !text.includes('-{') && !text.includes('}-') ? `-{R|${text}}-` : text;
}

export function handleExternalLinks(state: ParseState, text: string): string {
  const language = state.ctx.site.language;
  let out = '';
  let last = 0;
  const matches = [...text.matchAll(BRACKETED)];
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k]!;
    out += text.slice(last, m.index);
    last = m.index + m[0].length;
    let url = m[1]!;
    let label = m[2]!;
    const lt = /&(lt|gt);/.exec(url);
    if (lt) {
      label = `${url.slice(lt.index)} ${label}`;
      url = url.slice(0, lt.index);
    }
    const img = maybeExternalImage(state, label);
    if (img) label = img;
    let cls = 'external text';
    let dtrail = '';
    if (label === '') {
      label = `[${formatNumber(String(++state.autoNumber), language)}]`;
      cls = 'external autonumber';
    } else {
      dtrail = splitTrail(text.slice(last, matches[k + 1]?.index ?? text.length), language)[0];
      last += dtrail.length;
    }
    if (ABSOLUTE_PROTOCOL.test(label)) label = markNoConversion(state, label);
    url = cleanUrl(url, decodeCharReferences);
    state.externalLinks.push(url);
    out += `<a${linkAttrs(state, cls, url)}>${label}</a>${dtrail}`;
  }
  return out + text.slice(last);
}

function makeFreeExternalLink(state: ParseState, whole: string, numPostProto: number): string {
  let url = whole;
  let trail = '';
  const stop = /&(lt|gt|nbsp|#x0*(3[CcEe]|[Aa]0)|#0*(60|62|160));/.exec(url);
  if (stop) {
    trail = url.slice(stop.index);
    url = url.slice(0, stop.index);
  }
  const sep = url.includes('(') ? ',;\\.:!?' : ',;\\.:!?)';
  let n = 0;
  while (n < url.length && sep.includes(url[url.length - 1 - n]!)) n++;
  if (n && url[url.length - n] === ';' && /&([a-z]+|#x[\da-f]+|#\d+)$/i.test(url.slice(0, url.length - n + 1).slice(0, -1))) n--;
  if (n) {
    trail = url.slice(url.length - n) + trail;
    url = url.slice(0, url.length - n);
  }
  if (trail.length >= numPostProto) return url + trail;
  url = cleanUrl(url, decodeCharReferences);
  const img = maybeExternalImage(state, url);
  if (img) return img + trail;
  state.externalLinks.push(url);
  return `<a${linkAttrs(state, 'external free', url)}>${markNoConversion(state, encodeAttribute(url))}</a>${trail}`;
}

export function handleMagicLinks(state: ParseState, text: string): string {
  let m = nextMagic(text, 0);
  if (!m) return text;
  const enabled = state.options.magicLinks;
  let out = '';
  let last = 0;
  let pos = 0;
  while (m) {
    // Links and tags that start before the match hide what they contain.
    const lt = text.indexOf('<', pos);
    if (lt >= 0 && lt < m.index) {
      SKIPPED.lastIndex = lt;
      pos = SKIPPED.test(text) ? SKIPPED.lastIndex : lt + 1;
      if (pos > m.index) m = nextMagic(text, pos);
      continue;
    }
    out += text.slice(last, m.index) + magicLink(state, enabled, m);
    last = pos = m.index + m[0].length;
    m = nextMagic(text, pos);
  }
  return out + text.slice(last);
}

function magicLink(state: ParseState, enabled: Record<string, boolean>, m: RegExpExecArray): string {
  const [whole, free, post, kind, num, isbn] = m as unknown as [string, string?, string?, string?, string?, string?];
  if (free !== undefined) return makeFreeExternalLink(state, whole, post!.length);
  if (kind !== undefined) {
    if (enabled[kind] === false) return whole;
    addTrackingCategory(state, kind === 'RFC' ? 'magiclink-tracking-rfc' : 'magiclink-tracking-pmid');
    const url = kind === 'RFC' ? `https://datatracker.ietf.org/doc/html/rfc${num}` : `//www.ncbi.nlm.nih.gov/pubmed/${num}?dopt=Abstract`;
    const cls = kind === 'RFC' ? 'mw-magiclink-rfc' : 'mw-magiclink-pmid';
    state.externalLinks.push(url);
    const rel = noFollow(state, url) ? ' rel="nofollow"' : '';
    return `<a class="external ${cls}"${rel} href="${encodeAttribute(url)}">${kind} ${num}</a>`;
  }
  if (isbn !== undefined) {
    if (enabled.ISBN === false) return whole;
    addTrackingCategory(state, 'magiclink-tracking-isbn');
    const digits = isbn.replace(/[\s-]|&nbsp;|&#0*160;|&#[Xx]0*[Aa]0;|\p{Zs}/gu, '').toUpperCase();
    const title = state.codec.make(-1, `BookSources/${digits}`);
    const label = isbn.replace(new RegExp(SPACE, 'gu'), ' ');
    return `<a href="${encodeAttribute(articleUrl(state.ctx.site, title.key))}" class="internal mw-magiclink-isbn">ISBN ${label}</a>`;
  }
  return whole;
}
