/**
 * MediaWiki's LanguageConverter for one page render: `-{ }-` blocks (rule.ts) outside HTML tags,
 * and the automatic conversion of the text between tags to the wanted variant (built-in tables
 * or the language's own translate, plus the page's manual rules), leaving alone tags, character
 * references, strip markers, and <code>, <pre> and <script> elements; title and alt attributes
 * are converted. One converter holds the page's rules, as MediaWiki's does during a parse.
 */
import { decodeTagAttributes } from '../sanitizer.ts';
import { parseRule, type RuleHost } from './rule.ts';
import { ReplacementTable } from './table.ts';
import type { ManualLevel, VariantLanguage } from './types.ts';

const MAX_DEPTH = 10;

/**
 * The end of the HTML tag at `pos` ('<'), as MediaWiki's possessive pattern
 * `<(?:[^>=]*+(?>[^>=]*+=\s*+(?:"[^"]*"|'[^']*'|[^'">\s]*+))*+[^>=]*+>|.*+)` matches it: quoted
 * attribute values may hold '>'; without a closing '>' the match runs to the end of the text
 * (of the line when `dotAll` is false).
 */
export function tagEnd(text: string, pos: number, dotAll: boolean): number {
  let i = pos + 1;
  for (;;) {
    while (i < text.length && text[i] !== '>' && text[i] !== '=') i++;
    if (i >= text.length) break;
    if (text[i] === '>') return i + 1;
    i++;
    while (i < text.length && /\s/.test(text[i]!)) i++;
    const q = text[i];
    if (q === '"' || q === "'") {
      const close = text.indexOf(q, i + 1);
      if (close >= 0) i = close + 1;
    } else {
      while (i < text.length && !/['">\s]/.test(text[i]!)) i++;
    }
  }
  if (dotAll) return text.length;
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl;
}

const RAW_ELEMENT = /<(code>|script[^>]*>|pre[^>]*>)/y;
const ENTITY = /&[a-zA-Z#][a-z0-9]+;/y;
const MARKER = /\x7f'"`UNIQ-[^\x7f]*\x7f/y;
const TOP_RAW = /<(script|style).*?>.*?<\/\1>/y;

/** The next piece autoConvert leaves as it is (tags, <code>/<script>/<pre> elements, references, markers): [start, end]. */
function nextLiteral(text: string, from: number): [number, number] | undefined {
  if (from === 0) {
    const gt = text.indexOf('>');
    if (gt >= 0 && !text.slice(0, gt).includes('<')) return [0, gt + 1];
  }
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '<') {
      RAW_ELEMENT.lastIndex = i;
      const raw = RAW_ELEMENT.exec(text);
      if (raw) {
        const name = /^[a-z]+/.exec(raw[1]!)![0];
        const close = text.indexOf(`</${name}>`, i + raw[0].length);
        if (close >= 0) return [i, close + name.length + 3];
      }
      return [i, tagEnd(text, i, true)];
    }
    if (c === '&') {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(text);
      if (m) return [i, i + m[0].length];
    } else if (c === '\x7f') {
      MARKER.lastIndex = i;
      const m = MARKER.exec(text);
      if (m) return [i, i + m[0].length];
    }
  }
  return undefined;
}

/** recursiveConvertTopLevel's search: the next '-{' outside <script>, <style> and tags. */
function nextRule(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '<') {
      TOP_RAW.lastIndex = i;
      const raw = TOP_RAW.exec(text);
      i = (raw ? i + raw[0].length : tagEnd(text, i, false)) - 1;
    } else if (c === '-' && text[i + 1] === '{') return i;
  }
  return -1;
}

const ELEMENT = /^(<[^>\s]*)\s([^>]*)([\s\S]*)$/;

/** Html::expandAttributes: ' name="value"' pairs, values escaped. */
function expandAttributes(attrs: Map<string, string>): string {
  let out = '';
  for (const [k, v] of attrs) out += ` ${k}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`;
  return out;
}

export class LanguageConverter implements RuleHost {
  readonly main: string;
  readonly variants: readonly string[];
  readonly separator: RegExp;
  readonly descCodeSeparator: string;
  readonly descVarSeparator: string;
  /** The title set by the last `-{T|…}-` block, if any. */
  titleRule?: string;
  private readonly tables = new Map<string, ReplacementTable>();
  private readonly lowerBcp47 = new Map<string, string>();

  constructor(
    readonly lang: VariantLanguage,
    private readonly autonyms: Readonly<Record<string, string>> = {},
  ) {
    this.main = lang.main;
    this.variants = lang.variants;
    this.descCodeSeparator = lang.descCodeSeparator ?? ':';
    this.descVarSeparator = lang.descVarSeparator ?? ';';
    for (const v of lang.variants) {
      this.tables.set(v, new ReplacementTable(lang.tables?.[v]));
      const b = lang.bcp47?.[v];
      if (b) this.lowerBcp47.set(b.toLowerCase(), v);
    }
    const names = [...new Set([...lang.variants, ...Object.values(lang.bcp47 ?? {})])].join('|');
    this.separator = new RegExp(`;\\s*(?=(?:${names})\\s*:|[^;]*?=>\\s*(?:${names})\\s*:|\\s*$)`);
  }

  validateVariant(name: string): string | undefined {
    const v = name.toLowerCase();
    if (this.variants.includes(v)) return v;
    return this.lowerBcp47.get(v);
  }

  fallbacks(variant: string): readonly string[] {
    return this.lang.fallbacks[variant] ?? [];
  }

  manualLevel(variant: string): ManualLevel {
    return this.lang.manualLevel?.[variant] ?? 'bidirectional';
  }

  variantName(variant: string): string | undefined {
    return this.lang.names[variant] ?? this.autonyms[variant];
  }

  private guess(text: string, variant: string): boolean {
    return this.lang.guessVariant?.(text, variant) ?? false;
  }

  /** LanguageConverter::translate: the variant's table (built-in and manual pairs) over a text. */
  translate(text: string, variant: string): string {
    const table = this.tables.get(variant);
    if (!table) return text;
    if (this.lang.translate) return this.lang.translate(text, variant, table);
    return text.trim() ? table.replace(text) : text;
  }

  /** LanguageConverter::autoConvert: the text outside markup converted, title and alt attributes too. */
  autoConvert(text: string, variant: string): string {
    if (this.guess(text, variant)) return text;
    // eslint-disable-next-line no-control-regex -- NUL separates the pieces, as in MediaWiki
    text = text.replace(/\x00/g, '');
    const sources: string[] = [];
    const literals: string[] = [];
    let start = 0;
    while (start < text.length) {
      const lit = nextLiteral(text, start);
      const [pos, end] = lit ?? [text.length, text.length];
      sources.push(text.slice(start, pos));
      literals.push(this.convertAttributes(text.slice(pos, end), variant));
      start = end;
    }
    const translated = this.translate(sources.join('\x00'), variant).split('\x00');
    let out = '';
    for (let i = 0; i < literals.length; i++) out += (translated[i] ?? '') + literals[i];
    return out;
  }

  /** The title and alt attributes of a tag, converted (URLs are not). */
  private convertAttributes(element: string, variant: string): string {
    if (element === '' || !/\s(?:title|alt)\s*=/i.test(element)) return element;
    const m = ELEMENT.exec(element);
    if (!m) return element;
    const attrs = decodeTagAttributes(m[2]!);
    const close = m[2]!.endsWith('/') ? ' /' : '';
    let changed = false;
    for (const name of ['title', 'alt']) {
      const value = attrs.get(name);
      if (value === undefined) continue;
      // The value is escaped again when written (< and > included), so markup cannot escape the attribute.
      const converted = value.includes('://') ? value : this.convertTopLevel(value, variant, 1);
      if (converted !== value) {
        attrs.set(name, converted);
        changed = true;
      }
    }
    return changed ? `${m[1]}${expandAttributes(attrs)}${close}${m[3]}` : element;
  }

  /** LanguageConverter::convertTo: the whole output of a parse. */
  convert(text: string, variant: string): string {
    return this.convertTopLevel(text, variant, 0);
  }

  private convertTopLevel(text: string, variant: string, depth: number): string {
    const shouldConvert = !this.guess(text, variant);
    let out = '';
    let start = 0;
    while (start < text.length) {
      const found = nextRule(text, start);
      if (found < 0) {
        const rest = text.slice(start);
        return out + (shouldConvert ? this.autoConvert(rest, variant) : rest);
      }
      const fragment = text.slice(start, found);
      out += shouldConvert ? this.autoConvert(fragment, variant) : fragment;
      const r = this.convertRule(text, variant, found, depth + 1);
      out += r.html;
      start = r.end;
    }
    return out;
  }

  /** LanguageConverter::recursiveConvertRule: the block starting at `pos` ('-{'), and where it ends. */
  private convertRule(text: string, variant: string, pos: number, depth: number): { html: string; end: number } {
    let start = pos + 2;
    let inner = '';
    let warned = false;
    const re = /-\{|\}-/g;
    while (start < text.length) {
      re.lastIndex = start;
      const m = re.exec(text);
      if (!m) break;
      inner += text.slice(start, m.index);
      start = m.index;
      if (m[0] === '-{') {
        if (depth >= MAX_DEPTH) {
          inner += '-{';
          if (!warned) {
            inner += `<span class="error">Language converter depth limit exceeded (${MAX_DEPTH})</span>`;
            warned = true;
          }
          start += 2;
          continue;
        }
        const r = this.convertRule(text, variant, start, depth + 1);
        inner += r.html;
        start = r.end;
        continue;
      }
      start += 2;
      const rule = parseRule(inner, variant, this);
      this.apply(rule);
      return { html: rule.display, end: start };
    }
    // Unclosed block: kept as written, its text converted.
    inner += text.slice(start);
    return { html: `-{${this.autoConvert(inner, variant)}`, end: text.length };
  }

  /** LanguageConverter::applyManualConv: the block's title and table changes. */
  private apply(rule: ReturnType<typeof parseRule>): void {
    if (rule.title !== undefined) this.titleRule = rule.title;
    for (const [v, pairs] of rule.convTable) {
      const table = this.tables.get(this.validateVariant(v) ?? '');
      if (!table) continue;
      if (rule.action === 'add') for (const [from, to] of pairs) table.set(from, to);
      else if (rule.action === 'remove') table.remove(Object.fromEntries(pairs));
    }
  }
}
