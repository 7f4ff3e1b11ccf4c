/**
 * Serbian (MediaWiki's SrConverter): Cyrillic ↔ Latin transliteration by table, Roman numerals
 * left as written, and a text that already looks like the wanted script left alone.
 */
import type { VariantLanguage } from './types.ts';

const TO_LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ђ: 'đ', е: 'e', ж: 'ž', з: 'z', и: 'i',
  ј: 'j', к: 'k', л: 'l', љ: 'lj', м: 'm', н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r',
  с: 's', т: 't', ћ: 'ć', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'č', џ: 'dž', ш: 'š',
  А: 'A', Б: 'B', В: 'V', Г: 'G', Д: 'D', Ђ: 'Đ', Е: 'E', Ж: 'Ž', З: 'Z', И: 'I',
  Ј: 'J', К: 'K', Л: 'L', Љ: 'Lj', М: 'M', Н: 'N', Њ: 'Nj', О: 'O', П: 'P', Р: 'R',
  С: 'S', Т: 'T', Ћ: 'Ć', У: 'U', Ф: 'F', Х: 'H', Ц: 'C', Ч: 'Č', Џ: 'Dž', Ш: 'Š',
};

const TO_CYRILLIC: Record<string, string> = {
  a: 'а', b: 'б', c: 'ц', č: 'ч', ć: 'ћ', d: 'д', dž: 'џ', đ: 'ђ', e: 'е', f: 'ф',
  g: 'г', h: 'х', i: 'и', j: 'ј', k: 'к', l: 'л', lj: 'љ', m: 'м', n: 'н', nj: 'њ',
  o: 'о', p: 'п', r: 'р', s: 'с', š: 'ш', t: 'т', u: 'у', v: 'в', z: 'з', ž: 'ж',
  A: 'А', B: 'Б', C: 'Ц', Č: 'Ч', Ć: 'Ћ', D: 'Д', Dž: 'Џ', Đ: 'Ђ', E: 'Е', F: 'Ф',
  G: 'Г', H: 'Х', I: 'И', J: 'Ј', K: 'К', L: 'Л', LJ: 'Љ', M: 'М', N: 'Н', NJ: 'Њ',
  O: 'О', P: 'П', R: 'Р', S: 'С', Š: 'Ш', T: 'Т', U: 'У', V: 'В', Z: 'З', Ž: 'Ж',
  DŽ: 'Џ', 'd!ž': 'дж', 'D!ž': 'Дж', 'D!Ž': 'ДЖ',
  Lj: 'Љ', 'l!j': 'лј', 'L!j': 'Лј', 'L!J': 'ЛЈ',
  Nj: 'Њ', 'n!j': 'нј', 'N!j': 'Нј', 'N!J': 'НЈ',
};

// A Roman numeral between non-word characters (PHP's [^\w\x80-\xff]: ASCII other than word characters).
const ROMAN = '(?=[MDCLXVI])M{0,4}(?:C[DM]|D?C{0,4})(?:X[LC]|L?X{0,4})(?:I[VX]|V?I{0,4})';
const BREAK = '[^\\w\\u0080-\\uffff]';
const ROMAN_SPLIT = new RegExp(`^${ROMAN}$|^${ROMAN}${BREAK}|${BREAK}${ROMAN}$|${BREAK}${ROMAN}${BREAK}`, 'g');

/** SrConverter::translate: the table over the text, except Roman numerals (and the characters around them). */
export function translateSerbian(text: string, table: (s: string) => string): string {
  let out = '';
  let last = 0;
  let first = true;
  ROMAN_SPLIT.lastIndex = 0;
  for (let m = ROMAN_SPLIT.exec(text); m; m = ROMAN_SPLIT.exec(text)) {
    if (m[0] === '') {
      ROMAN_SPLIT.lastIndex++;
      continue;
    }
    const piece = text.slice(last, m.index);
    out += first ? table(piece) : piece.trim() ? table(piece) : piece;
    out += m[0];
    first = false;
    last = m.index + m[0].length;
  }
  const piece = text.slice(last);
  out += first ? table(piece) : piece.trim() ? table(piece) : piece;
  return out;
}

/** SrConverter::guessVariant: more letters proper to the wanted script than to the other one. */
export function guessSerbian(text: string, variant: string): boolean {
  const cyrillic = text.match(/[шђчћжШЂЧЋЖ]/g)?.length ?? 0;
  const latin = text.match(/[šđč枊ĐČĆŽ]/g)?.length ?? 0;
  if (variant === 'sr-ec') return cyrillic > latin;
  if (variant === 'sr-el') return latin > cyrillic;
  return false;
}

export const SERBIAN: VariantLanguage = {
  main: 'sr',
  variants: ['sr', 'sr-ec', 'sr-el'],
  fallbacks: { sr: ['sr-ec'], 'sr-ec': ['sr'], 'sr-el': ['sr'] },
  bcp47: { 'sr-ec': 'sr-Cyrl', 'sr-el': 'sr-Latn' },
  names: { sr: 'српски / srpski', 'sr-ec': 'српски (ћирилица)', 'sr-el': 'srpski (latinica)' },
  tables: { 'sr-ec': TO_CYRILLIC, 'sr-el': TO_LATIN },
  translate: (text, _variant, table) => translateSerbian(text, (s) => table.replace(s)),
  guessVariant: guessSerbian,
};
