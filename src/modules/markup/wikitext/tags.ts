/**
 * The parser's tag hooks (MediaWiki's CoreTagHooks and the test harness's): <nowiki>, <pre>,
 * <indicator>, <gallery> (gallery.ts), <ref> and <references> (cite.ts), <langconvert> (variants/langconvert.ts). The preprocessor recognises these names as extension tags,
 * calls the hook, and stores the HTML behind a strip marker.
 */
import { citeReferences, citeRef } from './cite.ts';
import type { ParseState } from './context.ts';
import { makeGallery } from './gallery.ts';
import { encodeAttribute, validateAttributes } from './sanitizer.ts';
import type { Frame, ParserContext, TagHook } from './types.ts';
import { langconvert } from './variants/langconvert.ts';

/** Sanitizer::escapeHtmlAllowEntities: < > & escaped, except & of a valid character reference. */
export function escapeHtmlAllowEntities(text: string): string {
  return text
    .replace(/&(?!(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Attributes of a hook's element, validated and HTML-escaped (Html::rawElement). */
function attrs(a: Record<string, string>, element: string): string {
  let out = '';
  for (const [k, v] of validateAttributes(new Map(Object.entries(a)), element)) out += ` ${k}="${encodeAttribute(v)}"`;
  return out;
}

const nowiki: TagHook = (content) => {
  if (content === null) return '';
  return escapeHtmlAllowEntities(content.replace(/-\{/g, '-&#123;').replace(/\}-/g, '&#125;-'));
};

/** CoreTagHooks::pre: the content escaped, or with format="wikitext" parsed (no paragraphs or lists). */
const pre: TagHook = (content, a, ctx, frame) => {
  const source = (content ?? '').replace(/<nowiki>([\s\S]*?)<\/nowiki>/gi, '$1');
  const text = a.format === 'wikitext' ? ctx.recursiveTagParse(source, frame) : source.replace(/>/g, '&gt;').replace(/</g, '&lt;');
  return `<pre${attrs(a, 'pre')}>${text}</pre>`;
};

export function coreTagHooks(getState: (ctx: ParserContext) => ParseState): Map<string, TagHook> {
  const indicator: TagHook = (content, a, ctx, frame: Frame) => {
    const name = (a.name ?? '').trim();
    if (name === '') return `<span class="error"><strong>Error:</strong> Page status indicators' <code>name</code> attribute must not be empty.</span>`;
    const state = getState(ctx);
    state.indicators.set(name, content === null ? '' : ctx.recursiveTagParse(content, frame));
    return '';
  };
  const gallery: TagHook = (content, a, ctx, frame) => makeGallery(getState(ctx), content ?? '', a, frame);
  return new Map<string, TagHook>([
    ['nowiki', nowiki],
    ['pre', pre],
    ['indicator', indicator],
    ['gallery', gallery],
    ['ref', (content, a, ctx) => citeRef(getState(ctx), content, a)],
    ['references', (content, a, ctx) => citeReferences(getState(ctx), content, a)],
    ['langconvert', langconvert],
  ]);
}
