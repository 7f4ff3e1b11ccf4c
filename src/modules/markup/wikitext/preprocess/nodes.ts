/**
 * The preprocessor tree (MediaWiki's PPNode_Hash_* as plain objects). A node list is an array of
 * strings (literal text) and elements. Trees are shared by renders (state.ts): never change one
 * once built.
 */

export type PPNode = string | PPElement;
export type PPNodes = PPNode[];

export type PPElement = TemplateNode | ArgNode | CommentNode | IgnoreNode | ExtNode | HeadingNode | EqualsNode;

/** One `|`-separated part of a template or argument call. */
export interface PPPart {
  /** Position for numbered parts (1-based), 0 for named ones. */
  index: number;
  /** Name nodes (named parts only). */
  name: PPNodes;
  /** Value nodes (everything for numbered parts). */
  value: PPNodes;
  /** partNodes' result, kept once computed. */
  whole?: PPNodes;
}

/** `{{title|parts}}` */
export interface TemplateNode {
  type: 'template';
  title: PPNodes;
  parts: PPPart[];
  /** The call starts a line (MediaWiki's @lineStart): block syntax at the start of its result needs no extra newline. */
  lineStart: boolean;
}

/** `{{{name|default}}}` */
export interface ArgNode {
  type: 'tplarg';
  title: PPNodes;
  parts: PPPart[];
  lineStart: boolean;
}

export interface CommentNode {
  type: 'comment';
  text: string;
}

/** Text dropped in this mode: `<noinclude>` tags on the page, `<includeonly>` blocks, text outside `<onlyinclude>`… */
export interface IgnoreNode {
  type: 'ignore';
  text: string;
}

/** An extension tag: `<name attr>inner</name>`; inner null for `<name/>`. */
export interface ExtNode {
  type: 'ext';
  name: string;
  attr: string;
  inner: string | null;
  close: string | null;
}

/** A line-start heading; `root` when it sits at the top of its tree (it then gets a section marker). */
export interface HeadingNode {
  type: 'h';
  level: number;
  /** 1-based index of the heading in its tree (MediaWiki's @i). */
  index: number;
  root: boolean;
  children: PPNodes;
}

/** The `=` that separates a part's name from its value (only inside a part). */
export interface EqualsNode {
  type: 'equals';
}

/** A part's text as written: `name=value` or `value`. */
export function partNodes(part: PPPart): PPNodes {
  if (part.index > 0) return part.value;
  return (part.whole ??= [...part.name, '=', ...part.value]);
}

/** The wikitext a node list was parsed from (MediaWiki's RECOVER_ORIG expansion, without frames). */
export function sourceOf(nodes: PPNodes): string {
  let out = '';
  for (const n of nodes) {
    if (typeof n === 'string') {
      out += n;
      continue;
    }
    switch (n.type) {
      case 'template':
      case 'tplarg': {
        const [open, close] = n.type === 'template' ? ['{{', '}}'] : ['{{{', '}}}'];
        out += open + sourceOf(n.title);
        for (const p of n.parts) out += '|' + sourceOf(partNodes(p));
        out += close;
        break;
      }
      case 'comment':
      case 'ignore':
        out += n.text;
        break;
      case 'ext':
        out += `<${n.name}${n.attr}${n.inner === null ? '/>' : '>' + n.inner + (n.close ?? '')}`;
        break;
      case 'h':
        out += sourceOf(n.children);
        break;
      case 'equals':
        out += '=';
        break;
    }
  }
  return out;
}
