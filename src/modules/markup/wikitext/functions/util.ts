/** Small PHP and MediaWiki behaviours the functions share. */
import { escapeHtml } from '../../../../core/html/jsx-runtime.ts';
import { languageData } from '../languages.ts';
import { MARKER_PREFIX, MARKER_SUFFIX } from '../types.ts';

export { escapeHtml };

/** PHP's htmlspecialchars with ENT_QUOTES (' as &#039;). */
export function htmlspecialchars(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#039;');
}

/** Applies `fn` to the text between strip markers (Parser::markerSkipCallback). */
export function markerSkip(text: string, fn: (s: string) => string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const start = text.indexOf(MARKER_PREFIX, i);
    if (start < 0) break;
    const end = text.indexOf(MARKER_SUFFIX, start);
    if (end < 0) break;
    out += fn(text.slice(i, start)) + text.slice(start, end + MARKER_SUFFIX.length);
    i = end + MARKER_SUFFIX.length;
  }
  return out + fn(text.slice(i));
}

/** Removes strip markers (Parser::killMarkers). */
export function killMarkers(text: string): string {
  if (!text.includes(MARKER_PREFIX)) return text;
  return text.replace(MARKER_RE, '');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const MARKER_RE = new RegExp(`${escapeRe(MARKER_PREFIX)}.*?${escapeRe(MARKER_SUFFIX)}`, 'gs');

/** PHP's urlencode: spaces as '+', everything but [A-Za-z0-9_.-] percent-encoded. */
export function phpUrlencode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()).replace(/%20/g, '+');
}

/** PHP's rawurlencode: everything but [A-Za-z0-9_.~-] percent-encoded. */
export function rawUrlencode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

const NUMERIC = /^[ \t\n\r\v\f]*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?[ \t\n\r\v\f]*$/;

/** PHP 8's is_numeric. */
export function isNumeric(s: string): boolean {
  return NUMERIC.test(s);
}

/** PHP 8's loose string comparison (`==`): numerically when both are numeric strings. */
export function looseEquals(a: string, b: string): boolean {
  if (isNumeric(a) && isNumeric(b)) return Number(a.trim()) === Number(b.trim());
  return a === b;
}

/** PHP's (int) cast of a string: leading integer, else 0. */
export function intval(s: string): number {
  const m = /^[ \t\n\r\v\f]*([+-]?\d+)/.exec(s);
  if (!m) return 0;
  const n = parseInt(m[1]!, 10);
  return Number.isFinite(n) ? n : 0;
}

/** Language::lc / uc / lcfirst / ucfirst. */
export function lc(s: string): string {
  return s.toLowerCase();
}
export function uc(s: string): string {
  return s.toUpperCase();
}
export function lcfirst(s: string): string {
  const c = s.codePointAt(0);
  if (c === undefined) return s;
  const ch = String.fromCodePoint(c);
  return ch.toLowerCase() + s.slice(ch.length);
}
export function ucfirstLang(s: string, language = ''): string {
  const c = s.codePointAt(0);
  if (c === undefined) return s;
  const ch = String.fromCodePoint(c);
  // Turkish and Azerbaijani: i → İ (LanguageTr::ucfirst).
  if (ch === 'i' && (language === 'tr' || language === 'az')) return `İ${s.slice(1)}`;
  return ch.toUpperCase() + s.slice(ch.length);
}

/** Digit group separator and decimal point of a content language (MessagesXx's separatorTransformTable). */
function separators(language: string): { group: string; decimal: string } {
  if (language === 'fr') return { group: '\u202F', decimal: ',' };
  return (language !== 'en' && languageData(language)?.separators) || { group: ',', decimal: '.' };
}

/** MessagesXx's digitTransformTable: ASCII digits replaced by the language's. */
function transformDigits(s: string, digits: string | undefined): string {
  return digits ? s.replace(/[0-9]/g, (d) => digits[Number(d)]!) : s;
}

/** Language::formatNum on a number written in canonical form ('-1234.5'). */
export function formatNumber(input: string, language: string, noSeparators = false, lossless = false): string {
  let num = input;
  // Beyond a double's precision the number is rounded, as MediaWiki's NumberFormatter does, unless LOSSLESS.
  if (/^-?\d{16,}$/.test(num) && String(Number(num)) !== num.replace(/^(-?)0+(?=\d)/, '$1')) {
    if (lossless) return num;
    num = BigInt(Math.round(Number(num))).toString();
  }
  const m = /^(-?)(\d*)(\.\d*)?([eE][-+]?\d+)?$/.exec(num);
  if (!m) return num;
  const data = language === 'en' || language === 'fr' ? undefined : languageData(language);
  // Languages of languages.ts: without separators, the number keeps '.' (MediaWiki skips the separator transform).
  const { group, decimal } = data && noSeparators ? { group: ',', decimal: '.' } : separators(language);
  let int = m[2]!;
  if (!noSeparators && int.length > 3) {
    int = data?.indianGrouping ? int.replace(/\B(?=(\d{2})*\d{3}$)/g, group) : int.replace(/\B(?=(\d{3})+$)/g, group);
  }
  const frac = m[3] ? decimal + m[3].slice(1) : '';
  return transformDigits(m[1]! + int + frac + (m[4] ?? ''), data?.digits);
}

/** Language::parseFormattedNumber: a localised number back to canonical form. */
export function parseFormattedNumber(s: string, language: string): string {
  const { group, decimal } = separators(language);
  let out = s;
  const digits = language === 'en' || language === 'fr' ? undefined : languageData(language)?.digits;
  if (digits) out = out.replace(/./gu, (c) => (digits.includes(c) ? String(digits.indexOf(c)) : c));
  if (language === 'fr') out = out.replace(/[\u202F\u00A0 ]/g, '').split(decimal).join('.');
  else out = out.split(group).join('').split(decimal).join('.');
  return out;
}

/** Formats each number found in `text` (the legacy formatnum for non-numeric input). */
export function formatNumbersIn(text: string, language: string, noSeparators: boolean, lossless = false): string {
  if (isNumeric(text)) return formatNumber(text.trim(), language, noSeparators, lossless);
  return text.replace(/(-(?=[\d.]))?(\d+|(?=\.\d))(\.\d*)?([Ee][-+]?\d+)?/g, (m) => formatNumber(m, language, noSeparators, lossless));
}
