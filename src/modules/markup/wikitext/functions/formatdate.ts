/** {{#formatdate:date|format}} (MediaWiki's DateFormatter with 'match-whole'): dmy, mdy, ymd, ISO 8601. */
import type { FunctionEntry } from './index.ts';
import { namesFor, NAMES } from './dates.ts';
import type { FunctionCall } from './types.ts';

type Source = 'dmy' | 'mdy' | 'ymd' | 'iso';

interface DateParts {
  source: Source;
  year?: number;
  yearText?: string;
  month: number;
  day: number;
}

function monthIndex(name: string, language: string): number | undefined {
  const lower = name.toLowerCase();
  for (const lang of [language, 'en']) {
    const names = namesFor(lang);
    const i = names.months.findIndex((m) => m.toLowerCase() === lower);
    if (i >= 0) return i + 1;
    const g = names.monthsGen.findIndex((m) => m.toLowerCase() === lower);
    if (g >= 0) return g + 1;
    // DateFormatter matches abbreviations too.
    const a = names.monthsAbbrev.findIndex((m) => m.toLowerCase() === lower);
    if (a >= 0) return a + 1;
  }
  return undefined;
}

function monthPattern(language: string): string {
  const names = new Set<string>();
  for (const lang of [language, 'en']) {
    const n = NAMES[lang] ?? NAMES['en']!;
    for (const m of [...n.months, ...n.monthsGen, ...n.monthsAbbrev]) names.add(m);
  }
  // Longest first: 'Juni' before 'Jun.', 'juillet' before 'juill.'.
  return [...names].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

const YEAR = '(-?\\d{1,4}(?: *(?:BC|BCE))?)';

function parse(text: string, language: string): DateParts | undefined {
  const months = monthPattern(language);
  let m = /^(-?\d{4})-(\d\d)-(\d\d)$/.exec(text);
  if (m) return { source: 'iso', year: Number(m[1]), yearText: m[1], month: Number(m[2]), day: Number(m[3]) };
  m = new RegExp(`^(\\d{1,2}) *(${months})(?: *${YEAR})?$`, 'iu').exec(text);
  if (m) return { source: 'dmy', month: monthIndex(m[2]!, language)!, day: Number(m[1]), ...yearOf(m[3]) };
  m = new RegExp(`^(${months}) *(\\d{1,2})(?: *,? *${YEAR})?$`, 'iu').exec(text);
  if (m) return { source: 'mdy', month: monthIndex(m[1]!, language)!, day: Number(m[2]), ...yearOf(m[3]) };
  m = new RegExp(`^${YEAR} *(${months}) *(\\d{1,2})$`, 'iu').exec(text);
  if (m) return { source: 'ymd', month: monthIndex(m[2]!, language)!, day: Number(m[3]), ...yearOf(m[1]) };
  return undefined;
}

function yearOf(text: string | undefined): { year?: number; yearText?: string } {
  if (text === undefined) return {};
  const bc = /BCE?$/i.test(text);
  const n = parseInt(text, 10);
  return { year: bc ? 1 - n : n, yearText: text };
}

function yearDisplay(year: number): string {
  return year <= 0 ? `${1 - year} BC` : String(year);
}

const pad = (n: number, w = 2): string => String(Math.abs(n)).padStart(w, '0');

function formatdate(c: FunctionCall): string {
  const text = c.text(0);
  const pref = (c.count > 1 ? c.text(1) : '').toLowerCase();
  const language = c.ctx.site.language;
  const d = parse(text, language);
  if (!d || d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) return text;
  const target: Source = pref === 'dmy' || pref === 'mdy' || pref === 'ymd' ? pref : pref === 'iso 8601' ? 'iso' : d.source;
  const month = namesFor(language).months[d.month - 1]!;
  const hasYear = d.year !== undefined;
  let out: string;
  switch (target) {
    case 'dmy':
      out = `${d.day} ${month}${hasYear ? ' ' + yearDisplay(d.year!) : ''}`;
      break;
    case 'mdy':
      out = `${month} ${d.day}${hasYear ? ', ' + yearDisplay(d.year!) : ''}`;
      break;
    case 'ymd':
      out = hasYear ? `${yearDisplay(d.year!)} ${month} ${d.day}` : `${month} ${d.day}`;
      break;
    case 'iso':
      out = hasYear ? `${d.year! < 0 ? '-' : ''}${pad(d.year!, 4)}-${pad(d.month)}-${pad(d.day)}` : `${pad(d.month)}-${pad(d.day)}`;
      break;
  }
  const iso = hasYear ? `${d.year! < 0 ? '-' : ''}${pad(d.year!, 4)}-${pad(d.month)}-${pad(d.day)}` : `${pad(d.month)}-${pad(d.day)}`;
  return `<span class="mw-formatted-date" title="${iso}">${out}</span>`;
}

export const FORMATDATE_FUNCTIONS: Record<string, FunctionEntry> = {
  formatdate: { hash: true, fn: formatdate },
};
