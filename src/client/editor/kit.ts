/**
 * The visual editor's schema and its Markdown reader/writer. One MarkdownManager per page:
 * it registers the wiki-link tokenizers on marked's shared instance, so it is created once.
 */
import { getSchema, type AnyExtension } from '@tiptap/core';
import { MarkdownManager } from '@tiptap/markdown';
import type { Schema } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import { installMinimalEscaping } from './escape.ts';
import { MarkdownBlock } from './markdown-block.ts';
import { WikiCategory, WikiLink } from './wiki-link.ts';

export function editorExtensions(markdownBlockLabel = 'Markdown'): AnyExtension[] {
  return [
    StarterKit.configure({
      // Markdown has no underline; links are not followed while editing.
      underline: false,
      link: { openOnClick: false, autolink: false, linkOnPaste: true, HTMLAttributes: { target: null, rel: null } },
    }),
    WikiLink,
    WikiCategory,
    MarkdownBlock.configure({ label: markdownBlockLabel }),
  ];
}

export interface MarkdownKit {
  manager: MarkdownManager;
  schema: Schema;
}

let shared: MarkdownKit | undefined;

export function markdownKit(): MarkdownKit {
  if (!shared) {
    const extensions = editorExtensions();
    const manager = new MarkdownManager({ extensions });
    installMinimalEscaping(manager);
    shared = { manager, schema: getSchema(extensions) };
  }
  return shared;
}
