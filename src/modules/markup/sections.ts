/**
 * Sections with MediaWiki's semantics: section 0 is the lead (before the first heading), then one
 * section per heading in document order; section N runs until the next heading of the same or a
 * higher level, so it includes its subsections. Offsets are in the source as given (any line
 * endings). Headings are those the renderer sees (Markdown: top-level ATX and setext headings,
 * not in code, HTML blocks, quotes or lists), so section numbers match the edit links.
 */
import { markdownHeadings } from './markdown.ts';
import { matchRedirect } from './redirect.ts';
import type { ContentModel } from './types.ts';

export interface Section {
  /** 0 for the lead, then 1, 2… in document order. */
  index: number;
  /** Heading level (1–6); 0 for the lead. */
  level: number;
  /** Plain text of the heading; '' for the lead. */
  title: string;
  /** Offset where the section starts (its heading line). */
  start: number;
  /** Offset where it ends, subsections included. */
  end: number;
}

export const WIKITEXT_UNSUPPORTED = 'wikitext model not yet supported';

function lineStarts(s: string): number[] {
  const starts = [0];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x0d && s.charCodeAt(i + 1) === 0x0a) i++;
    if (c === 0x0a || c === 0x0d) starts.push(i + 1);
  }
  return starts;
}

/**
 * Headings of wikitext as MediaWiki's preprocessor finds them: a line starting with '=' and
 * ending with '=' (comments and spaces after allowed), level = the smaller run (at most 6);
 * nothing inside comments, <nowiki>, <pre> and other extension tags, or <includeonly> (or, for
 * the numbering of a transcluded page, MediaWiki's 'T-' sections: <noinclude>).
 */
export function wikitextHeadings(body: string, options: WikitextSectionOptions = {}): Array<{ line: number; level: number; title: string }> {
  const out: Array<{ line: number; level: number; title: string }> = [];
  // Blank out what the preprocessor hides, keeping offsets and line breaks.
  // Comments become spaces (a heading may end with one); tags become text (it may not).
  const blank = (m: string) => m.replace(/[^\r\n]/g, ' ');
  const opaque = (m: string) => m.replace(/[^\r\n]/g, 'x');
  const hidden = options.forInclusion ? 'noinclude' : 'includeonly';
  const names = ['nowiki', 'pre', 'math', 'source', 'syntaxhighlight', 'gallery', 'ref', 'score', 'timeline', hidden, ...(options.extensionTags ?? [])]
    .map((n) => n.replace(/[^\p{L}\p{N}_-]/gu, ''))
    .filter(Boolean);
  const tags = new RegExp(`<(${names.join('|')})\\b[^>]*?(?:\\/>|>[\\s\\S]*?(?:<\\/\\1\\s*>|$))`, 'giu');
  const visible = body.replace(/<!--[\s\S]*?(?:-->|$)/g, blank).replace(tags, opaque);
  const lines = visible.split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    const m = /^(=+)(.+?)(=+)[ \t]*$/.exec(line);
    if (!m && !/^=+[ \t]*$/.test(line)) return;
    const text = line.trimEnd();
    // An unclosed [[, {{ or -{ swallows the closing '=' in MediaWiki's preprocessor: no heading.
    const opens = (re: RegExp) => text.match(re)?.length ?? 0;
    if (opens(/\[\[/g) > opens(/]]/g) || opens(/\{\{/g) > opens(/}}/g) || opens(/-\{/g) > opens(/}-/g)) return;
    const lead = /^=+/.exec(text)![0].length;
    const trail = /=+$/.exec(text)![0].length;
    let level = Math.min(lead, trail, 6);
    if (lead === text.length) {
      // A line of only '=': MediaWiki takes (n-1)/2 as the level.
      level = Math.min(Math.floor((lead - 1) / 2), 6);
      if (level < 1) return;
    }
    out.push({ line: i, level, title: text.slice(level, text.length - level).trim() });
  });
  return out;
}

export interface WikitextSectionOptions {
  /** Names of the wiki's extension tags besides the core ones (their content holds no sections). */
  extensionTags?: readonly string[];
  /** Number the sections as seen when the page is transcluded (MediaWiki's 'T-n' sections). */
  forInclusion?: boolean;
}

export function splitSections(source: string, model: ContentModel = 'markdown', options: WikitextSectionOptions = {}): Section[] {
  // The redirect line is not part of the body the renderer parses; parse exactly what it parses.
  const skip = model === 'markdown' ? (matchRedirect(source)?.length ?? 0) : 0;
  const body = source.slice(skip);
  const starts = lineStarts(body);
  const found = model === 'wikitext' ? wikitextHeadings(body, options) : markdownHeadings(body);
  const heads = found.map((h) => ({ ...h, start: skip + (starts[h.line] ?? body.length) }));

  const sections: Section[] = [{ index: 0, level: 0, title: '', start: 0, end: heads[0]?.start ?? source.length }];
  heads.forEach((h, i) => {
    const next = heads.slice(i + 1).find((n) => n.level <= h.level);
    sections.push({ index: i + 1, level: h.level, title: h.title, start: h.start, end: next?.start ?? source.length });
  });
  return sections;
}

/** The text of section `index` (its heading and subsections included); undefined if there is none. */
export function getSection(source: string, index: number, model: ContentModel = 'markdown', options: WikitextSectionOptions = {}): string | undefined {
  const s = splitSections(source, model, options)[index];
  return s && Number.isInteger(index) ? source.slice(s.start, s.end) : undefined;
}

/**
 * Replaces section `index` (subsections included) with `text`. When a section follows and the
 * new text does not end with a line break, a blank line is added (as MediaWiki does) so the next
 * heading stays a heading; an empty text deletes the section. Throws a RangeError when there is no such section (check with getSection first).
 */
export function replaceSection(source: string, index: number, text: string, model: ContentModel = 'markdown'): string {
  const s = Number.isInteger(index) ? splitSections(source, model)[index] : undefined;
  if (!s) throw new RangeError(`no section ${index}`);
  const old = source.slice(s.start, s.end);
  const separated = text !== '' && s.end < source.length && (old === '' || /[\r\n]$/.test(old)) && !/[\r\n]$/.test(text);
  return source.slice(0, s.start) + (separated ? `${text}\n\n` : text) + source.slice(s.end);
}
