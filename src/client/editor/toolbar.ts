/**
 * The visual editor's toolbar (WAI-ARIA toolbar pattern): one tab stop, arrow keys move between
 * buttons, toggles report their state with aria-pressed.
 */
import type { Editor } from '@tiptap/core';
import { el } from './dom.ts';
import { message, type Messages } from './i18n.ts';
import type { LinkRequest } from './link-dialog.ts';

interface Tool {
  key: string;
  run(editor: Editor): void;
  active?(editor: Editor): boolean;
}

const TOOLS: Tool[] = [
  { key: 'h2', run: (e) => e.chain().toggleHeading({ level: 2 }).run(), active: (e) => e.isActive('heading', { level: 2 }) },
  { key: 'h3', run: (e) => e.chain().toggleHeading({ level: 3 }).run(), active: (e) => e.isActive('heading', { level: 3 }) },
  { key: 'bold', run: (e) => e.chain().toggleBold().run(), active: (e) => e.isActive('bold') },
  { key: 'italic', run: (e) => e.chain().toggleItalic().run(), active: (e) => e.isActive('italic') },
  { key: 'bullet_list', run: (e) => e.chain().toggleBulletList().run(), active: (e) => e.isActive('bulletList') },
  { key: 'ordered_list', run: (e) => e.chain().toggleOrderedList().run(), active: (e) => e.isActive('orderedList') },
  { key: 'quote', run: (e) => e.chain().toggleBlockquote().run(), active: (e) => e.isActive('blockquote') },
];

/** Inserts a wiki link at the selection (replacing it), then puts the cursor after it. */
export function insertWikiLink(editor: Editor, link: LinkRequest): void {
  const { from, to } = editor.state.selection;
  const mark = editor.schema.marks.wikiLink!.create({ target: link.target });
  editor.view.dispatch(editor.state.tr.replaceWith(from, to, editor.schema.text(link.text, [mark])));
  editor.view.focus();
}

export function createToolbar(editor: Editor, messages: Messages, askLink: (selected: string) => Promise<LinkRequest | undefined>): HTMLElement {
  const t = (key: string) => message(messages, key);
  const buttons: HTMLButtonElement[] = [];
  const toggles = new Map<HTMLButtonElement, Tool>();
  for (const tool of TOOLS) {
    const button = el('button', { type: 'button', class: `tool tool-${tool.key}`, 'aria-pressed': 'false' }, [t(`editor.format.${tool.key}`)]);
    button.addEventListener('click', () => {
      tool.run(editor);
      // Synchronously (TipTap's focus command waits a frame): the next key typed goes to the text.
      editor.view.focus();
    });
    toggles.set(button, tool);
    buttons.push(button);
  }
  const link = el('button', { type: 'button', class: 'tool tool-link', 'aria-haspopup': 'dialog' }, [t('editor.format.wiki_link')]);
  link.addEventListener('click', async () => {
    const { from, to } = editor.state.selection;
    const request = await askLink(editor.state.doc.textBetween(from, to, ' '));
    if (request) insertWikiLink(editor, request);
    else editor.view.focus();
  });
  buttons.push(link);

  buttons.forEach((b, i) => (b.tabIndex = i === 0 ? 0 : -1));
  const toolbar = el('div', { role: 'toolbar', class: 'editor-toolbar', 'aria-label': t('editor.toolbar') }, buttons);
  toolbar.addEventListener('keydown', (event) => {
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: buttons.length - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = buttons[(next + buttons.length) % buttons.length]!;
    buttons.forEach((b) => (b.tabIndex = b === target ? 0 : -1));
    target.focus();
  });

  const refresh = () => {
    for (const [button, tool] of toggles) button.setAttribute('aria-pressed', String(tool.active?.(editor) ?? false));
  };
  editor.on('transaction', refresh);
  refresh();
  return toolbar;
}
