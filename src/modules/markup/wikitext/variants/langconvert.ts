/**
 * MediaWiki's `<langconvert from="sr-Latn" to="sr-Cyrl">text</langconvert>` (CoreTagHooks::langconvert):
 * the text converted from one variant to another of the same language, codes in BCP 47.
 */
import type { TagHook } from '../types.ts';
import { createConverter } from './index.ts';

const ERROR = `<span class="error"><strong>Error:</strong> Langconvert tag's <code>from</code> and <code>to</code> attributes must not be empty and must contain BCP 47 codes for convertible variants of the same language.</span>`;

/** The internal variant code of a BCP 47 code, when the code is the variant's BCP 47 spelling. */
function variantOf(code: string, pigLatin: boolean): { language: string; variant: string } | undefined {
  const language = code.split('-')[0]!.toLowerCase();
  const converter = createConverter(language, pigLatin);
  const variant = converter?.validateVariant(code);
  if (!converter || !variant) return undefined;
  const bcp47 = converter.lang.bcp47?.[variant] ?? variant;
  return bcp47.toLowerCase() === code.toLowerCase() ? { language, variant } : undefined;
}

export const langconvert: TagHook = (content, attrs, ctx) => {
  if (content === null) return '';
  const pigLatin = Boolean(ctx.env.options?.pigLatinVariant);
  const from = variantOf((attrs.from ?? '').trim(), pigLatin);
  const to = variantOf((attrs.to ?? '').trim(), pigLatin);
  if (!from || !to || from.language !== to.language) return ERROR;
  return createConverter(to.language, pigLatin)!.autoConvert(content, to.variant);
};
