/**
 * French spacing as MediaWiki's Parser::armorFrenchSpaces applies it to every page: an
 * ordinary space already typed before ? : ; ! % » › (not followed by a word character) or
 * after « ‹ becomes a no-break space, so the sign never starts a line. Nothing is inserted,
 * so English text ("Note: …") is left as it is. Works on plain text only.
 */
export function armorFrenchSpaces(text: string): string {
  if (!/[?:;!%»›«‹]/.test(text)) return text;
  return text.replace(/ (?=[?:;!%»›](?![\p{L}\p{N}_]))/gu, '\u00A0').replace(/([«‹]) /g, '$1\u00A0');
}
