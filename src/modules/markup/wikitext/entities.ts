/** MediaWiki's Sanitizer::normalizeCharReferences: named references made numeric, invalid ones and bare '&' escaped. */
import { decodeCharReferences } from '../entities.ts';

const REFS = /&([A-Za-z0-9\x80-\uFFFF]+;)|&#([0-9]+);|&#[xX]([0-9A-Fa-f]+);|(&)/g;
const KEEP = new Set(['lt;', 'gt;', 'amp;', 'quot;']);
/** MediaWiki's HTML_ENTITY_ALIASES: right-to-left mark names in Hebrew and Arabic. */
const ALIASES: Record<string, string> = { 'רלמ;': 'rlm;', 'رلم;': 'rlm;' };

function validCodepoint(c: number): boolean {
  return c === 0x09 || c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

export function normalizeCharReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFS, (whole, name?: string, dec?: string, hex?: string) => {
    if (name !== undefined) {
      if (ALIASES[name]) return `&${ALIASES[name]}`;
      if (KEEP.has(name)) return whole;
      const decoded = decodeCharReferences(whole);
      if (decoded === whole) return `&amp;${name}`;
      return [...decoded].map((c) => `&#${c.codePointAt(0)};`).join('');
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
  });
}
