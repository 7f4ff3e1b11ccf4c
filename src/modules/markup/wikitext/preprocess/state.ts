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
  /** Trees by mode and text, so a template is tokenised once per render. */
  pageTrees: Map<string, PPNodes>;
  includeTrees: Map<string, PPNodes>;
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
      includeTrees: new Map(),
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

/** The tree of `text` in page or inclusion mode, cached for the render. */
export function treeOf(state: RenderState, text: string, forInclusion: boolean): PPNodes {
  const cache = forInclusion ? state.includeTrees : state.pageTrees;
  let tree = cache.get(text);
  if (!tree) {
    tree = buildTree(text, { forInclusion, extensionTags: state.extensionTags });
    cache.set(text, tree);
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
