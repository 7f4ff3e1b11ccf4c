/**
 * Headings of wikitext (MediaWiki's handleHeadings and finalizeHeadings): `== x ==` lines become
 * <hN>, then every heading gets its id (unique, case-insensitively), its section edit link
 * (headings the preprocessor marked with `-h-N-`), and the table of contents is built.
 */
import { decodeCharReferences } from '../entities.ts';
import type { ParseState } from './context.ts';
import { splitSections } from '../sections.ts';
import { tocLevels } from '../headings.ts';
import { normalizeCharReferences } from './entities.ts';
import { armorFrenchSpaces } from './french.ts';
import { replaceLinkHolders } from './internal-links.ts';
import { encodeAttribute, escapeIdForAttribute, escapeIdForLink, escapeIdMode } from './sanitizer.ts';
import { Strip } from './strip.ts';
import { TOC_PLACEHOLDER } from './switches.ts';
import { scriptUrl } from './urls.ts';

const HEADING_MARKER = /\x7f'"`UNIQ--h-([^-\x7f]+)--QINU`"'\x7f/;
export const TOC_PLACE = '<mw:tocplace></mw:tocplace>';
/** Marks headings written with '=' (the sanitiser removes data-mw attributes authors write). */
const WIKITEXT_HEADING = 'data-mw-wikitext-heading=""';

/** `== x ==` lines, level 6 first. */
const HEADING_LINES = [6, 5, 4, 3, 2, 1].map((i) => {
  const h = '='.repeat(i);
  return [i, new RegExp(`^${h}[ \\t]*(.+?)[ \\t]*${h}\\s*$`, 'gm'), `<h${i} ${WIKITEXT_HEADING}>$1</h${i}>`] as const;
});

export function handleHeadings(text: string): string {
  // Every heading line starts with '=' (most texts, such as footnotes, have none).
  const runs = text.match(/^=+/gm);
  if (!runs) return text;
  // A level needs a line starting with as many '=' (replacements make none): deeper levels are not tried.
  let longest = 0;
  for (const r of runs) longest = Math.max(longest, r.length);
  let out = text;
  for (const [level, re, replacement] of HEADING_LINES) if (level <= longest) out = out.replace(re, replacement);
  return out;
}

const encoder = new TextEncoder();
const sectionStarts = new WeakMap<ParseState, number[]>();

/** Byte offset of section `n`'s heading in the page's source (as MediaWiki's TOC data). */
function headingOffset(state: ParseState, n: number): number | undefined {
  if (!state.source || !Number.isInteger(n) || n < 1) return undefined;
  let starts = sectionStarts.get(state);
  if (!starts) {
    const source = state.source;
    starts = splitSections(source, 'wikitext', { extensionTags: [...state.ctx.tagHooks.keys()] }).map((s) => s.start);
    // Character offsets to UTF-8 byte offsets, in one pass.
    let bytes = 0;
    let at = 0;
    starts = starts.map((start) => {
      bytes += encoder.encode(source.slice(at, start)).length;
      at = start;
      return bytes;
    });
    sectionStarts.set(state, starts);
  }
  return starts[n];
}

/** An id attribute value as Html::element writes it (apostrophes stay). */
function idAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function asciiLower(s: string): string {
  return /[A-Z]/.test(s) ? s.replace(/[A-Z]+/g, (c) => c.toLowerCase()) : s;
}

function plainText(html: string): string {
  return decodeCharReferences(html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '').replace(/<[^>]*>/g, '')).replace(/[ \t\n\r\f_\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g, ' ').trim();
}

/** Removes Cite's footnote marks (`<sup id="cite_ref-…" class="reference">…</sup>`). */
function stripFootnoteMarks(html: string): string {
  return html.includes('class="reference"') ? html.replace(/<sup id="cite_ref-[^"]*" class="reference">[\s\S]*?<\/sup>/g, '') : html;
}

const TOC_TAGS = new Set(['span', 'sup', 'sub', 'bdi', 'i', 'b', 's', 'strike']);

/** TOC line HTML: only a few tags kept, without attributes except span's dir (Parser::finalizeHeadings). */
function tocLine(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<(\/?)([a-zA-Z0-9]+)([^>]*)>/g, (_whole, slash: string, name: string, attrs: string) => {
      const n = name.toLowerCase();
      if (!TOC_TAGS.has(n)) return '';
      const dir = n === 'span' && !slash ? /\bdir="(rtl|ltr)"/.exec(attrs) : null;
      return `<${slash}${n}${dir ? ` dir="${dir[1]}"` : ''}>`;
    })
    .replace(/<span><\/span>/g, '')
    .trim();
}

export function finalizeHeadings(state: ParseState, text: string, isMain: boolean): string {
  const re = /<h([1-6])(.*?>)([\s\S]*?)<\/h[1-6] *>/gi;
  if (state.forIndex) return indexHeadings(text, re);
  const matches = [...text.matchAll(re)];
  const flags = state.ctx.output.flags;
  const showToc = !flags.has('NOTOC') || flags.has('TOC');
  const forcePosition = text.includes(TOC_PLACEHOLDER);
  const enoughToc = (showToc && (matches.length >= 4 || forcePosition)) || flags.has('FORCETOC');
  const modes = state.options.fragmentMode;
  const used = new Set<string>();
  const entries: Array<{ toclevel: number; number: string; anchor: string; link: string; line: string; section: string }> = [];
  let out = '';
  let last = 0;
  let auto = 0;
  const levels = tocLevels(matches.map((m) => Number(m[1])));
  matches.forEach((m, n) => {
    const level = Number(m[1]);
    const { toclevel, number } = levels[n]!;

    let header = m[3]!;
    let section = '';
    let sectionPage = state.ctx.title.key;
    const mk = HEADING_MARKER.exec(header);
    if (mk) {
      header = header.replace(HEADING_MARKER, '');
      auto++;
      const source = state.ctx.output.headingSources?.[Number(mk[1])];
      if (!source) section = String(auto);
      else if (source.key === state.ctx.title.key) section = String(source.section);
      else {
        section = `T-${source.section}`;
        sectionPage = source.key;
      }
    }
    const fromWikitext = m[2]!.includes(WIKITEXT_HEADING);
    if (fromWikitext) header = header.trim();
    const unstripped = state.strip.unstripBoth(replaceLinkHolders(state, header));
    const plain = plainText(Strip.killMarkers(unstripped));
    // Legacy ids come from the text with only spaces and underscores folded (a line break stays).
    const rawText = () => decodeCharReferences(Strip.killMarkers(unstripped).replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '').replace(/<[^>]*>/g, '')).replace(/[ _]+/g, ' ').trim();
    const idText = (mode: string | undefined) => (mode === 'legacy' ? rawText() : plain);
    // An HTML heading that has its own id keeps it.
    const ownId = fromWikitext ? undefined : /\sid="([^"]*)"/.exec(m[2]!)?.[1];
    const base = ownId !== undefined ? decodeCharReferences(ownId) : escapeIdForAttribute(idText(modes[0]), modes);
    let anchor = base;
    const key = asciiLower(base);
    if (used.has(key) && ownId === undefined) {
      let i = 2;
      while (used.has(`${key}_${i}`)) i++;
      anchor = `${base}_${i}`;
    }
    used.add(asciiLower(anchor));
    const legacy = modes.length > 1 ? escapeIdMode(idText(modes[1]), modes[1]!) + (anchor === base ? '' : anchor.slice(base.length)) : undefined;
    // Cite's footnote marks stay in the heading (and its id, as in MediaWiki) but not in the TOC.
    const tocSource = stripFootnoteMarks(unstripped);
    const line = tocLine(tocSource);
    const link = ownId !== undefined ? base : escapeIdForLink(plain, modes) + anchor.slice(base.length);
    const sourceKey = mk ? sectionPage : undefined;
    const byteOffset = mk && sourceKey === state.ctx.title.key ? headingOffset(state, Number(section)) : undefined;
    if (isMain) state.headings.push({ level, text: tocSource === unstripped ? plain : plainText(Strip.killMarkers(tocSource)), tocHtml: normalizeCharReferences(line).replace(/\u0338/g, '&#x338;'), anchor, section, tocLevel: toclevel, number, linkAnchor: link, sourceKey, byteOffset });
    if (isMain) entries.push({ toclevel, number, anchor, link, line, section: section && !section.startsWith('T-') ? section : '' });
    const fallback = legacy !== undefined && legacy !== anchor ? `<span id="${idAttr(legacy)}"></span>` : '';
    let editLink = '';
    if (section && state.ctx.env.editSections && !flags.has('NOEDITSECTION')) {
      const href = scriptUrl(state.ctx.site, sectionPage, `action=edit&section=${section}`);
      // The tooltip is the heading's text as shown, French spacing included.
      const text = decodeCharReferences(Strip.killMarkers(unstripped).replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '').replace(/<[^>]*>/g, '')).trim();
      // With variants the link waits as <mw:editsection>: the heading's text is converted with the page, the link's own text is not.
      editLink = state.converter
        ? `<mw:editsection data-href="${encodeAttribute(href)}">${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</mw:editsection>`
        : editSectionLink(state, href, text);
    }
    const attrs = m[2]!.slice(0, -1).replace(WIKITEXT_HEADING, '').replace(/\s+id="[^"]*"/, '').trimEnd();
    const html = fromWikitext
      ? `<div class="mw-heading mw-heading${level}"><h${level} id="${idAttr(anchor)}"${attrs}>${fallback}${header}</h${level}>${editLink}</div>`
      : `<h${level} id="${idAttr(anchor)}"${mergeClass(attrs, 'mw-html-heading')}>${fallback}${header}</h${level}>`;
    out += text.slice(last, m.index);
    if (n === 0 && enoughToc && !forcePosition && isMain) out += `${TOC_PLACE}\n`;
    out += html;
    last = m.index + m[0].length;
  });
  out += text.slice(last);
  if (enoughToc && isMain && entries.length) state.toc = buildToc(state, entries);
  if (forcePosition) out = out.replace(TOC_PLACEHOLDER, enoughToc && entries.length ? TOC_PLACE : '');
  return out;
}

/**
 * Headings when parsing for indexing: their text as the full parse shows it (the TOC and edit
 * links are left out of a page's indexed text anyway), without ids, TOC or heading list.
 */
function indexHeadings(text: string, re: RegExp): string {
  if (!text.includes('<h') && !text.includes('<H')) return text;
  return text.replace(re, (_m, level: string, attrs: string, header: string) => {
    header = header.replace(HEADING_MARKER, '');
    if (attrs.includes(WIKITEXT_HEADING)) header = header.trim();
    return `<h${level}>${header}</h${level}>`;
  });
}

/** The section edit link: the label, and the heading's text in the tooltip. */
function editSectionLink(state: ParseState, href: string, text: string): string {
  const label = state.ctx.env.labels.editSection;
  const tip = state.ctx.env.labels.editSectionTitle?.(text) ?? (state.ctx.site.language === 'en' ? `Edit section: ${text}` : `Modifier la section : ${text}`);
  // French spacing applies to the tooltip as to the text (as references; a no-break space typed stays a character).
  return `<span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="${encodeAttribute(href)}" title="${armorFrenchSpaces(encodeAttribute(tip))}">${label}</a><span class="mw-editsection-bracket">]</span></span>`;
}

/** The <mw:editsection> placeholders left for the language converter, replaced by their links. */
export function replaceEditSections(state: ParseState, html: string): string {
  if (!html.includes('<mw:editsection ')) return html;
  return html.replace(/<mw:editsection data-href="([^"]*)">([^<]*)<\/mw:editsection>/g, (_m, href: string, text: string) =>
    editSectionLink(state, decodeCharReferences(href), decodeCharReferences(text)),
  );
}

/** Adds a class to an attribute string (after the author's classes). */
function mergeClass(attrs: string, cls: string): string {
  if (/\sclass="/.test(attrs)) return attrs.replace(/\sclass="([^"]*)"/, (_m, v: string) => ` class="${v ? `${v} ` : ''}${cls}"`);
  return `${attrs} class="${cls}"`;
}

/** The TOC is built from the headings' DOM: character references decoded, only & < > escaped again. */
function reserialize(html: string): string {
  return html.replace(/(<[^>]*>)|([^<]+)/g, (whole, tag?: string) =>
    tag !== undefined ? whole : decodeCharReferences(whole).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
  );
}

function buildToc(state: ParseState, entries: Array<{ toclevel: number; number: string; anchor: string; link: string; line: string; section: string }>): string {
  const max = state.options.maxTocLevel;
  let out = '';
  let prev = 0;
  for (const e of entries) {
    if (e.toclevel >= max) continue;
    if (e.toclevel > prev) out += '\n<ul>\n'.repeat(e.toclevel - prev);
    else if (e.toclevel < prev) out += `</li>\n${'</ul>\n</li>\n'.repeat(prev - e.toclevel)}`;
    else out += '</li>\n';
    const href = `#${e.link}`;
    out += `<li class="toclevel-${e.toclevel}${e.section ? ` tocsection-${e.section}` : ''}"><a href="${encodeAttribute(href)}"><span class="tocnumber">${e.number}</span> <span class="toctext">${reserialize(e.line)}</span></a>`;
    prev = e.toclevel;
  }
  out += `</li>\n${'</ul>\n</li>\n'.repeat(Math.max(0, prev - 1))}</ul>\n`;
  let lang = state.ctx.site.language;
  let label = state.ctx.env.labels.toc;
  const converter = state.converter;
  if (converter && state.variant !== converter.main) {
    // The title is in the reader's variant; the page's conversion (in parsePage) converts the rest, unless disabled.
    lang = converter.lang.bcp47?.[state.variant] ?? state.variant;
    if (state.ctx.output.flags.has('NOCONTENTCONVERT')) label = converter.autoConvert(label, state.variant);
  }
  return `<div id="toc" class="toc" role="navigation" aria-labelledby="mw-toc-heading"><input type="checkbox" role="button" id="toctogglecheckbox" class="toctogglecheckbox" style="display:none" /><div class="toctitle" lang="${lang}" dir="ltr"><h2 id="mw-toc-heading">${label}</h2><span class="toctogglespan"><label class="toctogglelabel" for="toctogglecheckbox"></label></span></div>${out}</div>\n`;
}
