/**
 * The last step of MediaWiki's legacy parser, RemexHtml "tidy", simplified: the HTML is parsed
 * into a tree with HTML's main repair rules (implied end tags, "close a p element", tbody
 * insertion, stray end tags dropped, formatting elements re-opened after a block closes them)
 * and MediaWiki's RemexCompatMunger additions (inline content directly in the body wrapped in
 * <p>, empty li/p/tr marked `mw-empty-elt`), then serialised as RemexCompatFormatter does with
 * character references left alone (the text is already escaped): attributes double-quoted,
 * U+00A0 as &#160;, void elements as `<br />`.
 */

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
const SPECIAL = new Set([...CLOSES_P, 'td', 'th', 'tr', 'tbody', 'thead', 'tfoot', 'table', 'caption', 'body', 'html']);

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
  pWrapper?: boolean;
}

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s/>=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?)*)\s*(\/?)>/g;
const ATTR = /([^\s/>=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?/g;

function serializeAttrs(raw: string): string {
  let out = '';
  const seen = new Set<string>();
  for (const m of raw.matchAll(ATTR)) {
    const name = m[1]!.toLowerCase();
    if (seen.has(name)) continue;
    seen.add(name);
    // U+0338 (combining long solidus) would merge with a preceding '>' or '"' under normalisation: escaped, as RemexHtml does.
    out += ` ${name}="${(m[2] ?? m[3] ?? m[4] ?? '').replace(/"/g, '&quot;').replace(/\u00a0/g, '&#160;').replace(/\u0338/g, '&#x338;')}"`;
  }
  return out;
}

function isBlank(s: string): boolean {
  return /^[\t\n\f\r ]*$/.test(s);
}

function holdsBlock(el: El): boolean {
  return el.children.some((c) => typeof c !== 'string' && (!PHRASING.has(c.name) || holdsBlock(c)));
}

function serialize(el: El): string {
  let inner = '';
  const raw = el.name === 'style' || el.name === 'script';
  for (const c of el.children) inner += typeof c === 'string' && raw ? c : typeof c === 'string' ? c.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&#160;').replace(/\u0338/g, '&#x338;') : serialize(c);
  if (el.pWrapper) return el.children.some((c) => typeof c !== 'string' || !isBlank(c)) ? `<p>${inner}</p>` : inner;
  if (el.name === '#root') return inner;
  if (VOID.has(el.name)) return `<${el.name}${el.attrs} />`;
  if ((el.name === 'pre' || el.name === 'textarea' || el.name === 'listing') && inner.startsWith('\n')) inner = `\n${inner}`;
  if (EMPTY_MARKED.has(el.name) && el.attrs === '' && isBlank(inner)) return `<${el.name} class="mw-empty-elt">${inner}</${el.name}>`;
  return `<${el.name}${el.attrs}>${inner}</${el.name}>`;
}

class TreeBuilder {
  readonly root: El = { name: '#root', attrs: '', children: [] };
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
    if (!TABLE_CONTEXT.has(this.current.name)) return undefined;
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
      if (SCOPE.has(n.name) || extra?.has(n.name)) return -1;
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
      if (SCOPE.has(n.name) || n.name === 'button') return -1;
    }
    return -1;
  }

  private popTo(index: number): void {
    this.stack.length = Math.max(1, index);
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
      const clone: El = { name: old.name, attrs: old.attrs, children: [] };
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
    while (k > 0 && PHRASING.has(this.stack[k]!.name) && !this.stack[k]!.pWrapper) k--;
    const base = this.stack[k]!;
    if (base.pWrapper || (base.name !== '#root' && base.name !== 'blockquote')) return;
    const p: El = { name: 'p', attrs: '', children: [], pWrapper: true };
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
        const clone: El = { name: o.name, attrs: o.attrs, children: [] };
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
    const foster = isBlank(s) ? undefined : this.fosterTarget();
    if (foster) {
      this.foster(s, foster);
      return;
    }
    if (this.atWrapLevel() && isBlank(s)) {
      this.append(s);
      return;
    }
    this.reconstruct();
    this.beforeInline();
    this.append(s);
  }

  /** Inline elements wait for content before being wrapped; void ones (img, br) are content. */
  private inlineStart(name: string): void {
    this.reconstruct();
    // Metadata elements (link, meta) may stand in block context: they open no paragraph (RemexCompatMunger).
    if (VOID.has(name) && name !== 'link' && name !== 'meta') this.beforeInline();
  }

  start(name: string, attrs: string): void {
    if (name === 'table' && TABLE_CONTEXT.has(this.current.name)) {
      // A table started inside a table (not in a cell) ends the open one.
      const t = this.inScope('table', new Set(['html']));
      if (t > 0) this.popTo(t);
    }
    const foster = TABLE_CONTENT.has(name) ? undefined : this.fosterTarget();
    if (foster) {
      const el: El = { name, attrs, children: [] };
      this.foster(el, foster);
      if (!VOID.has(name)) {
        this.stack.push(el);
        if (FORMATTING.has(name)) this.active.push(el);
      }
      return;
    }
    if (!PHRASING.has(name)) this.splitPWrapper(name);
    if (CLOSES_P.has(name)) this.closeP();
    if (HEADINGS.has(name) && HEADINGS.has(this.current.name)) this.popTo(this.stack.length - 1);
    if (name === 'li' || name === 'dt' || name === 'dd') {
      const targets = name === 'li' ? ['li'] : ['dt', 'dd'];
      for (let i = this.stack.length - 1; i > 0; i--) {
        const n = this.stack[i]!.name;
        if (targets.includes(n)) {
          this.popTo(i);
          break;
        }
        if (SPECIAL.has(n) && !['address', 'div', 'p'].includes(n)) break;
      }
    }
    if (name === 'tr' || name === 'td' || name === 'th' || name === 'caption' || name === 'tbody' || name === 'thead' || name === 'tfoot') {
      const t = this.lastTable();
      if (t > 0) {
        if (name === 'caption' || name === 'tbody' || name === 'thead' || name === 'tfoot') this.popTo(t + 1);
        else {
          const stop = name === 'tr' ? ['tbody', 'thead', 'tfoot'] : ['tr'];
          for (let i = this.stack.length - 1; i > t; i--) if (stop.includes(this.stack[i]!.name)) {
            this.popTo(i + 1);
            break;
          }
          if (this.current.name === 'td' || this.current.name === 'th') this.popTo(this.stack.length - 1);
          if (this.current.name === 'caption') this.popTo(this.stack.length - 1);
        }
        this.clearToMarker(name);
        if (this.current.name === 'table' && (name === 'tr' || name === 'td' || name === 'th')) this.push({ name: 'tbody', attrs: '', children: [] });
        if ((name === 'td' || name === 'th') && this.current.name !== 'tr') this.push({ name: 'tr', attrs: '', children: [] });
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
    if (PHRASING.has(name)) this.inlineStart(name);
    const el: El = { name, attrs, children: [] };
    if (VOID.has(name)) {
      this.append(el);
      return;
    }
    this.push(el);
    if (name === 'pre' || name === 'listing' || name === 'textarea') this.preFresh = el;
    if (FORMATTING.has(name)) this.active.push(el);
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
      if (!PHRASING.has(el.name)) return;
    }
    if (w < 0) return;
    const inner = this.stack.slice(w + 1);
    if (name === 'p') {
      // A paragraph inside the wrapper ends it: its inline elements are left behind empty, and the
      // formatting ones open again inside the new paragraph (RemexHtml's output).
      this.popTo(w);
      let parent = this.current;
      for (const o of inner) {
        const clone: El = { name: o.name, attrs: o.attrs, children: [] };
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
      const clone: El = { name: o.name, attrs: o.attrs, children: [] };
      this.push(clone);
      const k = this.active.indexOf(o);
      if (k >= 0) this.active[k] = clone;
    }
    if (moved.length) {
      this.append(moved[0]!);
      this.stack.push(...moved);
    }
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
    // Inline elements that end before holding any block were inline content: they get their <p>.
    if (PHRASING.has(name) && name !== 'br') {
      let k = this.stack.length - 1;
      while (k > 0 && PHRASING.has(this.stack[k]!.name) && !this.stack[k]!.pWrapper) k--;
      const first = this.stack[k + 1];
      const base = this.stack[k]!;
      if (first && !base.pWrapper && (base.name === '#root' || base.name === 'blockquote') && !holdsBlock(first) && this.stack.slice(k + 1).some((e) => e.name === name)) this.beforeInline();
    }
    if (name === 'br') {
      this.start('br', '');
      return;
    }
    if (name === 'p' && this.pScope() < 0) {
      if (this.current.pWrapper) this.popTo(this.stack.length - 1);
      this.push({ name: 'p', attrs: '', children: [] });
      this.popTo(this.stack.length - 1);
      return;
    }
    if (FORMATTING.has(name)) {
      const ai = this.active.lastIndexOf(this.active.filter((e): e is El => e !== null && e.name === name).pop() as El);
      const el = ai >= 0 ? this.active[ai]! : undefined;
      if (!el) return;
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
  const re = new RegExp(TOKEN.source, 'g');
  for (let m = re.exec(html); m; m = re.exec(html)) {
    b.text(html.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[0].startsWith('<!--')) continue;
    const name = m[2]!.toLowerCase();
    if (m[1] === '/') b.end(name);
    else {
      b.start(name, serializeAttrs(m[3] ?? ''));
      // Raw text elements: their content is text up to the end tag.
      if ((name === 'style' || name === 'script') && !m[4]) {
        const close = new RegExp(`</${name}[\\s/>]`, 'ig');
        close.lastIndex = last;
        const end = close.exec(html)?.index ?? html.length;
        b.text(html.slice(last, end));
        last = re.lastIndex = end;
      }
    }
  }
  b.text(html.slice(last));
  return serialize(b.root);
}
