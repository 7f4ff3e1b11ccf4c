import { createHash } from 'node:crypto';

/** MediaWiki's rev_sha1: SHA-1 of the content in base 36, padded to 31 characters. */
export function sha1Base36(text: string): string {
  const hex = createHash('sha1').update(text, 'utf8').digest('hex');
  return BigInt(`0x${hex}`).toString(36).padStart(31, '0');
}
