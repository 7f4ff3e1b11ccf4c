/**
 * markdown-it plugin: inline HTML stays inside its paragraph. An element the author opened in a
 * paragraph (heading, table cell…) and did not close is closed at its end, and a closing tag
 * with no opening tag in the same paragraph is shown as text (as MediaWiki does), so one
 * forgotten `</b>` cannot make the rest of the page bold.
 */
import type { MarkdownIt, StateCore, Token } from 'markdown-it';

const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:\s[\s\S]*?)?(\/?)>$/;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

function balance(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children?.some((t) => t.type === 'html_inline')) continue;
    const out: Token[] = [];
    const open: string[] = [];
    const closeTag = (name: string): Token => {
      const t = new state.Token('html_inline', '', 0);
      t.content = `</${name}>`;
      return t;
    };
    for (const t of block.children) {
      const m = t.type === 'html_inline' ? TAG.exec(t.content) : null;
      const name = m?.[2]?.toLowerCase();
      if (!m || !name || VOID.has(name) || m[3]) {
        out.push(t);
      } else if (!m[1]) {
        open.push(name);
        out.push(t);
      } else if (open.includes(name)) {
        while (open.length) {
          const top = open.pop()!;
          out.push(top === name ? t : closeTag(top));
          if (top === name) break;
        }
      } else {
        const text = new state.Token('text', '', 0);
        text.content = t.content;
        out.push(text);
      }
    }
    while (open.length) out.push(closeTag(open.pop()!));
    block.children = out;
  }
}

export function inlineHtmlPlugin(md: MarkdownIt): void {
  md.core.ruler.push('balance_inline_html', balance);
}
