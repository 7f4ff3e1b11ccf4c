/**
 * Markdown → wikitext, for exports a MediaWiki accepts (its importDump.php refuses the markdown
 * content model). Works on markdown-it's token stream, the very parse Maillage renders from
 * (markdown.ts, with our wiki links, files, footnotes, task lists, front matter), so each
 * construct is translated by what it is, never guessed from the text:
 *
 * headings → `== x ==`; emphasis → `''`/`'''`; strikethrough → `<s>`; lists → `*`/`#` (an
 * ordered list not starting at 1 → `<ol start>`); task items → ☐/☑; block quotes →
 * `<blockquote>`; code → `<pre>`/`<code><nowiki>`; tables → `{| class="wikitable"`; links →
 * `[[…]]` and `[url label]`; embedded files → `[[Fichier:…|thumb|…]]`; images → the upload
 * (`[[Fichier:…|alt=…]]`) or a link to them; footnotes → `<ref>` and
 * `<references />`; categories kept; redirects → `#REDIRECT [[…]]`; front matter → a comment
 * (it renders nothing in either model). Raw HTML has no other equivalent: it goes through
 * MediaWiki's Sanitizer (our port), which wikitext allows. Text is escaped only where it would
 * otherwise mean wikitext (`[[`, `{{`, `''`, `~~~`, `__`, line-start `*#:;=`, `<`, entities…).
 */
import type { Token } from 'markdown-it';
import { markdownTokens } from './markdown.ts';
import { percentDecode } from './links.ts';
import type { FileOptions } from './media.ts';
import { NS_CATEGORY, NS_FILE } from './namespaces.ts';
import { fileEmbedOf } from './plugins/files.ts';
import { wikiLinkOf } from './plugins/wikilinks.ts';
import { matchRedirect } from './redirect.ts';
import type { Title } from './types.ts';
import { removeHtmlTags } from './wikitext/sanitizer.ts';

/** Where inline text lands: what it must not look like there. */
interface Ctx {
  /** A one-line construct (list item, heading, table cell): soft breaks become spaces. */
  oneLine?: boolean;
  heading?: boolean;
  cell?: boolean;
  /** The label of `[url label]`: a single `]` would end it. */
  extLabel?: boolean;
  /** A file caption: a `|` would start another option. */
  caption?: boolean;
}

interface Footnote {
  label?: string;
  count: number;
  tokens?: Token[];
}

const PROTOCOLS = 'bitcoin|ftps?|geo|git|gopher|https?|ircs?|magnet|mailto|matrix|mms|news|nntp|redis|sftp|sips?|sms|ssh|svn|tel|telnet|urn|worldwind|xmpp';
const FREE_URL = new RegExp(`\\b(${PROTOCOLS}):`, 'gi');
const URL_START = new RegExp(`^(?:(?:${PROTOCOLS}):|//)`, 'i');

const ent = (c: string) => `&#${c.codePointAt(0)};`;

/** Literal text as wikitext that shows exactly that text. `lineStart`: the text opens a line. */
function escapeText(s: string, ctx: Ctx, lineStart: boolean): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const prev = s[i - 1];
    const next = s[i + 1];
    let escape = false;
    switch (c) {
      case '<':
        out += '&lt;';
        continue;
      case '>':
        out += '&gt;';
        continue;
      case '&':
        escape = /^&(?:#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.test(s.slice(i));
        if (escape) {
          out += '&amp;';
          continue;
        }
        break;
      case '[':
        escape = next === undefined || next === '[' || URL_START.test(s.slice(i + 1)) || ctx.extLabel === true;
        break;
      case ']':
        escape = prev === undefined || next === undefined || next === ']' || ctx.extLabel === true;
        break;
      case '{':
        escape = next === undefined || next === '{' || next === '|';
        break;
      case '}':
        escape = prev === undefined || next === '}';
        break;
      case "'":
        escape = prev === undefined || next === undefined || prev === "'" || next === "'";
        break;
      case '~':
        escape = s.startsWith('~~~', i);
        break;
      case '_':
        escape = next === '_';
        break;
      case '|':
        escape = ctx.cell === true || ctx.caption === true || (next === '}' && i === 0);
        break;
      case '!':
        escape = ctx.cell === true && (next === '!' || i === 0);
        break;
      case '=':
        escape = ctx.heading === true;
        break;
      case '-':
        escape = i === 0 && lineStart && s.startsWith('----');
        break;
    }
    if (!escape && i === 0 && lineStart && '*#:; '.includes(c)) escape = true;
    out += escape ? ent(c) : c;
  }
  // Magic links (ISBN, RFC, PMID) and free URLs (not linked inside a link's label anyway): break the keyword.
  out = out.replace(/\b(ISBN|RFC|PMID)(?=[\s\u00A0]+[0-9])/g, (m) => ent(m[0]!) + m.slice(1));
  return ctx.extLabel ? out : out.replace(FREE_URL, (_m, p: string) => `${p}&#58;`);
}

/** Content of `<nowiki>`/`<pre>`: shown as written (entities are still read there). */
function literal(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Raw HTML, through MediaWiki's Sanitizer: allowed tags and attributes stay, the rest is escaped. */
function html(s: string): string {
  const comment = /^\s*<!--[\s\S]*?-->\s*$/.exec(s);
  if (comment && !s.slice(s.indexOf('<!--') + 4).includes('<!--')) return s.trim();
  return removeHtmlTags(s);
}

function comment(text: string): string {
  return `<!--\n${text.replace(/-->/g, '--&gt;')}\n-->`;
}

/** How a link target is written so that it links (not embeds, not categorises). */
function linkTarget(t: Title): string {
  const colon = t.namespace === NS_CATEGORY || t.namespace === NS_FILE ? ':' : '';
  return `${colon}${t.full}${t.fragment ? `#${t.fragment}` : ''}`;
}

function urlForWikitext(url: string): string {
  return url.replace(/[\s[\]<>"{}|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function fileOptions(o: FileOptions): string[] {
  const parts: string[] = [];
  if (o.frame) parts.push(o.frame);
  if (o.align) parts.push(o.align);
  if (o.valign) parts.push(o.valign);
  if (o.width !== undefined || o.height !== undefined) parts.push(`${o.width ?? ''}${o.height !== undefined ? `x${o.height}` : ''}px`);
  if (o.upright !== undefined) parts.push(o.upright === 0.75 ? 'upright' : `upright=${o.upright}`);
  if (o.border) parts.push('border');
  if (o.alt !== undefined) parts.push(`alt=${o.alt.replace(/\|/g, '&#124;')}`);
  if (o.link !== undefined) parts.push(`link=${o.link}`);
  return parts;
}

function closeIndex(tokens: readonly Token[], i: number, end: number): number {
  const open = tokens[i]!;
  const closeType = open.type.replace(/_open$/, '_close');
  let depth = 0;
  for (let j = i; j < end; j++) {
    if (tokens[j]!.type === open.type) depth++;
    else if (tokens[j]!.type === closeType && --depth === 0) return j;
  }
  return end - 1;
}

class Converter {
  private readonly bodies = new Map<number, string>();

  constructor(
    private readonly tokens: Token[],
    private readonly footnotes: Footnote[],
  ) {}

  run(): string {
    this.collectFootnotes();
    return this.blocks(0, this.tokens.length).join('\n\n');
  }

  /** Footnote bodies (block ones live in the footnote block; inline ones `^[…]` in the env). */
  private collectFootnotes(): void {
    const t = this.tokens;
    for (let i = 0; i < t.length; i++) {
      if (t[i]!.type !== 'footnote_open') continue;
      const j = closeIndex(t, i, t.length);
      const id = Number(t[i]!.meta?.id ?? 0);
      this.bodies.set(id, this.blocks(i + 1, j).join('\n\n'));
      i = j;
    }
    this.footnotes.forEach((f, id) => {
      if (!this.bodies.has(id) && f.tokens) this.bodies.set(id, this.inline(f.tokens, {}));
    });
  }

  private blocks(from: number, to: number): string[] {
    const t = this.tokens;
    const out: string[] = [];
    for (let i = from; i < to; i++) {
      const token = t[i]!;
      switch (token.type) {
        case 'front_matter':
          out.push(comment(`---\n${token.content}---`));
          break;
        case 'heading_open': {
          const marks = '='.repeat(Number(token.tag.slice(1)));
          out.push(`${marks} ${this.inline(t[i + 1]!.children ?? [], { oneLine: true, heading: true }).trim()} ${marks}`);
          i += 2;
          break;
        }
        case 'paragraph_open': {
          const text = this.inline(t[i + 1]!.children ?? [], {});
          if (text !== '') out.push(text);
          i += 2;
          break;
        }
        case 'bullet_list_open':
        case 'ordered_list_open': {
          const j = closeIndex(t, i, to);
          out.push(this.list(i, j, ''));
          i = j;
          break;
        }
        case 'blockquote_open': {
          const j = closeIndex(t, i, to);
          out.push(`<blockquote>\n${this.blocks(i + 1, j).join('\n\n')}\n</blockquote>`);
          i = j;
          break;
        }
        case 'table_open': {
          const j = closeIndex(t, i, to);
          out.push(this.table(i, j));
          i = j;
          break;
        }
        case 'footnote_block_open':
          out.push('<references />');
          i = closeIndex(t, i, to);
          break;
        case 'code_block':
        case 'fence':
          out.push(`<pre>${literal(token.content.replace(/\n$/, ''))}</pre>`);
          break;
        case 'hr':
          out.push('----');
          break;
        case 'html_block':
          out.push(html(token.content).trimEnd());
          break;
        case 'wiki_file_block':
          out.push(this.file(token));
          break;
        case 'inline':
          out.push(this.inline(token.children ?? [], {}));
          break;
      }
    }
    return out.filter((b) => b !== '');
  }

  /** One list (from its open token to its close), each item one line, nested lists deeper. */
  private list(open: number, close: number, prefix: string): string {
    const t = this.tokens;
    const ordered = t[open]!.type === 'ordered_list_open';
    const start = Number(t[open]!.attrGet('start') ?? 1);
    if (ordered && start !== 1 && prefix === '') return this.htmlList(open, close);
    const marker = prefix + (ordered ? '#' : '*');
    const lines: string[] = [];
    for (let i = open + 1; i < close; i++) {
      if (t[i]!.type !== 'list_item_open') continue;
      const end = closeIndex(t, i, close);
      const parts: string[] = [];
      const nested: string[] = [];
      for (let k = i + 1; k < end; k++) {
        const c = t[k]!;
        if (c.type === 'bullet_list_open' || c.type === 'ordered_list_open') {
          const j = closeIndex(t, k, end);
          nested.push(this.list(k, j, marker));
          k = j;
        } else if (c.type === 'paragraph_open') {
          parts.push(this.inline(t[k + 1]!.children ?? [], { oneLine: true }));
          k += 2;
        } else if (c.type.endsWith('_open')) {
          const j = closeIndex(t, k, end);
          parts.push(this.blocks(k, j + 1).join(' ').replace(/\n/g, ' '));
          k = j;
        } else {
          parts.push(...this.blocks(k, k + 1));
        }
      }
      lines.push(`${marker} ${parts.join('<br />')}`.trimEnd(), ...nested);
      i = end;
    }
    return lines.join('\n');
  }

  /** An ordered list starting elsewhere than 1: wikitext `#` cannot say so, HTML can. */
  private htmlList(open: number, close: number): string {
    const t = this.tokens;
    const items: string[] = [];
    for (let i = open + 1; i < close; i++) {
      if (t[i]!.type !== 'list_item_open') continue;
      const end = closeIndex(t, i, close);
      items.push(`<li>${this.blocks(i + 1, end).join('<br />')}</li>`);
      i = end;
    }
    return `<ol start="${Number(t[open]!.attrGet('start') ?? 1)}">\n${items.join('\n')}\n</ol>`;
  }

  private table(open: number, close: number): string {
    const t = this.tokens;
    const lines = ['{| class="wikitable"'];
    for (let i = open + 1; i < close; i++) {
      const c = t[i]!;
      if (c.type === 'tr_open') lines.push('|-');
      else if (c.type === 'th_open' || c.type === 'td_open') {
        const align = /text-align:\s*(left|right|center)/.exec(String(c.attrGet('style') ?? ''))?.[1];
        const content = this.inline(t[i + 1]?.type === 'inline' ? (t[i + 1]!.children ?? []) : [], { oneLine: true, cell: true });
        const mark = c.type === 'th_open' ? '!' : '|';
        lines.push(`${mark}${align ? ` style="text-align:${align}" |` : ''} ${content}`.trimEnd());
      }
    }
    lines.push('|}');
    return lines.join('\n');
  }

  private file(token: Token): string {
    const meta = fileEmbedOf(token)!;
    const caption = this.inline(token.children ?? [], { oneLine: true, caption: true });
    return `[[${[meta.title.full, ...fileOptions(meta.options), ...(caption ? [caption] : [])].join('|')}]]`;
  }

  private footnoteRef(token: Token): string {
    const id = Number(token.meta?.id ?? 0);
    const note = this.footnotes[id];
    const body = this.bodies.get(id) ?? '';
    if (!note || note.count <= 1) return `<ref>${body}</ref>`;
    const label = note.label && /^[\p{L}\p{N}_-]+$/u.test(note.label) ? note.label : `note${id + 1}`;
    return Number(token.meta?.subId ?? 0) === 0 ? `<ref name="${label}">${body}</ref>` : `<ref name="${label}" />`;
  }

  private inline(children: readonly Token[], ctx: Ctx): string {
    let out = '';
    let lineStart = true;
    for (let i = 0; i < children.length; i++) {
      const c = children[i]!;
      const atStart: boolean = lineStart;
      lineStart = false;
      switch (c.type) {
        case 'text':
          if (c.content === '') lineStart = atStart;
          out += escapeText(c.content, ctx, atStart && !ctx.cell);
          break;
        case 'softbreak':
          out += ctx.oneLine ? ' ' : '\n';
          lineStart = !ctx.oneLine;
          break;
        case 'hardbreak':
          out += '<br />';
          break;
        case 'code_inline':
          out += `<code><nowiki>${literal(c.content)}</nowiki></code>`;
          break;
        case 'em_open':
        case 'em_close':
          out += "''";
          break;
        case 'strong_open':
        case 'strong_close':
          out += "'''";
          break;
        case 's_open':
          out += '<s>';
          break;
        case 's_close':
          out += '</s>';
          break;
        case 'link_open': {
          let depth = 1;
          let j = i + 1;
          for (; j < children.length; j++) {
            if (children[j]!.type === 'link_open') depth++;
            else if (children[j]!.type === 'link_close' && --depth === 0) break;
          }
          out += this.link(c, children.slice(i + 1, j), ctx);
          i = j;
          break;
        }
        case 'image':
          out += this.image(c, ctx);
          break;
        case 'html_inline':
          out += html(c.content);
          break;
        case 'wiki_category': {
          const sortKey = String(c.meta?.sortKey ?? '');
          if (children[i - 1]?.type === 'wiki_category' && !ctx.oneLine) out += '\n';
          out += `[[Catégorie:${c.content}${sortKey ? `|${sortKey}` : ''}]]`;
          break;
        }
        case 'wiki_file':
          out += this.file(c);
          break;
        case 'footnote_ref':
          out += this.footnoteRef(c);
          break;
        case 'task_open':
          out += c.meta?.checked ? '☑ ' : '☐ ';
          lineStart = false;
          break;
        case 'footnote_anchor':
        case 'task_close':
          break;
        default:
          if (c.children) out += this.inline(c.children, ctx);
          else if (c.content) out += escapeText(c.content, ctx, false);
      }
    }
    return out;
  }

  /**
   * `![alt](src)`: one of our uploads (`/fichiers/…`) is embedded as the file; any other image
   * becomes a link to it (MediaWiki does not show external images by default).
   */
  private image(token: Token, ctx: Ctx): string {
    const src = String(token.attrGet('src') ?? '');
    const upload = /^(?:https?:\/\/[^/]+)?\/fichiers\/(?:vignettes\/\d+\/)?(?:\d+\/)?([^/?#]+)$/.exec(src);
    const name = upload ? percentDecode(upload[1]!).replace(/_/g, ' ') : '';
    if (name && !/[[\]{}|<>#]/.test(name)) {
      const alt = (token.children ?? []).map((t) => t.content).join('').replace(/[|[\]{}]/g, (ch) => ent(ch));
      return `[[Fichier:${name}${alt ? `|alt=${alt}` : ''}]]`;
    }
    const alt = this.inline(token.children ?? [], { ...ctx, extLabel: true });
    const url = URL_START.test(src) ? urlForWikitext(src) : `{{SERVER}}${urlForWikitext(src.startsWith('/') ? src : `/${src}`)}`;
    return `[${url}${alt ? ` ${alt}` : ''}]`;
  }

  private link(open: Token, label: Token[], ctx: Ctx): string {
    const wiki = wikiLinkOf(open);
    const text = this.inline(label, { ...ctx, oneLine: true });
    const plain = label.length === 1 && label[0]!.type === 'text' ? label[0]!.content : undefined;
    if (wiki) {
      const target = wiki.kind === 'fragment' ? `#${wiki.fragment}` : linkTarget(wiki.title);
      return plain !== undefined && plain === target.replace(/^:/, '') ? `[[${target}]]` : `[[${target}|${text}]]`;
    }
    const href = String(open.attrGet('href') ?? '');
    const extText = this.inline(label, { ...ctx, oneLine: true, extLabel: true });
    if (URL_START.test(href)) return `[${urlForWikitext(href)}${extText ? ` ${extText}` : ''}]`;
    if (href.startsWith('#') && href.length > 1) return `[[${href}|${text}]]`;
    // A relative URL: on the target wiki it means the same path on its own server.
    return `[{{SERVER}}${urlForWikitext(href.startsWith('/') ? href : `/${href}`)}${extText ? ` ${extText}` : ''}]`;
  }
}

/** The wikitext equivalent of a Markdown page (redirect line included). Never throws on any input. */
export function markdownToWikitext(source: string): string {
  const redirect = matchRedirect(source);
  const body = redirect ? source.slice(redirect.length) : source;
  const { tokens, env } = markdownTokens(body);
  const footnotes = ((env.footnotes as { list?: Footnote[] } | undefined)?.list ?? []) as Footnote[];
  const text = new Converter(tokens, footnotes).run();
  if (!redirect) return text;
  return `#REDIRECT [[${linkTarget(redirect.target).replace(/^:/, '')}]]${text ? `\n${text}` : ''}`;
}
