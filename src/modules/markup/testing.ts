/** Helpers for this module's tests: a RenderEnv with known pages, and a structural safety check of HTML. */
import { decodeCharReferences } from './entities.ts';
import { parseTitle } from './titles.ts';
import type { LinkStatus, RenderEnv, Title } from './types.ts';

export function title(text: string): Title {
  const r = parseTitle(text);
  if (!r.ok) throw new Error(`invalid test title ${text}: ${r.error}`);
  return r.title;
}

/** The page "Bac à sable"; Accueil, Aide:Modifier, Maillage:Charte, Catégorie:Outils and Spécial:Modifications récentes exist; Ancienne page redirects. */
export function testEnv(overrides: Partial<RenderEnv> = {}): RenderEnv {
  const statuses: Array<[string, LinkStatus]> = [
    ['Accueil', 'exists'], ['Aide:Modifier', 'exists'], ['Maillage:Charte', 'exists'], ['Catégorie:Outils', 'exists'],
    ['Spécial:Modifications récentes', 'exists'], ['Ancienne page', 'redirect'],
  ];
  return {
    title: title('Bac à sable'),
    linkStatus: new Map(statuses.map(([t, s]) => [title(t).key, s])),
    labels: { editSection: 'modifier', redLink: (p) => `${p} (page inexistante)`, toc: 'Sommaire', redirectTo: 'Redirection vers :' },
    editSections: true,
    ...overrides,
  };
}

const SAFE_TAGS = new Set([
  'b', 'i', 'u', 's', 'strike', 'del', 'ins', 'sup', 'sub', 'small', 'big', 'code', 'kbd', 'samp', 'var', 'tt', 'pre',
  'blockquote', 'q', 'cite', 'abbr', 'dfn', 'mark', 'span', 'div', 'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'colgroup', 'col',
  'ruby', 'rb', 'rp', 'rt', 'rtc', 'bdi', 'bdo', 'time', 'data', 'wbr', 'figure', 'figcaption', 'img', 'a', 'input',
  'label', 'section', 'details', 'summary', 'em', 'strong', 'nav',
]);
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/g;
const ATTR = /([^\s=]+)(?:="([^"]*)")?/g;

/**
 * Problems in rendered HTML: tags outside the allowlist, event handlers, dangerous URLs or CSS,
 * and any '<' that does not start a well-formed tag. Empty when the HTML is safe.
 */
export function unsafeParts(html: string): string[] {
  const problems: string[] = [];
  const rest = html.replace(TAG, (whole, name: string, attrs: string) => {
    if (!SAFE_TAGS.has(name.toLowerCase())) problems.push(`tag ${whole}`);
    for (const [, attr, raw = ''] of attrs.matchAll(ATTR)) {
      const a = attr!.toLowerCase();
      // eslint-disable-next-line no-control-regex -- browsers ignore these characters in URLs
      const value = decodeCharReferences(raw).replace(/[\x00-\x20]/g, '').toLowerCase();
      if (a.startsWith('on') || a === 'srcdoc' || a === 'formaction' || a === 'xlink:href' || a === 'target') problems.push(`attribute ${a} in ${whole}`);
      if ((a === 'href' || a === 'src') && /^[a-z][a-z0-9+.-]*:/.test(value) && !/^(https?|mailto|ftp):/.test(value)) problems.push(`url ${whole}`);
      if (a === 'style' && /url\(|expression|javascript|\\|\/\*|position|behavior/.test(value)) problems.push(`style ${whole}`);
    }
    return '';
  });
  if (rest.includes('<')) problems.push(`stray '<' in ${JSON.stringify(rest.slice(Math.max(0, rest.indexOf('<') - 20), rest.indexOf('<') + 40))}`);
  return problems;
}
