/**
 * SVG uploads. An SVG is a document that can run scripts, so: an SVG holding scripts, event
 * handlers, foreignObject, frames or entity declarations is refused outright; what remains is
 * rewritten through an element allowlist (harmless cleanup: editor metadata, animations,
 * links and references to anything outside the file are dropped). It is then served with a
 * sandboxing CSP anyway (routes.ts), and embedded pages show it through `<img>`, where SVG never
 * runs scripts or loads resources.
 */
import sanitizeHtml from 'sanitize-html';

const ROOT = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>)\s*)*<svg[\s>/]/i;

/** Whether the bytes are UTF-8 text whose root element is `<svg>`. */
export function looksLikeSvg(bytes: Buffer): boolean {
  try {
    return ROOT.test(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 64 * 1024)));
  } catch {
    return false;
  }
}

/**
 * sanitize-html copies the text of an allowed `<style>` verbatim (decoded, so `&lt;/style&gt;`
 * would become markup): styles travel under this name, whose text is escaped, and are renamed back.
 */
const STYLE = 'maillage-svg-style';

const ELEMENTS = [
  'svg', 'g', 'defs', 'symbol', 'use', 'title', 'desc', 'switch', STYLE,
  'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan', 'textPath', 'image',
  'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker', 'filter',
  'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix', 'feDiffuseLighting',
  'feDisplacementMap', 'feDistantLight', 'feDropShadow', 'feFlood', 'feFuncA', 'feFuncB', 'feFuncG', 'feFuncR',
  'feGaussianBlur', 'feMerge', 'feMergeNode', 'feMorphology', 'feOffset', 'fePointLight', 'feSpecularLighting',
  'feSpotLight', 'feTile', 'feTurbulence',
];

/** Refused outright: active content, whatever its namespace prefix. */
const ACTIVE = new Set(['script', 'foreignobject', 'iframe', 'embed', 'object', 'handler', 'listener', 'html', 'body']);
const JS_URL = /^(?:javascript|vbscript|data:text\/html|data:image\/svg)/i;
const EXTERNAL_URL = /url\(\s*(?:['"]|&quot;|&#39;)?(?!\s*#)[^)]*\)/gi;
const RASTER_DATA = /^data:image\/(?:png|jpeg|gif|webp);base64,[a-z0-9+/=\s]*$/i;

function localName(name: string): string {
  return name.slice(name.lastIndexOf(':') + 1).toLowerCase();
}

/** Drops references to other resources from CSS (`@import`, `url(http…)`); keeps `url(#local)`. */
function localCss(css: string): string {
  return css.replace(/@import[^;]*;?/gi, '').replace(EXTERNAL_URL, 'none');
}

export type SvgResult = { ok: true; svg: Buffer } | { ok: false };

/** Refuses active SVG, cleans the rest. */
export function sanitizeSvg(bytes: Buffer): SvgResult {
  const source = bytes.toString('utf8');
  if (/<!ENTITY|<\?xml-stylesheet/i.test(source)) return { ok: false };
  let active = false;
  const attributes = (tagName: string, attribs: Record<string, string>) => {
    if (ACTIVE.has(localName(tagName))) active = true;
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(attribs)) {
      // eslint-disable-next-line no-control-regex -- browsers ignore these inside URLs, so must we
      const compact = value.replace(/[\x00-\x20]+/g, '');
      const local = localName(name);
      if (local.startsWith('on') || JS_URL.test(compact) || /javascript:|expression\(/i.test(compact)) {
        active = true;
        continue;
      }
      if (local === 'href') {
        if (compact.startsWith('#') || (tagName === 'image' && RASTER_DATA.test(value))) out[name] = value;
        continue;
      }
      out[name] = local === 'style' || /url\(/i.test(value) ? localCss(value) : value;
    }
    return out;
  };
  const clean = sanitizeHtml(source, {
    allowedTags: ELEMENTS,
    allowedAttributes: false,
    allowedSchemesAppliedToAttributes: [],
    disallowedTagsMode: 'discard',
    nonTextTags: ['script', 'foreignObject', 'foreignobject', 'metadata'],
    parser: { xmlMode: true } as sanitizeHtml.IOptions['parser'],
    transformTags: {
      style: (_tag, attribs) => ({ tagName: STYLE, attribs: attributes('style', attribs) }),
      '*': (tagName, attribs) => ({ tagName, attribs: attributes(tagName, attribs) }),
    },
    textFilter: (text, tagName) => {
      if (tagName !== 'style' && tagName !== STYLE) return text;
      if (/javascript:|expression\(/i.test(text)) active = true;
      return localCss(text);
    },
  }).replaceAll(`<${STYLE}`, '<style').replaceAll(`</${STYLE}>`, '</style>');
  if (active || !/^\s*<svg[\s>]/.test(clean)) return { ok: false };
  return { ok: true, svg: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${clean.trim()}\n`, 'utf8') };
}
