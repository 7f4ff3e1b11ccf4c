/**
 * French typography (MediaWiki's Sanitizer::armorFrenchSpaces, content language fr only): a
 * no-break space replaces the space before ? : ; ! % » › and after « ‹, outside tags.
 */
export function armorFrenchSpaces(html: string, space = '&#160;'): string {
  return html.replace(/(<[^>]*>)|([^<]+)/g, (whole, tag?: string) => {
    if (tag !== undefined) return whole;
    return whole.replace(/ (?=[?:;!%»›](?![\p{L}\p{N}_]))/gu, space).replace(/(^|\s)([«‹]) /gu, `$1$2${space}`);
  });
}
