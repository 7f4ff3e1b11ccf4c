/**
 * The source editor: CodeMirror 6 with Markdown or wikitext highlighting, line wrapping and the browser's
 * French spell checker. Tab is left to the browser so keyboard users can leave the editor.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { insertNewlineContinueMarkup, markdownLanguage } from '@codemirror/lang-markdown';
import { defaultHighlightStyle, LanguageSupport, syntaxHighlighting } from '@codemirror/language';
import { Compartment, EditorState } from '@codemirror/state';
import { drawSelection, EditorView, keymap } from '@codemirror/view';
import { adoptCodeMirrorStyles } from './csp-styles.ts';

export interface SourceEditor {
  readonly view: EditorView;
  getText(): string;
  setText(text: string): void;
  focus(): void;
  destroy(): void;
}

export interface SourceOptions {
  parent: HTMLElement;
  text: string;
  /** id of the element that labels the editor. */
  labelledBy: string;
  describedBy?: string;
  lang: string;
  /**
   * Markdown gets its highlighting and list continuation; wikitext gets MediaWiki highlighting,
   * loaded on demand (the editor works as plain text until it arrives); plain is plain text.
   */
  syntax?: 'markdown' | 'wikitext' | 'plain';
  onChange(): void;
}

export function createSourceEditor(o: SourceOptions): SourceEditor {
  adoptCodeMirrorStyles();
  const attributes: Record<string, string> = {
    'aria-labelledby': o.labelledBy,
    'aria-multiline': 'true',
    spellcheck: 'true',
    autocorrect: 'on',
    autocapitalize: 'sentences',
    lang: o.lang,
  };
  if (o.describedBy) attributes['aria-describedby'] = o.describedBy;
  const markdown = o.syntax === undefined || o.syntax === 'markdown';
  const language = new Compartment();
  const view = new EditorView({
    parent: o.parent,
    state: EditorState.create({
      doc: o.text,
      extensions: [
        history(),
        drawSelection(),
        ...(markdown
          ? [
              // Markdown + GFM without `markdown()`'s embedded HTML/CSS/JS languages (150 kB we do not need).
              keymap.of([{ key: 'Enter', run: insertNewlineContinueMarkup }, ...defaultKeymap, ...historyKeymap]),
              new LanguageSupport(markdownLanguage),
            ]
          : [keymap.of([...defaultKeymap, ...historyKeymap]), language.of([])]),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of(attributes),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) o.onChange();
        }),
      ],
    }),
  });
  if (o.syntax === 'wikitext') {
    import('./wikitext-mode.ts')
      .then((mode) => {
        view.dispatch({ effects: language.reconfigure(mode.wikitextLanguage()) });
        view.dom.dataset.highlighting = 'wikitext';
      })
      .catch((error: unknown) => console.error('Wikitext highlighting could not load', error));
  }
  return {
    view,
    getText: () => view.state.doc.toString(),
    setText(text) {
      if (text === view.state.doc.toString()) return;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
