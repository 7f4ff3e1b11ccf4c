import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, CODE_LENGTH, newPollCode, normalizeCode } from './code.ts';

describe('poll codes', () => {
  it('are 6 characters without look-alikes', () => {
    for (const look of ['0', 'O', '1', 'I', 'L', '5', 'S', '2', 'Z', '8', 'B']) expect(CODE_ALPHABET).not.toContain(look);
    for (let i = 0; i < 200; i++) {
      const code = newPollCode();
      expect(code).toHaveLength(CODE_LENGTH);
      expect(normalizeCode(code)).toBe(code);
    }
  });

  it('accept what a participant types loosely, and nothing else', () => {
    expect(normalizeCode(' k7m-xq3 ')).toBe('K7MXQ3');
    expect(normalizeCode('k7m xq3')).toBe('K7MXQ3');
    expect(normalizeCode('K7MXQ')).toBeUndefined();
    expect(normalizeCode('K7MXQ0')).toBeUndefined();
    expect(normalizeCode('../../x')).toBeUndefined();
  });
});
