/**
 * A block of Markdown the visual editor cannot represent exactly (a table, a task list, a
 * footnote, raw HTML, unusual formatting…). It is shown and edited as plain source text and
 * written back verbatim, so the visual editor never alters what it does not understand.
 */
import { Node } from '@tiptap/core';

export interface MarkdownBlockOptions {
  /** The caption shown above the block (translated). */
  label: string;
}

export const MarkdownBlock = Node.create<MarkdownBlockOptions>({
  name: 'markdownBlock',
  group: 'block',
  content: 'text*',
  marks: '',
  code: true,
  defining: true,
  isolating: true,

  addOptions() {
    return { label: 'Markdown' };
  },

  parseHTML() {
    return [{ tag: 'pre[data-markdown-block]', preserveWhitespace: 'full' }];
  },

  renderHTML() {
    return ['pre', { 'data-markdown-block': '', class: 'markdown-block', 'data-label': this.options.label }, ['code', 0]];
  },

  renderMarkdown(node) {
    return (node.content ?? []).map((child) => child.text ?? '').join('');
  },
});
