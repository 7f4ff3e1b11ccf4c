/**
 * The part of rendering shared by both content models: a model turns its body into HTML plus
 * metadata (BodyRender); this file adds the redirect header, sanitises, builds the TOC and
 * settles the lists (links without duplicates, categories with their last sort key).
 */
import { renderToc } from './headings.ts';
import { recordsLink } from './links.ts';
import { redirectHeader, type RedirectMatch } from './redirect.ts';
import { sanitizeRendered } from './sanitize.ts';
import type { Heading, RenderEnv, RenderResult, Title } from './types.ts';

export interface BodyRender {
  /** HTML of the body: generated markup, and author HTML marked with markRaw (sanitised here). */
  html: string;
  headings: Heading[];
  /** Internal link targets in order of appearance, duplicates allowed. */
  links: Title[];
  categories: Array<{ name: string; sortKey: string }>;
  templates: string[];
  /** External URLs of the generated links (those in author HTML are found by the sanitiser). */
  externalLinks: string[];
}

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/** Categories once each, at their first place, with the sort key given last (as MediaWiki's ParserOutput). */
function settleCategories(list: BodyRender['categories']): RenderResult['categories'] {
  const byName = new Map<string, string>();
  for (const c of list) byName.set(c.name, c.sortKey);
  return [...byName].map(([name, sortKey]) => ({ name, sortKey }));
}

export function assemble(body: BodyRender, redirect: RedirectMatch | undefined, env: RenderEnv): RenderResult {
  const head = redirect ? redirectHeader(redirect.target, env) : '';
  const clean = sanitizeRendered(head + body.html);
  const targets = redirect ? [redirect.target, ...body.links] : body.links;
  return {
    html: clean.html,
    toc: renderToc(body.headings, env.labels.toc),
    headings: body.headings,
    links: unique(targets.filter(recordsLink).map((t) => t.key)),
    categories: settleCategories(body.categories),
    templates: unique(body.templates),
    externalLinks: unique([...body.externalLinks, ...clean.externalLinks]),
    redirect: redirect?.target,
  };
}
