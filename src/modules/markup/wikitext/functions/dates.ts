/**
 * Dates for #time and the date variables: PHP's DateTime input formats (the common subset:
 * ISO and textual dates, times, '@timestamp', now/today/tomorrow, relative '+1 day', 'next
 * monday', 'first day of next month', 'ago', zones) and Language::sprintfDate's format codes,
 * with English and French names.
 */

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11,
  december: 12, dec: 12,
};
const DAYS: Record<string, number> = {
  sunday: 0, sun: 0, monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3, thursday: 4, thu: 4,
  thur: 4, thurs: 4, friday: 5, fri: 5, saturday: 6, sat: 6,
};
const UNITS: Record<string, 'y' | 'm' | 'd' | 'h' | 'i' | 's' | 'w' | 'f'> = {
  year: 'y', years: 'y', month: 'm', months: 'm', day: 'd', days: 'd', hour: 'h', hours: 'h', minute: 'i',
  minutes: 'i', min: 'i', mins: 'i', second: 's', seconds: 's', sec: 's', secs: 's', week: 'w', weeks: 'w',
  fortnight: 'f', fortnights: 'f',
};
const RELATIVE_WORDS: Record<string, number> = {
  next: 1, last: -1, previous: -1, this: 0, first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6,
  seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
};

export class InvalidDate extends Error {}

interface Parsed {
  y?: number;
  m?: number;
  d?: number;
  h?: number;
  i?: number;
  s?: number;
  haveDate: boolean;
  haveTime: boolean;
  /** Offset of the written time from UTC, minutes. */
  zone?: number;
  timestamp?: number;
  rel: { y: number; m: number; d: number; h: number; i: number; s: number };
  weekday?: { day: number; behavior: 'this' | 'next' | 'last' };
  firstLast?: 'first' | 'last';
}

const MONTH_RE = '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?';
const DAY_RE = '(sunday|monday|tuesday|wednesday|thursday|friday|saturday|sun|mon|tues|tue|wed|thurs|thur|thu|fri|sat)';
const UNIT_RE = '(fortnights?|years?|months?|weeks?|days?|hours?|minutes?|mins?|seconds?|secs?)';

type Rule = [RegExp, (m: RegExpExecArray, p: Parsed) => void];

function setTime(p: Parsed, h: number, i: number, s: number): void {
  if (p.haveTime) throw new InvalidDate('double time');
  p.h = h;
  p.i = i;
  p.s = s;
  p.haveTime = true;
}

function setDate(p: Parsed, y: number | undefined, m: number | undefined, d: number | undefined): void {
  if (p.haveDate) throw new InvalidDate('double date');
  if (y !== undefined) p.y = y;
  if (m !== undefined) p.m = m;
  if (d !== undefined) p.d = d;
  p.haveDate = true;
}

function year(s: string): number {
  const n = Number(s);
  if (s.length <= 2) return n < 70 ? 2000 + n : 1900 + n;
  return n;
}

function zoneOf(z: string): number {
  if (z === 'z' || z === 'utc' || z === 'gmt') return 0;
  const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(z)!;
  const v = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -v : v;
}

function hour12(h: number, ampm: string): number {
  if (h < 1 || h > 12) throw new InvalidDate('hour');
  const pm = ampm.startsWith('p');
  return (h % 12) + (pm ? 12 : 0);
}

const RULES: Rule[] = [
  [/@(-?\d+)(?:\.\d+)?/y, (m, p) => { p.timestamp = Number(m[1]) * 1000; p.haveDate = p.haveTime = true; p.zone = 0; }],
  [/now\b/y, () => {}],
  [/(today|midnight)\b/y, (_m, p) => setTime(p, 0, 0, 0)],
  [/noon\b/y, (_m, p) => setTime(p, 12, 0, 0)],
  [/tomorrow\b/y, (_m, p) => { setTime(p, 0, 0, 0); p.rel.d += 1; }],
  [/yesterday\b/y, (_m, p) => { setTime(p, 0, 0, 0); p.rel.d -= 1; }],
  // ISO 8601 date with optional time: 2001-02-03, 2001-02-03T04:05:06
  [/(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?/y, (m, p) => {
    setDate(p, Number(m[1]), Number(m[2]), Number(m[3]));
    if (m[4] !== undefined) setTime(p, Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  }],
  // MediaWiki timestamp / compact forms: 20010203040506, 20010203
  [/(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})\b/y, (m, p) => {
    setDate(p, Number(m[1]), Number(m[2]), Number(m[3]));
    setTime(p, Number(m[4]), Number(m[5]), Number(m[6]));
  }],
  [/(\d{4})(\d{2})(\d{2})\b/y, (m, p) => setDate(p, Number(m[1]), Number(m[2]), Number(m[3]))],
  [/(\d{4})\/(\d{1,2})\/(\d{1,2})\b/y, (m, p) => setDate(p, Number(m[1]), Number(m[2]), Number(m[3]))],
  [/(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/y, (m, p) => setDate(p, year(m[3]!), Number(m[1]), Number(m[2]))],
  [/(\d{1,2})\/(\d{1,2})\b/y, (m, p) => setDate(p, undefined, Number(m[1]), Number(m[2]))],
  [/(\d{1,2})[.-](\d{1,2})[.-](\d{4})\b/y, (m, p) => setDate(p, Number(m[3]), Number(m[2]), Number(m[1]))],
  // Times
  [/(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([ap])\.?m\.?\b/y, (m, p) => setTime(p, hour12(Number(m[1]), m[4]!), Number(m[2]), Number(m[3] ?? 0))],
  [/(\d{1,2})\s*([ap])\.?m\.?\b/y, (m, p) => setTime(p, hour12(Number(m[1]), m[2]!), 0, 0)],
  [/t?(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?/y, (m, p) => {
    if (Number(m[1]) > 24 || Number(m[2]) > 59 || Number(m[3] ?? 0) > 60) throw new InvalidDate('time');
    setTime(p, Number(m[1]), Number(m[2]), Number(m[3] ?? 0));
  }],
  // Textual dates
  [new RegExp(`(\\d{1,2})(?:st|nd|rd|th)?[ \\t.-]*${MONTH_RE}[ \\t.,-]*(\\d{4})\\b`, 'y'), (m, p) => setDate(p, Number(m[3]), MONTHS[m[2]!], Number(m[1]))],
  [new RegExp(`${MONTH_RE}[ \\t.-]*(\\d{1,2})(?:st|nd|rd|th)?,?[ \\t.-]*(\\d{4})\\b`, 'y'), (m, p) => setDate(p, Number(m[3]), MONTHS[m[1]!], Number(m[2]))],
  [new RegExp(`${MONTH_RE}[ \\t.,-]*(\\d{4})\\b`, 'y'), (m, p) => setDate(p, Number(m[2]), MONTHS[m[1]!], 1)],
  [new RegExp(`(\\d{4})[ \\t.-]*${MONTH_RE}(?![a-z])`, 'y'), (m, p) => setDate(p, Number(m[1]), MONTHS[m[2]!], 1)],
  [new RegExp(`(\\d{1,2})(?:st|nd|rd|th)?[ \\t.-]*${MONTH_RE}(?![a-z])`, 'y'), (m, p) => setDate(p, undefined, MONTHS[m[2]!], Number(m[1]))],
  [new RegExp(`${MONTH_RE}[ \\t.-]*(\\d{1,2})(?:st|nd|rd|th)?\\b`, 'y'), (m, p) => setDate(p, undefined, MONTHS[m[1]!], Number(m[2]))],
  [new RegExp(`${MONTH_RE}(?![a-z])`, 'y'), (m, p) => setDate(p, undefined, MONTHS[m[1]!], undefined)],
  // first/last day of
  [/(first|last) day of\b/y, (m, p) => { p.firstLast = m[1] as 'first' | 'last'; }],
  // Relative: +1 day, -2 weeks, 3 months, next month, last year, next monday
  [new RegExp(`([+-]?)\\s*(\\d+)\\s*${UNIT_RE}\\b`, 'y'), (m, p) => addRelative(p, (m[1] === '-' ? -1 : 1) * Number(m[2]), m[3]!)],
  [new RegExp(`(next|last|previous|this)\\s+${DAY_RE}\\b`, 'y'), (m, p) => {
    p.weekday = { day: DAYS[m[2]!]!, behavior: m[1] === 'this' ? 'this' : m[1] === 'next' ? 'next' : 'last' };
    if (!p.haveTime) setTime(p, 0, 0, 0);
  }],
  [new RegExp(`(next|last|previous|this|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)\\s+${UNIT_RE}\\b`, 'y'), (m, p) => addRelative(p, RELATIVE_WORDS[m[1]!]!, m[2]!)],
  [new RegExp(`${DAY_RE}\\b\\.?`, 'y'), (m, p) => {
    p.weekday = { day: DAYS[m[1]!]!, behavior: 'this' };
    if (!p.haveTime) setTime(p, 0, 0, 0);
  }],
  [/ago\b/y, (_m, p) => {
    const r = p.rel;
    r.y = -r.y; r.m = -r.m; r.d = -r.d; r.h = -r.h; r.i = -r.i; r.s = -r.s;
  }],
  [/(\d{4})\b/y, (m, p) => {
    if (p.y !== undefined && p.haveDate) throw new InvalidDate('year');
    p.y = Number(m[1]);
    p.haveDate = true;
  }],
  [/(z|utc|gmt|[+-]\d{1,2}:?\d{2}|[+-]\d{1,2})\b/y, (m, p) => { p.zone = zoneOf(m[1]!); }],
  [/[\s,]+/y, () => {}],
];

function addRelative(p: Parsed, n: number, unit: string): void {
  const u = UNITS[unit]!;
  if (u === 'w') p.rel.d += 7 * n;
  else if (u === 'f') p.rel.d += 14 * n;
  else p.rel[u] += n;
}

/** Parses a date as PHP's `new DateTime($text, UTC)` would; epoch ms, or throws InvalidDate. */
export function parseDate(input: string, now: number): number {
  const text = input.trim().toLowerCase();
  const p: Parsed = { haveDate: false, haveTime: false, rel: { y: 0, m: 0, d: 0, h: 0, i: 0, s: 0 } };
  let pos = 0;
  outer: while (pos < text.length) {
    for (const [re, action] of RULES) {
      re.lastIndex = pos;
      const m = re.exec(text);
      if (m && m[0].length > 0) {
        action(m, p);
        pos += m[0].length;
        continue outer;
      }
    }
    throw new InvalidDate(text.slice(pos));
  }
  const base = new Date(p.timestamp ?? now);
  const zone = p.zone ?? 0;
  // Wall-clock fields in the written zone.
  const wall = new Date(base.getTime() + (p.timestamp !== undefined ? 0 : zone * 60000));
  let y = p.y ?? wall.getUTCFullYear();
  let mo = p.m ?? wall.getUTCMonth() + 1;
  let d = p.d ?? wall.getUTCDate();
  let h = wall.getUTCHours();
  let i = wall.getUTCMinutes();
  let s = wall.getUTCSeconds();
  if (p.timestamp === undefined) {
    if (p.haveTime) {
      h = p.h!;
      i = p.i!;
      s = p.s!;
    } else if (p.haveDate) {
      h = i = s = 0;
    }
  }
  if (mo < 1 || mo > 12 || d < 0 || d > 31) throw new InvalidDate('range');
  y += p.rel.y;
  mo += p.rel.m;
  if (p.firstLast === 'first') d = 1;
  else if (p.firstLast === 'last') d = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d + p.rel.d);
  t.setUTCHours(h + p.rel.h, i + p.rel.i, s + p.rel.s, 0);
  if (p.weekday) {
    const dow = t.getUTCDay();
    let delta = (p.weekday.day - dow + 7) % 7;
    if (p.weekday.behavior === 'next' && delta === 0) delta = 7;
    if (p.weekday.behavior === 'last') delta = delta === 0 ? -7 : delta - 7;
    t.setUTCDate(t.getUTCDate() + delta);
  }
  return t.getTime() - (p.timestamp !== undefined ? 0 : zone * 60000);
}

export interface DateNames {
  months: string[];
  monthsGen: string[];
  monthsAbbrev: string[];
  days: string[];
  daysAbbrev: string[];
}

export const NAMES: Record<string, DateNames> = {
  en: {
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    monthsGen: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    monthsAbbrev: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    daysAbbrev: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  },
  fr: {
    months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    monthsGen: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    monthsAbbrev: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juill.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
    days: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
    daysAbbrev: ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'],
  },
  de: {
    months: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
    monthsGen: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
    monthsAbbrev: ['Jan.', 'Feb.', 'Mär.', 'Apr.', 'Mai', 'Jun.', 'Jul.', 'Aug.', 'Sep.', 'Okt.', 'Nov.', 'Dez.'],
    days: ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'],
    daysAbbrev: ['So.', 'Mo.', 'Di.', 'Mi.', 'Do.', 'Fr.', 'Sa.'],
  },
};

export function namesFor(language: string): DateNames {
  return NAMES[language] ?? NAMES['en']!;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** ISO-8601 week number and week-based year. */
function isoWeek(t: Date): { week: number; year: number } {
  const d = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate()));
  const dow = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - dow);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return { week: Math.ceil(((d.getTime() - yearStart) / 86400000 + 1) / 7), year: d.getUTCFullYear() };
}

function roman(n: number): string {
  if (n <= 0 || n > 10000) return String(n);
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

function zoneString(offsetMin: number, colon: boolean): string {
  const sign = offsetMin < 0 ? '-' : '+';
  const a = Math.abs(offsetMin);
  return `${sign}${pad(Math.floor(a / 60))}${colon ? ':' : ''}${pad(a % 60)}`;
}

/**
 * Language::sprintfDate: formats the time `utcMs` seen from a zone `offsetMin` minutes east of UTC.
 */
export function formatDate(format: string, utcMs: number, offsetMin: number, language: string): string {
  const t = new Date(utcMs + offsetMin * 60000);
  const names = namesFor(language);
  const Y = t.getUTCFullYear();
  const mo = t.getUTCMonth();
  const d = t.getUTCDate();
  const H = t.getUTCHours();
  const i = t.getUTCMinutes();
  const s = t.getUTCSeconds();
  const dow = t.getUTCDay();
  const leap = (Y % 4 === 0 && Y % 100 !== 0) || Y % 400 === 0;
  let out = '';
  let romanNext = false;
  for (let p = 0; p < format.length; p++) {
    let code = format[p]!;
    if (code === 'x' && p < format.length - 1) code += format[++p]!;
    let num: number | undefined;
    let width = 0;
    let text: string | undefined;
    switch (code) {
      case 'xx': text = 'x'; break;
      // Raw digits: the same as formatted ones in English and French.
      case 'xn':
      case 'xN':
        continue;
      case 'xr': romanNext = true; continue;
      case 'xg': text = names.monthsGen[mo]; break;
      case 'd': text = pad(d); break;
      case 'D': text = names.daysAbbrev[dow]; break;
      case 'j': num = d; break;
      case 'l': text = names.days[dow]; break;
      case 'N': num = dow || 7; break;
      case 'w': num = dow; break;
      case 'z': num = Math.floor((Date.UTC(Y, mo, d) - Date.UTC(Y, 0, 1)) / 86400000); break;
      case 'W': text = pad(isoWeek(t).week); break;
      case 'F': text = names.months[mo]; break;
      case 'm': text = pad(mo + 1); break;
      case 'M': text = names.monthsAbbrev[mo]; break;
      case 'n': num = mo + 1; break;
      case 't': num = new Date(Date.UTC(Y, mo + 1, 0)).getUTCDate(); break;
      case 'L': num = leap ? 1 : 0; break;
      case 'o': num = isoWeek(t).year; break;
      case 'Y': num = Y; width = 4; break;
      case 'y': text = pad(Y % 100); break;
      case 'a': text = H < 12 ? 'am' : 'pm'; break;
      case 'A': text = H < 12 ? 'AM' : 'PM'; break;
      case 'g': num = H % 12 || 12; break;
      case 'G': num = H; break;
      case 'h': text = pad(H % 12 || 12); break;
      case 'H': text = pad(H); break;
      case 'i': text = pad(i); break;
      case 's': text = pad(s); break;
      case 'U': num = Math.floor(utcMs / 1000); break;
      case 'e': text = offsetMin === 0 ? 'UTC' : zoneString(offsetMin, true); break;
      case 'I': num = 0; break;
      case 'O': text = zoneString(offsetMin, false); break;
      case 'P': text = zoneString(offsetMin, true); break;
      case 'T': text = offsetMin === 0 ? 'UTC' : zoneString(offsetMin, false); break;
      case 'Z': num = offsetMin * 60; break;
      case 'c': text = `${pad(Y, 4)}-${pad(mo + 1)}-${pad(d)}T${pad(H)}:${pad(i)}:${pad(s)}${zoneString(offsetMin, true)}`; break;
      case 'r': text = `${NAMES['en']!.daysAbbrev[dow]}, ${pad(d)} ${NAMES['en']!.monthsAbbrev[mo]} ${Y} ${pad(H)}:${pad(i)}:${pad(s)} ${zoneString(offsetMin, false)}`; break;
      case '\\':
        if (p < format.length - 1) text = format[++p]!;
        else text = '\\';
        break;
      case '"': {
        const close = format.indexOf('"', p + 1);
        if (close >= 0) {
          text = format.slice(p + 1, close);
          p = close;
        } else {
          text = '"';
        }
        break;
      }
      default:
        text = code;
    }
    if (num !== undefined) {
      if (romanNext) text = roman(num);
      else text = width ? pad(num, width) : String(num);
      romanNext = false;
    }
    out += text ?? '';
  }
  return out;
}
