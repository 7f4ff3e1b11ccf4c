/**
 * The one HTML sanitiser, shared by both content models: `sanitize` cleans a whole fragment,
 * `sanitizeRendered` the author-supplied HTML inside a rendered page. Allowlists follow
 * MediaWiki's Sanitizer, with what Markdown needs added (a, img, em, strong, label, section,
 * input as disabled checkbox only). Styles are filtered by css.ts (MediaWiki's checkCss).
 *
 * Decisions:
 * - Disallowed tags are shown as text (`&lt;script&gt;`), as MediaWiki does, so authors see
 *   what was refused; their attributes are dropped. Comments are removed.
 * - `id`s are kept (pages link to them, e.g. `<span id="jalon">` and `[[#jalon]]`), with
 *   whitespace turned to '_' as MediaWiki's escapeIdForAttribute; ids the page shell uses
 *   (RESERVED_IDS) are removed. Heading anchors avoid ids already present in the source.
 * - `data-*` attributes are kept except MediaWiki's own (data-mw, data-parsoid, data-ooui).
 * - URLs: http, https, mailto, ftp, protocol-relative and relative; images http(s) and relative.
 *   External links get `rel="nofollow noopener"` and class `external`; others lose any `rel`.
 *
 * Rendered pages mix markup the renderer generated (escaped by construction) with HTML the
 * author typed. `sanitizeRendered` runs the allowlist over the author's HTML only, in context:
 * the renderer wraps it in RAW_START…RAW_END, every generated stretch between is swapped for a
 * placeholder, the result is sanitised, and placeholders are put back only where they stand as
 * text (anywhere else they are removed, never injected). This is MediaWiki's strip-marker idea;
 * it keeps the sanitiser's cost proportional to the author's HTML, not to the page.
 */
import sanitizeHtml from 'sanitize-html';
import { sanitizeStyle } from './css.ts';
import { RESERVED_IDS } from './headings.ts';

const TAGS = [
  'b', 'i', 'u', 's', 'strike', 'del', 'ins', 'sup', 'sub', 'small', 'big', 'code', 'kbd', 'samp', 'var', 'tt',
  'pre', 'blockquote', 'q', 'cite', 'abbr', 'dfn', 'mark', 'span', 'div', 'p', 'br', 'hr',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'colgroup', 'col',
  'ruby', 'rb', 'rp', 'rt', 'rtc', 'bdi', 'bdo', 'time', 'data', 'wbr', 'figure', 'figcaption',
  'img', 'a', 'input', 'label', 'section', 'details', 'summary', 'em', 'strong',
];

const GLOBAL_ATTRS = ['class', 'id', 'title', 'lang', 'dir', 'style', 'role', 'aria-*', 'data-*'];

/** Whitespace to '_', as MediaWiki's escapeIdForAttribute (HTML5 mode). */
export function escapeId(id: string): string {
  return id.replace(/[\t\n\f\r ]/g, '_');
}

const ALLOWED_SCHEMES = ['http', 'https', 'mailto', 'ftp'];

/** Whether a link goes off the wiki; undefined when its scheme is refused (the sanitiser drops it). */
export function externalHref(href: string): boolean | undefined {
  // eslint-disable-next-line no-control-regex -- browsers ignore these in URLs, so must we
  const clean = href.replace(/[\x00-\x20]+/g, '');
  const scheme = /^([a-zA-Z][a-zA-Z0-9.+-]*):/.exec(clean);
  if (scheme) return ALLOWED_SCHEMES.includes(scheme[1]!.toLowerCase()) ? true : undefined;
  return /^[/\\]{2}/.test(clean);
}

/** Set for the duration of one (synchronous) sanitize call. */
let externalLinks: string[] | undefined;

type Attribs = Record<string, string>;

function transformAll(tagName: string, attribs: Attribs): { tagName: string; attribs: Attribs } {
  if (attribs.style !== undefined) {
    const style = sanitizeStyle(attribs.style);
    if (style === undefined) delete attribs.style;
    else attribs.style = style;
  }
  if (attribs.id !== undefined) {
    const id = escapeId(attribs.id);
    if (id === '' || RESERVED_IDS.has(id)) delete attribs.id;
    else attribs.id = id;
  }
  if (attribs.dir !== undefined && !/^(ltr|rtl|auto)$/i.test(attribs.dir)) delete attribs.dir;
  for (const name of Object.keys(attribs)) if (/^data-(mw|parsoid|ooui)/i.test(name)) delete attribs[name];
  return { tagName, attribs };
}

function transformLink(tagName: string, attribs: Attribs): { tagName: string; attribs: Attribs } {
  const href = attribs.href;
  if (href !== undefined && externalHref(href) === true) {
    attribs.rel = 'nofollow noopener';
    const classes = (attribs.class ?? '').split(/\s+/).filter((c) => c && c !== 'external');
    attribs.class = [...classes, 'external'].join(' ');
    externalLinks?.push(href);
  } else {
    delete attribs.rel;
  }
  return { tagName, attribs };
}

/** Only disabled checkboxes (task lists); other inputs keep their type and the exclusive filter drops them. */
function transformInput(tagName: string, attribs: Attribs): { tagName: string; attribs: Attribs } {
  if ((attribs.type ?? '').toLowerCase() !== 'checkbox') return { tagName, attribs };
  const out: Attribs = { type: 'checkbox', disabled: '' };
  if (attribs.checked !== undefined) out.checked = '';
  if (attribs.class !== undefined) out.class = attribs.class;
  return { tagName, attribs: out };
}

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: TAGS,
  allowedAttributes: {
    '*': GLOBAL_ATTRS,
    a: ['href', 'rel'],
    img: ['src', 'alt', 'width', 'height', 'loading'],
    td: ['colspan', 'rowspan', 'scope', 'headers'],
    th: ['colspan', 'rowspan', 'scope', 'headers', 'abbr'],
    col: ['span'],
    colgroup: ['span'],
    ol: ['start', 'reversed', 'type'],
    li: ['value'],
    time: ['datetime'],
    del: ['datetime'],
    ins: ['datetime'],
    data: ['value'],
    details: ['open'],
    input: ['type', 'checked', 'disabled'],
  },
  allowedSchemes: ALLOWED_SCHEMES,
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: true,
  disallowedTagsMode: 'escape',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'xmp', 'noembed', 'noframes', 'title'],
  exclusiveFilter: (frame) => frame.tag === 'input' && (frame.attribs.type ?? '').toLowerCase() !== 'checkbox',
  transformTags: { '*': transformAll, a: transformLink, input: transformInput },
  textFilter: restore,
  parseStyleAttributes: false,
};

export interface SanitizeResult {
  html: string;
  /** URLs of external links, in document order. */
  externalLinks: string[];
}

/** Sanitises an HTML fragment against the allowlists above. */
export function sanitize(html: string): SanitizeResult {
  return run(clearMarkers(html), []);
}

export const RAW_START = '\uE002';
export const RAW_END = '\uE003';
const PLACEHOLDER = /\uE000([0-9a-z]+)\uE001/g;

/** Marks author-supplied HTML inside rendered output (see sanitizeRendered). */
export function markRaw(html: string): string {
  return RAW_START + html + RAW_END;
}

/** Sources must not contain the marker characters (private use): they become U+FFFD. */
export function clearMarkers(text: string): string {
  return /[\uE000-\uE003]/.test(text) ? text.replace(/[\uE000-\uE003]/g, '\uFFFD') : text;
}

/** Sanitises rendered HTML whose author-supplied parts are marked with markRaw. */
export function sanitizeRendered(html: string): SanitizeResult {
  if (!html.includes(RAW_START)) return { html, externalLinks: [] };
  const trusted: string[] = [];
  let input = '';
  let pos = 0;
  while (pos < html.length) {
    const start = html.indexOf(RAW_START, pos);
    const generated = html.slice(pos, start < 0 ? html.length : start);
    if (generated) input += `\uE000${(trusted.push(generated) - 1).toString(36)}\uE001`;
    if (start < 0) break;
    const end = html.indexOf(RAW_END, start);
    input += escapeDanglingTag(html.slice(start + 1, end < 0 ? html.length : end));
    pos = end < 0 ? html.length : end + 1;
  }
  return run(input, trusted);
}

/**
 * Author HTML that stops inside a tag or a comment (`<div title="`, `<!-- …`) would swallow the
 * rest of the page; its unfinished tag is shown as text instead, as MediaWiki shows broken tags.
 */
export function escapeDanglingTag(html: string): string {
  let start = -1;
  let quote = '';
  let afterEquals = false;
  for (let i = 0; i < html.length; i++) {
    const c = html[i]!;
    if (start < 0) {
      if (c === '<' && /[a-zA-Z/!?]/.test(html[i + 1] ?? '')) {
        if (html.startsWith('<!--', i)) {
          const close = html.indexOf('-->', i + 4);
          if (close < 0) return `${html.slice(0, i)}&lt;${html.slice(i + 1)}`;
          i = close + 2;
          continue;
        }
        start = i;
        afterEquals = false;
      }
    } else if (quote) {
      if (c === quote) quote = '';
    } else if ((c === '"' || c === "'") && afterEquals) {
      quote = c;
    } else if (c === '>') {
      start = -1;
    } else if (c === '=') {
      afterEquals = true;
      continue;
    }
    if (!/\s/.test(c)) afterEquals = false;
  }
  return start < 0 ? html : `${html.slice(0, start)}&lt;${html.slice(start + 1)}`;
}

let trustedParts: readonly string[] = [];

function restore(text: string): string {
  return text.includes('\uE000') ? text.replace(PLACEHOLDER, (_, i: string) => trustedParts[parseInt(i, 36)] ?? '') : text;
}

function run(html: string, trusted: readonly string[]): SanitizeResult {
  const links: string[] = [];
  externalLinks = links;
  trustedParts = trusted;
  try {
    const out = sanitizeHtml(html, OPTIONS);
    return { html: out.includes('\uE000') ? out.replace(PLACEHOLDER, '') : out, externalLinks: links };
  } finally {
    externalLinks = undefined;
    trustedParts = [];
  }
}
