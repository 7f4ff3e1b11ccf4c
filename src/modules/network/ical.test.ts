import { describe, expect, it } from 'vitest';
import { calendar, escapeText, foldLine, nextDay } from './ical.ts';

describe('iCalendar (RFC 5545)', () => {
  it('escapes TEXT values', () => {
    expect(escapeText('Montréal, salle 2; étage\\3\nfin')).toBe('Montréal\\, salle 2\\; étage\\\\3\\nfin');
  });

  it('folds lines at 75 octets without cutting a UTF-8 character', () => {
    const line = `SUMMARY:${'é'.repeat(60)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });

  it('writes all-day events with an exclusive end, a UID and a stamp', () => {
    expect(nextDay('2020-02-28')).toBe('2020-02-29');
    expect(nextDay('2020-12-31')).toBe('2021-01-01');
    const ics = calendar('Rencontres', [{ uid: 'rencontre-7@maillage.test', start: '2020-03-10', end: '2020-03-12', summary: '4e rencontre', location: 'Montréal, Nomadlife', lastModified: 0 }], Date.UTC(2020, 0, 2, 3, 4, 5));
    expect(ics).toBe([
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Maillage//Rencontres du réseau//FR', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'X-WR-CALNAME:Rencontres',
      'BEGIN:VEVENT', 'UID:rencontre-7@maillage.test', 'DTSTAMP:20200102T030405Z', 'LAST-MODIFIED:19700101T000000Z',
      'DTSTART;VALUE=DATE:20200310', 'DTEND;VALUE=DATE:20200313', 'SUMMARY:4e rencontre', 'LOCATION:Montréal\\, Nomadlife', 'TRANSP:TRANSPARENT',
      'END:VEVENT', 'END:VCALENDAR', '',
    ].join('\r\n'));
  });
});
