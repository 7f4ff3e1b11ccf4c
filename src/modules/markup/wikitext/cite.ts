/**
 * The Cite extension (`<ref>`, `<references>`) as its legacy-parser half renders it (Cite.php,
 * ReferenceStack, Validator, FootnoteMarkFormatter, ReferenceListFormatter, AnchorFormatter and
 * ErrorReporter of mediawiki-extensions-Cite, 2024–2025: footnote marks with cite-bracket spans).
 * See docs/wikitext.md. Nothing here runs for a page without `<ref>` or `<references>`: the state is
 * created by the first of those tags.
 */
import { citeMessage, type CiteMessageKey } from './cite-messages.ts';
import type { ParseState } from './context.ts';
import { formatNumber } from './functions/util.ts';
import { languageData } from './languages.ts';
import { encodeAttribute, escapeIdForLink, safeEncodeAttribute } from './sanitizer.ts';
import { addTrackingCategory } from './tracking.ts';
import { fragmentPart } from './urls.ts';
import { MARKER_PREFIX } from './types.ts';

const DEFAULT_GROUP = '';
const REF_ARGUMENTS = ['group', 'name', 'follow', 'dir'];
const REFERENCES_ARGUMENTS = ['group', 'responsive'];

/** One footnote (ReferenceStackItem). */
interface RefItem {
  name?: string;
  group: string;
  /** Page-wide sequence number (the number in ids). */
  globalId: number;
  /** The label's number within the group; undefined for an incomplete follow="…". */
  numberInGroup?: number;
  /** How many times the footnote is marked in the text. */
  count: number;
  /** Raw wikitext; null until some use gives content. */
  text: string | null;
  follow?: string;
  dir?: string;
  warnings: Array<[CiteMessageKey, ...string[]]>;
}

type RefCall = { action: 'new' | 'assign' | 'increment'; globalId: number; group: string; name?: string; text: string | null; attrs: Record<string, string> };

/** The Cite state of one page render (Cite and ReferenceStack). */
export interface CiteState {
  /** By group, in order of first use; refs keyed by name, anonymous ones by '#' + globalId. */
  groups: Map<string, Map<string, RefItem>>;
  refSequence: number;
  groupSequence: Map<string, number>;
  /** The ref calls made, to undo those that turn out to be inside a <references> ({{#tag:references|…}}). */
  callStack: Array<RefCall | false>;
  inRef: boolean;
  /** The group of the <references> being parsed, null outside one. */
  inReferencesGroup: string | null;
  referencesErrors: Array<[CiteMessageKey, ...string[]]>;
}

type Problem = [CiteMessageKey, ...string[]];

function citeState(state: ParseState): CiteState {
  state.cite ??= { groups: new Map(), refSequence: 0, groupSequence: new Map(), callStack: [], inRef: false, inReferencesGroup: null, referencesErrors: [] };
  return state.cite;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#039;');
}

// --- errors (ErrorReporter) ----------------------------------------------------------------------

function errorHtml(state: ParseState, wikitext: string): string {
  const language = state.ctx.site.language;
  const dir = /^(?:ar|arc|ckb|dv|fa|he|ks|mzn|ps|sd|ug|ur|yi)(?:-|$)/.test(language) ? 'rtl' : 'ltr';
  return `<span class="error mw-ext-cite-error" lang="${escapeHtml(language)}" dir="${dir}">${wikitext}</span>`;
}

/** The error as wikitext in its container (ErrorReporter::plain), for text parsed later. */
function plainError(state: ParseState, [key, ...params]: Problem): string {
  addTrackingCategory(state, 'cite-tracking-category-cite-error');
  const language = state.ctx.site.language;
  return errorHtml(state, citeMessage(language, 'cite_error', citeMessage(language, key, ...params)));
}

/** The error parsed (ErrorReporter::halfParsed). */
function parsedError(state: ParseState, [key, ...params]: Problem): string {
  addTrackingCategory(state, 'cite-tracking-category-cite-error');
  const language = state.ctx.site.language;
  return errorHtml(state, state.ctx.recursiveTagParse(citeMessage(language, 'cite_error', citeMessage(language, key, ...params))));
}

// --- ids (AnchorFormatter) -----------------------------------------------------------------------

function normalizeId(id: string): string {
  return id.replace(/[_\s]+/gu, '_');
}

function backLinkId(name: string | undefined, globalId: number, count: number): string {
  return normalizeId(name ? `cite_ref-${name}_${globalId}-${count - 1}` : `cite_ref-${globalId}`);
}

function jumpLinkId(name: string | undefined, globalId: number): string {
  return normalizeId(name ? `cite_note-${name}-${globalId}` : `cite_note-${globalId}`);
}

/** For `[[#…]]` links (AnchorFormatter::backLink). */
function asLink(state: ParseState, id: string): string {
  return safeEncodeAttribute(escapeIdForLink(id, state.options.fragmentMode));
}

// --- arguments and validation (Validator) ----------------------------------------------------------

function filterArguments(attrs: Record<string, string>, allowed: string[], problems: Problem[], key: CiteMessageKey): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const name of allowed) out[name] = Object.hasOwn(attrs, name) ? attrs[name] : undefined;
  if (Object.keys(attrs).some((k) => !allowed.includes(k))) problems.push([key]);
  return out;
}

const isDigits = (s: string) => /^[0-9]+$/.test(s);

function validateRef(cite: CiteState, text: string | null, args: Record<string, string | undefined>, problems: Problem[]): void {
  const name = args.name ?? '';
  const follow = args.follow ?? '';
  if (isDigits(name) || isDigits(follow)) problems.push(['cite_error_ref_numeric_key']);
  if (follow && name) problems.push(['cite_error_ref_follow_conflicts']);
  if (args.dir !== undefined) {
    const dir = args.dir.toLowerCase();
    if (dir !== 'rtl' && dir !== 'ltr') {
      problems.push(['cite_error_ref_invalid_dir', args.dir]);
      args.dir = undefined;
    } else args.dir = dir;
  }
  if (cite.inReferencesGroup === null) {
    if (!name) {
      if (text === null) problems.push(['cite_error_ref_no_key']);
      else if (text.trim() === '') problems.push(['cite_error_ref_no_input']);
    }
    if (text !== null && /<ref(?:erences)?\b[^>]*>/i.test(text.replace(/<(\w+)[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/g, ''))) {
      problems.push(['cite_error_included_ref']);
    }
  } else {
    const group = args.group!;
    if (group !== cite.inReferencesGroup) problems.push(['cite_error_references_group_mismatch', safeEncodeAttribute(group)]);
    if (!name) problems.push(['cite_error_references_no_key']);
    if (text === null || text.trim() === '') problems.push(['cite_error_empty_references_define', safeEncodeAttribute(name), safeEncodeAttribute(group)]);
  }
}

// --- the stack (ReferenceStack) --------------------------------------------------------------------

function groupRefs(cite: CiteState, group: string): Map<string, RefItem> {
  let refs = cite.groups.get(group);
  if (!refs) {
    refs = new Map();
    cite.groups.set(group, refs);
  }
  return refs;
}

function pushRef(state: ParseState, cite: CiteState, text: string | null, attrs: Record<string, string>, group: string, name: string | undefined, follow: string | undefined, dir: string | undefined): RefItem | null {
  const refs = groupRefs(cite, group);
  if (!cite.groupSequence.has(group)) cite.groupSequence.set(group, 0);
  if (follow) {
    const parent = refs.get(follow);
    if (!parent) {
      // An incomplete follow="…" (valid on Wikisource's Page: pages) is listed on its own, unnumbered.
      const globalId = ++cite.refSequence;
      refs.set(`#${globalId}`, { group, globalId, count: 1, text, follow, dir, warnings: [] });
      cite.callStack.push({ action: 'new', globalId, group, name, text, attrs });
    } else if (text !== null) {
      parent.text = `${parent.text ?? ''} ${text}`;
    }
    return null;
  }
  let ref: RefItem;
  let action: RefCall['action'];
  const existing = name ? refs.get(name) : undefined;
  if (!existing) {
    ref = { name, group, globalId: 0, count: 1, text, dir, warnings: [] };
    action = 'new';
  } else {
    ref = existing;
    ref.count++;
    if (ref.text === null && text !== null) {
      ref.text = text;
      ref.dir = dir;
      action = 'assign';
    } else {
      // Different strip markers may hide the same text (T205803).
      if (text !== null && state.strip.unstripBoth(text) !== state.strip.unstripBoth(ref.text ?? '')) {
        ref.warnings.push(['cite_error_references_duplicate_key', name!]);
      }
      action = 'increment';
    }
  }
  if (ref.numberInGroup === undefined) {
    const n = cite.groupSequence.get(group)! + 1;
    cite.groupSequence.set(group, n);
    ref.numberInGroup = n;
  }
  if (!ref.globalId) ref.globalId = ++cite.refSequence;
  if (!existing) refs.set(name ?? `#${ref.globalId}`, ref);
  cite.callStack.push({ action, globalId: ref.globalId, group, name, text, attrs });
  return ref;
}

/** Undoes the last `count` ref calls (ReferenceStack::rollbackRefs); returns them in call order. */
function rollbackRefs(cite: CiteState, count: number): Array<{ text: string | null; attrs: Record<string, string> }> {
  const redo: Array<{ text: string | null; attrs: Record<string, string> }> = [];
  for (let i = 0; i < count && cite.callStack.length; i++) {
    const call = cite.callStack.pop()!;
    if (call === false) continue;
    const refs = cite.groups.get(call.group);
    redo.push({ text: call.text, attrs: call.attrs });
    if (!refs) continue;
    const key = call.name ?? [...refs.entries()].find(([, r]) => r.globalId === call.globalId)?.[0];
    const ref = key === undefined ? undefined : refs.get(key);
    if (!ref || ref.globalId !== call.globalId) continue;
    if (call.action === 'new') {
      refs.delete(key!);
      if (refs.size === 0) {
        cite.groups.delete(call.group);
        cite.groupSequence.delete(call.group);
      }
    } else {
      if (call.action === 'assign') ref.text = null;
      ref.count--;
    }
  }
  cite.callStack = [];
  return redo.reverse();
}

// --- the footnote mark (FootnoteMarkFormatter) -------------------------------------------------------

function formatNum(state: ParseState, n: number): string {
  return formatNumber(String(n), state.ctx.site.language);
}

/**
 * The footnote mark. Its element and id are built as HTML (Html::rawElement in Cite, so the id keeps
 * its underscores). The link inside is Cite's `[[#cite_note-…|[1]]]`, written here as the HTML the
 * link parser makes of a fragment-only link, without a parse per mark.
 */
function linkRef(state: ParseState, ref: RefItem): string {
  let label = formatNum(state, ref.numberInGroup!);
  if (ref.group !== DEFAULT_GROUP) label = `${ref.group} ${label}`;
  const modes = state.options.fragmentMode;
  const fragment = escapeIdForLink(jumpLinkId(ref.name, ref.globalId), modes).replace(/[\s_]+/g, ' ');
  const link = `<a href="${encodeAttribute(fragmentPart(fragment, modes))}"><span class="cite-bracket">&#91;</span>${safeEncodeAttribute(label)}<span class="cite-bracket">&#93;</span></a>`;
  return `<sup id="${encodeAttribute(backLinkId(ref.name, ref.globalId, ref.count))}" class="reference">${link}</sup>`;
}

// --- the tags (Cite::ref, Cite::references) ----------------------------------------------------------

/** The <ref> hook. */
export function citeRef(state: ParseState, text: string | null, attrs: Record<string, string>): string {
  const cite = citeState(state);
  if (cite.inRef) return escapeHtml(`<ref>${text ?? ''}</ref>`);
  cite.inRef = true;
  try {
    return guardedRef(state, cite, text, attrs);
  } finally {
    cite.inRef = false;
  }
}

function guardedRef(state: ParseState, cite: CiteState, rawText: string | null, attrs: Record<string, string>): string {
  const problems: Problem[] = [];
  const args = filterArguments(attrs, REF_ARGUMENTS, problems, 'cite_error_ref_too_many_keys');
  args.group ??= cite.inReferencesGroup ?? DEFAULT_GROUP;
  validateRef(cite, rawText, args, problems);
  const text = rawText !== null && rawText.trim() === '' ? null : rawText;
  const group = args.group;
  const name = args.name || undefined;

  if (cite.inReferencesGroup !== null) {
    const refs = cite.groups.get(group);
    if (name && !refs?.has(name)) problems.push(['cite_error_references_missing_key', safeEncodeAttribute(name)]);
    if (problems.length) {
      cite.callStack.push(false);
      // The same error is listed once (Cite keeps them in a set).
      const problem = problems[0]!;
      if (!cite.referencesErrors.some((p) => p.join('\n') === problem.join('\n'))) cite.referencesErrors.push(problem);
      return '';
    }
    // A list-defined reference: the text of a ref used before.
    const ref = refs!.get(name!)!;
    if (ref.text === null) ref.text = text;
    else if (ref.text !== text) ref.warnings.push(['cite_error_references_duplicate_key', name!]);
    return '';
  }

  if (problems.length) {
    cite.callStack.push(false);
    return parsedError(state, problems[0]!);
  }
  const ref = pushRef(state, cite, text, attrs, group, name, args.follow || undefined, args.dir);
  return ref ? linkRef(state, ref) : '';
}

/** The <references> hook. */
export function citeReferences(state: ParseState, text: string | null, attrs: Record<string, string>): string {
  const cite = citeState(state);
  if (cite.inRef || cite.inReferencesGroup !== null) {
    return escapeHtml(text === null ? '<references/>' : `<references>${text}</references>`);
  }
  const problems: Problem[] = [];
  const args = filterArguments(attrs, REFERENCES_ARGUMENTS, problems, 'cite_error_references_invalid_parameters');
  cite.inReferencesGroup = args.group ?? DEFAULT_GROUP;
  try {
    if (text !== null && text.trim() !== '') {
      if (text.includes(`${MARKER_PREFIX}-references-`)) problems.push(['cite_error_included_references']);
      else {
        // {{#tag:references|…}}: its refs were rendered before the list was known; do them again inside it.
        const count = text.split(`${MARKER_PREFIX}-ref-`).length - 1;
        for (const call of rollbackRefs(cite, count)) guardedRef(state, cite, call.text, call.attrs);
        // Parsed for its <ref> tags only.
        state.ctx.recursiveTagParse(text);
      }
    }
    if (problems.length) return parsedError(state, problems[0]!);
    const out = formatReferences(state, cite, cite.inReferencesGroup, args.responsive);
    const errors = cite.referencesErrors.map((p) => parsedError(state, p)).join('<br />\n');
    cite.referencesErrors = [];
    return errors ? `${out}\n${errors}` : out;
  } finally {
    cite.inReferencesGroup = null;
  }
}

/**
 * What Cite appends to the page after internalParse (ParserAfterParse): the list of the default
 * group's refs when no <references /> showed them, and an error for each other group left over.
 */
export function citeAfterParse(state: ParseState): string {
  const cite = state.cite;
  if (!cite) return '';
  let out = '';
  for (const [group, refs] of [...cite.groups]) {
    if (refs.size === 0) continue;
    if (group === DEFAULT_GROUP) out += `\n${formatReferences(state, cite, group)}`;
    else out += `<br />${parsedError(state, ['cite_error_group_refs_without_references', safeEncodeAttribute(group)])}`;
  }
  return out;
}

// --- the list (ReferenceListFormatter) -------------------------------------------------------------

function formatReferences(state: ParseState, cite: CiteState, group: string, responsiveAttr?: string): string {
  const refs = cite.groups.get(group);
  cite.groups.delete(group);
  cite.groupSequence.delete(group);
  if (!refs || refs.size === 0) return '';
  const items = [...refs.values()].sort((a, b) => (a.numberInGroup ?? 0) - (b.numberInGroup ?? 0));
  let wikitext = '\n';
  for (const ref of items) wikitext += `${formatListItem(state, ref)}\n`;
  const html = `<ol class="references">${state.ctx.recursiveTagParse(wikitext)}</ol>`;
  // $wgCiteResponsiveReferences is true by default; responsive="0" turns it off.
  const responsive = responsiveAttr === undefined ? true : responsiveAttr !== '0';
  if (!responsive) return html;
  return `<div class="mw-references-wrap${refs.size > 10 ? ' mw-references-columns' : ''}">${html}</div>`;
}

/** One entry, as wikitext; its <li> tags are HTML kept behind strip markers (the id keeps its underscores). */
function formatListItem(state: ParseState, ref: RefItem): string {
  const text = textAndWarnings(state, ref);
  if (ref.follow !== undefined) return `<p>${text}</p>`;
  const extra = ref.dir ? ` class="mw-cite-dir-${ref.dir}"` : '';
  const open = (id: string) => state.strip.addGeneral(`<li id="${encodeAttribute(id)}"${extra}>`, 'cite');
  const close = state.strip.addGeneral('</li>', 'cite');
  if (ref.count === 1) {
    return `${open(jumpLinkId(ref.name, ref.globalId))}<span class="mw-cite-backlink">[[#${asLink(state, backLinkId(ref.name, ref.globalId, 1))}|↑]]</span> ${text}${close}`;
  }
  const backlinks: string[] = [];
  for (let i = 0; i < ref.count; i++) {
    backlinks.push(`<sup>[[#${asLink(state, backLinkId(ref.name, ref.globalId, i + 1))}|${backlinkLabel(state, ref, i)}]]</sup>`);
  }
  return `${open(ref.count > 0 ? jumpLinkId(ref.name, ref.globalId) : '')}<span class="mw-cite-backlink">↑ ${listToText(state, backlinks)}</span> ${text}${close}`;
}

function textAndWarnings(state: ParseState, ref: RefItem): string {
  const warnings = [...ref.warnings];
  if (ref.text === null) warnings.unshift(['cite_error_references_no_text', ref.name ?? '']);
  let text = ref.text ?? '';
  // Only the first warning is shown.
  if (warnings.length) text += ` ${plainError(state, warnings[0]!)}`;
  return `<span class="reference-text">${text.replace(/\n+$/, '')}</span>\n`;
}

/**
 * The label of the (i+1)th backlink: "a", "b"… (BacklinkMarkRenderer::getBacklinkMarker), or with
 * `citeLegacyBacklinkLabels` the legacy "1.0", "1.1"… ($wgCiteUseLegacyBacklinkLabels, which
 * Cite's parser tests use).
 */
function backlinkLabel(state: ParseState, ref: RefItem, i: number): string {
  if (state.options.citeLegacyBacklinkLabels) {
    const language = state.ctx.site.language;
    const decimal = language === 'en' ? '.' : (languageData(language)?.separators?.decimal ?? ',');
    return `${formatNum(state, ref.numberInGroup!)}${decimal}${String(i).padStart(String(ref.count).length, '0')}`;
  }
  let n = i + 1;
  let label = '';
  while (n > 0) {
    n--;
    label = String.fromCharCode(97 + (n % 26)) + label;
    n = Math.floor(n / 26);
  }
  return label;
}

function listToText(state: ParseState, items: string[]): string {
  if (items.length === 1) return items[0]!;
  const language = state.ctx.site.language;
  return items.slice(0, -1).join(citeMessage(language, 'cite_references_link_many_sep')) + citeMessage(language, 'cite_references_link_many_and') + items[items.length - 1]!;
}
