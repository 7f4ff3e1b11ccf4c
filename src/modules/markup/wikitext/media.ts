/**
 * Files in wikitext: `[[File:X|options|caption]]` (MediaWiki's Parser::makeImage and
 * Linker::makeImageLink, in the current <figure>/<span typeof="mw:File"> markup) and
 * `[[Media:X]]` links. Option names in English and French.
 */
import { NS_FILE } from '../namespaces.ts';
import type { RenderFile, Title } from '../types.ts';
import type { ParseState } from './context.ts';
import { decodeCharReferences } from '../entities.ts';
import { percentDecode } from '../links.ts';
import { replaceLinkHolders, resolveTarget } from './internal-links.ts';
import { doQuotes } from './quotes.ts';
import { encodeAttribute, URL_PROTOCOLS_RE } from './sanitizer.ts';
import { noFollow } from './external-links.ts';
import { addTrackingCategory } from './tracking.ts';
import { languageData, type LanguageData } from './languages.ts';
import { articleUrl, scriptUrl } from './urls.ts';
import { wfUrlencode } from '../titles.ts';

type Kind = 'thumb' | 'frame' | 'frameless' | undefined;

interface ImageOptions {
  kind: Kind;
  /** Frame options seen (MediaWiki's precedence: manual thumb, frame, thumb, frameless). */
  kinds: Set<string>;
  /** A size written with 'pxpx' (tracked). */
  doublePx?: boolean;
  /** Sizes of a packed gallery's image (thumbnail width, shown width, width of the 2x source). */
  packed?: { thumbWidth: number; width: number; srcset2x: number };
  manualThumb?: string;
  width?: number;
  height?: number;
  upright?: number;
  border: boolean;
  align?: string;
  valign?: string;
  link?: string;
  alt?: string;
  classes: string[];
  caption: string;
  page?: string;
  lang?: string;
}

const ALIGN: Record<string, string> = { left: 'left', right: 'right', center: 'center', centre: 'center', none: 'none', gauche: 'left', droite: 'right', 'centré': 'center', centrer: 'center', 'néant': 'none', neant: 'none', aucun: 'none' };
const VALIGN: Record<string, string> = { baseline: 'baseline', sub: 'sub', super: 'super', sup: 'super', top: 'top', 'text-top': 'text-top', middle: 'middle', bottom: 'bottom', 'text-bottom': 'text-bottom', 'exposant': 'super', indice: 'sub', haut: 'top', milieu: 'middle', bas: 'bottom', 'haut-texte': 'text-top', 'bas-texte': 'text-bottom', 'ligne-de-base': 'baseline' };
const THUMB = new Set(['thumb', 'thumbnail', 'vignette']);
const FRAME = new Set(['frame', 'framed', 'enframed', 'cadre', 'encadré', 'encadre']);
const FRAMELESS = new Set(['frameless', 'sans_cadre', 'non_encadré', 'non_encadre']);
const BORDER = new Set(['border', 'bordure']);
const UPRIGHT = new Set(['upright', 'redresse']);

/** Splits on '|' outside [[…]] (captions hold links) and language converter markup -{…}- (StringUtils::delimiterExplode). */
function splitOptions(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let lc = 0;
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith('-{', i)) {
      lc++;
      cur += '-{';
      i++;
    } else if (text.startsWith('}-', i) && lc > 0) {
      lc--;
      cur += '}-';
      i++;
    } else if (lc > 0) {
      cur += text[i];
    } else if (text.startsWith('[[', i)) {
      depth++;
      cur += '[[';
      i++;
    } else if (text.startsWith(']]', i) && depth > 0) {
      depth--;
      cur += ']]';
      i++;
    } else if (text[i] === '|' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += text[i];
  }
  out.push(cur);
  return out;
}

const GALLERY_KEYS = new Set(['alt', 'link', 'lien', 'class', 'classe', 'page', 'lang', 'langue']);

/** An option written with the content language's magic words ($magicWords img_*), in its English form. */
function englishOption(part: string, local: LanguageData['imageOptions']): string {
  if (!local) return part;
  const word = local.words?.[part];
  if (word) return word;
  const eq = part.indexOf('=');
  const key = eq >= 0 ? local.words?.[`${part.slice(0, eq).trim()}=`] : undefined;
  if (key) return `${key}${part.slice(eq + 1)}`;
  const suffix = local.pxSuffix;
  if (suffix && part.endsWith(suffix) && /^\d*(?:x\d+)?\s*$/.test(part.slice(0, -suffix.length)) && part.length > suffix.length) return `${part.slice(0, -suffix.length).trim()}px`;
  return part;
}

function parseOptions(text: string, inGallery = false, local?: LanguageData['imageOptions']): ImageOptions {
  const o: ImageOptions = { kind: undefined, kinds: new Set(), border: false, classes: [], caption: '' };
  if (text === '') return o;
  const frameKind = (k: Kind) => {
    if (o.kind === undefined) o.kind = k;
  };
  for (const raw of splitOptions(text)) {
    // Option names are case-sensitive, as MediaWiki's image magic words.
    const part = englishOption(raw.trim(), local);
    const eq = part.indexOf('=');
    const key = eq >= 0 ? part.slice(0, eq).trim() : '';
    const value = eq >= 0 ? part.slice(eq + 1).trim() : '';
    let m: RegExpExecArray | null;
    // A gallery line knows only alt=, link=, class=, page= and lang=; anything else is its caption.
    if (inGallery && !GALLERY_KEYS.has(key)) o.caption = raw;
    else if (THUMB.has(part)) frameKind('thumb');
    else if (FRAME.has(part)) frameKind('frame');
    else if (FRAMELESS.has(part)) frameKind('frameless');
    else if (BORDER.has(part)) o.border = true;
    else if (UPRIGHT.has(part)) o.upright ??= 0.75;
    else if (ALIGN[part]) o.align ??= ALIGN[part];
    else if (VALIGN[part]) o.valign ??= VALIGN[part];
    else if ((m = /^(\d*)(?:x(\d+))?\s*(px)+$/.exec(part)) && (m[1] || m[2])) {
      if (/pxpx$/.test(part)) o.doublePx = true;
      if (m[1]) o.width = Number(m[1]);
      if (m[2]) o.height = Number(m[2]);
    } else if ((key === 'upright' || key === 'redresse') && /^\d*\.?\d+$/.test(value)) o.upright ??= Number(value);
    else if ((key === 'link' || key === 'lien') && linkValueValid(value)) o.link = value;
    // A gallery drops an invalid link; an inline image takes it for its caption.
    else if ((key === 'link' || key === 'lien') && inGallery) continue;
    else if (key === 'alt') o.alt = value;
    else if (key === 'class' || key === 'classe') o.classes.push(...value.split(/\s+/).filter(Boolean));
    else if (key === 'thumb' || key === 'thumbnail' || key === 'vignette' || key === 'manualthumb') {
      if (o.kind === undefined) {
        o.kind = 'thumb';
        o.manualThumb = value;
      }
    } else if (key === 'page') o.page = value;
    else if (key === 'lang' || key === 'langue') o.lang = value;
    else o.caption = raw;
  }
  return o;
}

/** A link= value MediaWiki accepts: empty, a URL, or (after one %-decoding) a valid title. */
function linkValueValid(value: string): boolean {
  if (value === '' || new RegExp(`^(?:${URL_PROTOCOLS_RE})`, 'i').test(value)) return true;
  return !/[<>[\]{}|]|%[0-9A-Fa-f]{2}/.test(percentDecode(decodeCharReferences(value.replace(/<[^>]*>/g, ''))));
}

function scaleHeight(file: RenderFile, width: number): number {
  return file.width ? Math.round((file.height * width) / file.width) : 0;
}

/** ImageHandler::fitBoxWidth: the widest width whose scaled height fits `maxHeight`. */
function fitBoxWidth(file: RenderFile, maxHeight: number): number {
  const ideal = (file.width * maxHeight) / file.height;
  const up = Math.ceil(ideal);
  return Math.round((up * file.height) / file.width) > maxHeight ? Math.floor(ideal) : up;
}

/** Text of an alt or title attribute: links and markup reduced to their text (Parser::stripAltText). */
function plainText(state: ParseState, html: string): string {
  const text = state.strip.unstripBoth(replaceLinkHolders(state, html)).replace(/<[^>]*>/g, '');
  return decodeCharReferences(text);
}

function isVector(file: RenderFile): boolean {
  return file.mime === 'image/svg+xml';
}

/** The displayed size: MediaWiki's rules for thumbs, frames, explicit sizes and upright. */
function displaySize(state: ParseState, file: RenderFile, o: ImageOptions): { width: number; height: number; defaultSize: boolean } {
  const thumbLimit = state.options.thumbSize;
  let width = o.width;
  let defaultSize = false;
  if (o.kind === 'frame' || !file.width) return { width: file.width, height: file.height, defaultSize: o.width === undefined && o.height === undefined };
  if (width === undefined && o.height !== undefined) width = fitBoxWidth(file, o.height) || file.width;
  else if (width !== undefined && o.height !== undefined && width * file.height > o.height * file.width) width = fitBoxWidth(file, o.height);
  if (width === undefined) {
    if (o.kind === 'thumb' || o.kind === 'frameless') {
      width = o.upright !== undefined ? Math.round((thumbLimit * o.upright) / 10) * 10 : thumbLimit;
      defaultSize = true;
    } else {
      return { width: file.width, height: file.height, defaultSize: true };
    }
    if (!isVector(file) && width > file.width) width = file.width;
  } else if (!isVector(file) && width > file.width && o.kind !== undefined) width = file.width;
  return { width, height: scaleHeight(file, width), defaultSize };
}

/** Files shown through a rendering even at their own size (MediaHandler::mustRender): SVG, DjVu. */
function mustRender(file: RenderFile): boolean {
  return isVector(file) || file.mime === 'image/vnd.djvu';
}

/** Which rendering of a file the options ask for: a page of a multipage document (DjVu), a language of an SVG. */
interface Rendition {
  page?: number;
  lang?: string;
  /** Query of the description page link ('page=2', 'lang=ru'), '' for none. */
  query: string;
}

function srcFor(file: RenderFile, width: number, native = false, r?: Rendition): string {
  if ((!mustRender(file) && width >= file.width) || (native && isVector(file))) return file.url;
  return r && (r.page !== undefined || r.lang !== undefined) ? file.thumbUrl(width, r.page, r.lang) : file.thumbUrl(width);
}

/** The 2x source, when it differs from the 1x one. */
function srcset(file: RenderFile, width: number, native = false, r?: Rendition): string {
  if ((!mustRender(file) && width >= file.width) || (native && isVector(file))) return '';
  return `${srcFor(file, Math.round(width * 2), false, r)} 2x`;
}

/**
 * The page= of a multipage document (other files ignore it), and the language of an SVG: lang=
 * as given, else the content language when the file has it (SvgHandler's targetlang); the
 * file's default language ('en') needs no rendering of its own.
 */
function renditionOf(state: ParseState, file: RenderFile, o: ImageOptions): Rendition {
  const r: Rendition = { query: '' };
  if (o.page !== undefined && file.mime === 'image/vnd.djvu' && /^\s*\d+\s*$/.test(o.page) && Number(o.page) >= 1) {
    r.page = Number(o.page);
    r.query = `page=${r.page}`;
  }
  if (isVector(file)) {
    const explicit = o.lang?.trim().toLowerCase();
    const content = state.ctx.site.language;
    const lang = explicit || (file.languages?.includes(content) ? content : undefined);
    if (lang && lang !== 'en') r.lang = lang;
    if (explicit) r.query = r.query ? `${r.query}&lang=${explicit}` : `lang=${explicit}`;
  }
  return r;
}

/** The file description page's URL, with the query of a rendition. */
function descriptionUrl(state: ParseState, title: Title, r: Rendition | undefined): string {
  return r?.query ? scriptUrl(state.ctx.site, title.key, r.query) : articleUrl(state.ctx.site, title.key);
}

function linkOpen(state: ParseState, title: Title, o: ImageOptions, titleAttr: string, rendition?: Rendition): [string, string] {
  const t = titleAttr ? ` title="${encodeAttribute(titleAttr)}"` : '';
  if (o.link) o.link = plainText(state, o.link).trim();
  if (o.link === undefined) {
    return [`<a href="${encodeAttribute(descriptionUrl(state, title, rendition))}" class="mw-file-description"${t}>`, '</a>'];
  }
  if (o.link === '') return [`<span${t}>`, '</span>'];
  if (new RegExp(`^(?:${URL_PROTOCOLS_RE})`, 'i').test(o.link)) {
    state.externalLinks.push(o.link);
    const target = state.options.externalLinkTarget ? ` target="${encodeAttribute(state.options.externalLinkTarget)}"` : '';
    const rel = noFollow(state, o.link) ? ' rel="nofollow"' : '';
    return [`<a href="${encodeAttribute(o.link)}"${t}${target}${rel}>`, '</a>'];
  }
  const target = resolveTarget(state, percentDecode(o.link));
  if (target?.kind === 'interwiki') {
    const href = target.url.replace('$1', wfUrlencode(target.text.replace(/ /g, '_')));
    return [`<a href="${encodeAttribute(href)}"${t || ` title="${encodeAttribute(`${target.prefix}:${target.text}`)}"`}>`, '</a>'];
  }
  const r = target ? { ok: true as const, title: target.title } : { ok: false as const };
  if (!r.ok) return [`<a href="${encodeAttribute(articleUrl(state.ctx.site, title.key))}" class="mw-file-description"${t}>`, '</a>'];
  state.links.push(r.title);
  const href = articleUrl(state.ctx.site, r.title.key) + (r.title.fragment ? `#${r.title.fragment.replace(/ /g, '_')}` : '');
  return [`<a href="${encodeAttribute(href)}" title="${encodeAttribute(titleAttr || r.title.full)}">`, '</a>'];
}

/**
 * MediaWiki's bad image list (the page MediaWiki:Bad image list): `* [[File:X]] except [[Page]]…`
 * lines; a listed file shows as a plain link except on the pages named after it.
 */
function isBadFile(state: ParseState, title: Title): boolean {
  const list = state.ctx.env.pages?.get(state.codec.make(8, 'Bad image list').key);
  if (!list) return false;
  for (const line of list.split('\n')) {
    if (!line.startsWith('*')) continue;
    const links = [...line.matchAll(/\[\[:?([^\]|]+)/g)].map((m) => state.codec.parse(m[1]!));
    const first = links[0];
    if (!first?.ok || first.title.key !== title.key) continue;
    return !links.slice(1).some((r) => r.ok && r.title.key === state.ctx.title.key);
  }
  return false;
}

/** The file a File: title shows, following one redirect of its description page. */
export function findFile(state: ParseState, title: Title): [Title, RenderFile | undefined] {
  const files = state.ctx.env.files;
  const direct = files?.get(title.key);
  if (direct) return [title, direct];
  const source = state.ctx.env.pages?.get(title.key);
  const m = source ? /^#REDIRECT\s*\[\[([^\]|]+)/i.exec(source) : null;
  if (m) {
    const r = state.codec.parse(m[1]!);
    if (r.ok && r.title.namespace === NS_FILE && files?.get(r.title.key)) return [r.title, files.get(r.title.key)];
  }
  return [title, undefined];
}

/** Options of a gallery line (link=, alt=, caption…), with the gallery's size. */
/** The content language's image option words, for languages other than English and French. */
export function localOptions(state: ParseState): LanguageData['imageOptions'] {
  const language = state.ctx.site.language;
  return language === 'en' || language === 'fr' ? undefined : languageData(language)?.imageOptions;
}

export function galleryImage(
  state: ParseState,
  linkTitle: Title,
  optionText: string,
  size: { width: number; height: number; packed: boolean },
  parseCaption: (wikitext: string) => string,
): { html: string; caption: string; shownWidth?: number; thumbWidth?: number } {
  const { width, height, packed } = size;
  // As for [[File:…|…]], quotes in the options are processed first (T206940).
  const o = parseOptions(doQuotes(optionText), true, localOptions(state));
  // The caption is parsed first: the image's title and alt are its text.
  if (o.caption) o.caption = parseCaption(o.caption);
  o.width = width;
  o.height = height;
  o.kind = undefined;
  o.align = undefined;
  if (packed) {
    // PackedImageGallery: thumbnails 1.5 times the row height, shown at the row height.
    const [, file] = findFile(state, linkTitle);
    if (file && file.width && file.height) {
      const thumbWidth = fitBoxWidth(file, Math.round(height * 1.5));
      o.packed = { thumbWidth, width: Math.ceil(thumbWidth / 1.5), srcset2x: Math.round((file.width * height * 3) / file.height) };
      return { html: renderImage(state, linkTitle, o, true), caption: o.caption, shownWidth: o.packed.width, thumbWidth };
    }
  }
  return { html: renderImage(state, linkTitle, o, true), caption: o.caption };
}

export function makeImage(state: ParseState, linkTitle: Title, optionText: string): string {
  return renderImage(state, linkTitle, parseOptions(optionText.replace(/\n/g, ' '), false, localOptions(state)), false);
}

function renderImage(state: ParseState, linkTitle: Title, o: ImageOptions, inGallery: boolean): string {
  if (o.doublePx) addTrackingCategory(state, 'double-px-category');
  state.images.push(linkTitle.text.replace(/ /g, '_'));
  const [title, file] = findFile(state, linkTitle);
  // A file the env does not know (an image a template added, say): the caller looks it up and renders again.
  if (!file && !state.ctx.env.noFiles && !state.ctx.env.linkStatus.has(linkTitle.key)) state.ctx.output.unresolved.add(linkTitle.key);
  const framed = o.kind === 'thumb' || o.kind === 'frame';
  const block = framed || o.align !== undefined;
  const classes: string[] = [];
  const caption = o.caption;
  if (!file || isBadFile(state, title)) {
    const size = o.width ?? (framed ? state.options.thumbSize : o.kind === 'frameless' ? undefined : file?.width);
    const href = scriptUrl(state.ctx.site, 'Special:Upload', `wpDestFile=${wfUrlencode(title.text.replace(/ /g, '_'))}`);
    if (!file) addTrackingCategory(state, 'broken-file-category');
    if (o.width === undefined && o.height === undefined && o.upright === undefined && o.manualThumb === undefined && o.kind !== 'frame') classes.push('mw-default-size');
    if (o.align && o.align !== 'none') classes.push(`mw-halign-${o.align}`);
    const typeOf = `mw:Error mw:File${o.kind === 'thumb' ? '/Thumb' : o.kind === 'frame' ? '/Frame' : o.kind === 'frameless' ? '/Frameless' : ''}`;
    const sizeAttrs = `${size ? ` data-width="${size}"` : ''}${o.height ? ` data-height="${o.height}"` : ''}`;
    const status = state.ctx.env.linkStatus.get(title.key);
    const linkStart = !file && status === 'redirect' ? `<a href="${encodeAttribute(articleUrl(state.ctx.site, title.key))}" class="mw-redirect" title="${encodeAttribute(title.full)}">` : file ? `<a href="${encodeAttribute(articleUrl(state.ctx.site, title.key))}" title="${encodeAttribute(title.full)}">` : `<a href="${encodeAttribute(href)}" class="new" title="${encodeAttribute(title.full)}">`;
    // The alt text, else the caption's text (inline images), else the file's name.
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const alt = o.alt !== undefined ? plainText(state, o.alt).trim() : undefined;
    const label = alt !== undefined ? (alt ? escape(alt) : title.full) : caption && !framed ? escape(plainText(state, caption).trim()) : title.full;
    const inner = `${linkStart}<span class="mw-file-element mw-broken-media"${sizeAttrs}>${label}</span></a>`;
    const tag = block && !inGallery ? 'figure' : 'span';
    const cls = [...classes, ...o.classes].join(' ');
    return `<${tag}${cls ? ` class="${cls}"` : ''} typeof="${typeOf}">${inner}${tag === 'figure' ? `<figcaption>${caption}</figcaption>` : ''}</${tag}>`;
  }
  let { width, height, defaultSize } = displaySize(state, file, o);
  let shown = file;
  let manual = false;
  if (o.manualThumb !== undefined) {
    const r = state.codec.parse(o.manualThumb, NS_FILE);
    const thumb = r.ok ? state.ctx.env.files?.get(state.codec.make(NS_FILE, r.title.text).key) : undefined;
    if (!thumb || (r.ok && isBadFile(state, state.codec.make(NS_FILE, r.title.text)))) {
      const cls = o.classes.join(' ');
      const link = `<a href="${encodeAttribute(articleUrl(state.ctx.site, title.key))}" title="${encodeAttribute(title.full)}">`;
      const label = thumb ? title.full : 'Error creating thumbnail: ';
      return `<figure${cls ? ` class="${cls}"` : ''} typeof="mw:Error mw:File/Thumb">${link}<span class="mw-file-element mw-broken-media" data-width="${state.options.thumbSize}">${label}</span></a><figcaption>${caption}</figcaption></figure>`;
    }
    if (thumb) {
      shown = thumb;
      manual = true;
      width = thumb.width;
      height = thumb.height;
      defaultSize = false;
    }
  }
  if (o.kind === 'frame') defaultSize = false;
  if (defaultSize) classes.push('mw-default-size');
  if (o.align && (block || o.align !== 'none')) classes.push(`mw-halign-${o.align}`);
  if (!block && o.valign) classes.push(`mw-valign-${o.valign}`);
  if (o.border && !framed) classes.push('mw-image-border');
  classes.push(...o.classes);
  const altText = o.alt !== undefined ? plainText(state, o.alt) : !framed && caption ? plainText(state, caption) : undefined;
  const titleAttr = !framed && caption ? plainText(state, caption) : '';
  const rendition = renditionOf(state, file, o);
  const page = rendition.page;
  const link = linkOpen(state, title, o, titleAttr, rendition);
  const close = link[1];
  let open = link[0];
  if (manual && o.link === undefined) open = `<a href="${encodeAttribute(descriptionUrl(state, title, rendition))}" title="${encodeAttribute(title.full)}">`;
  const native = state.options.svgNativeRendering ?? false;
  let set = manual ? '' : srcset(shown, width, native, rendition);
  let src = manual ? shown.url : srcFor(shown, width, native, rendition);
  if (o.packed) {
    src = srcFor(shown, o.packed.thumbWidth, native, rendition);
    set = `${srcFor(shown, o.packed.srcset2x, native, rendition)} 2x`;
    width = o.packed.width;
    height = o.height ?? height;
  }
  const resource = framed && (manual || (o.link !== undefined && o.link !== '')) ? ` resource="${encodeAttribute(articleUrl(state.ctx.site, title.key) + (page === undefined ? '' : `?page=${page}`))}"` : '';
  // Upright scales the default thumbnail width; the page style can follow the reader's preference.
  const upright = o.upright !== undefined && o.width === undefined && (o.kind === 'thumb' || o.kind === 'frameless') && !manual
    ? ` style="--mw-file-upright: ${o.upright}" class="mw-file-element mw-file-upright"`
    : ' class="mw-file-element"';
  const img =
    `<img${altText !== undefined ? ` alt="${encodeAttribute(altText)}"` : ''}${resource} src="${encodeAttribute(src)}" decoding="async" width="${width}" height="${height}"${upright}` +
    `${set ? ` srcset="${encodeAttribute(set)}"` : ''} />`;
  const typeOf = `mw:File${o.kind === 'thumb' ? '/Thumb' : o.kind === 'frame' ? '/Frame' : o.kind === 'frameless' ? '/Frameless' : ''}`;
  const cls = classes.join(' ');
  if (!block || inGallery) return `<span${cls ? ` class="${cls}"` : ''} typeof="${typeOf}">${open}${img}${close}</span>`;
  return `<figure${cls ? ` class="${cls}"` : ''} typeof="${typeOf}">${open}${img}${close}<figcaption>${caption}</figcaption></figure>`;
}

/** `[[Media:X.jpg|text]]`: a direct link to the file (Linker::makeMediaLinkFile). */
export function makeMediaLink(state: ParseState, title: Title, text: string): string {
  const [fileTitle, file] = findFile(state, state.codec.make(NS_FILE, title.text));
  const label = text || title.full;
  if (!file) {
    const href = scriptUrl(state.ctx.site, 'Special:Upload', `wpDestFile=${wfUrlencode(title.text.replace(/ /g, '_'))}`);
    return `<a href="${encodeAttribute(href)}" class="new" title="${encodeAttribute(title.text)}">${label}</a>`;
  }
  return `<a href="${encodeAttribute(file.url)}" class="internal" title="${encodeAttribute(fileTitle.text)}">${label}</a>`;
}
