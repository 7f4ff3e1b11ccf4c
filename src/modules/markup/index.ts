/**
 * The markup module's public surface. Pure: text in, HTML and metadata out; what it needs to
 * know about the wiki (which pages exist) comes in through RenderEnv.
 *
 * Typical use: `collectLinks` → look the keys up → `render` with their statuses.
 */
import { markdownLinks, renderMarkdownBody } from './markdown.ts';
import { matchRedirect } from './redirect.ts';
import { assemble } from './render.ts';
import { WIKITEXT_UNSUPPORTED } from './sections.ts';
import type { ContentModel, RenderEnv, RenderResult, Title } from './types.ts';

export type * from './types.ts';
export { NAMESPACES, namespaceByName, parseTitle, subjectOf, talkOf, titleFromKey, titleFromStored, titleUrl } from './titles.ts';
export { NS_FILE } from './namespaces.ts';
export { getSection, replaceSection, splitSections, type Section } from './sections.ts';
export { sanitize, type SanitizeResult } from './sanitize.ts';
export { decodeCharReferences } from './entities.ts';

/** Renders a page. Throws for 'wikitext' until its engine exists. */
export function render(source: string, model: ContentModel, env: RenderEnv): RenderResult {
  if (model !== 'markdown') throw new Error(WIKITEXT_UNSUPPORTED);
  const redirect = matchRedirect(source);
  const body = renderMarkdownBody(redirect ? source.slice(redirect.length) : source, env);
  return assemble(body, redirect, env);
}

/**
 * Keys of every page the source links to (redirect target and Special: pages included), without
 * duplicates, for the caller to look up before `render`. RenderResult.links is this list without
 * Special: pages (they have no row in the links table, as in MediaWiki).
 */
export function collectLinks(source: string, model: ContentModel): string[] {
  if (model !== 'markdown') throw new Error(WIKITEXT_UNSUPPORTED);
  const redirect = matchRedirect(source);
  const links = markdownLinks(redirect ? source.slice(redirect.length) : source);
  return [...new Set((redirect ? [redirect.target, ...links] : links).map((t) => t.key))];
}

/** The page a redirect points to (with its fragment), or undefined. Same syntax in both models. */
export function redirectTarget(source: string, _model: ContentModel): Title | undefined {
  return matchRedirect(source)?.target;
}
