/**
 * Core parser functions on text (MediaWiki's CoreParserFunctions): case, URL encoding, anchors,
 * padding, numbers, plural/gender/grammar, #tag, #language, int, DISPLAYTITLE, DEFAULTSORT.
 */
import { decodeCharReferences } from '../../entities.ts';
import { wfUrlencode } from '../../titles.ts';
import { extensionSubstitution } from '../preprocess/braces.ts';
import { escapeWikiText } from '../preprocess/escape.ts';
import { phpTrim, STRIP_COMMENTS } from '../preprocess/frame.ts';
import type { FunctionEntry } from './index.ts';
import type { FunctionCall, FunctionOutput } from './types.ts';
import {
  formatNumbersIn, htmlspecialchars, intval, killMarkers, lc, lcfirst, markerSkip, parseFormattedNumber,
  phpUrlencode, rawUrlencode, uc, ucfirstLang,
} from './util.ts';
import { interfaceMessage } from './messages.ts';
import { matchWord } from './words.ts';

const lang = (c: FunctionCall): string => c.ctx.site.language;

function urlencode(c: FunctionCall): string {
  const s = killMarkers(c.text(0));
  const arg = c.count > 1 ? c.text(1) : '';
  if (matchWord('url_wiki', arg, lang(c))) return wfUrlencode(s.replace(/ /g, '_'));
  if (matchWord('url_path', arg, lang(c))) return rawUrlencode(s);
  return phpUrlencode(s);
}

/** Sanitizer::safeEncodeAttribute */
export function safeEncodeAttribute(s: string): string {
  return htmlspecialchars(s)
    .replace(/[{}[\]|\n\r\t]/g, (ch) => `&#${ch.charCodeAt(0)};`)
    .replace(/''/g, '&#39;&#39;')
    .replace(/__/g, '&#95;_')
    .replace(/(ISBN|RFC|PMID)/g, (m) => `&#${m.charCodeAt(0)};${m.slice(1)}`)
    .replace(/:\/\//g, '&#58;//');
}

/** The section anchor a heading with this wikitext would get (Parser::guessSectionNameFromWikiText, HTML5 ids). */
export function anchorFor(text: string, legacy = false): string {
  let t = text;
  t = t.replace(/\[\[:?([^[|]+)\|([^[]+)\]\]/g, '$2').replace(/\[\[:?([^[]+)\|?\]\]/g, '$1');
  t = t.replace(/\[(?:https?:|ftp:|mailto:|\/\/)([^ ]+?) ([^[]+)\]/gi, '$2');
  t = t.replace(/'''''(.*?)'''''|'''(.*?)'''|''(.*?)''/g, (_m, a: string, b: string, d: string) => a ?? b ?? d ?? '');
  t = t.replace(/<[^>]*>/g, '');
  t = decodeCharReferences(t.replace(/[ _]+/g, ' ').trim()).replace(/ /g, '_');
  if (legacy) return phpUrlencode(t).replace(/%3A/g, ':').replace(/%/g, '.');
  return t.replace(/%([a-fA-F0-9]{2})/g, '%25$1');
}

function anchorencode(c: FunctionCall): string {
  const legacy = c.ctx.env.options?.fragmentMode?.[0] === 'legacy';
  return safeEncodeAttribute(anchorFor(killMarkers(c.text(0)), legacy));
}

function pad(c: FunctionCall, left: boolean): string {
  const str = c.text(0);
  const padding = killMarkers(c.count > 2 ? c.text(2) : '0');
  const chars = [...padding];
  if (chars.length === 0) return str;
  let length = Math.min(intval(c.text(1)), 500) - [...str].length;
  if (length <= 0) return str;
  let fill = '';
  while (length > 0) {
    fill += chars.slice(0, length).join('');
    length -= chars.length;
  }
  return left ? fill + str : str + fill;
}

function formatnum(c: FunctionCall): string {
  const num = c.text(0);
  const args: string[] = [];
  for (let i = 1; i < c.count; i++) args.push(c.text(i));
  const has = (word: string): boolean => args.some((a) => matchWord(word, a, lang(c)));
  if (has('rawsuffix')) return markerSkip(num, (s) => parseFormattedNumber(s, lang(c)));
  const noSep = has('nocommafysuffix');
  const lossless = has('lossless');
  return markerSkip(num, (s) => formatNumbersIn(s, lang(c), noSep, lossless));
}

/** Language::convertPlural for English and French. */
export function convertPlural(count: number, forms: string[], language: string): string {
  const rest: string[] = [];
  for (const f of forms) {
    const m = /^(\d+)=([\s\S]*)$/.exec(f);
    if (m) {
      if (Number(m[1]) === count) return m[2]!;
    } else {
      rest.push(f);
    }
  }
  if (rest.length === 0) return '';
  const one = language === 'fr' ? Math.trunc(Math.abs(count)) <= 1 : count === 1;
  return rest[Math.min(one ? 0 : 1, rest.length - 1)]!;
}

function plural(c: FunctionCall): string {
  const text = parseFormattedNumber(c.text(0), lang(c));
  const n = Number(text);
  const forms: string[] = [];
  for (let i = 1; i < c.count; i++) forms.push(c.text(i));
  return convertPlural(Number.isNaN(n) ? 0 : n, forms, lang(c));
}

function gender(c: FunctionCall): string {
  const forms: string[] = [];
  for (let i = 1; i < c.count; i++) forms.push(c.text(i));
  if (forms.length === 0) return '';
  return forms[2] ?? forms[0]!;
}

const LANGUAGE_NAMES: Record<string, Record<string, string>> = {
  en: { en: 'English', fr: 'French', de: 'German', es: 'Spanish', it: 'Italian', nl: 'Dutch', pt: 'Portuguese', ja: 'Japanese', zh: 'Chinese', ru: 'Russian', ar: 'Arabic' },
  fr: { en: 'anglais', fr: 'français', de: 'allemand', es: 'espagnol', it: 'italien', nl: 'néerlandais', pt: 'portugais', ja: 'japonais', zh: 'chinois', ru: 'russe', ar: 'arabe' },
};
const AUTONYMS: Record<string, string> = {
  en: 'English', fr: 'français', de: 'Deutsch', es: 'español', it: 'italiano', nl: 'Nederlands', pt: 'português', ja: '日本語', zh: '中文', ru: 'русский', ar: 'العربية',
};

function language(c: FunctionCall): string {
  // No code: the target (content) language.
  const code = c.text(0).trim().toLowerCase() || lang(c);
  const inLanguage = c.count > 1 ? c.text(1).toLowerCase() : '';
  const name = inLanguage ? LANGUAGE_NAMES[inLanguage]?.[code] ?? AUTONYMS[code] : AUTONYMS[code];
  return name ?? c.text(0);
}

/** {{#tag:name|content|attr=value}} (CoreParserFunctions::tagObj). */
function tag(c: FunctionCall): string {
  if (c.count === 0) return '';
  const tagName = c.text(0).toLowerCase();
  const inner = c.count > 1 ? c.expand(1) : null;
  const attributes: Record<string, string> = {};
  for (let i = 2; i < c.count; i++) {
    const part = c.part(i)!;
    if (part.index > 0) continue;
    const name = phpTrim(c.frame.expand(part.name, STRIP_COMMENTS));
    let value = phpTrim(c.expandNodes(part.value));
    const m = /^(?:["'](.+)["']|""|'')$/s.exec(value);
    if (m) value = m[1] ?? '';
    attributes[name] = value;
  }
  if (!c.ctx.tagHooks.has(tagName)) {
    const attrText = Object.entries(attributes).map(([k, v]) => ` ${htmlspecialchars(k)}="${v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}"`).join('');
    return inner === null ? `<${tagName}${attrText}/>` : `<${tagName}${attrText}>${inner}</${tagName}>`;
  }
  return extensionSubstitution({ name: tagName, attrText: '', inner, attributes }, c.frame);
}

/** {{int:key|args}}: an interface message, wikitext reparsed; unknown keys show as ⧼key⧽. */
function intMessage(c: FunctionCall): string | { text: string; reparse: true } {
  const key = c.text(0);
  if (key === '') return '{{int:}}';
  const msg = interfaceMessage(c.state, key, true);
  if (msg === undefined) return `⧼${htmlspecialchars(key)}⧽`;
  const text = msg.replace(/\$(\d+)/g, (m, n: string) => (Number(n) < c.count ? c.text(Number(n)) : m));
  return { text, reparse: true };
}

const DISPLAYTITLE_BAD = /<\/?(?:h[1-6]|div|blockquote|ol|ul|li|hr|table|tr|th|td|dl|dd|caption|p|ruby|rb|rt|rtc|rp|br)\b[^>]*>/gi;

function displaytitle(c: FunctionCall): string | FunctionOutput {
  const options = c.ctx.env.options;
  if (options?.allowDisplayTitle === false) return { text: '', notFound: true };
  const restrict = options?.restrictDisplayTitle ?? true;
  const arg = c.count > 1 ? c.text(1) : '';
  let text = killMarkers(c.text(0));
  text = text.replace(/'''(.+?)'''/g, '<b>$1</b>').replace(/''(.+?)''/g, '<i>$1</i>');
  text = text.replace(DISPLAYTITLE_BAD, (m) => htmlspecialchars(m)).replace(/&(?!(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);)/g, '&amp;');
  text = text.replace(/(<[a-z][^>]*?)\sstyle\s*=\s*("[^"]*(?:display|user-select|visibility)\s*:[^"]*"|'[^']*(?:display|user-select|visibility)\s*:[^']*')/gi, '$1 style="/* attempt to bypass $wgRestrictDisplayTitle */"');
  const plain = decodeCharReferences(text.replace(/<[^>]*>/g, ''));
  const parsed = c.state.codec.parse(plain);
  if (restrict && (!parsed.ok || parsed.title.fragment !== '' || parsed.title.key !== c.ctx.title.key)) return '';
  const out = c.ctx.output;
  const noreplace = matchWord('displaytitle_noreplace', arg, lang(c));
  const noerror = matchWord('displaytitle_noerror', arg, lang(c));
  const old = out.displayTitle;
  if (old === undefined || !noreplace) out.displayTitle = text;
  if (old !== undefined && old !== text && !noreplace && !noerror) {
    return `<span class="error">${lang(c) === 'fr' ? 'Attention' : 'Warning'}: Display title "${escapeWikiText(text)}" overrides earlier display title "${escapeWikiText(old)}".</span>`;
  }
  return '';
}

function defaultsort(c: FunctionCall): string {
  let text = c.text(0);
  if (text === '') return '';
  text = decodeCharReferences(text).replace(/\n/g, '');
  const arg = c.count > 1 ? c.text(1) : '';
  const noreplace = matchWord('defaultsort_noreplace', arg, lang(c));
  const noerror = matchWord('defaultsort_noerror', arg, lang(c));
  const out = c.ctx.output;
  const old = out.defaultSort;
  if (old === undefined || !noreplace) out.defaultSort = text;
  if (old === undefined || old === text || noreplace || noerror) return '';
  return `<span class="error">Warning: Default sort key "${htmlspecialchars(text)}" overrides earlier default sort key "${htmlspecialchars(old)}".</span>`;
}

const RTL = new Set(['ar', 'arc', 'arz', 'azb', 'bcc', 'bqi', 'ckb', 'dv', 'fa', 'glk', 'he', 'khw', 'ks', 'lrc', 'mzn', 'nqo', 'pnb', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** MediaWiki internal codes whose BCP 47 form differs (LanguageCode::getDeprecatedCodeMapping and bcp47). */
const BCP47: Record<string, string> = {
  'sr-ec': 'sr-Cyrl', 'sr-el': 'sr-Latn', 'zh-yue': 'yue', 'de-formal': 'de-x-formal', 'nl-informal': 'nl-x-informal',
  simple: 'en-simple', als: 'gsw', 'fiu-vro': 'vro', 'zh-classical': 'lzh', 'roa-rup': 'rup', nrm: 'nrf',
  'roa-tara': 'nap-x-tara', 'be-x-old': 'be-tarask', eml: 'egl', 'bat-smg': 'sgs', 'zh-min-nan': 'nan', 'zh-hans': 'zh-Hans', 'zh-hant': 'zh-Hant',
};

/** LanguageCode::bcp47: internal code to BCP 47 (region upper-case, script title-case). */
function bcp47(code: string): string {
  const lower = code.toLowerCase();
  if (BCP47[lower]) return BCP47[lower]!;
  return lower
    .split('-')
    .map((seg, i, all) => {
      if (i === 0 || all[i - 1] === 'x') return seg;
      if (seg.length === 2) return seg.toUpperCase();
      if (seg.length === 4) return seg[0]!.toUpperCase() + seg.slice(1);
      return seg;
    })
    .join('-');
}

function dir(c: FunctionCall): string {
  let code = c.text(0).trim().toLowerCase() || lang(c);
  if (c.count > 1 && c.text(1).toLowerCase() === 'bcp47') {
    const back = Object.entries(BCP47).find(([, v]) => v.toLowerCase() === code);
    if (back) code = back[0];
  }
  return RTL.has(code.split('-')[0]!) ? 'rtl' : 'ltr';
}

const CONTENT_MODELS: Record<string, Record<string, string>> = {
  en: { wikitext: 'wikitext', css: 'CSS', javascript: 'JavaScript', json: 'JSON' },
  fr: { wikitext: 'wikitexte', css: 'CSS', javascript: 'JavaScript', json: 'JSON' },
};

/** {{#contentmodel:local|canonical|page}}: wikitext, or css/javascript/json for such pages of the MediaWiki and User namespaces. */
function contentmodel(c: FunctionCall): string {
  const form = c.text(0).toLowerCase();
  const page = c.count > 1 ? c.state.codec.parse(c.text(1)) : undefined;
  const title = page ? (page.ok ? page.title : undefined) : c.ctx.title;
  if (!title) return '';
  const ext = /\.(css|js|json)$/.exec(title.text)?.[1];
  const model = (title.namespace === 8 || title.namespace === 2) && ext ? ({ css: 'css', js: 'javascript', json: 'json' } as const)[ext as 'css' | 'js' | 'json'] : 'wikitext';
  if (form === 'canonical') return model;
  return (CONTENT_MODELS[lang(c)] ?? CONTENT_MODELS['en']!)[model]!;
}

export const CORE_FUNCTIONS: Record<string, FunctionEntry> = {
  lc: { hash: false, fn: (c) => markerSkip(c.text(0), lc) },
  uc: { hash: false, fn: (c) => markerSkip(c.text(0), uc) },
  lcfirst: { hash: false, fn: (c) => lcfirst(c.text(0)) },
  ucfirst: { hash: false, fn: (c) => ucfirstLang(c.text(0), lang(c)) },
  urlencode: { hash: false, fn: urlencode },
  anchorencode: { hash: false, fn: anchorencode },
  padleft: { hash: false, fn: (c) => pad(c, true) },
  padright: { hash: false, fn: (c) => pad(c, false) },
  formatnum: { hash: false, fn: formatnum },
  plural: { hash: false, fn: plural },
  grammar: { hash: false, fn: (c) => (c.count > 1 ? c.text(1) : '') },
  gender: { hash: false, fn: gender },
  bidi: { hash: false, fn: (c) => c.text(0) },
  language: { hash: false, fn: language },
  dir: { hash: true, fn: dir },
  bcp47: { hash: true, fn: (c) => bcp47(c.text(0).trim() || lang(c)) },
  contentmodel: { hash: true, fn: contentmodel },
  tag: { hash: true, fn: tag },
  int: { hash: false, fn: intMessage },
  displaytitle: { hash: false, fn: displaytitle },
  defaultsort: { hash: false, fn: defaultsort },
};
