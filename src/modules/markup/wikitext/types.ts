/**
 * The contract between the wikitext engine's two halves (see docs/wikitext.md):
 * the preprocessor (preprocess/: templates, parameters, parser functions, magic words,
 * extension tags) and the parser (everything else: blocks, inline markup, links, sanitiser,
 * tag hooks such as nowiki/pre/ref/references/gallery).
 *
 * Pure like the rest of `markup`: what the engine needs to know about the wiki comes in the env.
 */
import type { RenderEnv, Title } from '../types.ts';
import type { LanguageConverter } from './variants/converter.ts';

/** What rendering wikitext needs beyond the RenderEnv both models share. */
export interface WikitextEnv extends RenderEnv {
  /**
   * Sources of pages the engine may transclude, by Title.key ('Modèle:Infobox', 'Accueil').
   * `null` = known to be missing. A key absent from the map is unknown: the engine treats it as
   * missing and reports it in `unresolved`, and the caller fetches it and renders again.
   */
  pages?: ReadonlyMap<string, string | null>;
  /** Time used by CURRENT* / LOCAL* variables and #time (epoch ms). Defaults to Date.now(). */
  now?: number;
  /** Site facts for URLs and SITENAME; defaults to Maillage's own (articlePath '/wiki/$1'). */
  site?: Partial<WikitextSite>;
  /** The revision being rendered (REVISIONID, REVISIONUSER, REVISIONTIMESTAMP…). */
  revision?: { id: number; timestamp: number; user: string };
  /** Site statistics for NUMBEROFPAGES, NUMBEROFARTICLES… (0 when absent). */
  statistics?: Partial<Record<'pages' | 'articles' | 'files' | 'users' | 'activeusers' | 'edits' | 'admins', number>>;
  /** Minutes east of UTC for LOCAL* variables and #timel (MediaWiki's $wgLocaltimezone offset); 0 when absent. */
  timezoneOffset?: number;
  /** The user saving the page, for signatures (~~~~) in the pre-save transform. */
  user?: { name: string; anonymous: boolean };
  /** Engine settings (MediaWiki's $wg… equivalents); defaults in wikitext/options.ts. */
  options?: Partial<WikitextOptions>;
  /**
   * Interwiki prefixes, lower-case: `[[prefix:Page]]` links to url with $1 = Page. `local`: the prefix
   * names this wiki (a plain link); `language`: an interlanguage prefix; `sameFamily`: MediaWiki's
   * iw_local (fragments encoded as this wiki's).
   */
  interwiki?: ReadonlyMap<string, { url: string; local?: boolean; language?: boolean; sameFamily?: boolean }>;
  /**
   * Links to pages absent from linkStatus get a placeholder href instead of a red link, listed
   * in the result's `deferredLinks`; `resolveDeferredLinks` fills them in once the caller has
   * looked them up (a page is rendered once, however many links its templates add).
   */
  deferLinkStatus?: boolean;
  /**
   * The wiki has no uploaded file: every file is missing, so a file the env does not know is not
   * reported in `unresolved` (no second render to learn what is already certain).
   */
  noFiles?: boolean;
  /** Extra tag hooks (besides the built-in nowiki, pre, ref, references, gallery, indicator…), by lower-case name. */
  tagHooks?: ReadonlyMap<string, TagHook>;
}

/** MediaWiki settings the parser honours. */
export interface WikitextOptions {
  /** $wgFragmentMode: 'html5' and/or 'legacy'; the first is the primary id. */
  fragmentMode: string[];
  /** $wgEnableMagicLinks: ISBN, PMID, RFC. */
  magicLinks: Record<string, boolean>;
  /** $wgAllowExternalImages: bare image URLs render as <img>. */
  allowExternalImages: boolean;
  /** $wgThumbLimits[default]: width of thumbnails without a size. */
  thumbSize: number;
  /** $wgMaxTocLevel. */
  maxTocLevel: number;
  /** $wgNamespacesWithSubpages for every namespace. */
  subpages: boolean;
  linkHolderBatchSize: number;
  allowDisplayTitle: boolean;
  restrictDisplayTitle: boolean;
  /** $wgExternalLinkTarget ('' = none). */
  externalLinkTarget: string;
  /** $wgNoFollowLinks: rel="nofollow" on external links. */
  noFollowLinks: boolean;
  /** $wgNoFollowDomainExceptions: links to these domains (and their subdomains) get no rel="nofollow". */
  noFollowDomainExceptions?: string[];
  /** $wgSVGNativeRendering: SVG files shown as SVG (true) or as PNG thumbnails. */
  svgNativeRendering?: boolean;
  /** Refuse styles with fixed, absolute or sticky positioning (Maillage: true; MediaWiki allows them). */
  strictCss?: boolean;
  /** $wgMaxTemplateDepth (MediaWiki's default 100; 40 in the preprocessor when absent). */
  maxTemplateDepth?: number;
  /** $wgMaxArticleSize × 1024: post-expand include size and template argument size limit, in bytes. */
  maxIncludeSize?: number;
  /** $wgExpensiveParserFunctionLimit (100 when absent). */
  expensiveFunctionLimit?: number;
  /** $wgNonincludableNamespaces: namespaces whose pages cannot be transcluded. */
  nonincludableNamespaces?: number[];
  /**
   * The variant the reader wants ('sr-ec', 'zh-tw'; BCP 47 spellings accepted) when the content
   * language has variants (variants/); the language's main code when absent.
   */
  variant?: string;
  /** $wgInterwikiMagic: `[[fr:X]]` with a language prefix makes a language link (default) or an inline link (false). */
  interwikiMagic?: boolean;
  /** $wgUsePigLatinVariant: English gets the en-x-piglatin variant (a test variant). */
  pigLatinVariant?: boolean;
  /** $wgCiteUseLegacyBacklinkLabels: a reused ref's backlinks read 1.0, 1.1… (Cite's parser tests) instead of a, b… */
  citeLegacyBacklinkLabels?: boolean;
}

export interface WikitextSite {
  /** 'http://example.org' in MediaWiki's parser tests; the PUBLIC_URL for Maillage. */
  server: string;
  /** '/wiki/$1' */
  articlePath: string;
  /** '/index.php' (MediaWiki's $wgScript), used by fullurl/localurl with a query. */
  script: string;
  siteName: string;
  /** Content language: 'fr' for Maillage, 'en' for the parser tests. */
  language: string;
  /** The main page's title ('Accueil'; 'Main Page' in MediaWiki's tests): where `[[local:]]` leads. */
  mainPage?: string;
  /** Name of namespace 4 ($wgMetaNamespace) when it differs from the language's default; 'Project' stays an alias. */
  metaNamespace?: string;
}

/** HTML fragments later passes must leave alone, replaced in the text by markers. */
export interface StripState {
  /** Stores HTML that block-level passes must not touch; returns the marker that stands for it ('-name-' in it: the tag's name). */
  addGeneral(html: string, name?: string): string;
  /** Like addGeneral, for nowiki-like output (unstripped before general markers, as MediaWiki). */
  addNoWiki(html: string): string;
  /** Replaces every marker by its HTML (recursively). */
  unstripGeneral(text: string): string;
  unstripNoWiki(text: string): string;
  unstripBoth(text: string): string;
}

/** A frame of template expansion: the page itself (no args) or a template call. */
export interface Frame {
  /** Title of the page or template whose text is being expanded. */
  title: Title;
  /** Expanded value of a named or numbered argument, or undefined. */
  argument(name: string): string | undefined;
  /** Names of all arguments ('1', '2', 'nom'). */
  argumentNames(): string[];
  /** Nesting depth (0 for the page). */
  depth: number;
  /** True for the page itself (where headings get section markers). */
  isRoot: boolean;
}

/**
 * An extension tag (`<nowiki>`, `<pre>`, `<ref>`, `<references>`, `<gallery>`…) turned into HTML.
 * `content` is null for a self-closed tag (`<references/>`). The preprocessor stores the result
 * with `ctx.strip.addGeneral` (or addNoWiki for nowiki) and puts the marker in the text.
 */
export type TagHook = (content: string | null, attrs: Record<string, string>, ctx: ParserContext, frame: Frame) => string;

/** State shared by both halves while one page is rendered. */
export interface ParserContext {
  env: WikitextEnv;
  site: WikitextSite;
  /** The page being rendered (env.title). */
  title: Title;
  strip: StripState;
  /** By lower-case tag name. The preprocessor recognises exactly these names as extension tags. */
  tagHooks: ReadonlyMap<string, TagHook>;
  /** Renders wikitext to HTML in this context (for hooks like <ref>, whose content is wikitext). */
  recursiveTagParse(text: string, frame?: Frame): string;
  /** Filled by both halves; read when the result is assembled. */
  output: ParserOutput;
  /** The content language's converter (variants/), when it has variants. */
  converter?: LanguageConverter;
}

export interface ParserOutput {
  /** Title.key of every page transcluded (templates and other pages), duplicates allowed. */
  templates: string[];
  /** Keys the env did not know (absent from env.pages / env.linkStatus where it mattered). */
  unresolved: Set<string>;
  /** Links rendered with a placeholder (WikitextEnv.deferLinkStatus), by placeholder number. */
  deferredLinks?: { titles: Title[]; index: Map<string, number> };
  /** {{DISPLAYTITLE:…}} (HTML), {{DEFAULTSORT:…}}. */
  displayTitle?: string;
  defaultSort?: string;
  /** Behaviour switches seen: 'NOTOC', 'TOC', 'FORCETOC', 'NOEDITSECTION', 'NOGALLERY', 'INDEX', 'NOINDEX'… */
  flags: Set<string>;
  /**
   * Filled by the preprocessor (MediaWiki's mHeadings): entry n describes the heading whose marker
   * is MARKER_PREFIX + '-h-' + n + '-' + MARKER_SUFFIX: the page the heading's text comes from
   * (Title.key: the page itself, or a template for a transcluded heading, whose edit link is then
   * 'T-' + section in MediaWiki) and its section index in that page's source (1-based, counting
   * every heading the preprocessor saw in that text, including ones inside template arguments).
   */
  headingSources?: Array<{ key: string; section: number }>;
  /** Expansion limits hit ('template loop', 'expansion depth', 'node count', 'expensive functions'), with the title. */
  limitWarnings: string[];
}

/** MediaWiki's strip marker pieces: "\x7f'\"`UNIQ-" + name + '-' + hex8 + "-QINU`\"'\x7f". */
export const MARKER_PREFIX = "\x7f'\"`UNIQ-";
export const MARKER_SUFFIX = "-QINU`\"'\x7f";
