/**
 * Attributes of an extension tag, decoded as MediaWiki's Sanitizer::decodeTagAttributes:
 * names lower-cased and checked, values unquoted, whitespace collapsed, character references decoded.
 */
import { decodeCharReferences } from '../../entities.ts';

const ATTRIBS = /((?:[^\t\n\f\r /=>]|=)[^\t\n\f\r /=>]*)([\t\n\f\r ]*=[\t\n\f\r ]*(?:"([^"]*)(?:"|$)|'([^']*)(?:'|$)|((?:(?![\t\n\f\r >]).)*)))?/gsu;
const NAME = /^[:_\p{L}\p{N}][:_.\-\p{L}\p{N}]*$/u;

export function decodeTagAttributes(text: string): Record<string, string> {
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
