/**
 * The Markdown content model: CommonMark + GFM (tables, strikethrough, autolinks, task lists),
 * footnotes, and MediaWiki links. Built once at module load; rendering is a pure function of
 * the source and the RenderEnv. Raw HTML is allowed here and sanitised afterwards (render.ts).
 *
 * Only top-level headings (not in quotes, lists, footnotes) are sections: they get an edit link,
 * a TOC entry and a section number; the others get an id only.
 */
import MarkdownIt, { type Token } from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { Anchors, headingClose, headingOpen } from './headings.ts';
import { internalLinkAttrs, linkOpenTag } from './links.ts';
import { linkTarget } from './media.ts';
import { fileEmbedOf, filesPlugin } from './plugins/files.ts';
import { frontMatterPlugin } from './plugins/front-matter.ts';
import { inlineHtmlPlugin } from './plugins/inline-html.ts';
import { taskListsPlugin } from './plugins/task-lists.ts';
import { wikiLinkOf, wikiLinksPlugin } from './plugins/wikilinks.ts';
import type { BodyRender } from './render.ts';
import { clearMarkers, externalHref, markRaw } from './sanitize.ts';
import { armorFrenchSpaces } from './typography.ts';
import type { Heading, RenderEnv, Title } from './types.ts';

/** markdown-it's env for one parse+render; `render` is absent when only collecting metadata. */
type MdEnv = { render?: RenderEnv; externalLinks?: string[] } & Record<string, unknown>;

type HeadingMeta = { anchor: string; section: number | undefined; text: string };

function renderEnv(env: unknown): RenderEnv | undefined {
  return (env as MdEnv | undefined)?.render;
}

const ALLOWED_SCHEME = /^(?:https?|mailto|ftp)$/i;

const md = new MarkdownIt('commonmark', { html: true, linkify: true, xhtmlOut: false });
md.enable(['table', 'strikethrough', 'linkify']);
// GFM autolinks: scheme links, e-mail addresses, and `www.` host names (not every bare domain).
md.linkify.set({ fuzzyLink: true, fuzzyEmail: true });
const linkifyMatch = md.linkify.match.bind(md.linkify);
md.linkify.match = (text: string) => linkifyMatch(text)?.filter((m) => m.schema !== '' || /^www\./i.test(m.raw)) ?? null;
// Cheap pre-check: every link kept above has "://", "@" (e-mail, mailto:) or "www.".
const linkifyTest = md.linkify.test.bind(md.linkify);
md.linkify.test = (text: string) => /:\/\/|@|www\./i.test(text) && linkifyTest(text);
md.use(frontMatterPlugin).use(footnote).use(wikiLinksPlugin).use(filesPlugin).use(taskListsPlugin).use(inlineHtmlPlugin);
// Link and image URLs: the sanitiser's schemes (http, https, mailto, ftp) or relative; never data:.
md.validateLink = (url: string) => {
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url.trim());
  return !scheme || ALLOWED_SCHEME.test(scheme[1]!);
};

// Footnote calls show their number only, also when repeated ("[1]", not "[1:1]"), as MediaWiki's Cite.
md.renderer.rules.footnote_caption = (tokens, idx) => `[${Number(tokens[idx]!.meta?.id ?? 0) + 1}]`;

// No-break spaces as `&#160;`, as MediaWiki writes them (visible in sources and diffs).
md.renderer.rules.text = (tokens, idx) => md.utils.escapeHtml(tokens[idx]!.content).replace(/\u00A0/g, '&#160;');

// Author HTML is marked for the sanitiser; everything else markdown-it escapes itself.
md.renderer.rules.html_block = (tokens, idx) => markRaw(tokens[idx]!.content);
md.renderer.rules.html_inline = (tokens, idx) => markRaw(tokens[idx]!.content);

md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const link = wikiLinkOf(token);
  const renv = renderEnv(env);
  if (link && renv) return linkOpenTag(internalLinkAttrs(link, renv));
  const href = String(token.attrGet('href') ?? '');
  if (!link && externalHref(href)) {
    token.attrSet('rel', 'nofollow noopener');
    token.attrJoin('class', 'external');
    (env as MdEnv).externalLinks?.push(href);
  }
  return self.renderToken(tokens, idx, options);
};
md.renderer.rules.heading_open = (tokens, idx, options, _env, self) => {
  const meta = tokens[idx]!.meta as HeadingMeta | null;
  return meta ? headingOpen(Number(tokens[idx]!.tag.slice(1)), meta.anchor, meta.section) : self.renderToken(tokens, idx, options);
};
md.renderer.rules.heading_close = (tokens, idx, options, env, self) => {
  const meta = tokens[idx]!.meta as HeadingMeta | null;
  const renv = renderEnv(env);
  if (!meta || !renv) return self.renderToken(tokens, idx, options);
  return headingClose({ level: Number(tokens[idx]!.tag.slice(1)), text: meta.text, section: meta.section }, renv);
};

/** Plain text of inline tokens (MediaWiki strips tags from heading text the same way). */
function plainText(tokens: readonly Token[]): string {
  let s = '';
  for (const t of tokens) {
    if (t.type === 'text' || t.type === 'code_inline') s += t.content;
    else if (t.type === 'softbreak' || t.type === 'hardbreak') s += ' ';
    else if (t.type === 'image') s += plainText(t.children ?? []);
  }
  return s.replace(/\s+/g, ' ').trim();
}

const RAW_ID = /\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

function* rawIds(html: string): Generator<string> {
  for (const m of html.matchAll(RAW_ID)) yield (m[1] ?? m[2] ?? m[3] ?? '').replace(/[\t\n\f\r ]/g, '_');
}

interface Found {
  links: Title[];
  categories: Array<{ name: string; sortKey: string }>;
  ids: string[];
}

function collect(tokens: readonly Token[]): Found {
  const found: Found = { links: [], categories: [], ids: [] };
  const visit = (t: Token): void => {
    if (t.type === 'html_block' || t.type === 'html_inline') found.ids.push(...rawIds(t.content));
    else if (t.type === 'wiki_category') found.categories.push({ name: t.content, sortKey: String(t.meta?.sortKey ?? '') });
    else if (t.type === 'link_open') {
      const link = wikiLinkOf(t);
      if (link?.kind === 'page') found.links.push(link.title);
    } else {
      // An embedded file is a link to its page (so uploads re-render the pages using it), then its `lien=` and caption links.
      const file = fileEmbedOf(t);
      if (!file) return;
      found.links.push(file.title);
      const target = linkTarget(file.options);
      if (target) found.links.push(target);
      for (const c of t.children ?? []) visit(c);
    }
  };
  for (const t of tokens) {
    visit(t);
    if (t.type === 'inline') for (const c of t.children ?? []) visit(c);
  }
  return found;
}

/** Gives every heading its unique anchor; top-level ones are numbered sections. */
function annotateHeadings(tokens: Token[], anchors: Anchors): Heading[] {
  const headings: Heading[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!;
    if (open.type !== 'heading_open') continue;
    const text = plainText(tokens[i + 1]?.children ?? []);
    const level = Number(open.tag.slice(1));
    const section = open.level === 0 ? headings.length + 1 : undefined;
    const meta: HeadingMeta = { anchor: anchors.claim(text), section, text };
    open.meta = meta;
    tokens[i + 2]!.meta = meta;
    if (section !== undefined) headings.push({ level, text, anchor: meta.anchor, section });
  }
  return headings;
}

/** Typographic no-break spaces in text (not in code, not in autolinked URLs). */
function armorText(tokens: readonly Token[]): void {
  for (const block of tokens) {
    let inAutolink = false;
    for (const t of block.children ?? []) {
      if (t.type === 'link_open' && (t.markup === 'linkify' || t.markup === 'autolink')) inAutolink = true;
      else if (t.type === 'link_close') inAutolink = false;
      else if (t.type === 'text' && !inAutolink) t.content = armorFrenchSpaces(t.content);
      else if (t.type === 'wiki_file') armorText([t]);
    }
  }
}

function parse(source: string, env: MdEnv): Token[] {
  return md.parse(source, env);
}

/** Renders a Markdown body (redirect line already removed) to unsanitised HTML and its metadata. */
export function renderMarkdownBody(source: string, env: RenderEnv): BodyRender {
  const externalLinks: string[] = [];
  const mdEnv: MdEnv = { render: env, externalLinks };
  const tokens = parse(clearMarkers(source), mdEnv);
  const found = collect(tokens);
  const headings = annotateHeadings(tokens, new Anchors(found.ids));
  armorText(tokens);
  const html = md.renderer.render(tokens, md.options, mdEnv);
  return { html, headings, links: found.links, categories: found.categories, templates: [], externalLinks };
}

/** The token stream of a Markdown body and markdown-it's env after parsing (footnotes), for converters. */
export function markdownTokens(source: string): { tokens: Token[]; env: Record<string, unknown> } {
  const env: MdEnv = {};
  return { tokens: parse(clearMarkers(source), env), env };
}

/** Internal link targets of a Markdown body, in order (Special: pages included). */
export function markdownLinks(source: string): Title[] {
  return collect(parse(source, {})).links;
}

export interface SourceHeading {
  level: number;
  title: string;
  /** 0-based line where the heading starts (a setext heading starts at its text). */
  line: number;
}

/** Top-level headings of a Markdown body, as section boundaries. */
export function markdownHeadings(source: string): SourceHeading[] {
  const out: SourceHeading[] = [];
  const tokens = parse(source, {});
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'heading_open' && t.level === 0 && t.map) {
      out.push({ level: Number(t.tag.slice(1)), title: plainText(tokens[i + 1]?.children ?? []), line: t.map[0] });
    }
  }
  return out;
}
