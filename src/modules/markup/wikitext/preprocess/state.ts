/**
 * Per-render preprocessor state (MediaWiki keeps it on the Parser object): parsed template
 * trees, fetched templates, limits and counters. One per ParserContext.
 */
import { titleCodec, type TitleCodec } from '../../titles.ts';
import type { ParserContext } from '../types.ts';
import type { Title } from '../../types.ts';
import type { PPNodes } from './nodes.ts';
import { buildTree } from './tree.ts';

/** MediaWiki's defaults (the parser tests' for the template depth). */
export const LIMITS = {
  maxTemplateDepth: 40,
  maxExpandDepth: 100,
  maxNodeCount: 1_000_000,
  /** Post-expand include size and template argument size, in characters ($wgMaxArticleSize × 1024). */
  maxIncludeSize: 2048 * 1024,
  expensiveFunctions: 100,
};

export interface Limits {
  maxTemplateDepth: number;
  maxExpandDepth: number;
  maxNodeCount: number;
  maxIncludeSize: number;
  expensiveFunctions: number;
}

export interface FetchedTemplate {
  /** The title finally used (after redirects). */
  title: Title;
  /** Source text, or null when the page is missing. */
  text: string | null;
}

export interface RenderState {
  ctx: ParserContext;
  /** Titles with the content language's namespace names. */
  codec: TitleCodec;
  /** LIMITS, overridden by env.options. */
  limits: Limits;
  /** Short page-mode trees by text (see treeOf). */
  pageTrees: Map<string, PPNodes>;
  /** The shared inclusion-mode trees for this render's extension tags, found on first use. */
  includeTrees: Map<string, PPNodes> | undefined;
  fetched: Map<string, FetchedTemplate>;
  nodeCount: number;
  expandDepth: number;
  postExpandSize: number;
  argSize: number;
  expensiveCount: number;
  /** Limit warnings already reported (each kind once per render). */
  warned: Set<string>;
  extensionTags: string[];
  /** Anything functions want to keep per render. */
  memo: Map<string, unknown>;
}

const states = new WeakMap<ParserContext, RenderState>();

export function stateOf(ctx: ParserContext): RenderState {
  let s = states.get(ctx);
  if (!s) {
    s = {
      ctx,
      codec: titleCodec(ctx.site.language),
      limits: {
        ...LIMITS,
        maxTemplateDepth: ctx.env.options?.maxTemplateDepth ?? LIMITS.maxTemplateDepth,
        maxIncludeSize: ctx.env.options?.maxIncludeSize ?? LIMITS.maxIncludeSize,
        expensiveFunctions: ctx.env.options?.expensiveFunctionLimit ?? LIMITS.expensiveFunctions,
      },
      pageTrees: new Map(),
      includeTrees: undefined,
      fetched: new Map(),
      nodeCount: 0,
      expandDepth: 0,
      postExpandSize: 0,
      argSize: 0,
      expensiveCount: 0,
      warned: new Set(),
      extensionTags: [...ctx.tagHooks.keys()].map((k) => k.toLowerCase()),
      memo: new Map(),
    };
    states.set(ctx, s);
  }
  return s;
}

/**
 * Inclusion-mode trees shared by all renders, by extension tags then text: the same templates come
 * back page after page. Trees are never changed once built, so renders can share them.
 */
const sharedTrees = new Map<string, Map<string, PPNodes>>();
let sharedChars = 0;
/** Bound on the text behind the shared trees, oldest dropped first (about 10 MB of trees: a server keeps them too). */
const SHARED_MAX_CHARS = 1_000_000;
/** Page-mode texts are mostly seen once (the page, each ref's content): only short ones are kept, per render. */
const PAGE_TREE_MAX = 2000;

function sharedFor(state: RenderState): Map<string, PPNodes> {
  const key = state.extensionTags.join('|');
  let map = sharedTrees.get(key);
  if (!map) {
    map = new Map();
    sharedTrees.set(key, map);
  }
  return map;
}

function share(map: Map<string, PPNodes>, text: string, tree: PPNodes): void {
  sharedChars += text.length;
  for (const old of map.keys()) {
    if (sharedChars <= SHARED_MAX_CHARS) break;
    map.delete(old);
    sharedChars -= old.length;
  }
  if (sharedChars > SHARED_MAX_CHARS) {
    for (const other of sharedTrees.values()) other.clear();
    sharedChars = text.length;
  }
  map.set(text, tree);
}

/** The tree of `text` in page or inclusion mode. */
export function treeOf(state: RenderState, text: string, forInclusion: boolean): PPNodes {
  const options = { forInclusion, extensionTags: state.extensionTags };
  if (!forInclusion && text.length > PAGE_TREE_MAX) return buildTree(text, options);
  const cache = forInclusion ? (state.includeTrees ??= sharedFor(state)) : state.pageTrees;
  let tree = cache.get(text);
  if (!tree) {
    tree = buildTree(text, options);
    if (forInclusion) share(cache, text, tree);
    else cache.set(text, tree);
  }
  return tree;
}

/** Namespaces where '/' separates subpages (MediaWiki's defaults; every one with options.subpages). */
const WITH_SUBPAGES = new Set([1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 15]);

export function hasSubpages(state: RenderState, ns: number): boolean {
  return state.ctx.env.options?.subpages === true || WITH_SUBPAGES.has(ns);
}

/** Records a limit hit in ctx.output.limitWarnings (once per kind and title). */
export function limitWarning(state: RenderState, kind: string, title?: string): void {
  const msg = title ? `${kind}: ${title}` : kind;
  if (state.warned.has(msg)) return;
  state.warned.add(msg);
  state.ctx.output.limitWarnings.push(msg);
}

/** Counts an expensive parser function; false once the limit is passed (MediaWiki's incrementExpensiveFunctionCount). */
export function incrementExpensive(state: RenderState): boolean {
  state.expensiveCount++;
  if (state.expensiveCount <= state.limits.expensiveFunctions) return true;
  limitWarning(state, 'expensive functions');
  return false;
}
