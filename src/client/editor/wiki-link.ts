/**
 * TipTap extensions for MediaWiki links in our Markdown dialect, so that they survive
 * Markdown → TipTap → Markdown unchanged:
 * - `[[Page]]`, `[[Page|texte]]`, `[[Page#Section]]`, `[[:Catégorie:X]]` → the `wikiLink` mark
 *   (its text is the label; no label when the text equals the target);
 * - `[[Catégorie:X]]`, `[[Catégorie:X|clé]]` → the `wikiCategory` atom, which keeps the exact
 *   text between the brackets.
 * The scanner follows the server's rule (modules/markup/plugins/wikilinks.ts): no newline and
 * no '[' in the target, the label ends at the first ']]'.
 */
import { InputRule, Mark, Node, PasteRule, type JSONContent, type MarkdownToken } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';
import { NS_CATEGORY, namespaceByName } from '../../modules/markup/namespaces.ts';

export interface WikiLinkSyntax {
  raw: string;
  target: string;
  /** The text after the first '|', when there is one. */
  label?: string;
  category: boolean;
}

const URL_START = /^(?:[a-z][a-z0-9+.-]*:\/\/|mailto:|\/\/)/i;

/** Whether `[[target]]` puts the page in a category (rather than linking to it). */
export function isCategoryTarget(target: string): boolean {
  const t = target.replace(/^ +/, '');
  const colon = t.indexOf(':');
  return colon > 0 && namespaceByName(t.slice(0, colon))?.id === NS_CATEGORY;
}

/** The wiki link at the start of `src`, if any. */
export function scanWikiLink(src: string): WikiLinkSyntax | undefined {
  if (!src.startsWith('[[')) return undefined;
  let i = 2;
  for (; i < src.length; i++) {
    const c = src[i];
    if (c === '\n' || c === '[') return undefined;
    if (c === '|') break;
    if (c === ']') {
      if (src[i + 1] === ']') break;
      return undefined;
    }
  }
  if (i >= src.length) return undefined;
  const target = src.slice(2, i);
  if (target.trim() === '' || URL_START.test(target.trimStart())) return undefined;
  if (src[i] !== '|') return { raw: src.slice(0, i + 2), target, category: isCategoryTarget(target) };
  const end = src.indexOf(']]', i + 1);
  if (end < 0) return undefined;
  const label = src.slice(i + 1, end);
  if (label.includes('\n')) return undefined;
  return { raw: src.slice(0, end + 2), target, label, category: isCategoryTarget(target) };
}

const startOfLink = (src: string): number => src.indexOf('[[');

/** The href shown in the editor (links are not followed while editing). */
export function wikiHref(target: string): string {
  const page = target.replace(/^:/, '').split('#')[0] ?? '';
  return `/wiki/${encodeURIComponent(page.trim().replace(/ /g, '_')).replace(/%3A/gi, ':').replace(/%2F/gi, '/')}`;
}

export const WikiLink = Mark.create({
  name: 'wikiLink',
  inclusive: false,
  priority: 1001,

  addAttributes() {
    return { target: { default: '' } };
  },

  parseHTML() {
    return [{ tag: 'a[data-wiki-target]', getAttrs: (el) => ({ target: (el as HTMLElement).dataset.wikiTarget ?? '' }) }];
  },

  renderHTML({ mark }) {
    const target = String(mark.attrs.target);
    return ['a', { href: wikiHref(target), 'data-wiki-target': target, class: 'wiki-link' }, 0];
  },

  markdownTokenName: 'wikiLink',
  markdownTokenizer: {
    name: 'wikiLink',
    level: 'inline',
    start: startOfLink,
    tokenize(src, _tokens, lexer) {
      const link = scanWikiLink(src);
      if (!link || link.category) return undefined;
      const tokens = link.label === undefined ? [] : (lexer.inlineTokens(link.label) as MarkdownToken[]);
      return { type: 'wikiLink', raw: link.raw, target: link.target, label: link.label, tokens };
    },
  },

  parseMarkdown(token, h) {
    const target = String(token.target);
    const content = token.label === undefined ? [h.createTextNode(target)] : h.parseInline(token.tokens ?? []);
    return h.applyMark('wikiLink', content, { target });
  },

  renderMarkdown(node, h, ctx) {
    const target = String(node.attrs?.target ?? '');
    const text = ctx.meta?.markText as string | undefined;
    return text === target ? `[[${h.renderChildren(node)}]]` : `[[${target}|${h.renderChildren(node)}]]`;
  },

  addInputRules() {
    // Typing `[[Page]]` or `[[Page|texte]]` makes a link; `[[Catégorie:X]]` a category.
    return [new InputRule({ find: new RegExp(`${LINK_SYNTAX.source}$`), handler: replaceWithLink })];
  },

  addPasteRules() {
    return [new PasteRule({ find: new RegExp(LINK_SYNTAX.source, 'g'), handler: replaceWithLink })];
  },
});

const LINK_SYNTAX = /\[\[([^[\]|\n]+)(?:\|([^[\]\n]+))?\]\]/;

/** Replaces typed or pasted wiki syntax by a link (or a category) in the transaction. */
function replaceWithLink({ state, range, match }: { state: EditorState; range: { from: number; to: number }; match: { 0: string } }): void | null {
  const link = scanWikiLink(match[0]);
  if (!link) return null;
  const { schema, tr } = state;
  const node = link.category
    ? schema.nodes.wikiCategory!.create({ raw: link.raw.slice(2, -2) })
    : schema.text(link.label ?? link.target, [schema.marks.wikiLink!.create({ target: link.target })]);
  tr.replaceWith(range.from, range.to, node);
}

export const WikiCategory = Node.create({
  name: 'wikiCategory',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,

  addAttributes() {
    return { raw: { default: '' } };
  },

  parseHTML() {
    return [{ tag: 'span[data-wiki-category]', getAttrs: (el) => ({ raw: (el as HTMLElement).dataset.wikiCategory ?? '' }) }];
  },

  renderHTML({ node }) {
    const raw = String(node.attrs.raw);
    return ['span', { 'data-wiki-category': raw, class: 'wiki-category' }, raw.split('|')[0]!.trim()];
  },

  renderText({ node }) {
    return `[[${String(node.attrs.raw)}]]`;
  },

  markdownTokenName: 'wikiCategory',
  markdownTokenizer: {
    name: 'wikiCategory',
    level: 'inline',
    start: startOfLink,
    tokenize(src) {
      const link = scanWikiLink(src);
      if (!link?.category) return undefined;
      return { type: 'wikiCategory', raw: link.raw, text: link.raw.slice(2, -2) };
    },
  },

  parseMarkdown(token, h): JSONContent {
    return h.createNode('wikiCategory', { raw: token.text ?? '' });
  },

  renderMarkdown(node) {
    return `[[${String(node.attrs?.raw ?? '')}]]`;
  },
});
