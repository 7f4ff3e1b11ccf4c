/**
 * The markup module's public surface. Pure: text in, HTML and metadata out; what it needs to
 * know about the wiki (which pages exist) comes in through RenderEnv.
 *
 * Typical use: `collectLinks` → look the keys up → `render` with their statuses.
 */
import { markdownLinks, renderMarkdownBody } from './markdown.ts';
import { matchRedirect } from './redirect.ts';
import { assemble } from './render.ts';
import { renderWikitextBody, resolveDeferredLinks, wikitextLinks, type WikitextEnv } from './wikitext/index.ts';
export { templateCandidates } from './wikitext/index.ts';
import type { ContentModel, LinkStatus, RenderEnv, RenderResult, Title } from './types.ts';

export type * from './types.ts';
export { NAMESPACES, namespaceByName, parseTitle, subjectOf, talkOf, titleFromKey, titleFromStored, titleUrl } from './titles.ts';
export { NS_FILE } from './namespaces.ts';
export { getSection, replaceSection, splitSections, type Section } from './sections.ts';
export { sanitize, type SanitizeResult } from './sanitize.ts';
export { decodeCharReferences } from './entities.ts';
export { markdownToWikitext } from './markdown-to-wikitext.ts';

export type { WikitextEnv } from './wikitext/index.ts';
export { formatComment, preSaveTransform } from './wikitext/index.ts';

export interface RenderOptions {
  /**
   * Only what indexing needs (links, categories, templates…), with HTML good for its text but not
   * for display (wikitext: parseForIndex, about 60 % of the work). Markdown renders in full anyway.
   */
  forIndex?: boolean;
}

/**
 * Renders a page. For wikitext, `env` may carry the sources of pages to transclude
 * (WikitextEnv.pages); keys it lacked come back in `unresolved` for the caller to fetch and render again.
 */
export function render(source: string, model: ContentModel, env: RenderEnv | WikitextEnv, options: RenderOptions = {}): RenderResult {
  const redirect = matchRedirect(source);
  const text = redirect ? source.slice(redirect.length) : source;
  if (model === 'wikitext') {
    const body = renderWikitextBody(text, env, options);
    return { ...assemble(body, redirect, env), unresolved: body.unresolved, deferredLinks: body.deferredLinks, displayTitle: body.displayTitle, defaultSort: body.defaultSort };
  }
  return assemble(renderMarkdownBody(text, env), redirect, env);
}

/** Fills in a wikitext render's deferred links (WikitextEnv.deferLinkStatus) with their targets' statuses. */
export function resolveLinks(result: RenderResult, statuses: ReadonlyMap<string, LinkStatus>, env: WikitextEnv): RenderResult {
  const deferred = result.deferredLinks ?? [];
  if (deferred.length === 0) return result;
  return { ...result, html: resolveDeferredLinks(result.html, deferred, statuses, env), deferredLinks: [] };
}

/**
 * Keys of every page the source links to (redirect target and Special: pages included), without
 * duplicates, for the caller to look up before `render`. RenderResult.links is this list without
 * Special: pages (they have no row in the links table, as in MediaWiki).
 */
export function collectLinks(source: string, model: ContentModel): string[] {
  const redirect = matchRedirect(source);
  const text = redirect ? source.slice(redirect.length) : source;
  const links = model === 'wikitext' ? wikitextLinks(text) : markdownLinks(text);
  return [...new Set((redirect ? [redirect.target, ...links] : links).map((t) => t.key))];
}

/** The page a redirect points to (with its fragment), or undefined. Same syntax in both models. */
export function redirectTarget(source: string, _model: ContentModel): Title | undefined {
  return matchRedirect(source)?.target;
}
