import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detached } from './strings.ts';

describe('detached', () => {
  it('gives a string equal to the one given, whatever it was sliced from', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.nat(200), fc.nat(200), (s, a, b) => {
      const part = s.slice(Math.min(a, b), Math.max(a, b));
      expect(detached(part)).toBe(part);
    }));
    expect(detached('')).toBe('');
  });
});
