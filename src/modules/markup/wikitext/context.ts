/** The state of one page render: the ParserContext both halves share, and the parser's own state. */
import { titleCodec, type TitleCodec } from '../titles.ts';
import type { Title } from '../types.ts';
import type { CiteState } from './cite.ts';
import { DEFAULT_OPTIONS, DEFAULT_SITE } from './options.ts';
import { Strip } from './strip.ts';
import { createConverter, type LanguageConverter } from './variants/index.ts';
import type { Frame, ParserContext, ParserOutput, TagHook, WikitextEnv, WikitextOptions, WikitextSite } from './types.ts';

export interface HeadingInfo {
  level: number;
  /** Plain text (TOC line, HTML stripped). */
  text: string;
  /** HTML of the TOC line. */
  tocHtml: string;
  anchor: string;
  /** Section index for edit links ('' = none, 'T-1' = template section). */
  section: string;
  /** TOC level (1 = top) and number ('1.2'). */
  tocLevel: number;
  number: string;
  /** Fragment of links to the heading (anchor escaped for hrefs). */
  linkAnchor: string;
  /** Title.key of the page whose source holds the heading; undefined for HTML headings. */
  sourceKey?: string;
  /** UTF-8 byte offset of the heading in the page's source (headings of the page itself). */
  byteOffset?: number;
}

/** What the parser collects besides ParserContext.output. */
export interface ParseState {
  ctx: ParserContext;
  options: WikitextOptions;
  codec: TitleCodec;
  strip: Strip;
  links: Title[];
  categories: Array<{ name: string; sortKey: string }>;
  languageLinks: string[];
  interwikiLinks: string[];
  externalLinks: string[];
  /** Files shown (ParserOutput::getImages: names without namespace, underscores), duplicates allowed. */
  images: string[];
  indicators: Map<string, string>;
  headings: HeadingInfo[];
  /** Rendered internal links waiting after block-level processing (MediaWiki's LinkHolderArray). */
  linkHolders: string[];
  /** Numbered external links ([http://x] → [1]). */
  autoNumber: number;
  /** Cite's state (cite.ts), created by the first <ref> or <references>. */
  cite?: CiteState;
  /** Depth of recursiveTagParse calls, to stop runaway nesting. */
  depth: number;
  /** Table of contents HTML, when shown. */
  toc?: string;
  /** The page's source, for heading offsets. */
  source?: string;
  /** The content language's converter and the wanted variant; undefined for a language without variants. */
  converter?: LanguageConverter;
  variant: string;
  /** Parsing for indexing only (parseForIndex): headings keep their text, without ids, TOC or edit links. */
  forIndex?: boolean;
}

export function pageFrame(title: Title): Frame {
  return { title, argument: () => undefined, argumentNames: () => [], depth: 0, isRoot: true };
}

export function createState(env: WikitextEnv, hooks: Map<string, TagHook>, parse: (state: ParseState, text: string, frame?: Frame) => string): ParseState {
  const site: WikitextSite = { ...DEFAULT_SITE, ...env.site };
  const options: WikitextOptions = { ...DEFAULT_OPTIONS, ...env.options };
  const strip = new Strip();
  const output: ParserOutput = { templates: [], unresolved: new Set(), flags: new Set(), limitWarnings: [] };
  const allHooks = new Map(hooks);
  for (const [k, v] of env.tagHooks ?? []) allHooks.set(k, v);
  const state = {} as ParseState;
  const converter = createConverter(site.language, options.pigLatinVariant);
  const ctx: ParserContext = {
    env,
    site,
    title: env.title,
    strip,
    tagHooks: allHooks,
    recursiveTagParse: (text, frame) => parse(state, text, frame),
    output,
    converter,
  };
  Object.assign(state, {
    ctx,
    options,
    codec: titleCodec(site.language, site.metaNamespace),
    strip,
    links: [],
    categories: [],
    languageLinks: [],
    interwikiLinks: [],
    externalLinks: [],
    images: [],
    indicators: new Map(),
    headings: [],
    linkHolders: [],
    autoNumber: 0,
    depth: 0,
    converter,
    variant: (converter && options.variant && converter.validateVariant(options.variant)) || (converter?.main ?? site.language),
  } satisfies Omit<ParseState, 'ctx'> & Partial<Pick<ParseState, 'ctx'>>);
  return state;
}
