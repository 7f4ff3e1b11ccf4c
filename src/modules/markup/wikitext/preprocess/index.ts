/**
 * The preprocessor (MediaWiki's Preprocessor_Hash and PPFrame_Hash with Parser::braceSubstitution):
 * builds the tree of the text (comments, includeonly/noinclude/onlyinclude, templates, arguments,
 * extension tags, headings) and expands it in frames: templates from env.pages, parameters,
 * parser functions and magic words, extension tags through ctx.tagHooks into strip markers, and
 * MARKER_PREFIX + '-h-<n>-' + MARKER_SUFFIX after the '=' of each heading at the top of a tree
 * (ctx.output.headingSources[n] says where heading n comes from).
 */
import type { Frame, ParserContext } from '../types.ts';
import { NO_ARGS, NO_TAGS, NO_TEMPLATES, PPFrame, RECOVER_COMMENTS } from './frame.ts';
import type { PPNodes } from './nodes.ts';
import { stateOf, treeOf } from './state.ts';

export type { PPNodes, PPNode, PPElement, PPPart } from './nodes.ts';
export { sourceOf } from './nodes.ts';
export { buildTree } from './tree.ts';

/** The root frame of a render (the page itself), created once per context. */
function rootFrame(ctx: ParserContext): PPFrame {
  const state = stateOf(ctx);
  let root = state.memo.get('root') as PPFrame | undefined;
  if (!root) {
    root = new PPFrame(state, ctx.title);
    state.memo.set('root', root);
  }
  return root;
}

/** The frame to expand in: `frame` when it is one of ours, else the page's root frame. */
function frameFor(ctx: ParserContext, frame?: Frame): PPFrame {
  return frame instanceof PPFrame ? frame : rootFrame(ctx);
}

/**
 * Expands `text` as seen from `frame` (the page itself by default): page mode, so `<noinclude>`
 * is shown and `<includeonly>` dropped.
 */
export function preprocess(text: string, ctx: ParserContext, frame?: Frame): string {
  const f = frameFor(ctx, frame);
  return f.expand(treeOf(f.state, text, false));
}

/** The preprocessor tree of `text` (page mode, or inclusion mode for transcluded text), e.g. for section editing. */
export function preprocessToTree(text: string, ctx: ParserContext, forInclusion = false): PPNodes {
  return treeOf(stateOf(ctx), text, forInclusion);
}

/** Expands `text` as a transcluded page would be (inclusion mode). */
export function expandForInclusion(text: string, ctx: ParserContext, frame?: Frame): string {
  const f = frameFor(ctx, frame);
  return f.expand(treeOf(f.state, text, true));
}

/**
 * The pre-save transform's expansion (MediaWiki's Parser::preSaveTransform → replaceVariables in
 * OT_WIKI mode): `{{subst:…}}` and `{{safesubst:…}}` calls are replaced by their expansion (what
 * they call expands fully, except its own non-subst calls, kept as written); everything else —
 * other calls, parameters, comments, extension tags, includeonly/noinclude — stays as written.
 */
export function expandForSave(text: string, ctx: ParserContext): string {
  const state = stateOf(ctx);
  const root = new PPFrame(state, ctx.title, undefined, undefined, undefined, true);
  return root.expand(treeOf(state, text, false));
}

/**
 * Parser::getPreloadText: the text of a page used to preload a new page, in inclusion mode
 * (`<noinclude>` dropped, `<includeonly>` and `<onlyinclude>` honoured) with templates,
 * parameters, comments and extension tags kept as written.
 */
export function preloadText(text: string, ctx: ParserContext): string {
  const state = stateOf(ctx);
  const root = new PPFrame(state, ctx.title);
  return ctx.strip.unstripBoth(root.expand(treeOf(state, text, true), NO_ARGS | NO_TEMPLATES | RECOVER_COMMENTS | NO_TAGS));
}
