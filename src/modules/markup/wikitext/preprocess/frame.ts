/**
 * Expansion frames, after MediaWiki's PPFrame_Hash (the page) and PPTemplateFrame_Hash (a
 * template call with its arguments): expand() walks a tree and substitutes templates,
 * arguments, extension tags and heading markers.
 */
import { MARKER_PREFIX, MARKER_SUFFIX, type Frame } from '../types.ts';
import type { Title } from '../../types.ts';
import { argSubstitution, braceSubstitution, extensionSubstitution } from './braces.ts';
import { message } from './messages.ts';
import { partNodes, sourceOf, type PPNode, type PPNodes, type PPPart } from './nodes.ts';
import { limitWarning, type RenderState } from './state.ts';

export const NO_ARGS = 1;
export const NO_TEMPLATES = 2;
export const STRIP_COMMENTS = 4;
export const NO_IGNORE = 8;
export const RECOVER_COMMENTS = 16;
export const NO_TAGS = 32;
/** The original wikitext, unexpanded (msgnw). */
export const RECOVER_ORIG = NO_ARGS | NO_TEMPLATES | NO_IGNORE | RECOVER_COMMENTS | NO_TAGS;

/** PHP's trim() characters: space, tab, line feed, carriage return, NUL and vertical tab. */
function isTrimmed(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0 || c === 11;
}

/** PHP's trim() character set (a loop: a regex anchored at $ is tried at every position). */
export function phpTrim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isTrimmed(s.charCodeAt(start))) start++;
  while (end > start && isTrimmed(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

interface ArgEntry {
  nodes: PPNodes;
  /** Named arguments are trimmed, numbered ones are not. */
  named: boolean;
}

export class PPFrame implements Frame {
  readonly title: Title;
  readonly depth: number;
  readonly isRoot: boolean;
  /**
   * Pre-save transform mode (MediaWiki's OT_WIKI): only subst:/safesubst: calls are expanded;
   * other calls, comments, tags and the page's own includeonly/noinclude stay as written.
   */
  readonly wiki: boolean;
  readonly parent: PPFrame | undefined;
  readonly state: RenderState;
  /** Key of the template this frame expands (undefined for the page and function results). */
  private readonly loopKey: string | undefined;
  private readonly args: Map<string, ArgEntry>;
  private readonly argCache = new Map<string, string>();
  /** Expansions of argument-less child frames, by template title (cachedExpand). */
  readonly childCache = new Map<string, string>();
  volatile = false;

  constructor(state: RenderState, title: Title, parent?: PPFrame, args?: Map<string, ArgEntry>, loopTitle?: Title, wiki = false) {
    this.state = state;
    this.title = title;
    this.parent = parent;
    this.depth = parent ? parent.depth + 1 : 0;
    this.isRoot = !parent;
    this.wiki = parent ? parent.wiki : wiki;
    this.args = args ?? new Map();
    this.loopKey = parent ? loopTitle?.key : undefined;
  }

  /** Whether the template `key` is being expanded in this frame or an ancestor (a loop). */
  inLoop(key: string): boolean {
    if (this.loopKey === key) return true;
    return this.parent ? this.parent.inLoop(key) : false;
  }

  /** A frame for a template call with `parts` as its arguments (named names are expanded here, in this frame). */
  newChild(parts: PPPart[], title: Title | undefined): PPFrame {
    const args = new Map<string, ArgEntry>();
    for (const part of parts) {
      if (part.index > 0) {
        args.delete(String(part.index));
        args.set(String(part.index), { nodes: part.value, named: false });
      } else {
        const name = phpTrim(this.expand(part.name, STRIP_COMMENTS));
        args.delete(name);
        args.set(name, { nodes: part.value, named: true });
      }
    }
    return new PPFrame(this.state, title ?? this.title, this, args, title);
  }

  /** A frame for text produced by a parser function (no arguments, same title). */
  newFunctionChild(): PPFrame {
    return new PPFrame(this.state, this.title, this, new Map());
  }

  isEmpty(): boolean {
    return this.args.size === 0;
  }

  argument(name: string): string | undefined {
    const cached = this.argCache.get(name);
    if (cached !== undefined) return cached;
    const entry = this.args.get(name);
    if (!entry || !this.parent) return undefined;
    let value = this.parent.expand(entry.nodes, STRIP_COMMENTS);
    if (entry.named) value = phpTrim(value);
    this.argCache.set(name, value);
    return value;
  }

  argumentNames(): string[] {
    const numbered: string[] = [];
    const named: string[] = [];
    for (const [k, v] of this.args) (v.named ? named : numbered).push(k);
    return [...numbered, ...named];
  }

  /** Marks this frame and its ancestors as not cacheable (an extension tag with side effects ran). */
  setVolatile(): void {
    this.volatile = true;
    this.parent?.setVolatile();
  }

  /** Expansion of an argument-less template call, shared by identical calls from the same parent. */
  cachedExpand(key: string, nodes: PPNodes): string {
    const parent = this.parent!;
    const hit = parent.childCache.get(key);
    if (hit !== undefined) return hit;
    const out = this.expand(nodes);
    if (!this.volatile) parent.childCache.set(key, out);
    return out;
  }

  expand(nodes: PPNodes | string, flags = 0): string {
    if (typeof nodes === 'string') return nodes;
    const state = this.state;
    if (state.nodeCount > state.limits.maxNodeCount) {
      limitWarning(state, 'node count');
      return `<span class="error">${message(state.ctx.site.language, 'node-count')}</span>`;
    }
    if (state.expandDepth > state.limits.maxExpandDepth) {
      limitWarning(state, 'expansion depth');
      return `<span class="error">${message(state.ctx.site.language, 'expand-depth')}</span>`;
    }
    state.expandDepth++;
    let out = '';
    try {
      for (const node of nodes) {
        state.nodeCount++;
        out += typeof node === 'string' ? node : this.expandNode(node, flags);
      }
    } finally {
      state.expandDepth--;
    }
    return out;
  }

  private expandNode(node: Exclude<PPNode, string>, flags: number): string {
    switch (node.type) {
      case 'template': {
        if (flags & NO_TEMPLATES) return this.recover(node, flags, '{{', '}}');
        const r = braceSubstitution(node, this);
        return r.object !== undefined ? this.expand(r.object, flags) : r.text;
      }
      case 'tplarg': {
        if (flags & NO_ARGS) return this.recover(node, flags, '{{{', '}}}');
        const r = argSubstitution(node, this);
        return r.object !== undefined ? this.expand(r.object, flags) : r.text;
      }
      case 'comment':
        return flags & RECOVER_COMMENTS || (this.wiki && !(flags & STRIP_COMMENTS)) ? node.text : '';
      case 'ignore':
        return flags & NO_IGNORE || (this.wiki && this.isRoot) ? node.text : '';
      case 'ext':
        if (flags & NO_TAGS || this.wiki) return sourceOf([node]);
        return extensionSubstitution({ name: node.name, attrText: node.attr, inner: node.inner }, this);
      case 'h': {
        const s = this.expand(node.children, flags);
        if (!node.root || flags & NO_TAGS || this.wiki) return s;
        const sources = (this.state.ctx.output.headingSources ??= []);
        const serial = sources.length;
        sources.push({ key: this.title.key, section: node.index });
        const marker = `${MARKER_PREFIX}-h-${serial}-${MARKER_SUFFIX}`;
        return s.slice(0, node.level) + marker + s.slice(node.level);
      }
      case 'equals':
        return '=';
    }
  }

  /** `{{…}}` / `{{{…}}}` with their parts expanded but not substituted. */
  private recover(node: { title: PPNodes; parts: PPPart[] }, flags: number, open: string, close: string): string {
    let s = open + this.expand(node.title, flags);
    for (const p of node.parts) s += '|' + this.expand(partNodes(p), flags);
    return s + close;
  }
}

/** MediaWiki's virtualBracketedImplode: the call as text, its parts still to be expanded in the frame. */
export function bracketed(open: string, title: string, parts: PPPart[], close: string): PPNodes {
  const out: PPNodes = [open + title];
  for (const p of parts) {
    out.push('|');
    out.push(...partNodes(p));
  }
  out.push(close);
  return out;
}
