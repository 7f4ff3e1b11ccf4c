import type { Locale } from './locales.ts';
import { NBSP } from './typography.ts';

const TZ = 'America/Toronto';

// Intl formatters are costly to build (tens of microseconds): one per locale, zone and style.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

function parts(ms: number, timeZone: string) {
  const p = cached(`parts|${timeZone}`, () => new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  })).formatToParts(new Date(ms));
  const get = (type: string) => p.find((x) => x.type === type)?.value ?? '';
  return { y: get('year'), m: get('month'), d: get('day'), h: get('hour'), min: get('minute') };
}

/** ISO 8601 date, the OQLF's recommended form in tables: 2026-11-21. */
export function formatDateIso(ms: number, timeZone = TZ): string {
  const { y, m, d } = parts(ms, timeZone);
  return `${y}-${m}-${d}`;
}

/** Time of day: « 14 h 30 » in French (« 9 h » on the hour), « 2:30 p.m. » in English. */
export function formatTime(ms: number, locale: Locale, timeZone = TZ): string {
  const { h, min } = parts(ms, timeZone);
  const hour = Number(h);
  if (locale === 'fr-CA') return min === '00' ? `${hour}${NBSP}h` : `${hour}${NBSP}h${NBSP}${min}`;
  const suffix = hour < 12 ? 'a.m.' : 'p.m.';
  return `${hour % 12 === 0 ? 12 : hour % 12}:${min}${NBSP}${suffix}`;
}

/** Long date for running text: « 21 novembre 2026 », « November 21, 2026 ». */
export function formatDateLong(ms: number, locale: Locale, timeZone = TZ): string {
  return cached(`long|${locale}|${timeZone}`, () => new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric' })).format(ms);
}

export function formatDateTime(ms: number, locale: Locale, timeZone = TZ): string {
  const sep = locale === 'fr-CA' ? ` à ` : ` at `;
  return `${formatDateLong(ms, locale, timeZone)}${sep}${formatTime(ms, locale, timeZone)}`;
}

export function formatNumber(n: number, locale: Locale): string {
  return cached(`number|${locale}`, () => new Intl.NumberFormat(locale)).format(n);
}

/** « 46 % » in French (no-break space), « 46% » in English. */
export function formatPercent(fraction: number, locale: Locale): string {
  return cached(`percent|${locale}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })).format(fraction);
}
