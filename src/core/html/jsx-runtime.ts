/**
 * A small JSX runtime that renders straight to HTML strings.
 * Children and attribute values are escaped; only values wrapped in `Raw` pass through,
 * so markup reaches the page unescaped only where a template asks for it explicitly.
 */

export class Raw {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export type Child = Raw | string | number | boolean | null | undefined | Child[];

type AttrValue = string | number | boolean | null | undefined;
type Props = Record<string, unknown> & { children?: Child };
type Component<P = Props> = (props: P) => Raw;

const VOID = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
]);

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESC[c] ?? c);
}

export function raw(html: string): Raw {
  return new Raw(html);
}

function renderChild(child: Child): string {
  if (child === null || child === undefined || child === false || child === true) return '';
  if (child instanceof Raw) return child.html;
  if (Array.isArray(child)) return child.map(renderChild).join('');
  return escapeHtml(String(child));
}

const ATTR_NAME = /^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/;

function renderAttrs(props: Props): string {
  let out = '';
  for (const [rawName, value] of Object.entries(props)) {
    if (rawName === 'children' || value === undefined || value === null || value === false) continue;
    const name = rawName === 'className' ? 'class' : rawName === 'htmlFor' ? 'for' : rawName;
    if (!ATTR_NAME.test(name)) throw new Error(`invalid attribute name: ${name}`);
    if (value === true) out += ` ${name}`;
    else out += ` ${name}="${escapeHtml(String(value as AttrValue))}"`;
  }
  return out;
}

export function Fragment(props: { children?: Child }): Raw {
  return new Raw(renderChild(props.children));
}

export function jsx(type: string | Component, props: Props): Raw {
  if (typeof type === 'function') return type(props);
  const attrs = renderAttrs(props);
  if (VOID.has(type)) return new Raw(`<${type}${attrs}>`);
  return new Raw(`<${type}${attrs}>${renderChild(props.children)}</${type}>`);
}

export const jsxs = jsx;
export const jsxDEV = jsx;

/** Renders a full document; the doctype cannot be written in JSX. */
export function renderDocument(root: Raw): string {
  return `<!doctype html>\n${root.html}`;
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace JSX {
  type Element = Raw;
  interface ElementChildrenAttribute {
    children: unknown;
  }
  interface IntrinsicElements {
    [name: string]: Record<string, unknown>;
  }
}
