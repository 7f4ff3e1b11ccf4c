import { randomInt } from 'node:crypto';

/** Letters and digits that cannot be mistaken for one another when read aloud or on a screen (no 0/O, 1/I/L, 5/S, 2/Z, 8/B, U/V). */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTWXY34679';
export const CODE_LENGTH = 6;

export function newPollCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** What a participant typed, as a code: upper case, spaces and dashes dropped; undefined when it cannot be one. */
export function normalizeCode(typed: string): string | undefined {
  const code = typed.toUpperCase().replace(/[\s-]+/g, '');
  return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : undefined;
}
