/**
 * The parser half of the wikitext engine: MediaWiki's Parser::parse pass order (internalParse,
 * then internalParseHalfParsed), around the preprocessor (preprocess/). See docs/wikitext.md.
 */
import type { Title } from '../types.ts';
import { doBlockLevels } from './block-level.ts';
import { citeAfterParse } from './cite.ts';
import { createState, pageFrame, type HeadingInfo, type ParseState } from './context.ts';
import { handleExternalLinks, handleMagicLinks } from './external-links.ts';
import { decodeCharReferences } from '../entities.ts';
import { normalizeCharReferences } from './entities.ts';
import { armorFrenchSpaces } from './french.ts';
import { finalizeHeadings, handleHeadings, replaceEditSections, TOC_PLACE } from './headings.ts';
import { handleInternalLinks, replaceLinkHolders } from './internal-links.ts';
import { expandForSave, preloadText, preprocess } from './preprocess/index.ts';
import { doAllQuotes } from './quotes.ts';
import { removeHtmlTags } from './sanitizer.ts';
import { handleDoubleUnderscore } from './switches.ts';
import { handleTables } from './tables.ts';
import { coreTagHooks } from './tags.ts';
import { tidy } from './tidy.ts';
import { MARKER_PREFIX, type Frame, type ParserContext, type WikitextEnv } from './types.ts';

export interface PageRender {
  /** The body, wrapped in <div class="mw-parser-output"> unless `unwrap`. */
  html: string;
  toc: string;
  headings: HeadingInfo[];
  links: Title[];
  categories: Array<{ name: string; sortKey: string }>;
  languageLinks: string[];
  /** Interwiki links ('prefix:Page'), duplicates allowed. */
  interwikiLinks: string[];
  externalLinks: string[];
  /** Files shown, by name without namespace (underscores), each once. */
  images: string[];
  indicators: Map<string, string>;
  templates: string[];
  unresolved: string[];
  /** Links whose status the env did not know (WikitextEnv.deferLinkStatus), by placeholder number. */
  deferredLinks: Title[];
  /** Behaviour switches seen ('NOTOC'…) and the preprocessor's flags. */
  flags: string[];
  /** Page properties set by behaviour switches (MediaWiki's page_props: 'notoc', 'nogallery', 'noindex'…), value ''. */
  properties: Map<string, string>;
  /** MediaWiki's ParserOutput flags ('show-toc', 'no-toc', 'mw-NewSection'…), sorted. */
  outputFlags: string[];
  displayTitle?: string;
  /** The title set by a `-{T|…}-` block (HTML, as Sanitizer::removeSomeTags leaves it), when the content language has variants. */
  convertedTitle?: string;
  defaultSort?: string;
}

const MAX_DEPTH = 40;
const NOPARSE = `${MARKER_PREFIX}NOPARSE`;
const states = new WeakMap<ParserContext, ParseState>();
const HOOKS = coreTagHooks((ctx) => states.get(ctx)!);

/** MediaWiki's internalParse: everything up to headings; the result still holds markers and link holders. */
function internalParse(state: ParseState, input: string, isMain: boolean, frame?: Frame): string {
  if (state.depth > MAX_DEPTH) return '';
  state.depth++;
  try {
    // Indexing: attributes are left out (encoded, they hold nothing later passes would act on).
    const opts = { fragmentMode: state.options.fragmentMode, strictCss: state.options.strictCss, textOnly: state.forIndex };
    let text = preprocess(input, state.ctx, frame ?? pageFrame(state.ctx.title));
    text = removeHtmlTags(text, opts, (a) => state.strip.unstripBoth(a));
    text = handleTables(state, text);
    if (text.includes('----')) text = text.replace(/(^|\n)-----*/g, '$1<hr />');
    if (isMain) text = handleDoubleUnderscore(state, text);
    text = handleHeadings(text);
    text = handleInternalLinks(state, text);
    text = doAllQuotes(text);
    text = handleExternalLinks(state, text);
    if (text.includes(NOPARSE)) text = text.split(NOPARSE).join('');
    text = handleMagicLinks(state, text);
    text = finalizeHeadings(state, text, isMain);
    return text;
  } finally {
    state.depth--;
  }
}

function halfParsed(state: ParseState, input: string, lineStart = true): string {
  let text = state.strip.unstripGeneral(input);
  text = doBlockLevels(text, lineStart);
  text = replaceLinkHolders(state, text);
  // The position of the conversion matters: links are rendered, nowiki content is still hidden.
  if (state.converter) {
    if (!state.ctx.output.flags.has('NOCONTENTCONVERT')) text = state.converter.convert(text, state.variant);
    text = replaceEditSections(state, text);
  }
  text = state.strip.unstripNoWiki(text);
  text = state.strip.unstripGeneral(text);
  // Raw text elements (<script>, <style>: only from extension tags) are left as they are.
  text = outsideRawText(text, (s) => normalizeCharReferences(armorFrenchSpaces(s)));
  return tidy(text);
}

export function newState(env: WikitextEnv): ParseState {
  const state = createState(env, HOOKS, (s, text, frame) => internalParse(s, text, false, frame));
  states.set(state.ctx, state);
  return state;
}

export function parsePage(source: string, env: WikitextEnv, options: { unwrap?: boolean; noToc?: boolean } = {}): PageRender {
  const state = newState(env);
  state.source = source;
  // Cite's ParserAfterParse adds the reference list of refs that no <references /> showed.
  // eslint-disable-next-line no-control-regex -- NUL characters are dropped, as MediaWiki does
  const half = internalParse(state, source.replace(/\x00/g, ''), true) + citeAfterParse(state);
  let html = halfParsed(state, half).replace(/\s+$/, '');
  const flags = state.ctx.output.flags;
  const ruleTitle = state.converter && !flags.has('NOCONTENTCONVERT') && !flags.has('NOTITLECONVERT') ? state.converter.titleRule : undefined;
  let tocHtml = state.toc;
  if (state.converter && !flags.has('NOCONTENTCONVERT')) {
    if (tocHtml) tocHtml = state.converter.convert(tocHtml, state.variant);
    for (const h of state.headings) h.tocHtml = state.converter.convert(h.tocHtml, state.variant);
  }
  const toc = tocHtml ? tidy(normalizeCharReferences(armorFrenchSpaces(tocHtml))) : '';
  html = html.split(TOC_PLACE).join(options.noToc ? '' : toc);
  for (const [name, content] of state.indicators) state.indicators.set(name, stripOuterParagraph(halfParsed(state, content).trim()));
  if (!options.unwrap) html = `<div class="mw-parser-output">${html}</div>`;
  const convertedTitle = ruleTitle !== undefined && state.ctx.output.displayTitle === undefined ? removeSomeTags(ruleTitle) : undefined;
  return pageResult(state, html, toc, convertedTitle);
}

/**
 * What indexing a page needs without showing it (an import: docs/wikitext.md): everything
 * parsePage gives but the HTML, and instead HTML whose text is the page's text — the first half
 * of the parse with its links filled in, before block structure, language conversion, French
 * spacing and tidying (about 60 % of a full parse). Not for display: the page is parsed in full
 * on its first view.
 */
export function parseForIndex(source: string, env: WikitextEnv): PageRender {
  const state = newState(env);
  state.forIndex = true;
  state.source = source;
  let text = internalParse(state, source.includes('\x00') ? source.replaceAll('\x00', '') : source, true) + citeAfterParse(state);
  text = state.strip.unstripGeneral(text);
  text = replaceLinkHolders(state, text);
  text = state.strip.unstripNoWiki(text);
  text = state.strip.unstripGeneral(text);
  return pageResult(state, text.includes(TOC_PLACE) ? text.split(TOC_PLACE).join('') : text, '', undefined);
}

function pageResult(state: ParseState, html: string, toc: string, convertedTitle: string | undefined): PageRender {
  const out = state.ctx.output;
  return {
    html,
    toc,
    headings: state.headings,
    links: state.links,
    categories: state.categories,
    languageLinks: state.languageLinks,
    interwikiLinks: state.interwikiLinks,
    externalLinks: state.externalLinks,
    images: [...new Set(state.images)],
    indicators: state.indicators,
    templates: out.templates,
    unresolved: [...out.unresolved],
    deferredLinks: out.deferredLinks?.titles ?? [],
    flags: [...out.flags],
    properties: new Map([...out.flags].filter((f) => /^[A-Z]+$/.test(f)).map((f) => [PROPERTY_NAMES[f] ?? f.toLowerCase(), ''])),
    outputFlags: outputFlags(out.flags, Boolean(state.toc), state.headings.length > 0),
    displayTitle: out.displayTitle,
    convertedTitle,
    defaultSort: out.defaultSort,
  };
}

/** Sanitizer::removeSomeTags: tags outside the allowlist escaped, character references decoded and text re-escaped. */
function removeSomeTags(html: string): string {
  return removeHtmlTags(html)
    .split(/(<[^>]*>)/)
    .map((part, i) => (i % 2 ? part : decodeCharReferences(part).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')))
    .join('');
}

/** Applies `fn` to the HTML outside <script> and <style> elements. */
function outsideRawText(html: string, fn: (s: string) => string): string {
  if (!/<(?:script|style)\b/i.test(html)) return fn(html);
  return html
    .split(/(<(script|style)\b[^>]*>[\s\S]*?<\/\2\s*>)/i)
    .map((part, i) => (i % 3 === 0 ? fn(part) : i % 3 === 1 ? part : ''))
    .join('');
}

const PROPERTY_NAMES: Record<string, string> = { DISAMBIG: 'disambiguation' };

const SWITCH_FLAGS: Record<string, string> = {
  NOTOC: 'no-toc', NEWSECTIONLINK: 'mw-NewSection', NONEWSECTIONLINK: 'mw-HideNewSection', NOGALLERY: 'mw-NoGallery',
};

/** ParserOutput flags: from behaviour switches, the TOC, and any MediaWiki-named flag the preprocessor set ('vary-user'…). */
function outputFlags(flags: ReadonlySet<string>, tocShown: boolean, hasHeadings: boolean): string[] {
  const out = new Set<string>();
  if (tocShown) out.add('show-toc');
  for (const f of flags) {
    if (f === 'NOTOC' && !hasHeadings) continue;
    const mapped = SWITCH_FLAGS[f];
    if (mapped) out.add(mapped);
    else if (/^[a-z]+(?:-[a-z0-9]+)+$/.test(f)) out.add(f);
  }
  return [...out].sort();
}

/** Parser::stripOuterParagraph: a lone <p>…</p> around the whole text is removed. */
function stripOuterParagraph(html: string): string {
  const m = /^<p>([\s\S]*?)\n?<\/p>$/.exec(html);
  return m && !m[1]!.includes('<p>') ? m[1]! : html;
}

/** Parser::preprocess for messages (transformMsg): templates expanded, markers unstripped. */
/**
 * The pre-save transform's expansion: `{{subst:…}}` / `{{safesubst:…}}` replaced by what they
 * expand to, everything else kept as written. Templates come from env.pages (missing ones are
 * reported in `unresolved`, as when rendering).
 */
export function substForSave(source: string, env: WikitextEnv): { text: string; unresolved: string[] } {
  const state = newState(env);
  const text = expandForSave(source, state.ctx);
  return { text, unresolved: [...state.ctx.output.unresolved] };
}

/** The preload transform of `source` (Parser::getPreloadText). */
export function preloadOnly(source: string, env: WikitextEnv): string {
  return preloadText(source, newState(env).ctx);
}

export function preprocessOnly(source: string, env: WikitextEnv): string {
  const state = newState(env);
  return state.strip.unstripBoth(preprocess(source, state.ctx, pageFrame(state.ctx.title)));
}
