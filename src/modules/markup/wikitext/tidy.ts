/**
 * The last step of MediaWiki's legacy parser, RemexHtml "tidy", simplified: the HTML is parsed
 * into a tree with HTML's main repair rules (implied end tags, "close a p element", tbody
 * insertion, stray end tags dropped, formatting elements re-opened after a block closes them)
 * and MediaWiki's RemexCompatMunger additions (inline content directly in the body wrapped in
 * <p>, empty li/p/tr marked `mw-empty-elt`), then serialised as RemexCompatFormatter does with
 * character references left alone (the text is already escaped): attributes double-quoted,
 * U+00A0 as &#160;, void elements as `<br />`.
 */
import { escapeChar, knowNames, nextToken, serializeAttrs, startTokens, TEXT_ESCAPED, TEXT_ESCAPED_ALL, token } from './tidy-tokens.ts';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen']);
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset', 'figcaption',
  'figure', 'footer', 'header', 'hgroup', 'main', 'menu', 'nav', 'ol', 'p', 'section', 'summary', 'ul', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'pre', 'listing', 'form', 'table', 'hr', 'xmp', 'li', 'dd', 'dt',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const SCOPE = new Set(['table', 'td', 'th', 'caption', 'html', 'marquee', 'object', 'template', 'applet']);
const FORMATTING = new Set(['a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u']);
const PHRASING = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'br', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'img', 'ins', 'kbd',
  'mark', 'q', 'rb', 'rp', 'rt', 'rtc', 'ruby', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt',
  'u', 'var', 'wbr', 'link', 'meta', 'input', 'label',
]);
const EMPTY_MARKED = new Set(['li', 'p', 'tr']);
/** Where HTML's "in table" mode applies: content other than table parts is foster-parented before the table. */
const TABLE_CONTEXT = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr']);
const TABLE_CONTENT = new Set(['caption', 'colgroup', 'col', 'tbody', 'tfoot', 'thead', 'td', 'th', 'tr', 'table', 'style', 'script', 'template', 'form']);
const HTML = new Set(['html']);
const SPECIAL = new Set([...CLOSES_P, 'td', 'th', 'tr', 'tbody', 'thead', 'tfoot', 'table', 'caption', 'body', 'html']);

/** The sets above as bits of one number per name: one lookup per tag instead of one per set. */
const IS_VOID = 1;
const IS_CLOSES_P = 2;
const IS_HEADING = 4;
const IS_SCOPE = 8;
const IS_FORMATTING = 16;
const IS_PHRASING = 32;
const IS_EMPTY_MARKED = 64;
const IS_TABLE_CONTEXT = 128;
const IS_TABLE_CONTENT = 256;
const IS_SPECIAL = 512;
const KINDS = new Map<string, number>();
for (const [set, bit] of [
  [VOID, IS_VOID], [CLOSES_P, IS_CLOSES_P], [HEADINGS, IS_HEADING], [SCOPE, IS_SCOPE], [FORMATTING, IS_FORMATTING], [PHRASING, IS_PHRASING],
  [EMPTY_MARKED, IS_EMPTY_MARKED], [TABLE_CONTEXT, IS_TABLE_CONTEXT], [TABLE_CONTENT, IS_TABLE_CONTENT], [SPECIAL, IS_SPECIAL],
] as const) {
  for (const name of set) KINDS.set(name, (KINDS.get(name) ?? 0) | bit);
}
knowNames(KINDS.keys());

/** Whether the HTML being tidied holds U+00A0 or U+0338, escaped in text (most pages have none). */
let special = false;

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&#160;');
}

export function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\u00a0/g, '&#160;');
}

interface El {
  name: string;
  attrs: string;
  children: Array<El | string>;
  pWrapper: boolean;
  /** The IS_ bits of the name. */
  kind: number;
}

function element(name: string, attrs: string, pWrapper = false, kind = KINDS.get(name) ?? 0): El {
  return { name, attrs, children: [], pWrapper, kind };
}

function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Tab, line feed, form feed, carriage return, space.
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 12) return false;
  }
  return true;
}

function holdsBlock(el: El): boolean {
  return el.children.some((c) => typeof c !== 'string' && (!(c.kind & IS_PHRASING) || holdsBlock(c)));
}

/** Whether the children serialise to whitespace only: text that is, or <p> wrappers that hold only such text. */
function blankOutput(children: Array<El | string>): boolean {
  for (const c of children) {
    if (typeof c === 'string' ? !isBlank(c) : !c.pWrapper || !blankOutput(c.children)) return false;
  }
  return true;
}

function serialize(el: El): string {
  if (el.pWrapper) {
    const inner = serializeChildren(el);
    return el.children.some((c) => typeof c !== 'string' || !isBlank(c)) ? `<p>${inner}</p>` : inner;
  }
  const name = el.name;
  if (name === '#root') return serializeChildren(el);
  if (el.kind & IS_VOID) return `<${name}${el.attrs} />`;
  let inner = serializeChildren(el);
  if ((name === 'pre' || name === 'textarea' || name === 'listing') && inner.startsWith('\n')) inner = `\n${inner}`;
  if (el.kind & IS_EMPTY_MARKED && el.attrs === '' && blankOutput(el.children)) return `<${name} class="mw-empty-elt">${inner}</${name}>`;
  return `<${name}${el.attrs}>${inner}</${name}>`;
}

function serializeChildren(el: El): string {
  const raw = el.name === 'style' || el.name === 'script';
  let out = '';
  for (const c of el.children) {
    if (typeof c !== 'string') out += serialize(c);
    else out += raw || !(special ? TEXT_ESCAPED.test(c) : c.includes('<') || c.includes('>')) ? c : c.replace(TEXT_ESCAPED_ALL, escapeChar);
  }
  return out;
}

class TreeBuilder {
  readonly root: El = element('#root', '');
  readonly stack: El[] = [this.root];
  /** A <pre> just opened: a newline right after its start tag is dropped, as HTML parsers do. */
  preFresh: El | undefined;
  /** Active formatting elements; null is a marker (cells, captions). */
  readonly active: Array<El | null> = [];

  get current(): El {
    return this.stack[this.stack.length - 1]!;
  }

  private append(node: El | string): void {
    const kids = this.current.children;
    if (typeof node === 'string' && typeof kids[kids.length - 1] === 'string') kids[kids.length - 1] += node;
    else kids.push(node);
  }

  private push(el: El): void {
    this.append(el);
    this.stack.push(el);
  }

  /** The foster parent and position (before the open table), when the insertion point is a table part. */
  private fosterTarget(): { parent: El; index: number } | undefined {
    if (!(this.current.kind & IS_TABLE_CONTEXT)) return undefined;
    for (let i = this.stack.length - 1; i > 0; i--) {
      if (this.stack[i]!.name !== 'table') continue;
      const parent = this.stack[i - 1]!;
      return { parent, index: parent.children.indexOf(this.stack[i]!) };
    }
    return undefined;
  }

  private foster(node: El | string, target: { parent: El; index: number }): void {
    const kids = target.parent.children;
    const before = kids[target.index - 1];
    if (typeof node === 'string' && typeof before === 'string') kids[target.index - 1] = before + node;
    else kids.splice(target.index, 0, node);
  }

  private inScope(name: string, extra?: Set<string>): number {
    for (let i = this.stack.length - 1; i > 0; i--) {
      const n = this.stack[i]!;
      if (n.name === name && !n.pWrapper) return i;
      if (n.kind & IS_SCOPE || extra?.has(n.name)) return -1;
    }
    return -1;
  }

  /** An open table part, searched through cells up to its table. */
  private inTableScope(name: string): number {
    for (let i = this.stack.length - 1; i > 0; i--) {
      const n = this.stack[i]!.name;
      if (n === name) return i;
      if (n === 'table' || n === 'template') return -1;
    }
    return -1;
  }

  /** The innermost open table (cells do not bound the search). */
  private lastTable(): number {
    for (let i = this.stack.length - 1; i > 0; i--) if (this.stack[i]!.name === 'table') return i;
    return -1;
  }

  private pScope(): number {
    for (let i = this.stack.length - 1; i > 0; i--) {
      const n = this.stack[i]!;
      if (n.name === 'p') return i;
      if (n.kind & IS_SCOPE || n.name === 'button') return -1;
    }
    return -1;
  }

  private popTo(index: number): void {
    const stack = this.stack;
    const keep = Math.max(1, index);
    // pop() is cheaper than shortening the length.
    while (stack.length > keep) stack.pop();
  }

  private closeP(): void {
    const i = this.pScope();
    if (i <= 0) return;
    // Formatting elements an author's <p> closes implicitly are not re-opened after it (as RemexHtml's output shows).
    if (!this.stack[i]!.pWrapper) {
      for (const el of this.stack.slice(i + 1)) {
        const k = this.active.indexOf(el);
        if (k >= 0) this.active.splice(k, 1);
      }
    }
    this.popTo(i);
  }

  /** Whether the insertion point is where MediaWiki wraps inline content in <p>: the body or a blockquote. */
  private atWrapLevel(): boolean {
    const n = this.current.name;
    return n === '#root' || n === 'blockquote';
  }

  private reconstruct(): void {
    if (this.active.length === 0) return;
    let i = this.active.length - 1;
    const last = this.active[i];
    if (last === null || last === undefined || this.stack.includes(last)) return;
    while (i > 0) {
      const prev = this.active[i - 1];
      if (prev === null || prev === undefined || this.stack.includes(prev)) break;
      i--;
    }
    for (; i < this.active.length; i++) {
      const old = this.active[i]!;
      const clone: El = element(old.name, old.attrs);
      this.push(clone);
      this.active[i] = clone;
    }
  }

  /**
   * Before inline content: a <p> wrapper is opened at the body (or blockquote) level. Inline
   * elements opened there without content yet move into it, so a block they hold alone is not
   * wrapped (RemexCompatMunger wraps only when there is inline content).
   */
  private beforeInline(): void {
    let k = this.stack.length - 1;
    while (k > 0 && this.stack[k]!.kind & IS_PHRASING && !this.stack[k]!.pWrapper) k--;
    const base = this.stack[k]!;
    if (base.pWrapper || (base.name !== '#root' && base.name !== 'blockquote')) return;
    const p: El = element('p', '', true);
    const first = this.stack[k + 1];
    if (!first) {
      this.push(p);
      return;
    }
    if (holdsBlock(first)) {
      // The inline elements already hold a block: they end, and open again inside a new <p>.
      const inner = this.stack.slice(k + 1);
      this.popTo(k + 1);
      this.push(p);
      for (const o of inner) {
        const clone: El = element(o.name, o.attrs);
        this.push(clone);
        const i = this.active.indexOf(o);
        if (i >= 0) this.active[i] = clone;
      }
      return;
    }
    const at = base.children.indexOf(first);
    p.children = base.children.splice(at);
    base.children.push(p);
    this.stack.splice(k + 1, 0, p);
  }

  text(input: string): void {
    let s = input;
    const cur = this.current;
    if (cur.name === 'pre' && cur.children.length === 0 && !cur.pWrapper) {
      if (this.preFresh === cur && s.startsWith('\n')) s = s.slice(1);
      this.preFresh = undefined;
    }
    if (s === '') return;
    const blank = isBlank(s);
    const foster = blank ? undefined : this.fosterTarget();
    if (foster) {
      this.foster(s, foster);
      return;
    }
    if (blank && this.atWrapLevel()) {
      this.append(s);
      return;
    }
    this.reconstruct();
    this.beforeInline();
    this.append(s);
  }

  /** Inline elements wait for content before being wrapped; void ones (img, br) are content. */
  private inlineStart(name: string, kind: number): void {
    this.reconstruct();
    // Metadata elements (link, meta) may stand in block context: they open no paragraph (RemexCompatMunger).
    if (kind & IS_VOID && name !== 'link' && name !== 'meta') this.beforeInline();
  }

  start(name: string, attrs: string): void {
    const kind = KINDS.get(name) ?? 0;
    if (name === 'table' && this.current.kind & IS_TABLE_CONTEXT) {
      // A table started inside a table (not in a cell) ends the open one.
      const t = this.inScope('table', HTML);
      if (t > 0) this.popTo(t);
    }
    const foster = kind & IS_TABLE_CONTENT ? undefined : this.fosterTarget();
    if (foster) {
      const el = element(name, attrs, false, kind);
      this.foster(el, foster);
      if (!(kind & IS_VOID)) {
        this.stack.push(el);
        if (kind & IS_FORMATTING) this.active.push(el);
      }
      return;
    }
    if (!(kind & IS_PHRASING)) this.splitPWrapper(name);
    if (kind & IS_CLOSES_P) this.closeP();
    if (kind & IS_HEADING && this.current.kind & IS_HEADING) this.popTo(this.stack.length - 1);
    if (name === 'li' || name === 'dt' || name === 'dd') {
      for (let i = this.stack.length - 1; i > 0; i--) {
        const n = this.stack[i]!.name;
        if (name === 'li' ? n === 'li' : n === 'dt' || n === 'dd') {
          this.popTo(i);
          break;
        }
        if (this.stack[i]!.kind & IS_SPECIAL && n !== 'address' && n !== 'div' && n !== 'p') break;
      }
    }
    if (name === 'tr' || name === 'td' || name === 'th' || name === 'caption' || name === 'tbody' || name === 'thead' || name === 'tfoot') {
      const t = this.lastTable();
      if (t > 0) {
        if (name === 'caption' || name === 'tbody' || name === 'thead' || name === 'tfoot') this.popTo(t + 1);
        else {
          for (let i = this.stack.length - 1; i > t; i--) {
            const n = this.stack[i]!.name;
            if (name === 'tr' ? n === 'tbody' || n === 'thead' || n === 'tfoot' : n === 'tr') {
              this.popTo(i + 1);
              break;
            }
          }
          if (this.current.name === 'td' || this.current.name === 'th') this.popTo(this.stack.length - 1);
          if (this.current.name === 'caption') this.popTo(this.stack.length - 1);
        }
        this.clearToMarker(name);
        if (this.current.name === 'table' && (name === 'tr' || name === 'td' || name === 'th')) this.push(element('tbody', ''));
        if ((name === 'td' || name === 'th') && this.current.name !== 'tr') this.push(element('tr', ''));
      }
    }
    if (name === 'a') {
      // An <a> inside an <a>: the outer one ends first (HTML's adoption agency).
      for (let i = this.active.length - 1; i >= 0 && this.active[i] !== null; i--) {
        if (this.active[i]!.name === 'a') {
          this.end('a');
          break;
        }
      }
    }
    if (kind & IS_PHRASING) this.inlineStart(name, kind);
    const el = element(name, attrs, false, kind);
    if (kind & IS_VOID) {
      this.append(el);
      return;
    }
    this.push(el);
    if (name === 'pre' || name === 'listing' || name === 'textarea') this.preFresh = el;
    if (kind & IS_FORMATTING) this.active.push(el);
    if (name === 'td' || name === 'th' || name === 'caption') this.active.push(null);
  }

  /**
   * A block inside inline content MediaWiki wrapped in <p>: the wrapper ends, and the formatting
   * elements open in it are closed and opened again around the block (RemexCompatMunger).
   */
  private splitPWrapper(name: string): void {
    let w = -1;
    for (let i = this.stack.length - 1; i > 0; i--) {
      const el = this.stack[i]!;
      if (el.pWrapper) {
        w = i;
        break;
      }
      if (!(el.kind & IS_PHRASING)) return;
    }
    if (w < 0) return;
    const inner = this.stack.slice(w + 1);
    if (name === 'p') {
      // A paragraph inside the wrapper ends it: its inline elements are left behind empty, and the
      // formatting ones open again inside the new paragraph (RemexHtml's output).
      this.popTo(w);
      let parent = this.current;
      for (const o of inner) {
        const clone: El = element(o.name, o.attrs);
        parent.children.push(clone);
        parent = clone;
      }
      return;
    }
    // The innermost elements that hold nothing but the next one move out whole; the others are split.
    let cut = inner.length;
    while (cut > 0) {
      const el = inner[cut - 1]!;
      const next = inner[cut];
      if (!el.children.every((c) => c === next)) break;
      cut--;
    }
    const moved = inner.slice(cut);
    if (moved.length) {
      const parent = cut === 0 ? this.stack[w]! : inner[cut - 1]!;
      parent.children.splice(parent.children.indexOf(moved[0]!), 1);
    }
    this.popTo(w);
    for (const o of inner.slice(0, cut)) {
      const clone: El = element(o.name, o.attrs);
      this.push(clone);
      const k = this.active.indexOf(o);
      if (k >= 0) this.active[k] = clone;
    }
    if (moved.length) {
      this.append(moved[0]!);
      this.stack.push(...moved);
    }
  }

  /** Whether an element `name` is open above stack index k. */
  private opensAfter(k: number, name: string): boolean {
    for (let i = this.stack.length - 1; i > k; i--) if (this.stack[i]!.name === name) return true;
    return false;
  }

  private clearToMarker(name: string): void {
    if (name === 'tr' || name === 'td' || name === 'th' || name === 'caption') {
      while (this.active.length && !this.stack.includes(this.active[this.active.length - 1] as El)) {
        const x = this.active.pop();
        if (x === null) break;
      }
    }
  }

  end(name: string): void {
    const kind = KINDS.get(name) ?? 0;
    // Inline elements that end before holding any block were inline content: they get their <p>.
    if (kind & IS_PHRASING && name !== 'br') {
      let k = this.stack.length - 1;
      while (k > 0 && this.stack[k]!.kind & IS_PHRASING && !this.stack[k]!.pWrapper) k--;
      const first = this.stack[k + 1];
      const base = this.stack[k]!;
      if (first && !base.pWrapper && (base.name === '#root' || base.name === 'blockquote') && this.opensAfter(k, name) && !holdsBlock(first)) this.beforeInline();
    }
    if (name === 'br') {
      this.start('br', '');
      return;
    }
    if (name === 'p' && this.pScope() < 0) {
      if (this.current.pWrapper) this.popTo(this.stack.length - 1);
      this.push(element('p', ''));
      this.popTo(this.stack.length - 1);
      return;
    }
    if (kind & IS_FORMATTING) {
      let ai = this.active.length - 1;
      while (ai >= 0 && this.active[ai]?.name !== name) ai--;
      if (ai < 0) return;
      const el = this.active[ai]!;
      const si = this.stack.indexOf(el);
      if (si < 0) {
        this.active.splice(ai, 1);
        return;
      }
      this.active.splice(ai, 1);
      // HTML's adoption agency without a block inside: the elements opened in it close with it;
      // formatting ones stay active and open again when more inline content comes.
      this.popTo(si);
      return;
    }
    const tableish = name === 'table' || name === 'tbody' || name === 'tr' || name === 'thead' || name === 'tfoot';
    const i = tableish ? this.inTableScope(name) : this.inScope(name);
    if (i <= 0) return;
    this.popTo(i);
    if (name === 'td' || name === 'th' || name === 'caption') {
      while (this.active.length) if (this.active.pop() === null) break;
    }
  }
}

export function tidy(html: string): string {
  const b = new TreeBuilder();
  let last = 0;
  special = startTokens(html);
  while (nextToken(html, last)) {
    b.text(html.slice(last, token.index));
    last = token.end;
    if (token.comment) continue;
    const name = token.name;
    if (token.closing) b.end(name);
    else {
      b.start(name, token.plain ? token.attrs : serializeAttrs(token.attrs));
      // Raw text elements: their content is text up to the end tag.
      if ((name === 'style' || name === 'script') && !token.selfClosing) {
        const close = new RegExp(`</${name}[\\s/>]`, 'ig');
        close.lastIndex = last;
        const end = close.exec(html)?.index ?? html.length;
        b.text(html.slice(last, end));
        last = end;
      }
    }
  }
  b.text(html.slice(last));
  return serialize(b.root);
}
