/**
 * The contract of the pure rendering pipeline. `markup` imports no other module, no database,
 * no HTTP: what it needs from the wiki (does a page exist?) comes in through `RenderEnv`.
 */

export type ContentModel = 'markdown' | 'wikitext';

/** A namespace: MediaWiki number, French canonical name, English and other aliases. */
export interface Namespace {
  id: number;
  /** Canonical (French) name; '' for the main namespace. */
  name: string;
  aliases: string[];
  /** Talk namespaces are odd, their subject is id - 1. */
  isTalk: boolean;
  /** Whether the first letter of titles is upper-cased (true everywhere, as MediaWiki's default). */
  capitalize: boolean;
}

/** A parsed, normalised title. */
export interface Title {
  namespace: number;
  /** The title without namespace, spaces (not underscores), first letter upper-cased. */
  text: string;
  /** Fragment after '#', if any (not part of the page identity). */
  fragment: string;
  /** Full display form: "Catégorie:Chantiers" or "Accueil". */
  full: string;
  /** Key used in links tables and URLs: full form with '_' for spaces. */
  key: string;
}

export type TitleError =
  | 'title.empty'
  | 'title.invalid_char'
  | 'title.too_long'
  | 'title.relative'
  | 'title.namespace_only'
  | 'title.special'
  | 'title.interwiki';

export type ParseTitleResult = { ok: true; title: Title } | { ok: false; error: TitleError; char?: string };

export type LinkStatus = 'exists' | 'missing' | 'redirect';

export interface RenderEnv {
  /** The page being rendered (for self-links, PAGENAME later). */
  title: Title;
  /** Status of each link target, by Title.key; unknown keys render as missing (red). */
  linkStatus: ReadonlyMap<string, LinkStatus>;
  /** Localised strings the HTML needs (edit-section link text, red-link hint, TOC heading). */
  labels: {
    editSection: string;
    redLink: (pageTitle: string) => string;
    toc: string;
    /** Heading of a redirect page ("Redirection vers :"); without it the header shows only the link. */
    redirectTo?: string;
    /** Tooltip of a wikitext section edit link ("Modifier la section : X"); a default in the content language otherwise. */
    editSectionTitle?: (heading: string) => string;
  };
  /** When false, no section edit links (old revisions, previews). */
  editSections: boolean;
  /** Uploaded files embedded by the page, by Title.key ('Fichier:Logo.png'); absent ones render as red links to the upload form. */
  files?: ReadonlyMap<string, RenderFile>;
}

/** What rendering needs to know about an uploaded file (its current version). */
export interface RenderFile {
  /** URL of the original. */
  url: string;
  /**
   * URL of an image at least `width` pixels wide (a thumbnail, or the original when it is not
   * wider); `page` of a multipage document (DjVu), `lang` of an SVG with translations.
   */
  thumbUrl(width: number, page?: number, lang?: string): string;
  /** Languages an SVG has translations for (systemLanguage); its default rendering is English. */
  languages?: readonly string[];
  /** Intrinsic size in CSS pixels; 0 for documents (PDF). */
  width: number;
  height: number;
  mime: string;
}

export interface Heading {
  level: number;
  /** Plain text of the heading. */
  text: string;
  /** Unique id in the page (MediaWiki-style: spaces to underscores). */
  anchor: string;
  /** Section number for section editing (1-based, in document order). */
  section: number;
}

export interface RenderResult {
  /** Sanitised HTML of the body (without TOC). */
  html: string;
  /** Table of contents HTML, '' when not shown. */
  toc: string;
  headings: Heading[];
  /** Internal link targets (Title.key), without duplicates, in order of appearance. */
  links: string[];
  /** Categories the page belongs to: name (without namespace, normalised) and sort key. */
  categories: Array<{ name: string; sortKey: string }>;
  /** Templates used (Title.key), empty for Markdown. */
  templates: string[];
  /** External URLs linked. */
  externalLinks: string[];
  /** Set when the page is a redirect. */
  redirect: Title | undefined;
  /** Wikitext only: keys of pages the env did not know (templates, #ifexist); fetch them and render again. */
  unresolved?: string[];
  /** Wikitext only: links rendered with a placeholder (WikitextEnv.deferLinkStatus); see resolveLinks in markup/index.ts. */
  deferredLinks?: Title[];
  /** Wikitext only: {{DISPLAYTITLE:…}} (HTML) and {{DEFAULTSORT:…}}. */
  displayTitle?: string;
  defaultSort?: string;
}
