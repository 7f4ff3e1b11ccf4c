/** MediaWiki's Sanitizer::normalizeCharReferences: named references made numeric, invalid ones and bare '&' escaped. */
import { decodeCharReferences } from '../entities.ts';

/** Sticky: tried at each '&', where it always matches (the last branch at least). */
const REFS = /&([A-Za-z0-9\x80-\uFFFF]+;)|&#([0-9]+);|&#[xX]([0-9A-Fa-f]+);|(&)/y;
const KEEP = new Set(['lt;', 'gt;', 'amp;', 'quot;']);
/** MediaWiki's HTML_ENTITY_ALIASES: right-to-left mark names in Hebrew and Arabic. */
const ALIASES: Record<string, string> = { 'רלמ;': 'rlm;', 'رلم;': 'rlm;' };

/** Named references already normalised (the same few recur: &nbsp;, &eacute;…); bounded. */
const NAMED = new Map<string, string>();

function validCodepoint(c: number): boolean {
  return c === 0x09 || c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

/** A reference at `i` that stays as it is (the most frequent ones), by its length; 0 if none. */
function keptLength(text: string, i: number): number {
  switch (text.charCodeAt(i + 1)) {
    case 35: // #
      return text.startsWith('&#160;', i) ? 6 : 0;
    case 97: // a
      return text.startsWith('&amp;', i) ? 5 : 0;
    case 108: // l
      return text.startsWith('&lt;', i) ? 4 : 0;
    case 103: // g
      return text.startsWith('&gt;', i) ? 4 : 0;
    case 113: // q
      return text.startsWith('&quot;', i) ? 6 : 0;
    default:
      return 0;
  }
}

function normalized(whole: string, name?: string, dec?: string, hex?: string): string {
  if (name !== undefined) {
    if (ALIASES[name]) return `&${ALIASES[name]}`;
    if (KEEP.has(name)) return whole;
    let named = NAMED.get(name);
    if (named === undefined) {
      const decoded = decodeCharReferences(whole);
      named = decoded === whole ? `&amp;${name}` : [...decoded].map((c) => `&#${c.codePointAt(0)};`).join('');
      if (NAMED.size < 4096) NAMED.set(name, named);
    }
    return named;
  }
  if (dec !== undefined) {
    const c = Number(dec);
    return validCodepoint(c) ? `&#${c};` : `&amp;#${dec};`;
  }
  if (hex !== undefined) {
    const c = parseInt(hex, 16);
    return validCodepoint(c) ? `&#x${c.toString(16)};` : `&amp;#x${hex};`;
  }
  return '&amp;';
}

/** Each '&' starts a REFS match; the text is rebuilt only from the first one that changes. */
export function normalizeCharReferences(text: string): string {
  let i = text.indexOf('&');
  if (i < 0) return text;
  let out = '';
  let done = 0;
  while (i >= 0) {
    const kept = keptLength(text, i);
    if (kept) {
      i = text.indexOf('&', i + kept);
      continue;
    }
    REFS.lastIndex = i;
    const m = REFS.exec(text)!;
    const whole = m[0];
    const replaced = normalized(whole, m[1], m[2], m[3]);
    if (replaced !== whole) {
      out += text.slice(done, i) + replaced;
      done = i + whole.length;
    }
    i = text.indexOf('&', i + whole.length);
  }
  return done === 0 ? text : out + text.slice(done);
}
