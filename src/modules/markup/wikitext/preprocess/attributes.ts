/**
 * Attributes of an extension tag, decoded as MediaWiki's Sanitizer::decodeTagAttributes:
 * names lower-cased and checked, values unquoted, whitespace collapsed, character references decoded.
 */
import { decodeCharReferences } from '../../entities.ts';
import { detached } from '../../../../core/strings.ts';

const ATTRIBS = /((?:[^\t\n\f\r /=>]|=)[^\t\n\f\r /=>]*)([\t\n\f\r ]*=[\t\n\f\r ]*(?:"([^"]*)(?:"|$)|'([^']*)(?:'|$)|((?:(?![\t\n\f\r >]).)*)))?/gsu;
const NAME = /^[:_\p{L}\p{N}][:_.\-\p{L}\p{N}]*$/u;

/** Results by text (frozen): the same tags come back page after page (`<ref name="…">`, `<references />`). */
const DECODED = new Map<string, Readonly<Record<string, string>>>();

export function decodeTagAttributes(text: string): Readonly<Record<string, string>> {
  let out = DECODED.get(text);
  if (!out) {
    if (text.length > 1000) return Object.freeze(decode(text));
    // Kept: made from a copy of the text (often a slice of a whole page's), so that its values are slices of the copy.
    const own = detached(text);
    out = Object.freeze(decode(own));
    if (DECODED.size >= 10_000) DECODED.clear();
    DECODED.set(own, out);
  }
  return out;
}

function decode(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (text.trim() === '') return out;
  for (const m of text.matchAll(ATTRIBS)) {
    const name = m[1]!.toLowerCase();
    if (!NAME.test(name)) continue;
    const value = m[5] ?? m[4] ?? m[3] ?? '';
    out[name] = decodeCharReferences(value.replace(/[\t\r\n ]+/g, ' ').trim());
  }
  return out;
}
