import { describe, expect, it } from 'vitest';
import { expand } from '../preprocess/testing.ts';
import { formatDate, parseDate } from './dates.ts';

/** Monday 15 January 2024, 13:45:30 UTC. */
const NOW = Date.UTC(2024, 0, 15, 13, 45, 30);
const fr = (text: string): string => expand(text, { now: NOW });
const en = (text: string): string => expand(text, { now: NOW, language: 'en' });
const iso = (text: string): string => new Date(parseDate(text, NOW)).toISOString();

describe('#time formats', () => {
  it.each([
    ['Y-m-d H:i:s', '2001-02-03 04:05:06'],
    ['j n y G g A a h', '3 2 01 4 4 AM am 04'],
    ['D l N w z t L', 'Sat Saturday 6 6 33 28 0'],
    ['F M xg', 'February Feb February'],
    ['W o', '05 2001'],
    ['U', '981173106'],
    ['c', '2001-02-03T04:05:06+00:00'],
    ['r', 'Sat, 03 Feb 2001 04:05:06 +0000'],
    ['e T O P Z I', 'UTC UTC +0000 +00:00 0 0'],
    ['\\Y "quoted Y" xx', 'Y quoted Y x'],
    ['xrY', 'MMI'],
    ['G"', '4"'],
  ])('%s', (format, output) => {
    expect(en(`{{#time: ${format} | 2001-02-03 04:05:06 }}`)).toBe(output);
  });

  it('uses French names in French', () => {
    expect(fr('{{#time: l j F Y | 2024-08-01 }}')).toBe('jeudi 1 août 2024');
    expect(fr('{{#time: D M | 2024-02-04 }}')).toBe('dim. févr.');
    expect(fr('{{#time: j F Y | 2024-08-01 | en }}')).toBe('1 August 2024');
  });

  it('defaults to the render time, and accepts relative dates', () => {
    expect(en('{{#time: Y-m-d H:i }}')).toBe('2024-01-15 13:45');
    expect(en('{{#time: Y-m-d | +1 day }}')).toBe('2024-01-16');
    expect(en('{{#time: Y-m-d | -2 weeks }}')).toBe('2024-01-01');
    expect(en('{{#time: Y-m-d | 3 days ago }}')).toBe('2024-01-12');
    expect(en('{{#time: Y-m-d H:i | tomorrow }}')).toBe('2024-01-16 00:00');
    expect(en('{{#time: Y-m-d | next monday }}')).toBe('2024-01-22');
    expect(en('{{#time: Y-m-d | last friday }}')).toBe('2024-01-12');
    expect(en('{{#time: Y-m-d | first day of next month }}')).toBe('2024-02-01');
    expect(en('{{#time: Y-m-d | last day of february 2024 }}')).toBe('2024-02-29');
    expect(en('{{#time: Y-m-d | 2024-01-31 +1 month }}')).toBe('2024-03-02');
  });

  it('parses common input forms', () => {
    expect(iso('2001-02-03')).toBe('2001-02-03T00:00:00.000Z');
    expect(iso('2001-02-03T04:05:06Z')).toBe('2001-02-03T04:05:06.000Z');
    expect(iso('2001-02-03 04:05+02:00')).toBe('2001-02-03T02:05:00.000Z');
    expect(iso('20010203040506')).toBe('2001-02-03T04:05:06.000Z');
    expect(iso('3 February 2001')).toBe('2001-02-03T00:00:00.000Z');
    expect(iso('February 3, 2001')).toBe('2001-02-03T00:00:00.000Z');
    expect(iso('Feb 2001')).toBe('2001-02-01T00:00:00.000Z');
    expect(iso('@86400')).toBe('1970-01-02T00:00:00.000Z');
    expect(iso('noon')).toBe('2024-01-15T12:00:00.000Z');
    expect(iso('3pm')).toBe('2024-01-15T15:00:00.000Z');
    expect(iso('02/03/2001')).toBe('2001-02-03T00:00:00.000Z');
    expect(iso('now')).toBe('2024-01-15T13:45:30.000Z');
  });

  it('reads a lone four-digit number as a year', () => {
    expect(en('{{#time: Y-m-d H:i | 1987 }}')).toBe('1987-01-15 00:00');
  });

  it('reports invalid times and years out of range', () => {
    expect(en('{{#time: Y | not a date }}')).toBe('<strong class="error">Error: Invalid time.</strong>');
    expect(fr('{{#time: Y | n’importe }}')).toBe('<strong class="error">Erreur : durée invalide.</strong>');
    expect(en('{{#time: Y | 9999-12-31 +1 day }}')).toBe('<strong class="error">Error: #time only supports years up to 9999.</strong>');
  });

  it('#timel uses the local time zone', () => {
    const local = (text: string): string => expand(text, { now: NOW, language: 'en', env: { timezoneOffset: -300 } });
    expect(local('{{#timel: H:i T }}')).toBe('08:45 -0500');
    expect(local('{{#time: H:i }}')).toBe('13:45');
    expect(local('{{#time: H:i | now | | 1 }}')).toBe('08:45');
  });
});

describe('date variables', () => {
  it('gives CURRENT* in UTC and LOCAL* in the local zone', () => {
    const text = '{{CURRENTYEAR}}-{{CURRENTMONTH}}-{{CURRENTDAY2}} {{CURRENTTIME}} {{CURRENTHOUR}} {{CURRENTDOW}} {{CURRENTWEEK}} {{CURRENTTIMESTAMP}}';
    expect(en(text)).toBe('2024-01-15 13:45 13 1 3 20240115134530');
    expect(en('{{CURRENTMONTHNAME}} {{CURRENTMONTHABBREV}} {{CURRENTDAYNAME}} {{CURRENTMONTH1}} {{CURRENTDAY}}')).toBe('January Jan Monday 1 15');
    expect(fr('{{CURRENTMONTHNAME}} {{NOMJOURACTUEL}} {{ANNEEACTUELLE}}')).toBe('janvier lundi 2024');
    expect(expand('{{LOCALHOUR}}:{{LOCALTIME}}', { now: NOW, env: { timezoneOffset: 60 } })).toBe('14:14:45');
  });

  it('gives REVISION* from the revision, or the render time', () => {
    const revision = { id: 42, timestamp: Date.UTC(2020, 4, 6, 7, 8, 9), user: 'Awa' };
    const r = (text: string): string => expand(text, { now: NOW, env: { revision } });
    expect(r('{{REVISIONID}} {{REVISIONUSER}} {{REVISIONDAY}} {{REVISIONDAY2}} {{REVISIONMONTH}} {{REVISIONMONTH1}} {{REVISIONYEAR}} {{REVISIONTIMESTAMP}}')).toBe(
      '42 Awa 6 06 05 5 2020 20200506070809',
    );
    expect(fr('{{REVISIONID}}|{{REVISIONYEAR}}')).toBe('|2024');
  });

  it('formats with formatDate directly', () => {
    expect(formatDate('H:i', Date.UTC(2024, 0, 1, 23, 30), 90, 'fr')).toBe('01:00');
  });
});
