import MarkdownIt from 'markdown-it';

/** markdown-it's utilities carry the HTML5 named-entity table; one bare instance gives access to them. */
const { unescapeAll } = new MarkdownIt('zero').utils;

const CHAR_REF = /&(?:#[xX]([0-9a-fA-F]{1,8})|#([0-9]{1,10})|([a-zA-Z][a-zA-Z0-9]{1,31}));/g;

function fromCode(code: number): string {
  // As MediaWiki's Sanitizer::decodeChar: invalid code points become U+FFFD (which titles reject).
  const invalid =
    code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff;
  return invalid ? '\uFFFD' : String.fromCodePoint(code);
}

/**
 * Decodes HTML character references (`&eacute;`, `&#233;`, `&#xE9;`) as MediaWiki's
 * Sanitizer::decodeCharReferences does. Unknown named references are left as they are.
 */
export function decodeCharReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(CHAR_REF, (match, hex: string | undefined, dec: string | undefined) => {
    if (hex !== undefined) return fromCode(parseInt(hex, 16));
    if (dec !== undefined) return fromCode(parseInt(dec, 10));
    return unescapeAll(match);
  });
}
