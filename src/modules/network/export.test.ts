import { describe, expect, it } from 'vitest';
import { toCsv } from './export.ts';

describe('CSV export', () => {
  it('writes RFC 4180 CSV with a byte-order mark and CRLF line ends', () => {
    expect(toCsv(['a', 'b'], [['x', 1], ['un, deux', 'dit « "oui" »'], ['ligne\nsuivante', undefined]])).toBe(
      '\uFEFFa,b\r\nx,1\r\n"un, deux","dit « ""oui"" »"\r\n"ligne\nsuivante",\r\n',
    );
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(toCsv(['v'], [['=HYPERLINK("x")'], ['+1'], ['-2'], ['@SUM(A1)'], ['ok']])).toBe('\uFEFFv\r\n"\'=HYPERLINK(""x"")"\r\n\'+1\r\n\'-2\r\n\'@SUM(A1)\r\nok\r\n');
  });
});
