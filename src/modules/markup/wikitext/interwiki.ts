/** Interwiki prefixes (MediaWiki's interwiki table): the env's map, or the parser tests' one for 'en'. */
export interface Interwiki {
  url: string;
  /** A link to this wiki itself (wgLocalInterwikis). */
  local?: boolean;
  /** An interlanguage prefix: `[[fr:X]]` becomes a language link. */
  language?: boolean;
  /** MediaWiki's iw_local: a wiki of the same family (fragments are encoded as this wiki's). */
  sameFamily?: boolean;
}

export function findInterwiki(map: ReadonlyMap<string, Interwiki> | undefined, prefix: string): Interwiki | undefined {
  return map?.get(prefix.trim().toLowerCase());
}
