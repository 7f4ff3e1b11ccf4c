/**
 * MediaWiki's Parser::handleInternalLinks2: [[target|text]]trail, with link trails, categories,
 * interlanguage and interwiki links, files (media.ts), self-links, red links and subpages.
 * Rendered links wait in link holders (`<!--LINK'" n-->`) until after block-level processing.
 */
import { decodeCharReferences } from '../entities.ts';
import { percentDecode } from '../links.ts';
import { NS_CATEGORY, NS_FILE, NS_MAIN, NS_SPECIAL } from '../namespaces.ts';
import type { LinkStatus, Title } from '../types.ts';
import type { ParseState } from './context.ts';
import { findInterwiki } from './interwiki.ts';
import { makeImage, makeMediaLink } from './media.ts';
import { doQuotes } from './quotes.ts';
import { encodeAttribute, escapeIdForLink, URL_PROTOCOLS_RE } from './sanitizer.ts';
import { wfUrlencode } from '../titles.ts';
import { handleExternalLinks } from './external-links.ts';
import { DEFAULT_OPTIONS, DEFAULT_SITE } from './options.ts';
import type { WikitextEnv, WikitextSite } from './types.ts';
import { languageData } from './languages.ts';
import { articleUrl, fragmentPart, scriptUrl } from './urls.ts';
import { variantLinkTarget } from './variants/links.ts';

export const NS_MEDIA = -2;
const LEGAL = " %!\"$&'()*,\\-./0-9:;=?@A-Z\\\\^_`a-z~\\u0080-\\uFFFF+#";
// MediaWiki's `^([…]+)(?:\|(.+?))?]](.*)$`: the trail is what follows the match (not captured: that walks it all).
const E1 = new RegExp(`^([${LEGAL}]+)(?:\\|(.+?))?]]`, 's');
const E1_IMG = new RegExp(`^([${LEGAL}]+)\\|(.*)$`, 's');
const PROTOCOL_START = new RegExp(`^(?:${URL_PROTOCOLS_RE})`, 'i');

export function linkTrailRegex(language: string): RegExp {
  if (language === 'fr') return /^([a-zàâçéèêîôûäëïöüùÇÉÂÊÎÔÛÄËÏÖÜÀÈÙ]+)(.*)$/s;
  return (language !== 'en' && languageData(language)?.linkTrail) || /^([a-z]+)(.*)$/s;
}

/** The link prefix of the content language ($linkPrefixExtension): the letters that end `s`, and `s` without them. */
function splitPrefix(s: string, charset: RegExp | undefined): [rest: string, prefix: string] {
  if (!charset) return [s, ''];
  let i = s.length;
  while (i > 0 && charset.test(s[i - 1]!)) i--;
  return [s.slice(0, i), s.slice(i)];
}

/** linkTrailRegex's letters alone, for fr and the default (its `(.*)$` walks the whole rest of the text). */
const FR_TRAIL = /^[a-zàâçéèêîôûäëïöüùÇÉÂÊÎÔÛÄËÏÖÜÀÈÙ]+/;
const DEFAULT_TRAIL = /^[a-z]+/;

export function splitTrail(trail: string, language: string): [inside: string, rest: string] {
  const custom = language === 'fr' || language === 'en' ? undefined : languageData(language)?.linkTrail;
  if (custom) {
    const m = custom.exec(trail);
    return m ? [m[1]!, m[2]!] : ['', trail];
  }
  const m = (language === 'fr' ? FR_TRAIL : DEFAULT_TRAIL).exec(trail);
  return m ? [m[0], trail.slice(m[0].length)] : ['', trail];
}

/** `viaLocal`: the target went through a local interwiki prefix ([[local:es:X]] makes no language link). */
export type LinkTarget =
  | { kind: 'interwiki'; prefix: string; url: string; text: string; language: boolean; fragment: string; external: boolean; viaLocal: boolean }
  | { kind: 'title'; title: Title };

/** Title::newFromText for a link target: interwiki prefixes first, then the content language's namespaces. */
export function resolveTarget(state: ParseState, raw: string): LinkTarget | undefined {
  const iwMap = state.ctx.env.interwiki;
  let text = raw;
  let viaLocal = false;
  if (text.startsWith('#')) {
    const fragment = decodeCharReferences(text.slice(1)).replace(/[\s_]+/g, ' ');
    return fragment.trim() ? { kind: 'title', title: { namespace: NS_MAIN, text: '', fragment, full: '', key: '' } } : undefined;
  }
  // Without interwiki prefixes (or a colon) no target is an interwiki link: the pattern is not tried on every link.
  for (let guard = 0; iwMap && guard < 20 && text.includes(':'); guard++) {
    const m = /^\s*:?\s*([^:#]+?)\s*:(.*)$/s.exec(text);
    if (!m) break;
    const iw = findInterwiki(iwMap, m[1]!);
    if (!iw || state.codec.namespaces.byName(m[1]!.replace(/_/g, ' '))) break;
    if (iw.local) {
      text = m[2]!;
      viaLocal = true;
      continue;
    }
    const rest = decodeCharReferences(m[2]!).replace(/^[\s_]+/, '').replace(/^:/, '');
    const hash = rest.indexOf('#');
    const page = (hash >= 0 ? rest.slice(0, hash) : rest).replace(/[\s_]+/g, ' ').trim();
    if (/[<>[\]{}|]/.test(page) || /^\.\.?(?:\/|$)|\/\.\.?(?:\/|$)/.test(page)) return undefined;
    const fragment = hash >= 0 ? rest.slice(hash + 1) : '';
    return { kind: 'interwiki', prefix: m[1]!.trim().toLowerCase(), url: iw.url, text: page, language: Boolean(iw.language), fragment, external: !iw.sameFamily, viaLocal };
  }
  // A local interwiki prefix alone ([[local:]]) leads to the main page.
  if (viaLocal && text.trim() === '') text = state.ctx.site.mainPage ?? (state.ctx.site.language === 'en' ? 'Main Page' : 'Accueil');
  const r = state.codec.parse(text);
  return r.ok ? { kind: 'title', title: r.title } : undefined;
}

/** Linker::normalizeSubpageLink: '/Sub', '../Sibling' relative to the page, when subpages are on. */
export function normalizeSubpageLink(state: ParseState, target0: string, text0: string): [string, string] {
  if (!state.options.subpages) return [target0, text0];
  let text = text0;
  const hash = target0.indexOf('#');
  const suffix = hash >= 0 ? target0.slice(hash) : '';
  let target = (hash >= 0 ? target0.slice(0, hash) : target0).trim();
  const context = state.ctx.title.full;
  if (target.startsWith('/')) {
    const trailing = /\/+$/.exec(target);
    const noslash = trailing ? target.slice(1, target.length - trailing[0].length) : target.slice(1);
    if (trailing) target = noslash;
    if (text === '') text = target + suffix;
    return [`${context}/${noslash.trim()}${suffix}`, text];
  }
  let count = 0;
  let nodotdot = target;
  while (nodotdot.startsWith('../')) {
    count++;
    nodotdot = nodotdot.slice(3);
  }
  if (count === 0) return [target0, text];
  const parts = context.split('/');
  if (parts.length <= count) return [target0, text];
  let ret = parts.slice(0, parts.length - count).join('/');
  if (nodotdot.endsWith('/')) {
    nodotdot = nodotdot.replace(/\/+$/, '');
    if (text === '') text = nodotdot + suffix;
  }
  nodotdot = nodotdot.trim();
  if (nodotdot !== '') ret += `/${nodotdot}`;
  return [ret + suffix, text];
}

export function addHolder(state: ParseState, html: string): string {
  state.linkHolders.push(html);
  return `<!--LINK'" ${state.linkHolders.length - 1}-->`;
}

const HOLDER = "<!--LINK'\" ";

/** Puts the links back in place of their holders (and of the holders inside them). */
export function replaceLinkHolders(state: ParseState, text: string): string {
  let at = text.indexOf(HOLDER);
  if (at < 0) return text;
  let out = '';
  let last = 0;
  while (at >= 0) {
    const start = at + HOLDER.length;
    let end = start;
    while (text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
    const h = end > start && text.startsWith('-->', end) ? state.linkHolders[Number(text.slice(start, end))] : undefined;
    if (h !== undefined) {
      out += text.slice(last, at) + replaceLinkHolders(state, h);
      last = end + 3;
    }
    at = text.indexOf(HOLDER, h === undefined ? at + 1 : last);
  }
  return out + text.slice(last);
}

/** MediaWiki's core special pages (canonical names, compared case-insensitively on the part before '/'). */
const SPECIAL_PAGES = new Set([
  'activeusers', 'allmessages', 'allpages', 'ancientpages', 'blankpage', 'block', 'blocklist', 'booksources', 'brokenredirects',
  'categories', 'changecontentmodel', 'changeemail', 'changepassword', 'comparepages', 'contributions', 'createaccount',
  'deadendpages', 'deletedcontributions', 'diff', 'doubleredirects', 'editpage', 'edittags', 'emailuser', 'export',
  'fewestrevisions', 'filepath', 'import', 'listfiles', 'listgrouprights', 'listredirects', 'listusers', 'lockdb', 'log',
  'lonelypages', 'longpages', 'mergehistory', 'mostcategories', 'mostlinked', 'movepage', 'mycontributions', 'mypage',
  'mytalk', 'newimages', 'newpages', 'pagedata', 'pageinfo', 'pagelanguage', 'permanentlink', 'preferences', 'prefixindex',
  'protectedpages', 'protectpage', 'purge', 'random', 'randompage', 'randomredirect', 'recentchanges', 'recentchangeslinked',
  'redirect', 'search', 'shortpages', 'specialpages', 'statistics', 'tags', 'uncategorizedpages', 'undelete', 'unusedimages',
  'upload', 'userlogin', 'userlogout', 'userrights', 'version', 'wantedpages', 'watchlist', 'whatlinkshere', 'withoutinterwiki',
]);

function isKnownSpecialPage(text: string): boolean {
  return SPECIAL_PAGES.has(text.split('/')[0]!.replace(/ /g, '').toLowerCase());
}

/** The `<a>` of a link to a local page (blue, red, redirect, self), as LinkRenderer. */
export function pageLink(state: ParseState, title: Title, html: string): string {
  const { site } = state.ctx;
  const modes = state.options.fragmentMode;
  if (title.namespace === NS_MAIN && title.text === '' && title.fragment) {
    return `<a href="${encodeAttribute(fragmentPart(title.fragment, modes))}">${html}</a>`;
  }
  if (title.key === state.ctx.title.key && title.namespace !== NS_SPECIAL) {
    if (title.fragment) return `<a class="mw-selflink-fragment" href="${encodeAttribute(fragmentPart(title.fragment, modes))}">${html}</a>`;
    return `<a class="mw-selflink selflink">${html}</a>`;
  }
  state.links.push(title);
  const { env } = state.ctx;
  const status = env.linkStatus.get(title.key);
  const special = title.namespace === NS_SPECIAL;
  const known = status === 'exists' || status === 'redirect' || (special && isKnownSpecialPage(title.text)) || (title.namespace === NS_FILE && env.files?.has(title.key));
  if (special && !known) {
    return `<a href="${encodeAttribute(articleUrl(site, title.key))}" class="new" title="${encodeAttribute(env.labels.redLink(title.full))}">${html}</a>`;
  }
  if (status === undefined && !known && env.deferLinkStatus) return `<a href="${deferLink(state, title)}">${html}</a>`;
  return `<a ${linkAttributes(site, title, known ? (status ?? 'exists') : 'missing', env.labels.redLink, modes)}>${html}</a>`;
}

/** The attributes of a link to a local page, as LinkRenderer writes them for a blue, redirect or red link. */
function linkAttributes(site: WikitextSite, title: Title, status: LinkStatus, redLink: (page: string) => string, modes: string[]): string {
  const titleAttr = encodeAttribute(title.full);
  if (status !== 'missing') {
    const href = encodeAttribute(articleUrl(site, title.key) + fragmentPart(title.fragment, modes));
    const cls = status === 'redirect' ? ' class="mw-redirect"' : '';
    return `href="${href}"${cls} title="${titleAttr}"`;
  }
  const href = encodeAttribute(scriptUrl(site, title.key, 'action=edit&redlink=1'));
  return `href="${href}" class="new" title="${encodeAttribute(redLink(title.full))}"`;
}

const DEFER_OPEN = '\u27E6mw-link:';
const DEFER_CLOSE = '\u27E7';

/** A placeholder href for a link whose target's status the env did not know (WikitextEnv.deferLinkStatus). */
function deferLink(state: ParseState, title: Title): string {
  const out = state.ctx.output;
  out.deferredLinks ??= { titles: [], index: new Map() };
  // Keys hold no '#': the key alone is unambiguous without a fragment, and is not built again for each link.
  const id = title.fragment ? `${title.key}#${title.fragment}` : title.key;
  let n = out.deferredLinks.index.get(id);
  if (n === undefined) out.deferredLinks.index.set(id, (n = out.deferredLinks.titles.push(title) - 1));
  return `${DEFER_OPEN}${n}${DEFER_CLOSE}`;
}

/**
 * Fills in the links a render deferred, once the caller knows their targets' statuses (a key
 * still absent is missing): only the `<a>`'s attributes depend on it, so the page is not
 * rendered again. `deferred` is the render's `deferredLinks`.
 */
export function resolveDeferredLinks(html: string, deferred: readonly Title[], statuses: ReadonlyMap<string, LinkStatus>, env: WikitextEnv): string {
  if (deferred.length === 0) return html;
  const site: WikitextSite = { ...DEFAULT_SITE, ...env.site };
  const modes = env.options?.fragmentMode ?? DEFAULT_OPTIONS.fragmentMode;
  const attrs = deferred.map((t) => linkAttributes(site, t, statuses.get(t.key) ?? 'missing', env.labels.redLink, modes));
  const pattern = new RegExp(`href="${DEFER_OPEN}(\\d+)${DEFER_CLOSE}"`, 'g');
  return html.replace(pattern, (whole, n: string) => attrs[Number(n)] ?? whole);
}

export function handleInternalLinks(state: ParseState, input: string): string {
  const language = state.ctx.site.language;
  const prefixCharset = language === 'en' || language === 'fr' ? undefined : languageData(language)?.linkPrefix;
  const parts = ` ${input}`.split('[[');
  // What is rendered so far, in pieces: trimInvisibleLink reads only the last ones (a string built
  // with += would be copied whole each time its end is read).
  const out = [parts[0]!.slice(1)];
  for (let i = 1; i < parts.length; i++) {
    const line = parts[i]!;
    let m = E1.exec(line);
    let mightBeImg = false;
    let target: string;
    let text: string;
    let trail: string;
    if (m) {
      text = m[2] ?? '';
      trail = line.slice(m[0].length);
      if (text !== '' && trail.startsWith(']') && text.includes('[')) {
        text += ']';
        trail = trail.slice(1);
      }
      target = m[1]!;
    } else if ((m = E1_IMG.exec(line))) {
      mightBeImg = true;
      text = m[2]!;
      trail = '';
      target = m[1]!;
    } else {
      out.push('[[', line);
      continue;
    }
    if (target.includes('%')) target = percentDecode(target).replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const origLink = target.replace(/^ +/, '');
    if (PROTOCOL_START.test(origLink)) {
      out.push('[[', line);
      continue;
    }
    let link = origLink;
    [link, text] = normalizeSubpageLink(state, link, text);
    const resolved = link.includes('\x7f') ? undefined : resolveTarget(state, link);
    if (!resolved) {
      out.push('[[', line);
      continue;
    }
    const noforce = !origLink.startsWith(':');
    const ns = resolved.kind === 'title' ? resolved.title.namespace : NS_MAIN;
    if (mightBeImg) {
      if (resolved.kind === 'title' && ns === NS_FILE && noforce) {
        let found = false;
        while (i + 1 < parts.length) {
          i++;
          const next = parts[i]!;
          const bits = next.split(']]');
          if (bits.length >= 3) {
            found = true;
            text += `[[${bits[0]}]]${bits[1]}`;
            trail = bits.slice(2).join(']]');
            break;
          } else if (bits.length === 2) {
            text += `[[${bits[0]}]]${bits[1]}`;
          } else {
            text += `[[${next}`;
            break;
          }
        }
        if (!found) {
          out.push(`[[${link}|`, handleInternalLinks(state, text));
          continue;
        }
      } else {
        out.push(`[[${link}|`, text);
        continue;
      }
    }
    const wasBlank = text === '';
    if (wasBlank) text = noforce ? link : link.slice(1);
    else text = doQuotes(text);

    if (resolved.kind === 'interwiki') {
      if (noforce && resolved.language && !resolved.viaLocal && state.ctx.title.namespace % 2 !== 1 && state.options.interwikiMagic !== false) {
        const full = `${resolved.prefix}:${resolved.text}${resolved.fragment ? `#${resolved.fragment}` : ''}`;
        if (!state.languageLinks.some((l) => l.startsWith(`${resolved.prefix}:`))) state.languageLinks.push(full);
        trimInvisibleLink(out);
        out.push(trail);
        continue;
      }
      const [inside, rest] = splitTrail(trail, language);
      const page = wfUrlencode(resolved.text.replace(/ /g, '_'));
      let href = resolved.url.includes('$1') ? resolved.url.replace('$1', page) : resolved.url;
      if (page === '') href = href.replace(/\?$/, '');
      if (resolved.fragment) href += `#${escapeIdForLink(resolved.fragment, resolved.external ? ['legacy'] : state.options.fragmentMode)}`;
      const titleAttr = `${resolved.prefix}:${resolved.text}`;
      state.interwikiLinks.push(titleAttr.replace(/ /g, '_'));
      const prefix = takePrefix(out, prefixCharset);
      out.push(addHolder(state, `<a href="${encodeAttribute(href)}" class="extiw" title="${encodeAttribute(titleAttr)}">${prefix}${text}${inside}</a>`), rest);
      continue;
    }
    const title = resolved.title;
    if (noforce) {
      if (ns === NS_FILE) {
        const caption = wasBlank ? '' : handleInternalLinks(state, handleExternalLinks(state, text));
        out.push(armorLinks(makeImage(state, title, caption)), trail);
        continue;
      }
      if (ns === NS_CATEGORY) {
        trimInvisibleLink(out);
        out.push(trail);
        const sortKey = decodeCharReferences(wasBlank ? (state.ctx.output.defaultSort ?? '') : text);
        state.categories.push({ name: title.text, sortKey });
        continue;
      }
    }
    if (ns === NS_MEDIA) {
      out.push(armorLinks(makeMediaLink(state, title, text)), trail);
      continue;
    }
    const [inside, rest] = splitTrail(trail, language);
    const prefix = takePrefix(out, prefixCharset);
    out.push(addHolder(state, pageLink(state, state.converter ? variantLinkTarget(state, title) : title, prefix + text + inside)), rest);
  }
  return out.join('');
}

/** splitPrefix on the pieces rendered so far: the prefix is taken off their end. */
function takePrefix(out: string[], charset: RegExp | undefined): string {
  if (!charset) return '';
  const [rest, prefix] = splitPrefix(out.join(''), charset);
  out.length = 0;
  out.push(rest);
  return prefix;
}

/** Before a category or language link: trailing whitespace goes only when it holds a line break (T359886). */
function trimInvisibleLink(out: string[]): void {
  // Scanned from the end, piece by piece (a regex anchored at $ would walk everything rendered so far).
  let newline = false;
  let i = out.length - 1;
  let start = 0;
  for (; i >= 0; i--) {
    const piece = out[i]!;
    start = piece.length;
    while (start > 0 && /\s/.test(piece[start - 1]!)) if (piece[--start] === '\n') newline = true;
    if (start > 0) break;
  }
  if (!newline) return;
  if (i >= 0) out[i] = out[i]!.slice(0, start);
  out.length = i + 1;
}

/** Parser::armorLinks: hides URL protocols of generated HTML from the free-link pass. */
export function armorLinks(html: string): string {
  return html.replace(new RegExp(`\\b(${URL_PROTOCOLS_RE})`, 'gi'), '\x7f\'"`UNIQ-NOPARSE$1');
}
