/**
 * Headings, shared by both content models: anchors (MediaWiki's HTML5 ids), heading markup with
 * its section edit link, and the table of contents.
 *
 * Markup (MediaWiki 1.43's accessible form): the edit link sits beside the heading, not inside
 * it, so the heading's accessible name is its text alone:
 *   <div class="mw-heading mw-heading2"><h2 id="Procédure">Procédure</h2><span class="mw-editsection">
 *   <span class="mw-editsection-bracket" aria-hidden="true">[</span><a href="/wiki/Page?action=edit&amp;section=1">
 *   modifier<span class="visually-hidden"> Procédure</span></a>…]</span></div>
 * The link's accessible name starts with its visible label (WCAG 2.5.3) and names the section.
 */
import { escapeHtml } from '../../core/html/jsx-runtime.ts';
import { titleUrl } from './titles.ts';
import type { Heading, RenderEnv } from './types.ts';

/** MediaWiki shows a table of contents from this many headings on. */
export const TOC_MIN_HEADINGS = 4;

/** Ids the page shell uses: content never takes them (headings get a suffix, raw ids are dropped). */
export const RESERVED_IDS: ReadonlySet<string> = new Set([
  'toc', 'mw-toc-heading', 'mw-content-text', 'firstHeading', 'contenu', 'editform', 'preview-heading',
]);

/** Anchor of a heading text: MediaWiki's normalizeSectionNameWhitespace, then spaces to '_'. */
export function headingAnchor(text: string): string {
  return text.replace(/[\s_]+/g, ' ').trim().replace(/ /g, '_');
}

/** `href` for a link to a fragment (MediaWiki's escapeIdForLink, HTML5 mode). */
export function fragmentHref(fragment: string): string {
  return `#${fragment.replace(/[\t\n\f\r ]/g, '_').replace(/%([0-9a-fA-F]{2})/g, '%25$1')}`;
}

function asciiLower(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/**
 * Hands out unique anchors. As MediaWiki, duplicates are compared ASCII-case-insensitively and
 * get `_2`, `_3`…; ids already taken in the page (raw HTML, reserved ids) count as used.
 */
export class Anchors {
  private readonly used = new Set<string>();
  /** Next suffix to try per anchor, so many equal headings stay linear. */
  private readonly next = new Map<string, number>();

  constructor(taken: Iterable<string> = []) {
    for (const id of RESERVED_IDS) this.used.add(asciiLower(id));
    for (const id of taken) this.used.add(asciiLower(id));
  }

  claim(text: string): string {
    const base = headingAnchor(text) || 'section';
    const key = asciiLower(base);
    if (!this.used.has(key)) {
      this.used.add(key);
      return base;
    }
    let i = this.next.get(key) ?? 2;
    while (this.used.has(`${key}_${i}`)) i++;
    this.used.add(`${key}_${i}`);
    this.next.set(key, i + 1);
    return `${base}_${i}`;
  }
}

export type HeadingEnv = Pick<RenderEnv, 'title' | 'labels' | 'editSections'>;

/** Opening markup of a section heading; `section` undefined for headings that are not sections (nested in a quote…). */
export function headingOpen(level: number, anchor: string, section: number | undefined): string {
  const h = `<h${level} id="${escapeHtml(anchor)}">`;
  return section === undefined ? h : `<div class="mw-heading mw-heading${level}">${h}`;
}

function editSectionLink(heading: Heading, env: HeadingEnv): string {
  const href = `${titleUrl(env.title)}?action=edit&section=${heading.section}`;
  const bracket = (c: string): string => `<span class="mw-editsection-bracket" aria-hidden="true">${c}</span>`;
  return (
    `<span class="mw-editsection">${bracket('[')}<a href="${escapeHtml(href)}">` +
    `${escapeHtml(env.labels.editSection)}<span class="visually-hidden"> ${escapeHtml(heading.text)}</span></a>${bracket(']')}</span>`
  );
}

/** Closing markup of a heading, with its edit link when the page is editable. */
export function headingClose(heading: Pick<Heading, 'level' | 'text'> & { section: number | undefined }, env: HeadingEnv): string {
  const h = `</h${heading.level}>`;
  if (heading.section === undefined) return `${h}\n`;
  const edit = env.editSections ? editSectionLink({ ...heading, anchor: '', section: heading.section }, env) : '';
  return `${h}${edit}</div>\n`;
}

/**
 * Each heading's TOC level and number ("2.1"), as MediaWiki's Parser::finalizeHeadings counts
 * them: levels are relative to the headings met, so `##` then `####` nest one step. Shared by
 * both content models.
 */
export function tocLevels(levels: readonly number[]): Array<{ toclevel: number; number: string }> {
  const out: Array<{ toclevel: number; number: string }> = [];
  let toclevel = 0;
  let prevlevel = 0;
  let level = 0;
  const levelCount: number[] = [];
  const sublevelCount: number[] = [];
  for (const l of levels) {
    if (toclevel) prevlevel = level;
    level = l;
    if (level > prevlevel) {
      toclevel++;
      sublevelCount[toclevel] = 0;
    } else if (level < prevlevel && toclevel > 1) {
      let i = toclevel;
      for (; i > 0; i--) {
        if (levelCount[i] === level) {
          toclevel = i;
          break;
        } else if ((levelCount[i] ?? 0) < level) {
          toclevel = i + 1;
          break;
        }
      }
      if (i === 0) toclevel = 1;
    }
    levelCount[toclevel] = level;
    sublevelCount[toclevel] = (sublevelCount[toclevel] ?? 0) + 1;
    out.push({ toclevel, number: sublevelCount.slice(1, toclevel + 1).filter((n) => n).join('.') });
  }
  return out;
}

/** The table of contents, nested and numbered (tocLevels); '' below TOC_MIN_HEADINGS headings. */
export function renderToc(headings: readonly Heading[], label: string): string {
  if (headings.length < TOC_MIN_HEADINGS) return '';
  const levels = tocLevels(headings.map((h) => h.level));
  let out = '';
  let prev = 0;
  headings.forEach((h, i) => {
    const { toclevel, number } = levels[i]!;
    // A level goes up one step at a time; going down closes the lists in between.
    if (toclevel > prev) out += '<ul>\n';
    else if (toclevel < prev) out += '</li>\n' + '</ul>\n</li>\n'.repeat(prev - toclevel);
    else out += '</li>\n';
    out +=
      `<li class="toclevel-${toclevel} tocsection-${h.section}"><a href="${escapeHtml(fragmentHref(h.anchor))}">` +
      `<span class="tocnumber">${number}</span> <span class="toctext">${escapeHtml(h.text)}</span></a>`;
    prev = toclevel;
  });
  out += '</li>\n' + '</ul>\n</li>\n'.repeat(Math.max(0, prev - 1));
  return `<nav id="toc" class="toc" aria-labelledby="mw-toc-heading"><h2 id="mw-toc-heading" class="toctitle">${escapeHtml(label)}</h2>\n${out}</ul>\n</nav>\n`;
}
