/**
 * The visual editor: TipTap 3 on the page's Markdown, through blocks.ts so that what it cannot
 * represent stays as Markdown blocks and what the user does not touch is written back as read.
 */
import { Editor } from '@tiptap/core';
import { EditorState } from '@tiptap/pm/state';
import { toMarkdown, toVisual, type VisualDoc } from './blocks.ts';
import { editorExtensions, markdownKit } from './kit.ts';

export interface VisualEditor {
  readonly editor: Editor;
  /** Loads a text; undefined if it cannot be shown visually at all. */
  load(text: string): VisualDoc | undefined;
  getText(): string;
  focus(): void;
  destroy(): void;
}

export interface VisualOptions {
  parent: HTMLElement;
  labelledBy: string;
  describedBy?: string;
  lang: string;
  markdownBlockLabel: string;
  onChange(): void;
}

export function createVisualEditor(o: VisualOptions): VisualEditor {
  const { manager } = markdownKit();
  const attributes: Record<string, string> = {
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-labelledby': o.labelledBy,
    spellcheck: 'true',
    lang: o.lang,
    class: 'visual-content',
  };
  if (o.describedBy) attributes['aria-describedby'] = o.describedBy;
  let current: VisualDoc | undefined;
  let loading = false;
  const editor = new Editor({
    element: o.parent,
    extensions: editorExtensions(o.markdownBlockLabel),
    // TipTap's own CSS would be a <style> element, which our CSP blocks: it is in editor.css.
    injectCSS: false,
    editorProps: { attributes },
    onUpdate: () => {
      if (!loading) o.onChange();
    },
  });
  return {
    editor,
    load(text) {
      const visual = toVisual(manager, editor.schema, text);
      if (!visual) return undefined;
      current = visual;
      loading = true;
      try {
        // A fresh state: loading is not an edit, undo must not go back to a previous load.
        const doc = editor.schema.nodeFromJSON(visual.doc.content?.length ? visual.doc : { type: 'doc', content: [{ type: 'paragraph' }] });
        editor.view.updateState(EditorState.create({ doc, plugins: editor.state.plugins }));
        // An empty transaction, so that listeners (the toolbar's pressed states) see the new state.
        editor.view.dispatch(editor.state.tr.setMeta('addToHistory', false));
      } finally {
        loading = false;
      }
      return visual;
    },
    getText() {
      if (!current) return '';
      return toMarkdown(manager, editor.state.doc, current);
    },
    focus: () => editor.view.focus(),
    destroy: () => editor.destroy(),
  };
}
