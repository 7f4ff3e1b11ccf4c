/**
 * The wikitext content model (see docs/wikitext.md): MediaWiki-compatible wikitext rendered
 * like MediaWiki's legacy parser. Pure: text and a WikitextEnv in, HTML and metadata out.
 */
import { resolveWikiLink } from '../links.ts';
import { getSection, replaceSection } from '../sections.ts';
import type { BodyRender } from '../render.ts';
import type { Heading, Title } from '../types.ts';
import { parseTitle } from '../titles.ts';
import { NS_TEMPLATE } from '../namespaces.ts';
import { parseForIndex, parsePage, preloadOnly, preprocessOnly, type PageRender } from './parse.ts';
import { preSaveTransform } from './pst.ts';
import type { WikitextEnv } from './types.ts';

export type * from './types.ts';
export type { PageRender } from './parse.ts';
export { formatComment } from './comment.ts';
export { preSaveTransform } from './pst.ts';
export { resolveDeferredLinks } from './internal-links.ts';

export interface WikitextBody extends BodyRender {
  /** Keys the env did not know; the caller looks them up and renders again. */
  unresolved: string[];
  deferredLinks: Title[];
  displayTitle?: string;
  defaultSort?: string;
  /** The table of contents HTML, '' when not shown (MediaWiki places it before the first heading). */
  toc: string;
  languageLinks: string[];
  indicators: Map<string, string>;
}

/**
 * Link targets written in the source (before expansion), for the caller's first lookup. A target
 * followed by a pipe counts whatever comes after: a file's caption often holds links of its own.
 */
export function wikitextLinks(source: string): Title[] {
  const out: Title[] = [];
  for (const m of source.matchAll(/\[\[([^[\]|]*)(?:\||\]\])/g)) {
    const link = resolveWikiLink(m[1]!);
    if (link && link.kind === 'page') out.push(link.title);
  }
  return out;
}

/**
 * Pages the source probably transcludes (`{{Nom|…}}` → 'Modèle:Nom', `{{:Page}}`, `{{Aide:X}}`),
 * read from the text without expanding it, for a caller to fetch before rendering. A guess: a
 * name built by expansion is missed (the render reports it in `unresolved`), and a parser
 * function or variable (`{{PAGENAME}}`, `{{lc:…}}`) gives a key that is simply not found.
 */
export function templateCandidates(source: string): string[] {
  const out = new Set<string>();
  for (const m of source.matchAll(/\{\{(?!\{)\s*(?:(?:msgnw|subst|safesubst|raw|msg)\s*:)?\s*([^{}|#<>[\]\n]+?)\s*(?:\||\}\})/gi)) {
    const name = m[1]!;
    const r = name.startsWith(':') ? parseTitle(name.slice(1)) : parseTitle(name, NS_TEMPLATE);
    if (r.ok && r.title.namespace >= 0) out.add(r.title.key);
  }
  return [...out];
}

function toHeadings(page: PageRender): Heading[] {
  return page.headings.map((h, i) => ({ level: h.level, text: h.text, anchor: h.anchor, section: Number(h.section) || i + 1 }));
}

export function renderWikitextBody(source: string, env: WikitextEnv, options: { forIndex?: boolean } = {}): WikitextBody {
  // The page shell shows the table of contents (RenderResult.toc), so it is not put in the body.
  const page = options.forIndex ? parseForIndex(source, env) : parsePage(source, env, { noToc: true });
  return {
    html: page.html,
    headings: toHeadings(page),
    links: page.links,
    categories: page.categories,
    templates: page.templates,
    externalLinks: page.externalLinks,
    unresolved: page.unresolved,
    deferredLinks: page.deferredLinks,
    displayTitle: page.displayTitle,
    defaultSort: page.defaultSort,
    toc: page.toc,
    languageLinks: page.languageLinks,
    indicators: page.indicators,
  };
}

export interface Transform {
  mode: 'msg' | 'pst' | 'section' | 'replace' | 'preload';
  section?: string;
  replacement?: string;
}

/**
 * The whole page as MediaWiki's parser test runner sees it: the body without the
 * mw-parser-output wrapper, or a transform's text (msg, pst, section, replace).
 */
export function renderWikitextPage(source: string, env: WikitextEnv, transform?: Transform, options: { noToc?: boolean } = {}): PageRender {
  if (!transform) return parsePage(source, env, { unwrap: true, noToc: options.noToc });
  const empty = parsePage('', env, { unwrap: true });
  if (transform.mode === 'msg') return { ...empty, html: preprocessOnly(source, env) };
  if (transform.mode === 'preload') return { ...empty, html: preloadOnly(source, env) };
  if (transform.mode === 'pst') {
    const r = preSaveTransform(source, env);
    return { ...empty, html: r.text, outputFlags: r.flags };
  }
  return { ...empty, html: sectionTransform(source, transform) };
}


function sectionTransform(source: string, t: Transform): string {
  const forInclusion = t.section?.startsWith('T-') ?? false;
  const index = Number(forInclusion ? t.section!.slice(2) : t.section);
  if (t.mode === 'section') return (getSection(source, index, 'wikitext', { forInclusion }) ?? '').trimEnd();
  try {
    return replaceSection(source, index, t.replacement ?? '', 'wikitext');
  } catch {
    return source;
  }
}
