/**
 * The preprocessor (PLACEHOLDER until the real one lands: strips comments only).
 * Contract: expands templates, parameters, parser functions and magic words in `text` as seen
 * from `frame`, replaces extension tags by strip markers from their hooks, and marks headings of
 * the root frame after their leading '=' with MARKER_PREFIX + '-h-<index>-' + MARKER_SUFFIX.
 */
import type { Frame, ParserContext } from '../types.ts';

export function preprocess(text: string, _ctx: ParserContext, _frame?: Frame): string {
  return text.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
}
