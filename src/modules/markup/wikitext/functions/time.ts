/** #time, #timel and the CURRENT*, LOCAL* and REVISION* date variables. */
import type { RenderState } from '../preprocess/state.ts';
import { formatDate, InvalidDate, parseDate } from './dates.ts';
import type { FunctionEntry } from './index.ts';
import type { FunctionCall, MagicVariable } from './types.ts';
import { htmlspecialchars } from './util.ts';

/** ParserFunctions' MAX_TIME_CHARS: total length of #time formats per render. */
const MAX_TIME_CHARS = 6000;

function now(state: RenderState): number {
  return state.ctx.env.now ?? Date.now();
}

function localOffset(state: RenderState): number {
  return state.ctx.env.timezoneOffset ?? 0;
}

const ERRORS: Record<string, Record<string, string>> = {
  en: {
    error: 'Error: Invalid time.',
    tooLong: 'Error: Too many #time calls.',
    tooBig: 'Error: #time only supports years up to 9999.',
    tooSmall: 'Error: #time only supports years from 0.',
  },
  fr: {
    error: 'Erreur : durée invalide.',
    tooLong: 'Erreur : trop d’appels à #time.',
    tooBig: 'Erreur : #time prend uniquement en charge des années jusqu’à 9999.',
    tooSmall: 'Erreur : #time prend uniquement en charge des années à partir de 0.',
  },
};

function timeError(language: string, key: string): string {
  const table = ERRORS[language] ?? ERRORS['en']!;
  return `<strong class="error">${htmlspecialchars(table[key]!)}</strong>`;
}

function time(c: FunctionCall, localByDefault: boolean): string {
  const state = c.state;
  const language = c.ctx.site.language;
  const format = c.text(0);
  let date = c.count > 1 ? c.text(1) : '';
  const langArg = c.count > 2 ? c.text(2).toLowerCase() : '';
  const localArg = c.count > 3 ? c.text(3) : '';
  const local = localByDefault || (localArg !== '' && localArg !== '0' && localArg.toLowerCase() !== 'false');
  let ms: number;
  try {
    if (date === '') {
      ms = now(state);
    } else {
      if (/^[0-9]{4}$/.test(date)) date = '00:00 ' + date;
      let parsed = state.memo.get('dates') as Map<string, number> | undefined;
      if (!parsed) {
        parsed = new Map();
        state.memo.set('dates', parsed);
      }
      const known = parsed.get(date);
      if (known !== undefined) {
        ms = known;
      } else {
        ms = parseDate(date, now(state));
        parsed.set(date, ms);
      }
    }
  } catch (e) {
    if (e instanceof InvalidDate) return timeError(language, 'error');
    throw e;
  }
  if (Number.isNaN(ms)) return timeError(language, 'error');
  const used = ((state.memo.get('timeChars') as number | undefined) ?? 0) + format.length;
  state.memo.set('timeChars', used);
  if (used > MAX_TIME_CHARS) return timeError(language, 'tooLong');
  const offset = local ? localOffset(state) : 0;
  const year = new Date(ms + offset * 60000).getUTCFullYear();
  if (year < 0) return timeError(language, 'tooSmall');
  if (year > 9999) return timeError(language, 'tooBig');
  const outLanguage = langArg === 'en' || langArg === 'fr' ? langArg : language;
  return formatDate(format, ms, offset, outLanguage);
}

function dateVariable(format: string, local: boolean): MagicVariable {
  return (state) => formatDate(format, now(state), local ? localOffset(state) : 0, state.ctx.site.language);
}

function revisionVariable(format: string): MagicVariable {
  return (state) => formatDate(format, state.ctx.env.revision?.timestamp ?? now(state), 0, state.ctx.site.language);
}

const DATE_FORMATS: Record<string, string> = {
  month: 'm',
  month1: 'n',
  monthname: 'F',
  monthnamegen: 'xg',
  monthabbrev: 'M',
  day: 'j',
  day2: 'd',
  dayname: 'l',
  year: 'Y',
  time: 'H:i',
  hour: 'H',
  week: 'W',
  dow: 'w',
  timestamp: 'YmdHis',
};

export const TIME_VARIABLES: Record<string, MagicVariable> = {
  ...Object.fromEntries(Object.entries(DATE_FORMATS).map(([k, f]) => [`current${k}`, dateVariable(f, false)])),
  ...Object.fromEntries(Object.entries(DATE_FORMATS).map(([k, f]) => [`local${k}`, dateVariable(f, true)])),
  currentweek: (s) => String(Number(formatDate('W', now(s), 0, 'en'))),
  localweek: (s) => String(Number(formatDate('W', now(s), localOffset(s), 'en'))),
  revisionday: revisionVariable('j'),
  revisionday2: revisionVariable('d'),
  revisionmonth: revisionVariable('m'),
  revisionmonth1: revisionVariable('n'),
  revisionyear: revisionVariable('Y'),
  revisiontimestamp: revisionVariable('YmdHis'),
};

export const TIME_FUNCTIONS: Record<string, FunctionEntry> = {
  time: { hash: true, fn: (c) => time(c, false) },
  timel: { hash: true, fn: (c) => time(c, true) },
};
