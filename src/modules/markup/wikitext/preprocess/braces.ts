/**
 * Substitution of `{{…}}`, `{{{…}}}` and extension tags, after MediaWiki's Parser::braceSubstitution,
 * argSubstitution, extensionSubstitution and callParserFunction.
 */
import { matchRedirect } from '../../redirect.ts';
import { NS_SPECIAL } from '../../namespaces.ts';
import type { ParseTitleResult, Title } from '../../types.ts';
import { findFunction, findVariable, stripPrefixWord } from '../functions/index.ts';
import type { FunctionCall, FunctionOutput } from '../functions/types.ts';
import { decodeTagAttributes } from './attributes.ts';
import { escapeWikiText } from './escape.ts';
import { bracketed, phpTrim, RECOVER_ORIG, type PPFrame } from './frame.ts';
import { message } from './messages.ts';
import { partNodes, type ArgNode, type PPNodes, type PPPart, type TemplateNode } from './nodes.ts';
import { variantTemplate } from '../variants/links.ts';
import { hasSubpages, limitWarning, treeOf, type FetchedTemplate, type RenderState } from './state.ts';
import { interfaceMessage } from '../functions/messages.ts';

export const NS_TEMPLATE = 10;

export type Substitution = { text: string; object?: undefined } | { object: PPNodes; text?: undefined };

/** Source of a page for transclusion; null when missing. A key the env does not know is reported as unresolved. */
export function pageSource(state: RenderState, key: string): string | null {
  const pages = state.ctx.env.pages;
  const text = pages?.get(key);
  if (text === undefined) {
    state.ctx.output.unresolved.add(key);
    return null;
  }
  return text;
}

/** Fetches a template (following up to two redirects, as Parser::statelessFetchTemplate), once per render. */
export function fetchTemplate(state: RenderState, title: Title): FetchedTemplate {
  const cached = state.fetched.get(title.key);
  if (cached) return cached;
  let current = title;
  let text: string | null = null;
  for (let hop = 0; hop < 3; hop++) {
    state.ctx.output.templates.push(current.key);
    text = pageSource(state, current.key);
    if (text === null) break;
    const redirect = hop < 2 ? matchRedirect(text) : undefined;
    if (!redirect) break;
    current = state.codec.make(redirect.target.namespace, redirect.target.text);
  }
  const result: FetchedTemplate = { title: current, text };
  state.fetched.set(title.key, result);
  return result;
}

/** UTF-8 length, as PHP's strlen (a character outside the BMP is 4 bytes; a lone surrogate, which PHP would hold as U+FFFD, 3). */
function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

function addIncludeSize(state: RenderState, kind: 'post-expand' | 'arg', text: string): boolean {
  const size = byteLength(text);
  if (kind === 'arg') {
    state.argSize += size;
    return state.argSize <= state.limits.maxIncludeSize;
  }
  state.postExpandSize += size;
  return state.postExpandSize <= state.limits.maxIncludeSize;
}

/** Linker::normalizeSubpageLink: `/Sub` and `../Sibling` relative to the page, where it has subpages. */
function normalizeSubpage(state: RenderState, context: Title, target: string): string {
  if (!hasSubpages(state, context.namespace)) return target;
  const hash = target.indexOf('#');
  const suffix = hash >= 0 ? target.slice(hash) : '';
  let t = phpTrim(hash >= 0 ? target.slice(0, hash) : target);
  const contextText = context.full;
  if (t.startsWith('/')) {
    const m = /\/+$/.exec(t);
    const noslash = m ? t.slice(1, t.length - m[0].length) : t.slice(1);
    return `${contextText}/${phpTrim(noslash)}${suffix}`;
  }
  let dots = 0;
  while (t.startsWith('../')) {
    dots++;
    t = t.slice(3);
  }
  if (dots === 0) return target;
  const exploded = contextText.split('/');
  if (exploded.length <= dots) return target;
  let ret = exploded.slice(0, -dots).join('/');
  t = phpTrim(t.replace(/\/+$/, ''));
  if (t !== '') ret += '/' + t;
  return ret + suffix;
}

/** Default text of an interface message page (MediaWiki: namespace) that does not exist. */
function messageDefault(state: RenderState, title: Title): string | undefined {
  if (title.namespace !== 8) return undefined;
  return interfaceMessage(state, title.text.replace(/ /g, '_'), false);
}

class Call implements FunctionCall {
  readonly ctx;
  readonly state;
  readonly count: number;
  private readonly cache: Array<string | undefined> = [];

  constructor(
    readonly frame: PPFrame,
    private readonly first: string,
    private readonly parts: PPPart[],
  ) {
    this.state = frame.state;
    this.ctx = frame.state.ctx;
    this.count = parts.length + 1;
  }

  expand(i: number): string {
    if (i === 0) return this.first;
    const part = this.parts[i - 1];
    if (!part) return '';
    let s = this.cache[i];
    if (s === undefined) {
      s = this.frame.expand(partNodes(part));
      this.cache[i] = s;
    }
    return s;
  }

  text(i: number): string {
    return phpTrim(this.expand(i));
  }

  part(i: number): PPPart | undefined {
    return i >= 1 ? this.parts[i - 1] : undefined;
  }

  expandNodes(nodes: PPNodes): string {
    return this.frame.expand(nodes);
  }
}

interface CallResult {
  text: string | PPNodes;
  isChildObj: boolean;
  isHTML: boolean;
  nowiki: boolean;
}

function callParserFunction(frame: PPFrame, name: string, first: string, parts: PPPart[]): CallResult | undefined {
  const fn = findFunction(name, frame.state.ctx.site.language);
  if (!fn) return undefined;
  const raw = fn(new Call(frame, first, parts));
  const out: FunctionOutput = typeof raw === 'string' ? { text: raw } : raw;
  if (out.notFound) return undefined;
  if (out.reparse) return { text: treeOf(frame.state, out.text, false), isChildObj: true, isHTML: false, nowiki: false };
  return { text: out.text, isChildObj: false, isHTML: out.isHTML ?? false, nowiki: out.nowiki ?? false };
}

/** `prefix:…` where prefix is an interwiki prefix of env.interwiki and not a namespace. */
export function isInterwiki(state: RenderState, text: string): boolean {
  const map = state.ctx.env.interwiki;
  if (!map) return false;
  const m = /^:?\s*([^:]+?)\s*:/.exec(text);
  if (!m || state.codec.namespaces.byName(m[1]!)) return false;
  return map.has(m[1]!.toLowerCase().replace(/ /g, '_'));
}

/** Title parses of template names, once per render. */
function parseCached(state: RenderState, text: string, ns: number): ParseTitleResult {
  let cache = state.memo.get('titles') as Map<string, ParseTitleResult> | undefined;
  if (!cache) {
    cache = new Map();
    state.memo.set('titles', cache);
  }
  const key = `${ns}|${text}`;
  let r = cache.get(key);
  if (!r) {
    r = state.codec.parse(text, ns);
    cache.set(key, r);
  }
  return r;
}

// The same arrays each time: stripPrefixWord keeps its tables by array.
const SUBST_WORDS = ['subst', 'safesubst'];
const MSGNW_WORD = ['msgnw'];
const MSG_WORD = ['msg'];
const RAW_WORD = ['raw'];

export function braceSubstitution(piece: TemplateNode, frame: PPFrame): Substitution {
  const state = frame.state;
  const ctx = state.ctx;
  const lang = ctx.site.language;
  let found = false;
  let nowiki = false;
  let isHTML = false;
  let isChildObj = false;
  let isLocalObj = false;
  let text: string | PPNodes = '';
  let title: Title | undefined;
  let titleText: string | undefined;
  const titleWithSpaces = frame.expand(piece.title);
  let part1 = phpTrim(titleWithSpaces);
  const args = piece.parts;

  // subst: stays as written; safesubst: expands as a normal call.
  const subst = stripPrefixWord(SUBST_WORDS, part1, lang);
  if (subst) part1 = phpTrim(subst.rest);
  // When rendering, subst: calls stay as written; when saving, every call but subst:/safesubst: ones.
  if (frame.wiki ? !subst : subst?.id === 'subst') {
    text = bracketed('{{', titleWithSpaces, args, '}}');
    isLocalObj = true;
    found = true;
  }

  if (!found && args.length === 0) {
    const variable = findVariable(part1, lang);
    if (variable) {
      text = variable(state, frame);
      found = true;
    }
  }

  if (!found) {
    const msgnw = stripPrefixWord(MSGNW_WORD, part1, lang);
    if (msgnw) {
      nowiki = true;
      part1 = msgnw.rest;
    } else {
      part1 = stripPrefixWord(MSG_WORD, part1, lang)?.rest ?? part1;
    }
    part1 = stripPrefixWord(RAW_WORD, part1, lang)?.rest ?? part1;
  }

  if (!found) {
    const colon = part1.indexOf(':');
    // `{{#name}}` without a colon calls the function with an empty first argument.
    if (colon >= 0 || part1.startsWith('#')) {
      const name = colon >= 0 ? part1.slice(0, colon) : part1;
      const result = callParserFunction(frame, name, colon >= 0 ? phpTrim(part1.slice(colon + 1)) : '', args);
      if (result) {
        found = true;
        text = result.text;
        isChildObj = result.isChildObj;
        isHTML = result.isHTML;
        nowiki = nowiki || result.nowiki;
      }
    }
  }

  if (!found) {
    let ns = NS_TEMPLATE;
    const relative = normalizeSubpage(state, ctx.title, part1);
    if (relative !== part1) {
      part1 = relative;
      ns = ctx.title.namespace;
    }
    const parsed = parseCached(state, part1, ns);
    // Interwiki titles are not transcluded (MediaWiki's $wgEnableScaryTranscluding is off): left as written.
    if (parsed.ok && !isInterwiki(state, part1)) {
      title = { ...parsed.title, fragment: '' };
      titleText = title.full;
      if (frame.depth >= state.limits.maxTemplateDepth) {
        found = true;
        limitWarning(state, 'template depth', titleText);
        text = `<span class="error">${message(lang, 'template-depth', String(state.limits.maxTemplateDepth))}</span>`;
      }
    }
  }

  if (!found && title) {
    if (title.namespace === NS_SPECIAL || ctx.env.options?.nonincludableNamespaces?.includes(title.namespace)) {
      text = `[[:${titleText}]]`;
      found = true;
    } else {
      // A missing template may exist under a variant of its name (LanguageConverter::findVariantLink).
      const variant = ctx.converter ? variantTemplate(ctx.converter, state.codec, title, ctx.env.pages) : undefined;
      const fetched = fetchTemplate(state, variant ?? title);
      const source = fetched.text ?? messageDefault(state, fetched.title);
      if (source !== undefined) {
        text = treeOf(state, source, true);
        title = fetched.title;
        found = true;
        isChildObj = true;
      } else if (!frame.wiki) {
        text = `[[:${titleText}]]`;
        found = true;
      }
    }
    if (frame.inLoop(title.key)) {
      found = true;
      isChildObj = false;
      text = `<span class="error">${message(lang, 'template-loop', titleText)}</span>`;
      limitWarning(state, 'template loop', titleText);
    }
  }

  if (!found) return { object: bracketed('{{', titleWithSpaces, args, '}}') };

  if (isChildObj) {
    const nodes = text as PPNodes;
    const child = frame.newChild(args, title);
    if (nowiki) text = child.expand(nodes, RECOVER_ORIG);
    else if (titleText !== undefined && child.isEmpty()) text = child.cachedExpand(titleText, nodes);
    else text = child.expand(nodes);
  }
  // A kept call shown with msgnw: its original text.
  if (isLocalObj && nowiki) text = frame.expand(text, RECOVER_ORIG);

  if (typeof text === 'string') {
    if (isHTML) text = ctx.strip.addGeneral(text);
    else if (nowiki && !frame.wiki) text = escapeWikiText(text);
    else if (!piece.lineStart && /^(?:\{\||:|;|#|\*)/.test(text)) text = '\n' + text;

    if (!addIncludeSize(state, 'post-expand', text)) {
      text = `[[:${titleText ?? part1.replace(/^:/, '')}]]` + ctx.strip.addGeneral('<!-- WARNING: template omitted, post-expand include size too large -->');
      limitWarning(state, 'post-expand include size');
    }
    return { text };
  }
  return { object: text };
}

export function argSubstitution(piece: ArgNode, frame: PPFrame): Substitution {
  const state = frame.state;
  const nameWithSpaces = frame.expand(piece.title);
  const argName = phpTrim(nameWithSpaces);
  let text = frame.argument(argName);
  let object: PPNodes | undefined;
  if (text === undefined && piece.parts.length > 0 && !(frame.wiki && frame.isRoot)) object = partNodes(piece.parts[0]!);
  if (!addIncludeSize(state, 'arg', text ?? '')) {
    limitWarning(state, 'template argument size');
    text = (text ?? '') + '<!-- WARNING: argument omitted, expansion size too large -->';
  }
  if (text === undefined && object === undefined) object = bracketed('{{{', nameWithSpaces, piece.parts, '}}}');
  return object !== undefined ? { object } : { text: text! };
}

export interface ExtensionCall {
  name: string;
  attrText: string;
  inner: string | null;
  /** Attributes given directly ({{#tag:…}}); those in attrText win. */
  attributes?: Record<string, string>;
}

/** Runs an extension tag's hook and returns the strip marker standing for its HTML. */
export function extensionSubstitution(call: ExtensionCall, frame: PPFrame): string {
  const ctx = frame.state.ctx;
  const lower = call.name.toLowerCase();
  const attrs = { ...(call.attributes ?? {}), ...decodeTagAttributes(call.attrText) };
  const hook = ctx.tagHooks.get(lower);
  let output: string;
  if (hook) {
    frame.setVolatile();
    output = hook(call.inner, attrs, ctx, frame);
  } else {
    output = `<span class="error">${message(ctx.site.language, 'unknown-tag', call.name)}</span>`;
  }
  return lower === 'nowiki' ? ctx.strip.addNoWiki(output) : ctx.strip.addGeneral(output, lower);
}
