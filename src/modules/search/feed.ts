import type { DomainEvent, EventHandler, Executor } from '../../core/events.ts';
import { decodeCharReferences, titleFromStored } from '../markup/index.ts';
import type { SearchIndex } from './types.ts';
import { utf16String } from '../../core/strings.ts';

const SCRIPT_OR_STYLE = /<(script|style)\b[\s\S]*?<\/\1>/gi;
const SCRIPT_OR_STYLE_START = /<(script|style)\b/iy;
const EDIT_SECTION = /<span class="mw-editsection">[\s\S]*?<\/span>\s*<\/span>|<span class="mw-editsection">[\s\S]*?<\/span>/y;
const LINE_BREAK = /<\/(p|div|h[1-6]|li|tr|td|th|dt|dd|blockquote|pre|figcaption)>|<br\s*\/?>/iy;
const BR = /<br/iy;
const EDIT_SECTION_START = '<span class="mw-editsection">';
/** Each reference decodeCharReferences decodes is one of these, whole; it leaves the others as they are. */
const REFERENCE = /&[#0-9A-Za-z]*;/g;
const MARKER = /\u27E6mw-[a-z]+\u27E7/g;

/**
 * Plain text of rendered HTML, for indexing: tags dropped, block ends kept as line breaks.
 * The result is that of these replaces, in this order: script and style elements, edit section
 * links, block ends and <br>, other tags by a space or a line break; then character references
 * decoded, ⟦mw-…⟧ markers dropped, blanks collapsed, trimmed. But this runs on every page of an
 * import, so the HTML is gone over once, and the text written to a buffer as it comes.
 */
export function htmlToText(html: string): string {
  return toText(html, false);
}

/** htmlToText, where script and style elements are known to be gone if `scriptsGone`. */
function toText(html: string, scriptsGone: boolean): string {
  const text = new TextBuffer();
  let from = 0; // start of the HTML not written yet
  // Next `&` and `⟦`: only text holding them can change when references are decoded and markers dropped.
  let amp = html.indexOf('&');
  let bracket = html.indexOf('\u27E6');
  const writeTo = (to: number) => {
    if (amp >= 0 && amp < from) amp = html.indexOf('&', from);
    if (bracket >= 0 && bracket < from) bracket = html.indexOf('\u27E6', from);
    const k = Math.min(to, amp < 0 ? to : amp, bracket < 0 ? to : bracket);
    text.write(html, from, k);
    if (k < to) {
      // A reference or marker never spans a tag, which became a blank.
      let s = html.slice(k, to);
      if (s.includes('&')) s = s.replace(REFERENCE, decodeReference);
      if (s.includes('\u27E6')) s = s.replace(MARKER, ' ');
      text.write(s, 0, s.length);
    }
  };
  for (let i = html.indexOf('<'); i >= 0; ) {
    const gt = html.indexOf('>', i + 1);
    if (gt < 0) break; // every replace needs a `>`
    const next = html.indexOf('<', i + 1);
    let end = gt + 1;
    let by = ' ';
    const c = html.charCodeAt(i + 1);
    if (gt > i + 1 && (gt < next || next < 0) && !(c === 0x73 && html.startsWith(EDIT_SECTION_START, i))) {
      // A plain tag, the common case: no regex unless it may be a line break or a script.
      if (c === 0x2f || (c | 0x20) === 0x62) {
        if (breaksLine(html, i, end)) by = '\n';
      } else if (!scriptsGone && (c | 0x20) === 0x73 && opensScript(html, i, end)) {
        return toText(html.replace(SCRIPT_OR_STYLE, ' '), true);
      }
    } else {
      // An edit section, a tag holding a `<`, or no tag: each replace in turn, as they came in this order.
      end = at(EDIT_SECTION, html, i);
      if (end < 0) {
        end = lineBreakEnd(html, i);
        by = '\n';
      }
      if (end < 0) {
        end = tagEnd(html, i);
        by = ' ';
      }
      // Script and style elements were removed first, which could change what the other replaces
      // see: when one opens (rare), the HTML is gone over again without them.
      if (!scriptsGone && opensScript(html, i, Math.max(end, i + 1))) return toText(html.replace(SCRIPT_OR_STYLE, ' '), true);
      if (end < 0) {
        i = next;
        continue;
      }
    }
    writeTo(i);
    text.write(by, 0, 1);
    from = end;
    i = next < end ? html.indexOf('<', end) : next;
  }
  writeTo(html.length);
  return text.text(html);
}

/**
 * Text with its blanks collapsed as `.replace(/[ \t\u00A0]+/g, ' ').replace(/\s*\n\s*\/g, '\n').trim()`
 * would: a run of blanks holding a line break becomes one, and in other runs each run of spaces,
 * tabs and no-break spaces becomes a space.
 */
class TextBuffer {
  /** Shared by all buffers, as only one is in use at a time: allocating one per page costs more than the scan. */
  private static shared = new Uint16Array(1 << 16);
  private chars = TextBuffer.shared;
  private length = 0;
  /** Where the run of blanks being written starts, or -1. */
  private run = -1;
  /** Whether surrogates were written. */
  private surrogates = false;

  write(s: string, start: number, end: number): void {
    if (this.length + end - start > this.chars.length) {
      TextBuffer.shared = new Uint16Array(2 * (this.length + end - start));
      TextBuffer.shared.set(this.chars.subarray(0, this.length));
      this.chars = TextBuffer.shared;
    }
    const chars = this.chars;
    let length = this.length;
    let run = this.run;
    for (let i = start; i < end; i++) {
      const c = s.charCodeAt(i);
      const unit = UNITS[c];
      if (unit !== BLANK) {
        chars[length++] = c;
        run = -1;
        if (unit === SURROGATE) this.surrogates = true;
      } else if (length === 0) {
        // leading blanks are trimmed
      } else if (run < 0 || chars[length - 1] !== 0x0a) {
        if (run < 0) run = length;
        if (c === 0x0a) {
          length = run;
          chars[length++] = c;
        } else if (c !== 0x20 && c !== 0x09 && c !== 0xa0) {
          chars[length++] = c;
        } else if (length === run || chars[length - 1] !== 0x20) {
          chars[length++] = 0x20;
        }
      }
    }
    this.length = length;
    this.run = run;
  }

  /** The text; `html` is what it comes from. */
  text(html: string): string {
    const chars = this.chars.subarray(0, this.run < 0 ? this.length : this.run); // trailing blanks are trimmed
    // TextDecoder turns lone surrogates into U+FFFD; the text has some only if the HTML has.
    if (!this.surrogates || !LONE_SURROGATE.test(html)) return utf16String(chars);
    let s = '';
    for (let i = 0; i < chars.length; i += 8192) s += String.fromCharCode(...chars.subarray(i, i + 8192));
    return s;
  }
}
const LONE_SURROGATE = /\p{Cs}/u;

/** Whether html[i, end), a tag with no other `<`, is a block end or <br>, as LINE_BREAK tells. */
function breaksLine(html: string, i: number, end: number): boolean {
  // LINE_BREAK only when the name's length fits, as </a>, </span>, <b> are common.
  if (html.charCodeAt(i + 1) === 0x2f) {
    const length = end - i - 3;
    if (length === 1) return (html.charCodeAt(i + 2) | 0x20) === 0x70;
    if (length !== 2 && length !== 3 && length !== 10) return false;
  } else if ((html.charCodeAt(i + 2) | 0x20) !== 0x72) {
    return false;
  }
  return at(LINE_BREAK, html, i) >= 0;
}

/** End of the match of sticky `re` at `i`, or -1. */
function at(re: RegExp, s: string, i: number): number {
  re.lastIndex = i;
  return re.test(s) ? re.lastIndex : -1;
}

/** End of the block end or <br> (LINE_BREAK) at `i`, or -1. */
function lineBreakEnd(html: string, i: number): number {
  const end = at(LINE_BREAK, html, i);
  if (end >= 0 || at(BR, html, i) < 0) return end;
  // `<br` with edit sections among its blanks: they had become spaces when <br> was looked for.
  let k = i + 3;
  for (;;) {
    while (UNITS[html.charCodeAt(k)] === BLANK) k++;
    const section = at(EDIT_SECTION, html, k);
    if (section < 0) break;
    k = section;
  }
  if (html.charCodeAt(k) === 0x2f) k++;
  return html.charCodeAt(k) === 0x3e ? k + 1 : -1;
}

/**
 * End of the tag (`<[^>]+>`) opening at `i`, or -1. Edit sections and line breaks had been
 * replaced when tags were looked for, so one starting inside the tag is skipped, even past a `>`.
 */
function tagEnd(html: string, i: number): number {
  for (let k = i + 1; k < html.length; k++) {
    const c = html.charCodeAt(k);
    if (c === 0x3e) return k === i + 1 ? -1 : k + 1;
    if (c === 0x3c) {
      let end = at(EDIT_SECTION, html, k);
      if (end < 0) end = lineBreakEnd(html, k);
      if (end >= 0) k = end - 1;
    }
  }
  return -1;
}

/** Whether a script or style element opens in html[from, end), which starts with `<`. */
function opensScript(html: string, from: number, end: number): boolean {
  for (let k = html.lastIndexOf('<', end - 1); k >= from; k = html.lastIndexOf('<', k - 1)) {
    const c = html.charCodeAt(k + 2) | 0x20;
    if ((html.charCodeAt(k + 1) | 0x20) === 0x73 && (c === 0x63 || c === 0x74) && at(SCRIPT_OR_STYLE_START, html, k) >= 0) return true;
    if (k === from) break;
  }
  return false;
}

const references = new Map<string, string>();

/** decodeCharReferences of one reference, memoised: pages use few and repeat them a lot. */
function decodeReference(ref: string): string {
  let text = references.get(ref);
  if (text === undefined) {
    text = decodeCharReferences(ref);
    if (references.size < 1000 && ref.length <= 40) references.set(ref, text);
  }
  return text;
}

/** UTF-16 code units by kind: BLANK for JavaScript's \s (as in the regexes and trim()), SURROGATE, else 0. */
const UNITS = new Uint8Array(0x10000);
const BLANK = 1;
const SURROGATE = 2;
for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) UNITS[c] = BLANK;
UNITS.fill(BLANK, 0x2000, 0x200b);
UNITS.fill(SURROGATE, 0xd800, 0xe000);

/** Words a page carries outside its rendered text (another module's fields), to index too. */
export type ExtraText = (db: Executor, page: { namespace: number; latestRevId: number | null }) => Promise<string>;

/** Keeps the index in step with the wiki: events are processed after the change committed. */
export function searchFeed(index: SearchIndex, extraText?: ExtraText): Record<string, EventHandler[]> {
  async function reindex(db: Executor, pageId: number): Promise<void> {
    const row = await db
      .selectFrom('pages')
      .select(['pages.id', 'pages.namespace', 'pages.title', 'pages.deleted_at', 'pages.is_redirect', 'pages.latest_rev_id'])
      // A scalar subquery rather than a left join: much faster on SQLite (see wiki's pageWithStamp).
      .select((eb) => eb.selectFrom('page_renders').select('page_renders.html').whereRef('page_renders.page_id', '=', 'pages.id').as('html'))
      .where('pages.id', '=', pageId)
      .executeTakeFirst();
    if (!row || row.deleted_at !== null || row.is_redirect === 1) {
      await index.remove(pageId, db);
      return;
    }
    const text = row.title.replace(/_/g, ' ');
    const full = titleFromStored(row.namespace, row.title);
    const extra = extraText ? await extraText(db, { namespace: row.namespace, latestRevId: row.latest_rev_id }) : '';
    const body = htmlToText(row.html ?? '');
    await index.upsert({ pageId, namespace: row.namespace, title: text, fullTitle: full?.full ?? text, text: extra ? `${body}\n${extra}` : body }, db);
  }
  const onPage = async (e: DomainEvent, db: Executor) => reindex(db, (e.payload as { pageId: number }).pageId);
  return {
    'page.created': [onPage],
    'page.edited': [onPage],
    'page.moved': [onPage],
    'page.deleted': [async (e, db) => index.remove((e.payload as { pageId: number }).pageId, db)],
  };
}
