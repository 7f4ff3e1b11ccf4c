/**
 * markdown-it plugin: embedded files, `[[Fichier:X.png|vignette|droite|Légende avec [[lien]]]]`.
 *
 * Runs before the wikilinks rule and takes every `[[Fichier:…]]` (not `[[:Fichier:…]]`, a plain
 * link). Options are split on top-level '|' (a caption may hold links); the caption is parsed as
 * inline Markdown into the token's children. A block embed (thumbnail, frame, aligned) cannot sit
 * in a paragraph (`<figure>` in `<p>` is invalid HTML), so the paragraph is split around it.
 */
import type { MarkdownIt, RendererRule, StateCore, StateInline, Token } from 'markdown-it';
import { resolveWikiLink } from '../links.ts';
import { isBlockFile, parseFileOptions, renderFileEmbed, type FileOptions } from '../media.ts';
import type { RenderEnv, Title } from '../types.ts';

const OPEN = 0x5b; // [
const CLOSE = 0x5d; // ]
const PIPE = 0x7c;
const NEWLINE = 0x0a;
/** A caption longer than this is not looked for (keeps unclosed `[[Fichier:x|` linear). */
const MAX_SPAN = 4000;

export interface FileEmbedMeta {
  title: Title;
  options: FileOptions;
}

/** Last ']]' of each inline source: with none after an opening, it is text at once. */
const lastClose = new WeakMap<StateInline, number>();

/** Finds the `]]` closing an embed whose options start at `from`, and the top-level parts. */
function scanParts(state: StateInline, from: number, max: number): { parts: string[]; end: number } | undefined {
  const src = state.src;
  let last = lastClose.get(state);
  if (last === undefined) lastClose.set(state, (last = src.lastIndexOf(']]')));
  if (last < from) return undefined;
  const parts: string[] = [];
  let depth = 0;
  let partStart = from;
  const limit = Math.min(max, from + MAX_SPAN);
  for (let j = from; j < limit; j++) {
    const c = src.charCodeAt(j);
    if (c === OPEN && src.charCodeAt(j + 1) === OPEN) {
      depth++;
      j++;
    } else if (c === CLOSE && src.charCodeAt(j + 1) === CLOSE) {
      if (depth === 0) {
        parts.push(src.slice(partStart, j));
        return { parts, end: j };
      }
      depth--;
      j++;
    } else if (c === PIPE && depth === 0) {
      parts.push(src.slice(partStart, j));
      partStart = j + 1;
    }
  }
  return undefined;
}

function fileRule(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  const max = state.posMax;
  if (src.charCodeAt(start) !== OPEN || src.charCodeAt(start + 1) !== OPEN || state.linkLevel > 0) return false;
  let i = start + 2;
  for (; i < max; i++) {
    const c = src.charCodeAt(i);
    if (c === NEWLINE || c === OPEN) return false;
    if (c === PIPE || c === CLOSE) break;
  }
  if (i >= max) return false;
  const link = resolveWikiLink(src.slice(start + 2, i));
  if (link?.kind !== 'file') return false;
  let parts: string[] = [];
  let end = i;
  if (src.charCodeAt(i) === CLOSE) {
    if (src.charCodeAt(i + 1) !== CLOSE) return false;
  } else {
    const scanned = scanParts(state, i + 1, max);
    if (!scanned) return false;
    parts = scanned.parts;
    end = scanned.end;
  }
  if (!silent) {
    const options = parseFileOptions(parts);
    const token = state.push('wiki_file', '', 0);
    token.meta = { file: { title: link.title, options } satisfies FileEmbedMeta };
    token.children = options.caption ? (state.md.parseInline(options.caption, state.env)[0]?.children ?? []) : [];
  }
  state.pos = end + 2;
  return true;
}

export function fileEmbedOf(token: Token): FileEmbedMeta | undefined {
  return token.type === 'wiki_file' || token.type === 'wiki_file_block' ? (token.meta?.file as FileEmbedMeta | undefined) : undefined;
}

function isBlockEmbed(t: Token): boolean {
  const meta = fileEmbedOf(t);
  return meta !== undefined && isBlockFile(meta.options);
}

const blank = (t: Token): boolean => t.type === 'softbreak' || t.type === 'hardbreak' || (t.type === 'text' && t.content.trim() === '');

/** Splits each visible paragraph around its block embeds; paragraphs left empty go. */
function liftBlockFiles(state: StateCore): void {
  const tokens = state.tokens;
  if (!tokens.some((t) => t.type === 'inline' && t.children?.some(isBlockEmbed))) return;
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!;
    const inline = tokens[i + 1];
    const close = tokens[i + 2];
    if (open.type !== 'paragraph_open' || open.hidden || inline?.type !== 'inline' || !close || !inline.children?.some(isBlockEmbed)) {
      out.push(open);
      continue;
    }
    let run: Token[] = [];
    const flush = () => {
      while (run.length && blank(run[0]!)) run.shift();
      while (run.length && blank(run[run.length - 1]!)) run.pop();
      const [first, last] = [run[0], run[run.length - 1]];
      if (first?.type === 'text') first.content = first.content.trimStart();
      if (last?.type === 'text') last.content = last.content.trimEnd();
      if (run.length) {
        const part = new state.Token('inline', '', 0);
        Object.assign(part, { children: run, level: inline.level, map: inline.map, content: '' });
        out.push(Object.assign(new state.Token('paragraph_open', 'p', 1), { level: open.level, block: true, map: open.map }), part,
          Object.assign(new state.Token('paragraph_close', 'p', -1), { level: close.level, block: true }));
      }
      run = [];
    };
    for (const child of inline.children) {
      if (!isBlockEmbed(child)) {
        run.push(child);
        continue;
      }
      flush();
      out.push(Object.assign(new state.Token('wiki_file_block', '', 0), { block: true, level: open.level, meta: child.meta, children: child.children }));
    }
    flush();
    i += 2;
  }
  state.tokens = out;
}

/** Plain text of caption tokens (for alt and title attributes). */
export function captionText(tokens: readonly Token[] | null): string {
  let s = '';
  for (const t of tokens ?? []) {
    if (t.type === 'text' || t.type === 'code_inline') s += t.content;
    else if (t.type === 'softbreak' || t.type === 'hardbreak') s += ' ';
  }
  return s.replace(/\s+/g, ' ').trim();
}

const renderEmbed: RendererRule = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const meta = fileEmbedOf(token);
  const mdEnv = env as { render?: RenderEnv; externalLinks?: string[] };
  if (!meta || !mdEnv.render) return '';
  const captionHtml = token.children?.length ? self.renderInline(token.children, options, env) : '';
  const html = renderFileEmbed({ title: meta.title, options: meta.options, captionHtml, captionText: captionText(token.children) }, mdEnv.render, mdEnv.externalLinks);
  return token.type === 'wiki_file_block' ? `${html}\n` : html;
};

export function filesPlugin(md: MarkdownIt): void {
  md.inline.ruler.before('wikilink', 'wiki_file', fileRule);
  md.core.ruler.push('wiki_file_blocks', liftBlockFiles);
  md.renderer.rules.wiki_file = renderEmbed;
  md.renderer.rules.wiki_file_block = renderEmbed;
}
