/** `<gallery>` (MediaWiki's TraditionalImageGallery): one file per line, with its options and caption. */
import { percentDecode } from '../links.ts';
import { NS_FILE } from '../namespaces.ts';
import type { ParseState } from './context.ts';
import { findFile, galleryImage, localOptions } from './media.ts';
import { encodeAttribute, fixTagAttributes } from './sanitizer.ts';
import { articleUrl } from './urls.ts';
import { preprocess } from './preprocess/index.ts';
import type { Frame } from './types.ts';

function px(value: string | undefined, fallback: number, suffix = 'px'): number {
  const m = value ? /^\s*(\d+)\s*([^\s\d]*)\s*$/.exec(value) : null;
  return m && (m[2] === '' || m[2] === 'px' || m[2] === suffix) ? Number(m[1]) || fallback : fallback;
}

const GALLERY_PARAMS = new Set(['widths', 'heights', 'mode', 'caption', 'perrow', 'showfilename', 'showthumbnails', 'showdimensions', 'summary']);
const MODES = new Set(['traditional', 'nolines', 'packed', 'packed-overlay', 'packed-hover', 'slideshow']);

/** PHP's float to string (14 significant digits). */
function phpFloat(x: number): string {
  return String(Number(x.toPrecision(14)));
}

export function makeGallery(state: ParseState, content: string, attrs: Record<string, string>, frame: Frame): string {
  const suffix = localOptions(state)?.pxSuffix;
  const width = px(attrs.widths, 120, suffix);
  const height = px(attrs.heights, 120, suffix);
  const modeName = (attrs.mode ?? 'traditional').toLowerCase();
  const mode = MODES.has(modeName) ? modeName : 'traditional';
  const packed = mode.startsWith('packed');
  const items: string[] = [];
  for (const raw of content.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const bar = line.indexOf('|');
    const target = bar >= 0 ? line.slice(0, bar) : line;
    const r = state.codec.parse(percentDecode(target), NS_FILE);
    if (!r.ok || r.title.namespace !== NS_FILE) continue;
    const options = bar >= 0 ? preprocess(line.slice(bar + 1), state.ctx, frame) : '';
    const image = galleryImage(state, r.title, options, { width, height, packed }, (wikitext) => state.ctx.recursiveTagParse(wikitext, frame));
    const html = image.html;
    const caption = image.caption;
    const exists = findFile(state, r.title)[1] !== undefined && !html.includes('mw-broken-media');
    let boxWidth = `${width + 35}`;
    let thumbStyle = exists ? `width: ${width + 30}px; height: ${height + 30}px;` : `height: ${height + 30}px;`;
    let filename = '';
    if (attrs.showfilename !== undefined) {
      const [shown] = findFile(state, r.title);
      const href = encodeAttribute(articleUrl(state.ctx.site, shown.key));
      filename = `<a href="${href}" class="galleryfilename galleryfilename-truncate" title="${encodeAttribute(shown.full)}">${encodeAttribute(shown.text)}</a>\n`;
    }
    let text = `\t\t\t<div class="gallerytext">${filename}${caption}</div>\n`;
    if (mode === 'nolines') {
      boxWidth = `${width + 5}`;
      thumbStyle = `width: ${width}px;`;
    } else if (mode === 'slideshow') {
      thumbStyle = `width: ${width + 30}px;`;
    } else if (packed && image.thumbWidth !== undefined) {
      const divWidth = Math.max(60, image.thumbWidth / 1.5);
      boxWidth = phpFloat(divWidth + 2);
      thumbStyle = `width: ${phpFloat(divWidth)}px;`;
      if (mode !== 'packed') text = `\t\t\t<div class="gallerytextwrapper" style="width: ${(image.shownWidth ?? 0) - 20}px"><div class="gallerytext">${caption}</div>\n\t\t\t</div>\n`;
    }
    items.push(`\t\t<li class="gallerybox" style="width: ${boxWidth}px">\n\t\t\t<div class="thumb" style="${thumbStyle}">${html}</div>\n${text}\t\t</li>`);
  }
  // The author's attributes in their order, the gallery's class added to theirs (or after them),
  // perrow as a max-width before their style (ImageGalleryBase).
  const perRow = px(attrs.perrow, 0);
  const kept: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'showthumbnails' && mode === 'slideshow') kept.push(['data-showthumbnails', '1']);
    else if (k === 'style') kept.push(['style', (perRow ? `max-width: ${perRow * (width + 43)}px;` : '') + v]);
    else if (!GALLERY_PARAMS.has(k)) kept.push([k, v]);
  }
  const classAt = kept.findIndex(([k]) => k === 'class');
  const cls = `${classAt >= 0 ? `${kept[classAt]![1]} ` : ''}gallery mw-gallery-${mode}`;
  if (classAt >= 0) kept[classAt] = ['class', cls];
  else kept.push(['class', cls]);
  if (perRow && attrs.style === undefined) kept.push(['style', `max-width: ${perRow * (width + 43)}px;`]);
  const other = fixTagAttributes(kept.map(([k, v]) => `${k}="${v.replace(/"/g, '&quot;')}"`).join(' '), 'ul');
  const caption = attrs.caption ? `\t<li class="gallerycaption">${state.ctx.recursiveTagParse(attrs.caption, frame)}</li>\n` : '';
  return `<ul${other}>\n${caption}${items.join('\n')}${items.length ? '\n' : ''}</ul>`;
}
