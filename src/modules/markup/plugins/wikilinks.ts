/**
 * markdown-it plugin: MediaWiki links in Markdown.
 *
 * `[[Page]]`, `[[Page|texte *riche*]]`, `[[Page#Section]]`, `[[#Section]]`, `[[:Catégorie:X]]`
 * become `link_open`/`link_close` tokens (so markdown-it treats them as links: no autolinks
 * inside, no links nested) carrying `meta.wikilink`; the renderer decides blue/red/self from the
 * RenderEnv. `[[Catégorie:X|clé]]` becomes a `wiki_category` token that renders nothing.
 * An invalid target leaves the brackets as text. In a table cell write `[[Page\|texte]]`.
 */
import type { MarkdownIt, StateCore, StateInline, Token } from 'markdown-it';
import { resolveWikiLink, type WikiLink } from '../links.ts';

const OPEN = 0x5b; // [
const CLOSE = 0x5d; // ]
const PIPE = 0x7c;
const NEWLINE = 0x0a;

/** Last ']]' of each inline source, so that many unclosed `[[a|` stay linear. */
const lastClose = new WeakMap<StateInline, number>();

function labelEnd(state: StateInline, from: number): number {
  let last = lastClose.get(state);
  if (last === undefined) {
    last = state.src.lastIndexOf(']]');
    lastClose.set(state, last);
  }
  return from > last ? -1 : state.src.indexOf(']]', from);
}

function wikilinkRule(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  const max = state.posMax;
  if (src.charCodeAt(start) !== OPEN || src.charCodeAt(start + 1) !== OPEN) return false;
  if (state.linkLevel > 0) return false;

  let i = start + 2;
  let pipe = -1;
  for (; i < max; i++) {
    const c = src.charCodeAt(i);
    if (c === NEWLINE || c === OPEN) return false;
    if (c === PIPE) {
      pipe = i;
      break;
    }
    if (c === CLOSE) {
      if (src.charCodeAt(i + 1) === CLOSE) break;
      return false;
    }
  }
  if (i >= max) return false;
  const end = pipe < 0 ? i : labelEnd(state, pipe + 1);
  if (end < 0 || end + 2 > max) return false;

  const label = pipe < 0 ? undefined : src.slice(pipe + 1, end);
  const link = resolveWikiLink(src.slice(start + 2, pipe < 0 ? i : pipe), label);
  // Embedded files are the files plugin's (it runs first); one it refused stays text.
  if (!link || link.kind === 'file') return false;

  if (!silent) {
    if (link.kind === 'category') {
      const token = state.push('wiki_category', '', 0);
      token.content = link.title.text;
      token.meta = { sortKey: link.sortKey };
    } else {
      const open = state.push('link_open', 'a', 1);
      open.markup = 'wikilink';
      open.meta = { wikilink: link };
      if (label !== undefined && label.trim() !== '') {
        state.pos = pipe + 1;
        state.posMax = end;
        state.linkLevel++;
        state.md.inline.tokenize(state);
        state.linkLevel--;
        state.posMax = max;
      } else {
        state.push('text', '', 0).content = link.text;
      }
      state.push('link_close', 'a', -1).markup = 'wikilink';
    }
  }
  state.pos = end + 2;
  return true;
}

export function wikiLinkOf(token: Token): Exclude<WikiLink, { kind: 'category' | 'file' }> | undefined {
  return token.meta?.wikilink as Exclude<WikiLink, { kind: 'category' | 'file' }> | undefined;
}

/**
 * Tidies what category links leave: a paragraph holding only categories goes entirely, and
 * line breaks around categories at the start or end of a paragraph go too.
 */
function tidyCategories(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const inline = tokens[i]!;
    const children = inline.children;
    if (inline.type !== 'inline' || !children?.some((t) => t.type === 'wiki_category')) continue;
    const blank = (t: Token): boolean => t.type === 'softbreak' || (t.type === 'text' && t.content.trim() === '');
    if (children.every((t) => t.type === 'wiki_category' || blank(t)) && tokens[i - 1]?.type === 'paragraph_open') {
      // Keep the category tokens (metadata), drop the paragraph around them.
      tokens[i - 1]!.hidden = true;
      tokens[i + 1]!.hidden = true;
      inline.children = children.filter((t) => t.type === 'wiki_category');
      continue;
    }
    const edge = (t: Token | undefined): boolean => t !== undefined && (t.type === 'wiki_category' || blank(t));
    let end = children.length;
    while (edge(children[end - 1])) end--;
    let begin = 0;
    while (edge(children[begin])) begin++;
    const cats = (from: number, to: number): Token[] => children.slice(from, to).filter((t) => t.type === 'wiki_category');
    if (begin >= end) {
      inline.children = cats(0, children.length);
      continue;
    }
    const last = children[end - 1];
    if (last?.type === 'text' && end < children.length) last.content = last.content.trimEnd();
    inline.children = [...cats(0, begin), ...children.slice(begin, end), ...cats(end, children.length)];
  }
}

/** Links cannot nest (HTML forbids it): inner link tokens are dropped, their text kept. */
function flattenNestedLinks(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const kept: Token[] = [];
    const dropped: boolean[] = [];
    let depth = 0;
    for (const t of block.children) {
      if (t.type === 'link_open') {
        dropped.push(depth > 0);
        depth++;
        if (depth > 1) continue;
      } else if (t.type === 'link_close') {
        depth--;
        if (dropped.pop()) continue;
      }
      kept.push(t);
    }
    block.children = kept;
  }
}

export function wikiLinksPlugin(md: MarkdownIt): void {
  md.inline.ruler.before('link', 'wikilink', wikilinkRule);
  md.core.ruler.push('wiki_categories', tidyCategories);
  md.core.ruler.push('flatten_links', flattenNestedLinks);
  md.renderer.rules.wiki_category = () => '';
}
