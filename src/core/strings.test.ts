import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detached, StringMemo } from './strings.ts';

describe('detached', () => {
  it('gives a string equal to the one given, whatever it was sliced from', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.nat(200), fc.nat(200), (s, a, b) => {
      const part = s.slice(Math.min(a, b), Math.max(a, b));
      expect(detached(part)).toBe(part);
    }));
    expect(detached('')).toBe('');
  });
});

describe('StringMemo', () => {
  it('keeps the entries in use however many others pass, and forgets the others', () => {
    const memo = new StringMemo<number>(100);
    for (let i = 0; i < 10_000; i++) {
      memo.set(`once ${i}`, i);
      if (i % 50 === 0) for (const hot of ['a', 'b', 'c']) if (memo.get(hot) === undefined) memo.set(hot, i);
    }
    // Set at the start, found again every 50 entries: never dropped, so still holding their first value.
    expect([memo.get('a'), memo.get('b'), memo.get('c')]).toEqual([0, 0, 0]);
    expect(memo.get('once 0')).toBeUndefined();
    expect(memo.get('once 9999')).toBe(9999);
  });

  it('holds at most two generations of entries', () => {
    const memo = new StringMemo<string>(10);
    for (let i = 0; i < 1000; i++) memo.set(`k${i}`, `v${i}`);
    const kept = Array.from({ length: 1000 }, (_, i) => memo.get(`k${i}`)).filter((v) => v !== undefined);
    expect(kept.length).toBeGreaterThanOrEqual(10);
    expect(kept.length).toBeLessThanOrEqual(20);
  });
});
