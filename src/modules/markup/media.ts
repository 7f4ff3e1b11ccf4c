/**
 * Embedded files, after MediaWiki's image syntax (Help:Images): `[[Fichier:X.png|vignette|droite|320px|alt=…|Légende]]`.
 * Options are recognised in French and English; the last part that is no option is the caption.
 * The HTML follows MediaWiki's media DOM: a `<figure>` (with `<figcaption>`) for thumbnails,
 * frames and aligned media, a `<span>` otherwise; an absent file is a red link to the upload form.
 */
import { escapeHtml } from '../../core/html/jsx-runtime.ts';
import { fragmentHref } from './headings.ts';
import { NS_SPECIAL } from './namespaces.ts';
import { externalHref } from './sanitize.ts';
import { makeTitle, parseTitle, titleUrl, wfUrlencode } from './titles.ts';
import type { RenderEnv, RenderFile, Title } from './types.ts';

export type FileFrame = 'thumb' | 'frame' | 'frameless';
export type HAlign = 'left' | 'right' | 'center' | 'none';

export interface FileOptions {
  frame?: FileFrame;
  align?: HAlign;
  valign?: string;
  /** Bounding box asked for with `NNNpx`, `xNNNpx` or `NNNxNNNpx`. */
  width?: number;
  height?: number;
  /** `upright` (0.75) or `upright=N`: a factor of the default thumbnail width. */
  upright?: number;
  border?: boolean;
  alt?: string;
  /** Absent: the file description page; '': no link; otherwise a URL or a page title. */
  link?: string;
  /** Source of the caption, '' when none. */
  caption: string;
}

/** MediaWiki's default thumbnail width. */
export const DEFAULT_THUMB_WIDTH = 220;
const MAX_SIZE = 10_000;

type Setter = (o: FileOptions) => void;

const KEYWORDS = new Map<string, Setter>();
function words(names: string[], set: Setter): void {
  for (const n of names) KEYWORDS.set(n, set);
}
words(['vignette', 'thumb', 'thumbnail', 'mini', 'miniature'], (o) => (o.frame ??= 'thumb'));
words(['cadre', 'encadré', 'frame', 'framed', 'enframed'], (o) => (o.frame ??= 'frame'));
words(['sans_cadre', 'non_encadré', 'frameless'], (o) => (o.frame ??= 'frameless'));
words(['bordure', 'border'], (o) => (o.border = true));
words(['droite', 'right'], (o) => (o.align ??= 'right'));
words(['gauche', 'left'], (o) => (o.align ??= 'left'));
words(['centré', 'centre', 'center'], (o) => (o.align ??= 'center'));
words(['néant', 'aucun', 'none'], (o) => (o.align ??= 'none'));
words(['redresse', 'upright'], (o) => (o.upright ??= 0.75));
const VALIGN: Array<[string, string[]]> = [
  ['baseline', ['ligne-de-base']], ['sub', ['indice']], ['super', ['exposant', 'sup']], ['top', ['haut']],
  ['text-top', ['haut-texte']], ['middle', ['milieu']], ['bottom', ['bas']], ['text-bottom', ['bas-texte']],
];
for (const [v, fr] of VALIGN) words([v, ...fr], (o) => (o.valign ??= v));

const SIZE = /^(\d*)(?:x(\d+))?\s*px$/;

function keyword(part: string): string {
  return part.trim().replace(/\s+/g, '_').toLowerCase().normalize('NFC');
}

/** Reads one option; false when the part is no option (then it may be the caption). */
function applyOption(o: FileOptions, part: string): boolean {
  const set = KEYWORDS.get(keyword(part));
  if (set) {
    set(o);
    return true;
  }
  const size = SIZE.exec(part.trim());
  if (size && (size[1] || size[2])) {
    o.width ??= size[1] ? Math.min(Number(size[1]), MAX_SIZE) || undefined : undefined;
    o.height ??= size[2] ? Math.min(Number(size[2]), MAX_SIZE) || undefined : undefined;
    return true;
  }
  const eq = part.indexOf('=');
  if (eq < 0) return false;
  const name = keyword(part.slice(0, eq));
  const value = part.slice(eq + 1).trim();
  if (name === 'alt') o.alt ??= value;
  else if (name === 'lien' || name === 'link') o.link ??= value;
  else if (name === 'redresse' || name === 'upright') {
    const f = Number(value.replace(',', '.'));
    if (!(f > 0 && f <= 10)) return false;
    o.upright ??= f;
  } else return false;
  return true;
}

/** Options of an embed, from the parts after the file name (split on top-level '|'). First given wins, as in MediaWiki. */
export function parseFileOptions(parts: readonly string[]): FileOptions {
  const o: FileOptions = { caption: '' };
  for (const part of parts) if (!applyOption(o, part)) o.caption = part.trim();
  return o;
}

/** Whether the embed is a block (`<figure>`): framed, or aligned. */
export function isBlockFile(o: FileOptions): boolean {
  return o.frame === 'thumb' || o.frame === 'frame' || o.align !== undefined;
}

/** Displayed size: thumbnails default to 220px and never enlarge a bitmap; frames keep the original size. */
export function displaySize(o: FileOptions, f: Pick<RenderFile, 'width' | 'height' | 'mime'>): { width: number; height: number } {
  const vector = f.mime === 'image/svg+xml';
  let w: number;
  if (o.frame === 'frame') w = f.width;
  else if (o.width || o.height) {
    w = f.width * Math.min(o.width ? o.width / f.width : Infinity, o.height ? o.height / f.height : Infinity);
    if (!vector && o.frame && w > f.width) w = f.width;
  } else if (o.frame) {
    w = o.upright ? Math.round((DEFAULT_THUMB_WIDTH * o.upright) / 10) * 10 : DEFAULT_THUMB_WIDTH;
    if (!vector && w > f.width) w = f.width;
  } else w = f.width;
  w = Math.max(1, Math.round(w));
  return { width: w, height: Math.max(1, Math.round((f.height * w) / f.width)) };
}

export interface FileEmbed {
  title: Title;
  options: FileOptions;
  /** Rendered caption (inline HTML) and its plain text. */
  captionHtml: string;
  captionText: string;
}

type Attrs = Array<[string, string | number | undefined]>;

function tag(name: string, attrs: Attrs): string {
  return `<${name}${attrs.filter(([, v]) => v !== undefined).map(([k, v]) => ` ${k}="${escapeHtml(String(v))}"`).join('')}>`;
}

/** Where the media links: its description page by default; `lien=` a URL, a page, or nothing. */
function linkAttrs(e: FileEmbed, externalLinks: string[] | undefined): Attrs | undefined {
  const link = e.options.link;
  if (link === undefined) return [['href', titleUrl(e.title)], ['class', 'mw-file-description']];
  if (link === '') return undefined;
  if (externalHref(link) === true) {
    externalLinks?.push(link);
    return [['href', link], ['class', 'external'], ['rel', 'nofollow noopener']];
  }
  // Anything else is a page title (an unknown scheme such as `javascript:` becomes a harmless page path).
  const t = parseTitle(link);
  return t.ok ? [['href', titleUrl(t.title) + (t.title.fragment ? fragmentHref(t.title.fragment) : '')]] : undefined;
}

/** Pages an embed's `lien=` points to, for the links table. */
export function linkTarget(o: FileOptions): Title | undefined {
  if (!o.link || externalHref(o.link) === true) return undefined;
  const t = parseTitle(o.link);
  return t.ok && t.title.namespace !== NS_SPECIAL ? t.title : undefined;
}

function media(e: FileEmbed, f: RenderFile, externalLinks: string[] | undefined): string {
  const o = e.options;
  const linkOpen = linkAttrs(e, externalLinks);
  if (!f.width || !f.height) {
    // A document (PDF): no thumbnail, a link to the file itself.
    const label = o.frame === 'thumb' || o.frame === 'frame' || !e.captionText ? e.title.text : e.captionText;
    return `${tag('a', [['href', f.url], ['class', 'mw-file-link'], ['type', f.mime]])}${escapeHtml(label)}</a>`;
  }
  const size = displaySize(o, f);
  const src = f.thumbUrl(size.width);
  // Sharper images for dense screens, as MediaWiki's srcset (1.5x, 2x), when a larger rendition exists.
  const dense = new Map<string, string>();
  for (const d of [1.5, 2]) {
    const u = f.thumbUrl(Math.ceil(size.width * d));
    if (u !== src && !dense.has(u)) dense.set(u, `${u} ${d}x`);
  }
  const img = tag('img', [
    ['src', src], ['srcset', dense.size ? [...dense.values()].join(', ') : undefined], ['alt', o.alt ?? (e.captionText || e.title.text)],
    ['width', size.width], ['height', size.height], ['loading', 'lazy'], ['decoding', 'async'], ['class', o.border ? 'mw-file-element mw-file-border' : 'mw-file-element'],
  ]);
  if (!linkOpen) return img;
  const framed = o.frame === 'thumb' || o.frame === 'frame';
  return `${tag('a', [...linkOpen, ['title', !framed && e.captionText ? e.captionText : undefined]])}${img}</a>`;
}

function missing(e: FileEmbed, env: Pick<RenderEnv, 'labels'>, block: boolean): string {
  const upload = `${titleUrl(makeTitle(NS_SPECIAL, 'Téléverser'))}?wpDestFile=${wfUrlencode(e.title.text.replace(/ /g, '_'))}`;
  const text = !block && e.captionText ? e.captionText : e.title.full;
  return `${tag('a', [['href', upload], ['class', 'new'], ['title', env.labels.redLink(e.title.full)]])}${escapeHtml(text)}</a>`;
}

/** HTML of an embed. `externalLinks` collects a `lien=` URL. */
export function renderFileEmbed(e: FileEmbed, env: Pick<RenderEnv, 'labels' | 'files'>, externalLinks?: string[]): string {
  const o = e.options;
  const file = env.files?.get(e.title.key);
  const block = isBlockFile(o);
  const inner = file ? media(e, file, externalLinks) : missing(e, env, block);
  const framed = o.frame === 'thumb' || o.frame === 'frame';
  const classes = ['mw-file', o.frame ? `mw-file-${o.frame}` : '', o.align ? `mw-halign-${o.align}` : framed ? 'mw-halign-right' : '',
    o.valign && !block ? `mw-valign-${o.valign}` : '', !o.width && !o.height && o.frame !== 'frame' ? 'mw-default-size' : '', file ? '' : 'mw-file-missing']
    .filter(Boolean).join(' ');
  if (!block) return `<span class="${classes}">${inner}</span>`;
  const caption = framed && e.captionHtml ? `<figcaption>${e.captionHtml}</figcaption>` : '';
  return `<figure class="${classes}">${inner}${caption}</figure>`;
}
