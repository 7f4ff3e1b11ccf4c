/**
 * MediaWiki's Sanitizer, for wikitext: the HTML tags and attributes authors may write
 * (removeHTMLtags), attribute validation per element, CSS checks (checkCss), id escaping
 * (escapeIdForAttribute / escapeIdForLink) and safe attribute encoding.
 */
import { decodeCharReferences } from '../entities.ts';
import { detached } from '../../../core/strings.ts';

const PAIRS = [
  'b', 'bdi', 'del', 'i', 'ins', 'u', 'font', 'big', 'small', 'sub', 'sup', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'cite',
  'code', 'em', 's', 'strike', 'strong', 'tt', 'var', 'div', 'center', 'blockquote', 'ol', 'ul', 'dl', 'table', 'caption',
  'pre', 'ruby', 'rb', 'rp', 'rt', 'rtc', 'p', 'span', 'abbr', 'dfn', 'kbd', 'samp', 'data', 'time', 'mark', 'q', 'bdo',
  'td', 'th', 'tr', 'thead', 'tbody', 'tfoot', 'li', 'dt', 'dd',
];
export const SINGLE = new Set(['br', 'wbr', 'hr', 'li', 'dt', 'dd', 'meta', 'link']);
export const SINGLE_ONLY = new Set(['br', 'wbr', 'hr', 'meta', 'link']);
export const HTML_ELEMENTS = new Set([...PAIRS, ...SINGLE]);

const COMMON = ['id', 'class', 'style', 'lang', 'dir', 'title', 'tabindex', 'aria-describedby', 'aria-flowto', 'aria-hidden',
  'aria-label', 'aria-labelledby', 'aria-level', 'aria-owns', 'aria-roledescription', 'role', 'about', 'property', 'resource',
  'datatype', 'typeof', 'itemid', 'itemprop', 'itemref', 'itemscope', 'itemtype'];
const BLOCK = [...COMMON, 'align'];
const TABLE_ALIGN = ['align', 'valign'];
const CELL = [...COMMON, 'abbr', 'axis', 'headers', 'scope', 'rowspan', 'colspan', 'nowrap', 'width', 'height', 'bgcolor', ...TABLE_ALIGN];

const ALLOWED: Record<string, string[]> = {
  div: BLOCK, center: COMMON, span: COMMON, h1: BLOCK, h2: BLOCK, h3: BLOCK, h4: BLOCK, h5: BLOCK, h6: BLOCK, bdo: COMMON,
  em: COMMON, strong: COMMON, cite: COMMON, dfn: COMMON, code: COMMON, samp: COMMON, kbd: COMMON, var: COMMON, abbr: COMMON,
  blockquote: [...COMMON, 'cite'], q: [...COMMON, 'cite'], sub: COMMON, sup: COMMON, p: BLOCK, br: [...COMMON, 'clear'],
  wbr: COMMON, pre: [...COMMON, 'width'], ins: [...COMMON, 'cite', 'datetime'], del: [...COMMON, 'cite', 'datetime'],
  ul: [...COMMON, 'type'], ol: [...COMMON, 'type', 'start', 'reversed'], li: [...COMMON, 'type', 'value'], dl: COMMON,
  dd: COMMON, dt: COMMON,
  table: [...COMMON, 'summary', 'width', 'border', 'frame', 'rules', 'cellspacing', 'cellpadding', 'align', 'bgcolor'],
  caption: BLOCK, thead: COMMON, tfoot: COMMON, tbody: COMMON, colgroup: [...COMMON, 'span'], col: [...COMMON, 'span'],
  tr: [...COMMON, 'bgcolor', ...TABLE_ALIGN], td: CELL, th: CELL,
  a: [...COMMON, 'href', 'rel', 'rev'], img: [...COMMON, 'alt', 'src', 'width', 'height', 'srcset'],
  tt: COMMON, b: COMMON, i: COMMON, big: COMMON, small: COMMON, strike: COMMON, s: COMMON, u: COMMON,
  font: [...COMMON, 'size', 'color', 'face'], hr: [...COMMON, 'width'], ruby: COMMON, rb: COMMON, rp: COMMON, rt: COMMON,
  rtc: COMMON, math: [], figure: COMMON, figcaption: COMMON, bdi: COMMON, data: [...COMMON, 'value'],
  time: [...COMMON, 'datetime'], mark: COMMON,
  meta: ['itemprop', 'content'], link: ['itemprop', 'href', 'title'],
};
const ALLOWED_SETS = new Map(Object.entries(ALLOWED).map(([k, v]) => [k, new Set(v)]));

const SPACE = '[\\x09\\x0a\\x0c\\x0d\\x20]';
const ATTRIBS = new RegExp(
  `((?:[^\\x09\\x0a\\x0c\\x0d\\x20/>=]|=)[^\\x09\\x0a\\x0c\\x0d\\x20/>=]*)(${SPACE}*=${SPACE}*(?:"([^"]*)(?:"|$)|'([^']*)(?:'|$)|((?:(?!${SPACE}|>).)*)))?`,
  'gsu',
);
const ATTRIB_NAME = /^[:_\p{L}\p{N}][:_.\-\p{L}\p{N}]*$/u;
const EVIL_URI = /(^|\s|\*\/\s*)(javascript|vbscript)([^\w]|$)/i;
const URL_PROTOCOLS = ['bitcoin:', 'ftp://', 'ftps://', 'geo:', 'git://', 'gopher://', 'http://', 'https://', 'irc://',
  'ircs://', 'magnet:', 'mailto:', 'matrix:', 'mms://', 'news:', 'nntp://', 'redis://', 'sftp://', 'sip:', 'sips:', 'sms:',
  'ssh://', 'svn://', 'tel:', 'telnet://', 'urn:', 'worldwind://', 'xmpp:', '//'];

/** MediaWiki's $wgUrlProtocols as a regular-expression alternation (case-insensitive use). */
export const URL_PROTOCOLS_RE = URL_PROTOCOLS.map((p) => p.replace(/[/.+]/g, (c) => `\\${c}`)).join('|');
const HREF_OK = new RegExp(`^(?:${URL_PROTOCOLS_RE}|[^:]*$|[^/?]*[/?])`, 'i');

/** Code points MediaWiki refuses in character references (Sanitizer::validateCodepoint). */
function validCodepoint(c: number): boolean {
  return c === 0x09 || c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

/** Sanitizer::decodeCharReferences: references to refused code points become U+FFFD. */
export function decodeRefs(text: string): string {
  const guarded = text.replace(/&#(?:([0-9]+)|[xX]([0-9a-fA-F]+));/g, (whole, dec?: string, hex?: string) => {
    const c = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    return validCodepoint(c) ? whole : '\uFFFD';
  });
  return decodeCharReferences(guarded);
}

/** Attributes of a tag as written (MediaWiki's decodeTagAttributes): names lower-cased, values trimmed and decoded. */
export function decodeTagAttributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  if (text.trim() === '') return out;
  for (const m of text.matchAll(ATTRIBS)) {
    const name = m[1]!.toLowerCase();
    if (!ATTRIB_NAME.test(name)) continue;
    const raw = m[3] ?? m[4] ?? m[5] ?? '';
    out.set(name, decodeRefs(raw.replace(/[\t\r\n ]+/g, ' ').trim()));
  }
  return out;
}

/**
 * MediaWiki's Sanitizer::checkCss: the style, or '/* insecure input *\/' when it could fetch or run
 * something. `strict` (Maillage's default) also refuses fixed, absolute and sticky positioning,
 * with which content could cover the interface.
 */
export function checkCss(value: string, strict = false): string {
  // Character references to invalid code points (CR included) decode to U+FFFD, as MediaWiki's.
  let v = decodeCharReferences(value.replace(/&#0*13;|&#[xX]0*[dD];/g, '\uFFFD'));
  // CSS escapes: \HEX and \char.
  v = v.replace(/\\(?:(\r\n|[\n\r\f])|([0-9a-fA-F]{1,6})(?:\r\n|[ \t\r\n\f])?|(.))/gs, (_m, nl: string | undefined, hex: string | undefined, ch: string | undefined) => {
    if (nl !== undefined) return '';
    if (hex !== undefined) {
      const code = parseInt(hex, 16);
      return code === 0 || code > 0x10ffff ? '\uFFFD' : String.fromCodePoint(code);
    }
    return ch === '\n' ? '' : (ch ?? '');
  });
  // Comments are removed; an unclosed one is an attack.
  // eslint-disable-next-line no-control-regex -- control characters are refused
  if (/[\x00-\x08\x0b\x0e-\x1f\x7f\uFFFD]/.test(v)) return '/* invalid control char */';
  v = v.replace(/\/\*.*?\*\//gs, ' ');
  if (v.includes('/*')) return '/* insecure input */';
  if (/expression|filter\s*:|accelerator\s*:|-o-link\s*:|-o-link-source\s*:|-o-replace\s*:|url\s*\(|image\s*\(|image-set\s*\(|attr\s*\([^)]+[\s,]+url/i.test(v)) {
    return '/* insecure input */';
  }
  if (strict && /position\s*:\s*(?:fixed|absolute|sticky)/i.test(v)) return '/* insecure input */';
  return v;
}

/** Escapes an id as MediaWiki's escapeIdInternal for one fragment mode. */
export function escapeIdMode(id: string, mode: string): string {
  if (mode === 'legacy') {
    // Anchor encoding: spaces to '_', urlencode, then % to '.', with ':' kept.
    const enc = encodeURIComponent(id.replace(/ /g, '_'))
      .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
      .replace(/%3A/g, ':')
      .replace(/%/g, '.');
    return enc;
  }
  return id.replace(/[ \t\n\r\f]/g, '_');
}

/** escapeIdForAttribute: the id of an element under the primary fragment mode. */
export function escapeIdForAttribute(id: string, modes: string[] = ['html5']): string {
  return escapeIdMode(id, modes[0] ?? 'html5');
}

/** escapeIdForLink: the href fragment (without '#') of a link to `id`. */
export function escapeIdForLink(id: string, modes: string[] = ['html5']): string {
  const mode = modes[0] ?? 'html5';
  const esc = escapeIdMode(id, mode);
  if (mode !== 'html5' || !esc.includes('%')) return esc;
  return esc.replace(/%([0-9a-fA-F]{2})/g, '%25$1');
}

export interface SanitizeOptions {
  fragmentMode?: string[];
  /** Also refuse styles that take content out of the flow (see checkCss). */
  strictCss?: boolean;
  /** removeHtmlTags leaves attributes out: only the text is read (indexing). */
  textOnly?: boolean;
}

/** MediaWiki's validateAttributes: the allowed attributes of `element`, values checked. */
export function validateAttributes(attrs: Map<string, string>, element: string, opts: SanitizeOptions = {}): Map<string, string> {
  const allowed = ALLOWED_SETS.get(element) ?? new Set<string>();
  const out = new Map<string, string>();
  for (const [name, v] of attrs) {
    let value = v;
    if (/^xmlns:[^:]+$/.test(name)) {
      if (!EVIL_URI.test(value)) out.set(name, value);
      continue;
    }
    if ((!/^data-[^:]*$/i.test(name) && !allowed.has(name)) || /^data-(ooui|mw|parsoid)/i.test(name)) continue;
    if (name === 'style') value = checkCss(value, opts.strictCss);
    if (name === 'id') {
      if (value === '') continue;
      value = escapeIdForAttribute(value, opts.fragmentMode);
    }
    if (['aria-describedby', 'aria-flowto', 'aria-labelledby', 'aria-owns'].includes(name)) {
      value = value.split(/\s+/).filter(Boolean).map((x) => escapeIdForAttribute(x, opts.fragmentMode)).join(' ');
    }
    if (['rel', 'rev', 'about', 'property', 'resource', 'datatype', 'typeof', 'itemid', 'itemprop', 'itemref', 'itemscope', 'itemtype'].includes(name) && EVIL_URI.test(value)) continue;
    if ((name === 'href' || name === 'src' || name === 'poster') && !HREF_OK.test(value)) continue;
    if (name === 'tabindex' && value !== '0') continue;
    out.set(name, value);
  }
  if (!out.has('itemscope')) {
    out.delete('itemtype');
    out.delete('itemid');
  }
  return out;
}

const ATTRIBUTE_ESCAPES: Record<string, string> = {
  '&': '&amp;', '"': '&quot;', "'": '&#039;', '<': '&lt;', '>': '&gt;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;',
};
const ATTRIBUTE_SPECIAL = /[&"'<>\n\r\t]/;
const ATTRIBUTE_SPECIALS = /[&"'<>\n\r\t]/g;

/** htmlspecialchars plus MediaWiki's encodeAttribute (newlines and tabs as references). */
export function encodeAttribute(v: string): string {
  return ATTRIBUTE_SPECIAL.test(v) ? v.replace(ATTRIBUTE_SPECIALS, (c) => ATTRIBUTE_ESCAPES[c]!) : v;
}

const PROTOCOL_IN_ATTR = new RegExp(`(${URL_PROTOCOLS_RE.split('|').filter((p) => p !== '\\/\\/').join('|')})`, 'gi');
/** encodeAttribute's escapes and the wiki syntax safeEncodeAttribute hides; no replacement makes another match. */
const SAFE_ESCAPES: Record<string, string> = {
  ...ATTRIBUTE_ESCAPES,
  '{': '&#123;', '}': '&#125;', '[': '&#91;', ']': '&#93;', '|': '&#124;', '_': '&#95;',
  ISBN: '&#73;SBN', RFC: '&#82;FC', PMID: '&#80;MID', '~~~': '&#126;~~',
};
const SAFE_SPECIALS = /[&"'<>\n\r\t{}[\]|_]|ISBN|RFC|PMID|~~~/g;

/** safeEncodeAttribute: also hides wiki syntax (links, magic words, quotes, URLs) from later passes. */
export function safeEncodeAttribute(v: string): string {
  // Quotes are already references, so MediaWiki's '' to &#39;&#39; has nothing left to do.
  const out = v.replace(SAFE_SPECIALS, (m) => SAFE_ESCAPES[m]!);
  return out.includes(':') ? out.replace(PROTOCOL_IN_ATTR, (p: string) => p.replace(/:/, '&#58;')) : out;
}

export function safeEncodeTagAttributes(attrs: Map<string, string>): string {
  let out = '';
  for (const [k, v] of attrs) out += ` ${encodeAttribute(k)}="${safeEncodeAttribute(v)}"`;
  return out;
}

/** fixTagAttributes' memo, by element, options and text: tables and tags repeat the same attributes. */
const FIXED = new Map<string, string>();

/** fixTagAttributes: decoded, validated and safely re-encoded attributes (' a="b"…'). */
export function fixTagAttributes(text: string, element: string, opts: SanitizeOptions = {}): string {
  if (text.trim() === '') return '';
  if (text.length > 1000) return safeEncodeTagAttributes(validateAttributes(decodeTagAttributes(text), element, opts));
  const key = `${element} ${opts.strictCss ? 1 : 0} ${opts.fragmentMode?.join(' ') ?? '-'}\n${text}`;
  let out = FIXED.get(key);
  if (out === undefined) {
    // Kept: made from a copy of the text, which is often a slice of a whole page's text.
    out = detached(safeEncodeTagAttributes(validateAttributes(decodeTagAttributes(text), element, opts)));
    if (FIXED.size >= 20_000) FIXED.clear();
    FIXED.set(detached(key), out);
  }
  return out;
}

// MediaWiki's pattern ends with `([^<]*)$`: always true of a piece split at '<', so the rest is sliced off instead of matched.
const ELEMENT = /^(\/?)([^\s/>]+)([^>]*?)(\/?>)/s;

function escapeGt(s: string): string {
  return s.includes('>') ? s.replace(/>/g, '&gt;') : s;
}

/**
 * removeHTMLtags: tags of the allowlist stay (attributes cleaned, `<x/>` made `<x></x>`), any
 * other '<' is escaped; '>' outside tags is escaped.
 */
export function removeHtmlTags(text: string, opts: SanitizeOptions = {}, unstrip: (attrs: string) => string = (a) => a): string {
  const bits = text.split('<');
  let out = escapeGt(bits[0]!);
  for (let i = 1; i < bits.length; i++) {
    const x = bits[i]!;
    const m = ELEMENT.exec(x);
    if (m) {
      const slash = m[1]!;
      const t = m[2]!.toLowerCase();
      const params = m[3]!;
      let brace = m[4]!;
      const rest = x.slice(m[0].length);
      if (HTML_ELEMENTS.has(t)) {
        if (brace === '/>' && !SINGLE.has(t)) brace = '>';
        let bad = false;
        if ((t === 'meta' || t === 'link') && !/\bitemprop\s*=/.test(params)) bad = true;
        if (!bad) {
          const attrs = slash || opts.textOnly ? '' : fixTagAttributes(unstrip(params), t, opts);
          if (brace === '/>' && !SINGLE_ONLY.has(t)) brace = `></${t}>`;
          out += `<${slash}${t}${attrs}${brace}${escapeGt(rest)}`;
          continue;
        }
      }
    }
    out += `&lt;${escapeGt(x)}`;
  }
  return out;
}
