/**
 * The tokens tidy reads: tags and comments as TOKEN matches them, and their attributes
 * serialised (double-quoted, duplicates dropped, escaped as RemexHtml does). Most tags are plain
 * (`<name a="…">`): they are read by hand, their attributes need no serialisation.
 */

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s/>=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?)*)\s*(\/?)>/g;
const ATTR = /([^\s/>=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?/g;

/** Names of the attributes already written by serializeAttrs (reused: one tag at a time). */
const seen: string[] = [];

export function serializeAttrs(raw: string): string {
  if (raw === '') return '';
  let out = '';
  seen.length = 0;
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(raw); m; m = ATTR.exec(raw)) {
    const name = m[1]!.toLowerCase();
    if (seen.includes(name)) continue;
    seen.push(name);
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    // U+0338 (combining long solidus) would merge with a preceding '>' or '"' under normalisation: escaped, as RemexHtml does.
    out += ` ${name}="${ATTR_ESCAPED.test(value) ? value.replace(ATTR_ESCAPED_ALL, escapeChar) : value}"`;
  }
  return out;
}

// Alternations, not classes: U+0338 is a combining character.
const ATTR_ESCAPED = /"|\u00a0|\u0338/;
/** What plain attributes (double-quoted values) may hold that needs escaping. */
const ATTR_ESCAPED_RAW = /\u00a0|\u0338/;
const ATTR_ESCAPED_ALL = /"|\u00a0|\u0338/g;
export const TEXT_ESCAPED = /<|>|\u00a0|\u0338/;
export const TEXT_ESCAPED_ALL = /<|>|\u00a0|\u0338/g;
const ESCAPES: Record<string, string> = { '"': '&quot;', '<': '&lt;', '>': '&gt;', '\u00a0': '&#160;', '\u0338': '&#x338;' };

export function escapeChar(c: string): string {
  return ESCAPES[c]!;
}

/** The token tidy reads next (one at a time: reused). */
export const token = { index: 0, end: 0, comment: false, closing: false, name: '', attrs: '', plain: false, selfClosing: false };

/**
 * The next TOKEN match at or after `from`, into `token`. Plain tags (lowercase name, attributes
 * each written ` name="value"`) are read by hand, as TOKEN would match them; `token.plain` tells
 * their attributes need no serialisation (no duplicate, nothing to escape).
 */
export function nextToken(html: string, from: number): boolean {
  const i = html.indexOf('<', from);
  if (i < 0) return false;
  if (plainTag(html, i)) return true;
  TOKEN.lastIndex = i;
  const m = TOKEN.exec(html);
  if (!m) return false;
  token.index = m.index;
  token.end = m.index + m[0].length;
  token.comment = m[0].startsWith('<!--');
  if (token.comment) return true;
  token.closing = m[1] === '/';
  token.name = m[2]!.toLowerCase();
  token.attrs = m[3] ?? '';
  token.plain = false;
  token.selfClosing = m[4] === '/';
  return true;
}

/**
 * Tag names by a hash of their characters (as plainTag computes it): a name read is taken from
 * here, which spares a new string (and its hashing) per tag.
 */
const NAME_MASK = 2047;
const KNOWN_NAMES: Array<string | undefined> = [];

/** Makes `names` known (tidy's: the hash has no collision among them; a colliding name is just not shared). */
export function knowNames(names: Iterable<string>): void {
  for (const name of names) {
    let h = name.charCodeAt(0);
    for (let i = 1; i < name.length; i++) h = (h * 9 + name.charCodeAt(i)) & NAME_MASK;
    KNOWN_NAMES[h] ??= name;
  }
}

/** Whether the HTML read holds U+00A0 or U+0338, escaped in text and attributes (most pages have none). */
let special = false;

/** Starts reading `html`; tells whether it holds U+00A0 or U+0338. */
export function startTokens(html: string): boolean {
  // indexOf is much faster than a regular expression over the whole page.
  special = html.includes('\u00a0') || html.includes('\u0338');
  return special;
}

/** Bounds of the attribute names of the plain tag being read (reused). */
const names: number[] = [];

function plainTag(html: string, i: number): boolean {
  let j = i + 1;
  const closing = html.charCodeAt(j) === 47;
  if (closing) j++;
  let c = html.charCodeAt(j);
  if (c < 97 || c > 122) return false;
  const nameStart = j;
  let h = c;
  // The tag name: [a-z0-9:-] (an uppercase letter goes the general way).
  for (c = html.charCodeAt(++j); (c >= 97 && c <= 122) || (c >= 48 && c <= 58) || c === 45; c = html.charCodeAt(++j)) h = (h * 9 + c) & NAME_MASK;
  const nameEnd = j;
  names.length = 0;
  while (c === 32) {
    const k = j + 1;
    let e = k;
    c = html.charCodeAt(e);
    while ((c >= 97 && c <= 122) || (c >= 48 && c <= 58) || c === 45 || c === 95) c = html.charCodeAt(++e);
    if (e === k || c !== 61 || html.charCodeAt(e + 1) !== 34) return false;
    const close = html.indexOf('"', e + 2);
    if (close < 0) return false;
    names.push(k, e);
    j = close + 1;
    c = html.charCodeAt(j);
  }
  const attrsEnd = j;
  const selfClosing = c === 47;
  if (selfClosing) c = html.charCodeAt(++j);
  if (c !== 62) return false;
  token.index = i;
  token.end = j + 1;
  token.comment = false;
  token.closing = closing;
  const known = KNOWN_NAMES[h];
  token.name = known !== undefined && known.length === nameEnd - nameStart && html.startsWith(known, nameStart) ? known : html.slice(nameStart, nameEnd);
  token.attrs = closing ? '' : html.slice(nameEnd, attrsEnd);
  token.plain = !closing && (!special || !ATTR_ESCAPED_RAW.test(token.attrs)) && !duplicateName(html);
  token.selfClosing = selfClosing;
  return true;
}

/** Whether two of the attribute names in `names` are the same. */
function duplicateName(html: string): boolean {
  for (let a = 2; a < names.length; a += 2) {
    const len = names[a + 1]! - names[a]!;
    for (let b = 0; b < a; b += 2) {
      if (names[b + 1]! - names[b]! === len && html.startsWith(html.slice(names[a]!, names[a + 1]!), names[b]!)) return true;
    }
  }
  return false;
}
