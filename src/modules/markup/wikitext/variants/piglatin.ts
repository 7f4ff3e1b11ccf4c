/** English with the Pig Latin variant (MediaWiki's EnConverter, $wgUsePigLatinVariant). */
import type { VariantLanguage } from './types.ts';

function pigLatinWord(word: string): string {
  if (/^[aeiou]/i.test(word)) return `${word}way`;
  return word.replace(/^(s?qu|[^aeiou][^aeiouy]*)(.*)$/i, (_m, head: string, rest: string) => {
    if (head[0]!.toUpperCase() === head[0]) return `${rest.charAt(0).toUpperCase()}${rest.slice(1)}${head.charAt(0).toLowerCase()}${head.slice(1)}ay`;
    return `${rest}${head}ay`;
  });
}

/** EnConverter::translate: words of ASCII letters (not single letters, lower-case or capitalised only). */
export function toPigLatin(text: string): string {
  return text.replace(/[A-Za-z][a-z']+/g, pigLatinWord);
}

export const ENGLISH: VariantLanguage = {
  main: 'en',
  variants: ['en', 'en-x-piglatin'],
  fallbacks: {},
  names: { en: 'English', 'en-x-piglatin': 'Igpay Atinlay' },
  // The page's manual rules first; the text they leave is put in Pig Latin.
  translate: (text, variant, table) => (variant === 'en-x-piglatin' ? table.replaceAround(text, toPigLatin) : table.replace(text)),
};
