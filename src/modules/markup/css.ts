/**
 * Inline styles, after MediaWiki's Sanitizer::checkCss: a style holding anything that could
 * fetch, run or hide code (`url(`, `expression`, `javascript:`, backslash escapes, comments, control
 * characters…) is dropped entirely; otherwise only allowlisted properties with plain values
 * (keywords, lengths, colours, rgb()/hsl()) are kept. Negative margins are refused so content
 * cannot overlap the interface; `display: none` is allowed, as in MediaWiki.
 */
const CSS_PROPERTIES = new Set([
  'color', 'background-color', 'text-align', 'font-weight', 'font-style', 'text-decoration', 'width', 'height',
  'vertical-align', 'white-space', 'list-style-type', 'display', 'float', 'clear', 'font-size',
]);
const CSS_PREFIXES = ['margin', 'padding', 'border'];
const DISPLAY_VALUES = new Set([
  'none', 'block', 'inline', 'inline-block', 'flex', 'inline-flex', 'grid', 'inline-grid',
  'table', 'table-row', 'table-cell', 'list-item', 'flow-root',
]);
/** Anything here makes the whole style attribute go (after MediaWiki's Sanitizer::checkCss). */
// eslint-disable-next-line no-control-regex -- control characters are what this pattern refuses
const CSS_INSECURE = /[\x00-\x08\x0b\x0e-\x1f\x7f\\\uFFFD]|\/\*|expression|javascript|vbscript|url\s*\(|image\s*\(|image-set|attr\s*\(|var\s*\(|env\s*\(|@import|behavior|-moz-binding|-o-link|filter\s*:|accelerator\s*:/i;
const CSS_VALUE = /^[a-zA-Z0-9\s#%.,()+\-/!]*$/;
const CSS_FUNCTIONS = new Set(['rgb', 'rgba', 'hsl', 'hsla']);

function propertyAllowed(prop: string): boolean {
  return CSS_PROPERTIES.has(prop) || CSS_PREFIXES.some((p) => prop === p || prop.startsWith(`${p}-`));
}

function valueAllowed(prop: string, value: string): boolean {
  if (value === '' || !CSS_VALUE.test(value)) return false;
  for (const m of value.matchAll(/([a-zA-Z-]*)\s*\(/g)) if (!CSS_FUNCTIONS.has((m[1] ?? '').toLowerCase())) return false;
  if (prop.startsWith('margin') && /(^|[\s(,])-\s*[.\d]/.test(value)) return false;
  if (prop === 'display') return DISPLAY_VALUES.has(value.toLowerCase());
  return true;
}

/** Filters a style attribute; undefined when nothing safe is left. */
export function sanitizeStyle(style: string): string | undefined {
  if (CSS_INSECURE.test(style)) return undefined;
  const kept: string[] = [];
  for (const decl of style.split(';')) {
    const colon = decl.indexOf(':');
    if (colon < 0) continue;
    const prop = decl.slice(0, colon).trim().toLowerCase();
    const value = decl.slice(colon + 1).trim();
    if (propertyAllowed(prop) && valueAllowed(prop, value)) kept.push(`${prop}:${value}`);
  }
  return kept.length ? kept.join(';') : undefined;
}
