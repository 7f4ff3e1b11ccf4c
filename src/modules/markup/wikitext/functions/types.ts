/**
 * What a parser function receives and returns (MediaWiki's Parser::callParserFunction
 * interface, SFH_OBJECT_ARGS style: arguments are expanded on demand).
 */
import type { ParserContext } from '../types.ts';
import type { PPFrame } from '../preprocess/frame.ts';
import type { PPNodes, PPPart } from '../preprocess/nodes.ts';
import type { RenderState } from '../preprocess/state.ts';

export interface FunctionCall {
  ctx: ParserContext;
  state: RenderState;
  frame: PPFrame;
  /** Number of arguments, the text after the colon included. */
  count: number;
  /** Argument i expanded, untrimmed (0 = the text after the colon; i ≥ 1: the whole part, `name=value` for named ones). */
  expand(i: number): string;
  /** Argument i expanded and trimmed ('' when absent). */
  text(i: number): string;
  /** Part i (i ≥ 1) as name and value nodes. */
  part(i: number): PPPart | undefined;
  /** Expands nodes in the caller's frame. */
  expandNodes(nodes: PPNodes): string;
}

export interface FunctionOutput {
  text: string;
  /** The text is wikitext to preprocess again (MediaWiki's 'noparse' => false). */
  reparse?: boolean;
  /** The text is HTML, put in the strip state. */
  isHTML?: boolean;
  /** The text is shown as is (wiki syntax escaped). */
  nowiki?: boolean;
  /** Not handled after all (MediaWiki's 'found' => false): the call is looked up as a template. */
  notFound?: boolean;
}

export type ParserFunction = (call: FunctionCall) => string | FunctionOutput;

/** A magic variable (`{{PAGENAME}}`, `{{CURRENTYEAR}}`). */
export type MagicVariable = (state: RenderState, frame: PPFrame) => string;
