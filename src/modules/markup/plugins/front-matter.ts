/**
 * markdown-it plugin: a front-matter block at the very start of a page (a line `---`, lines of
 * data, a line `---`, as Jekyll and Hugo write it) is data, not prose: it renders nothing.
 * Modules that keep structured fields in a page (the network's organisations, chantiers…) read
 * it from the source and show it themselves. Only `key: value` lines make such a block; anywhere
 * else, and around other text, `---` keeps its Markdown meaning.
 */
import type { MarkdownIt, StateBlock } from 'markdown-it';

const FENCE = /^---[ \t]*$/;
/** Every line of the block is `key: value` (or blank, or a # comment): anything else is prose between rules. */
const DATA_LINE = /^(?:[A-Za-z_][\w-]*[ \t]*:.*|[ \t]*|[ \t]*#.*)$/;

function frontMatter(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (startLine !== 0 || state.blkIndent !== 0 || state.level !== 0) return false;
  const lineText = (n: number) => state.src.slice(state.bMarks[n]! + state.tShift[n]!, state.eMarks[n]);
  if (!FENCE.test(lineText(startLine)) || state.tShift[startLine] !== 0) return false;
  let close = startLine + 1;
  while (close < endLine && !(state.tShift[close] === 0 && FENCE.test(lineText(close)))) close++;
  if (close >= endLine || close === startLine + 1) return false;
  for (let n = startLine + 1; n < close; n++) if (!DATA_LINE.test(state.src.slice(state.bMarks[n], state.eMarks[n]))) return false;
  if (silent) return true;
  const token = state.push('front_matter', '', 0);
  token.hidden = true;
  token.map = [startLine, close + 1];
  token.content = state.getLines(startLine + 1, close, 0, true);
  state.line = close + 1;
  return true;
}

export function frontMatterPlugin(md: MarkdownIt): void {
  md.block.ruler.before('hr', 'front_matter', frontMatter, { alt: [] });
  md.renderer.rules.front_matter = () => '';
}
