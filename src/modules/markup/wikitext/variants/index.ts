/**
 * Languages with variants and the converter of a render. A content language without variants
 * gets no converter: its rendering never reaches this code.
 */
import { CHINESE } from './chinese.ts';
import { LanguageConverter } from './converter.ts';
import { ENGLISH } from './piglatin.ts';
import { SERBIAN } from './serbian.ts';
import type { VariantLanguage } from './types.ts';

export { LanguageConverter } from './converter.ts';

const LANGUAGES: Record<string, VariantLanguage> = { sr: SERBIAN, zh: CHINESE };

/** Variant names of other languages that the N flag may print (MediaWiki's language names). */
const AUTONYMS: Record<string, string> = {
  ...SERBIAN.names,
  ...Object.fromEntries(Object.entries(CHINESE.names).filter(([k]) => k !== 'zh')),
  zh: '中文',
  en: 'English',
};
// BCP 47 spellings name the same variants ('sr-Cyrl' as 'sr-ec').
for (const lang of [SERBIAN, CHINESE]) for (const [code, bcp47] of Object.entries(lang.bcp47 ?? {})) AUTONYMS[bcp47] ??= AUTONYMS[code]!;

/** The variants of a content language ('en' has one only with MediaWiki's $wgUsePigLatinVariant). */
export function variantLanguage(language: string, pigLatin = false): VariantLanguage | undefined {
  if (language === 'en') return pigLatin ? ENGLISH : undefined;
  return LANGUAGES[language];
}

/** A fresh converter (rules of `-{ }-` blocks accumulate in it), or undefined without variants. */
export function createConverter(language: string, pigLatin = false): LanguageConverter | undefined {
  const lang = variantLanguage(language, pigLatin);
  return lang ? new LanguageConverter(lang, AUTONYMS) : undefined;
}
