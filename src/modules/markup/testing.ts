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

// Classic XSS vectors (OWASP filter evasion cheat sheet, html5sec.org, mutation XSS).
export const XSS_VECTORS: readonly string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=http://xss.example/xss.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<script/xss src="http://xss.example/x.js"></script>',
  '<img src=x onerror=alert(1)>',
  '<img src="javascript:alert(1)">',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<img """><script>alert(1)</script>">',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="java&#x09;script:alert(1)">x</a>',
  '<a href="jav&#x0A;ascript:alert(1)">x</a>',
  '<a href=" &#14; javascript:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>',
  '<a href="javascript&colon;alert(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<div style="width: expression(alert(1))">x</div>',
  '<div style="\\77idth: expression(alert(1))">x</div>',
  '<div style="color:red/**/;background-image:url(x)">x</div>',
  '<div style="color:&#x72;ed;background:u&#x72;l(x)">x</div>',
  '<xss style="x:expression(alert(1))">x</xss>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="xss.swf"></object><embed src="xss.swf">',
  '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">x</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="http://evil.example/"><link rel=stylesheet href="http://evil.example/x.css">',
  '<style>body{display:none}</style>',
  '<p title=\'"><script>alert(1)</script>\'>x</p>',
  '<p title="x" onmouseover="alert(1)" ONCLICK="alert(1)">x</p>',
  '<details open ontoggle=alert(1)><summary>x</summary></details>',
  '<input type="text" onfocus=alert(1) autofocus><input type=image src=x>',
  '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
  '<b><i>unclosed <a href="http://example.org">tags',
  '<!--<script>alert(1)</script>--><!-- unterminated <script>',
  '<textarea><script>alert(1)</script></textarea>',
  '<a href="http://example.org" target="_blank">x</a>',
  '<img src=`x`onerror=alert(1)>',
  '<body onload=alert(1)>',
  '<div/onclick="alert(1)">x</div>',
];
