/**
 * Internal links, shared by both content models: what a `[[target]]` means (after MediaWiki's
 * Parser::handleInternalLinks2) and the attributes of the rendered `<a>`.
 */
import { escapeHtml } from '../../core/html/jsx-runtime.ts';
import { decodeCharReferences } from './entities.ts';
import { fragmentHref } from './headings.ts';
import { NS_CATEGORY, NS_FILE, NS_SPECIAL } from './namespaces.ts';
import { parseTitle, titleUrl } from './titles.ts';
import type { RenderEnv, Title } from './types.ts';

export type WikiLink =
  /** `[[#Section]]`: a fragment of the page itself. */
  | { kind: 'fragment'; fragment: string; text: string }
  /** `[[Page]]`, `[[Page#Section]]`, `[[:Catégorie:X]]`. `text` is the default link text. */
  | { kind: 'page'; title: Title; text: string }
  /** `[[Catégorie:X|clé]]`: the page joins a category; nothing is shown. */
  | { kind: 'category'; title: Title; sortKey: string }
  /** `[[Fichier:X.png|options]]`: the file is embedded (see media.ts); `[[:Fichier:X.png]]` is a plain link. */
  | { kind: 'file'; title: Title };

const URL_START = /^(?:[a-z][a-z0-9+.-]*:\/\/|mailto:|\/\/)/i;

/** Decodes %-escapes as MediaWiki's parser does in link targets; malformed sequences stay. */
export function percentDecode(s: string): string {
  if (!s.includes('%')) return s;
  return s.replace(/(?:%[0-9A-Fa-f]{2})+/g, (m) => {
    try {
      return decodeURIComponent(m);
    } catch {
      return m;
    }
  });
}

/**
 * What `[[target|label]]` links to; undefined when the target is not a valid title (the
 * brackets then stay as text). `label` is the raw text after the first '|', if any.
 */
export function resolveWikiLink(target: string, label?: string): WikiLink | undefined {
  let t = target.replace(/^ +/, '');
  if (URL_START.test(t)) return undefined;
  t = percentDecode(t);
  const linkForm = t.startsWith(':');

  if (t.startsWith('#')) {
    const fragment = decodeCharReferences(t.slice(1)).normalize('NFC').replace(/[\s_]+/g, ' ').trimEnd();
    return fragment === '' ? undefined : { kind: 'fragment', fragment, text: decodeCharReferences(t) };
  }
  const parsed = parseTitle(t);
  if (!parsed.ok) return undefined;
  const title = parsed.title;
  if (!linkForm && title.namespace === NS_CATEGORY) {
    const sortKey = label === undefined ? '' : decodeCharReferences(label).replace(/\n/g, '');
    return { kind: 'category', title: { ...title, fragment: '' }, sortKey };
  }
  if (!linkForm && title.namespace === NS_FILE) return { kind: 'file', title: { ...title, fragment: '' } };
  return { kind: 'page', title, text: decodeCharReferences(linkForm ? t.slice(1) : t) };
}

export type LinkEnv = Pick<RenderEnv, 'title' | 'linkStatus' | 'labels'>;
export type LinkAttrs = Array<[name: string, value: string]>;

/**
 * Attributes of the `<a>` for an internal link, as MediaWiki renders them: blue, red
 * (`class="new"`, edit URL, fragment dropped), redirect (`mw-redirect`), self-link (no href).
 * Special pages are never red-linked to an edit form.
 */
export function internalLinkAttrs(link: Exclude<WikiLink, { kind: 'category' | 'file' }>, env: LinkEnv): LinkAttrs {
  if (link.kind === 'fragment') return [['href', fragmentHref(link.fragment)]];
  const t = link.title;
  if (t.key === env.title.key) {
    return t.fragment ? [['class', 'mw-selflink-fragment'], ['href', fragmentHref(t.fragment)]] : [['class', 'mw-selflink selflink']];
  }
  const url = titleUrl(t);
  const withFragment = t.fragment ? url + fragmentHref(t.fragment) : url;
  const status = env.linkStatus.get(t.key);
  if (status === 'exists') return [['href', withFragment], ['title', t.full]];
  if (status === 'redirect') return [['href', withFragment], ['class', 'mw-redirect'], ['title', t.full]];
  const href = t.namespace === NS_SPECIAL ? url : `${url}?action=edit&redlink=1`;
  return [['href', href], ['class', 'new'], ['title', env.labels.redLink(t.full)]];
}

/** `<a …>` with escaped attribute values. */
export function linkOpenTag(attrs: LinkAttrs): string {
  return `<a${attrs.map(([k, v]) => ` ${k}="${escapeHtml(v)}"`).join('')}>`;
}

/** Whether a link target is recorded in the links table (MediaWiki records no Special: links). */
export function recordsLink(title: Title): boolean {
  return title.namespace !== NS_SPECIAL;
}
