/**
 * How text typed in the visual editor is written as Markdown. @tiptap/markdown escapes every
 * `_`, `[`, `&`, `<`, `>`… which is correct but rewrites ordinary French text (`a & b` becomes
 * `a &amp; b`, `mot_clé` becomes `mot\_clé`). We escape only what would otherwise change meaning
 * in CommonMark + GFM + our wiki links, so that text reads the same in the source editor.
 */
import type { JSONContent } from '@tiptap/core';
import type { MarkdownManager } from '@tiptap/markdown';

const ALNUM = /[\p{L}\p{N}]/u;
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;

const SPACE = /\s/;

/**
 * Escapes `*` and `_` unless they cannot open or close emphasis: between two spaces, or for
 * `_`, between two letters or digits. At the edges of the text the neighbour is unknown (it may
 * be another mark), so they are escaped.
 */
function escapeEmphasis(text: string): string {
  return text.replace(/[*_]/g, (m, i: number) => {
    const before = text[i - 1];
    const after = text[i + 1];
    if (before === undefined || after === undefined || before === '\\') return `\\${m}`;
    if (SPACE.test(before) && SPACE.test(after)) return m;
    if (m === '_' && ALNUM.test(before) && ALNUM.test(after)) return m;
    return `\\${m}`;
  });
}

const BLOCK_START = /^([ \t]*)(#{1,6}(?=[ \t]|$)|>|[-+*](?=[ \t])|\d{1,9}(?=[.)][ \t])|=+[ \t]*$|-+[ \t]*$)/;

/** Escapes what would start a block at the beginning of a line: heading, quote, list item, setext rule. */
function escapeLineStart(line: string): string {
  return line.replace(BLOCK_START, (_m, sp: string, mark: string) => (/^\d/.test(mark) ? `${sp}${mark}\\` : `${sp}\\${mark}`));
}

export interface EscapeContext {
  /** The text begins a line (first in its block, or after a hard break). */
  atLineStart?: boolean;
  /** The text is a link's label, where a ']' would end the label. */
  inLink?: boolean;
}

/**
 * Escapes `text` (plain text, without its marks) for use inside a Markdown paragraph. A '['
 * is escaped only where it could open a link, a wiki link or a footnote (`[^1]`, `^[…]`).
 */
export function escapeMarkdownText(text: string, { atLineStart = true, inLink = false }: EscapeContext = {}): string {
  const s = escapeEmphasis(
    text
      .replace(/\\/g, (m, i: number) => (i + 1 >= text.length || ASCII_PUNCT.test(text[i + 1]!) ? '\\\\' : m))
      .replace(/`/g, '\\`')
      .replace(/\[(?=[[^]|[^\]]*\][([:])|(?<=\^)\[/g, '\\[')
      .replace(/\]/g, (m) => (inLink ? '\\]' : m))
      // GFM strikes `~~a~~`; marked (the visual editor's reader) also strikes `~a~`.
      .replace(/~/g, (m) => (text.indexOf('~') !== text.lastIndexOf('~') ? '\\~' : m))
      .replace(/&(?=#?[a-z0-9]+;)/gi, '&amp;')
      .replace(/<(?=[a-z/!?])/gi, '&lt;'),
  );
  return s
    .split('\n')
    .map((line, i) => (i > 0 || atLineStart ? escapeLineStart(line) : line))
    .join('\n');
}

interface ManagerInternals {
  encodeTextForMarkdown?: (text: string, node: JSONContent, parent?: JSONContent) => string;
  codeTypes?: Set<string>;
}

function hasMark(node: JSONContent, types: Set<string>): boolean {
  return (node.marks ?? []).some((m) => types.has(m.type));
}

/**
 * Replaces the manager's text escaping with `escapeMarkdownText`. The text of a label-less
 * wiki link is its target and is written as is. Throws if @tiptap/markdown changed its
 * internals (the unit tests then say so) rather than silently escaping differently.
 */
export function installMinimalEscaping(manager: MarkdownManager): void {
  const m = manager as unknown as ManagerInternals;
  if (typeof m.encodeTextForMarkdown !== 'function' || !(m.codeTypes instanceof Set)) {
    throw new Error('@tiptap/markdown internals changed: update src/client/editor/escape.ts');
  }
  const codeTypes = m.codeTypes;
  m.encodeTextForMarkdown = (text, node, parent) => {
    if ((parent?.type && codeTypes.has(parent.type)) || hasMark(node, codeTypes)) return text;
    const link = (node.marks ?? []).find((mark) => mark.type === 'wikiLink');
    if (link && link.attrs?.target === text) return text;
    const siblings = parent?.content ?? [];
    const index = siblings.indexOf(node);
    return escapeMarkdownText(text, {
      atLineStart: index <= 0 || siblings[index - 1]?.type === 'hardBreak',
      inLink: link !== undefined || (node.marks ?? []).some((mark) => mark.type === 'link'),
    });
  };
}
