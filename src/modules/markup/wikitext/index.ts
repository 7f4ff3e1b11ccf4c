/**
 * The wikitext content model (PLACEHOLDER until the real engine lands: escaped text in
 * paragraphs, `[[links]]` collected by a regular expression). See docs/wikitext.md.
 */
import { escapeHtml } from '../../../core/html/jsx-runtime.ts';
import { resolveWikiLink } from '../links.ts';
import type { BodyRender } from '../render.ts';
import type { Title } from '../types.ts';
import type { WikitextEnv } from './types.ts';

export type * from './types.ts';

export interface WikitextBody extends BodyRender {
  /** Keys the env did not know; the caller looks them up and renders again. */
  unresolved: string[];
  displayTitle?: string;
  defaultSort?: string;
}

/** Link targets written in the source (before expansion), for the caller's first lookup. */
export function wikitextLinks(source: string): Title[] {
  const out: Title[] = [];
  for (const m of source.matchAll(/\[\[([^\[\]|]*)(?:\|[^\[\]]*)?\]\]/g)) {
    const link = resolveWikiLink(m[1]!);
    if (link && link.kind === 'page') out.push(link.title);
  }
  return out;
}

export function renderWikitextBody(source: string, _env: WikitextEnv): WikitextBody {
  const html = source
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== '')
    .map((p) => `<p>${escapeHtml(p)}\n</p>`)
    .join('\n');
  return { html: `<div class="mw-parser-output">${html}</div>`, headings: [], links: wikitextLinks(source), categories: [], templates: [], externalLinks: [], unresolved: [] };
}
