/** URLs of pages and files for the wikitext engine (MediaWiki's Title::getLocalURL, wfUrlencode). */
import { wfUrlencode } from '../titles.ts';
import type { Title } from '../types.ts';
import { escapeIdForLink } from './sanitizer.ts';
import type { WikitextSite } from './types.ts';

export function articleUrl(site: WikitextSite, key: string): string {
  return site.articlePath.replace('$1', wfUrlencode(key));
}

/** `/index.php?title=Key&query`. */
export function scriptUrl(site: WikitextSite, key: string, query: string): string {
  return `${site.script}?title=${wfUrlencode(key)}&${query}`;
}

export function fragmentPart(fragment: string, modes: string[]): string {
  return fragment === '' ? '' : `#${escapeIdForLink(fragment, modes)}`;
}

export function titleHref(site: WikitextSite, title: Title, modes: string[]): string {
  return articleUrl(site, title.key) + fragmentPart(title.fragment, modes);
}

/** Characters IDNA ignores, removed from host names (Sanitizer::cleanUrl). */
const IDN_IGNORED = /\u00ad|\u034f|\u1806|[\u180b-\u180d]|\u200b|\u200c|\u200d|\u2060|[\ufe00-\ufe0f]|\ufeff/g;

function escapeUrlPart(s: string, keepBrackets: boolean): string {
  // eslint-disable-next-line no-control-regex -- control characters are what gets escaped
  return s.replace(keepBrackets ? /[<>"\x00-\x20\x7f|]/g : /[\][<>"\x00-\x20\x7f|]/g, (c) => (c === ' ' ? '+' : `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`));
}

/** Sanitizer::cleanUrl: character references decoded, characters unsafe in URLs %-escaped (brackets kept in the host, for IPv6). */
export function cleanUrl(url: string, decode: (s: string) => string): string {
  const decoded = decode(url);
  const m = /^([^:]+:)(\/\/[^/?#]+)?(.*)$/s.exec(decoded);
  if (!m) return escapeUrlPart(decoded, false);
  const host = (m[2] ?? '').replace(IDN_IGNORED, '');
  return m[1] + escapeUrlPart(host, true) + escapeUrlPart(m[3]!, false);
}
