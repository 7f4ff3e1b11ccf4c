/**
 * Markdown ⇄ visual document, without loss.
 *
 * The text is cut into top-level blocks (marked's lexer). A block becomes visual nodes only if
 * writing it back gives the very same bytes; otherwise it becomes a `markdownBlock` holding its
 * source. Writing the document back, every block the user did not touch is emitted as it was
 * read (with its original spacing), so switching modes never rewrites the page and an edit in
 * the visual editor changes only the blocks it touched.
 */
import type { JSONContent } from '@tiptap/core';
import type { MarkdownManager } from '@tiptap/markdown';
import type { Node as PmNode, Schema } from '@tiptap/pm/model';

interface Segment {
  body: string;
  /** The whitespace after the block, up to the next one (or the end of the text). */
  sep: string;
  /** Text the lexer skipped (a repeated link definition): kept as Markdown. */
  skipped?: boolean;
}

/**
 * Top-level blocks of `text`. Text the lexer drops (marked skips repeated link definitions)
 * becomes a block of its own; undefined if the tokens cannot be found in the text at all.
 */
export function splitBlocks(manager: MarkdownManager, text: string): { prefix: string; segments: Segment[] } | undefined {
  const { Lexer, defaults } = manager.instance;
  let prefix = '';
  const segments: Segment[] = [];
  const add = (raw: string, skipped: boolean) => {
    const last = segments[segments.length - 1];
    if (raw.trim() === '') {
      if (last) last.sep += raw;
      else prefix += raw;
      return;
    }
    // Blank lines before a block belong to the previous one; its indentation is its own.
    const lead = /^(?:[ \t]*\n)*/.exec(raw)![0].length;
    if (lead > 0) add(raw.slice(0, lead), false);
    const body = raw.slice(lead).replace(/\s+$/, '');
    segments.push({ body, sep: raw.slice(lead + body.length), ...(skipped ? { skipped } : {}) });
  };
  let pos = 0;
  for (const token of new Lexer(defaults).lex(text)) {
    const raw = token.raw ?? '';
    const at = text.startsWith(raw, pos) ? pos : text.indexOf(raw, pos);
    if (at < 0) return undefined;
    if (at > pos) add(text.slice(pos, at), true);
    add(raw, false);
    pos = at + raw.length;
  }
  if (pos < text.length) add(text.slice(pos), true);
  return { prefix, segments };
}

export interface Block {
  /** Position in the original text, for the spacing after it. */
  index: number;
  body: string;
  sep: string;
}

/** The visual document of a text, and what is needed to write it back unchanged. */
export interface VisualDoc {
  doc: JSONContent;
  /** Whether every block is shown as visual nodes (no Markdown block). */
  exact: boolean;
  /** How many blocks are kept as Markdown blocks. */
  rawBlocks: number;
  /** Original blocks by their node's JSON, in order of appearance. */
  memo: Map<string, Block[]>;
  prefix: string;
  /** The whitespace the text ends with. */
  ending: string;
  lastIndex: number;
}

/** Writes one top-level node as Markdown. */
export function serializeNode(manager: MarkdownManager, node: JSONContent): string {
  if (node.type === 'markdownBlock') return (node.content ?? []).map((c) => c.text ?? '').join('');
  return manager.serialize({ type: 'doc', content: [node] }).replace(/\s+$/, '');
}

function markdownBlock(schema: Schema, body: string): JSONContent {
  return schema.nodes.markdownBlock!.create(null, body ? schema.text(body) : null).toJSON() as JSONContent;
}

/** Nodes the visual editor reads differently from the server: lettered or roman lists. */
function foreign(node: JSONContent): boolean {
  if (node.type === 'orderedList' && node.attrs?.type != null && node.attrs.type !== '1') return true;
  return (node.content ?? []).some(foreign);
}

/** Parses `body` into exactly one node that writes back to the same bytes, or undefined. */
function exactNode(manager: MarkdownManager, schema: Schema, body: string): JSONContent | undefined {
  let parsed: JSONContent[];
  try {
    parsed = manager.parse(body).content ?? [];
  } catch {
    return undefined;
  }
  if (parsed.length !== 1) return undefined;
  try {
    const node = schema.nodeFromJSON(parsed[0]);
    node.check();
    const json = node.toJSON() as JSONContent;
    return !foreign(json) && serializeNode(manager, json) === body ? json : undefined;
  } catch {
    return undefined;
  }
}

export function toVisual(manager: MarkdownManager, schema: Schema, text: string): VisualDoc | undefined {
  const split = splitBlocks(manager, text);
  if (!split) return undefined;
  const memo = new Map<string, Block[]>();
  const content: JSONContent[] = [];
  let rawBlocks = 0;
  split.segments.forEach((segment, index) => {
    let node = segment.skipped ? undefined : exactNode(manager, schema, segment.body);
    if (!node) {
      node = markdownBlock(schema, segment.body);
      rawBlocks++;
    }
    content.push(node);
    const key = JSON.stringify(node);
    memo.set(key, [...(memo.get(key) ?? []), { index, body: segment.body, sep: segment.sep }]);
  });
  const last = split.segments[split.segments.length - 1];
  return {
    doc: { type: 'doc', content },
    exact: rawBlocks === 0,
    rawBlocks,
    memo,
    prefix: split.prefix,
    ending: last?.sep ?? '',
    lastIndex: split.segments.length - 1,
  };
}

function isEmptyParagraph(node: JSONContent): boolean {
  return node.type === 'paragraph' && !(node.content ?? []).some((c) => c.type !== 'text' || (c.text ?? '').trim() !== '');
}

/** Writes the visual document back: untouched blocks as they were read, the others anew. */
export function toMarkdown(manager: MarkdownManager, doc: PmNode | JSONContent, visual: VisualDoc): string {
  const nodes: JSONContent[] = [];
  if ('forEach' in doc && typeof doc.forEach === 'function') (doc as PmNode).forEach((n) => nodes.push(n.toJSON() as JSONContent));
  else nodes.push(...((doc as JSONContent).content ?? []));
  const used = new Map<string, number>();
  const blocks: Array<Partial<Block> & { body: string }> = [];
  for (const node of nodes) {
    const key = JSON.stringify(node);
    const seen = used.get(key) ?? 0;
    const original = visual.memo.get(key)?.[seen];
    if (original) {
      used.set(key, seen + 1);
      blocks.push(original);
    } else if (!isEmptyParagraph(node)) {
      blocks.push({ body: serializeNode(manager, node) });
    }
  }
  if (blocks.length === 0) return '';
  let out = visual.prefix;
  blocks.forEach((block, i) => {
    out += block.body;
    const next = blocks[i + 1];
    if (!next) out += block.index === visual.lastIndex ? block.sep! : visual.ending;
    else if (block.index !== undefined && next.index === block.index + 1) out += block.sep!;
    else out += block.sep?.includes('\n\n') ? block.sep : '\n\n';
  });
  return out;
}
