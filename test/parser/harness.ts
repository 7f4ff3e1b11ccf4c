/**
 * Runs MediaWiki's core parser tests against the wikitext engine, as ParserTestRunner's legacy
 * mode does: the test environment (title "Parser test", the files' articles, fake uploads,
 * site http://example.org, language en), option handling, skip reasons, and the comparison
 * (output with trailing whitespace removed against the chomped expectation; metadata lines
 * for the cat/ill/showtitle/showindicators/extlinks options).
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatComment, renderWikitextPage, type PageRender } from '../../src/modules/markup/wikitext/index.ts';
import { titleCodec } from '../../src/modules/markup/titles.ts';
import { languageData } from '../../src/modules/markup/wikitext/languages.ts';
import type { LinkStatus, RenderFile, Title } from '../../src/modules/markup/types.ts';
import type { TagHook, WikitextEnv, WikitextOptions } from '../../src/modules/markup/wikitext/types.ts';
import { readTestFile, type OptionValue, type ParserTest, type TestFile } from './format.ts';

export const TEST_DIR = new URL('../../../shared/data/mediawiki-core-parser-tests/', import.meta.url).pathname;
/** Parser-test files kept in this repository (Cite's), run apart from the core ones. */
export const EXTRA_DIR = new URL('./extra/', import.meta.url).pathname;

export type Outcome =
  | { status: 'pass' }
  | { status: 'fail'; expected: string; actual: string; error?: string }
  | { status: 'skip'; reason: string };

export interface Result {
  file: string;
  name: string;
  input: string;
  outcome: Outcome;
}

export function loadFiles(dir = TEST_DIR): TestFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readTestFile(join(dir, f)));
}

/** ParserTestRunner's $wgMetaNamespace (namespace 4; 'Project' stays an alias). */
const META_NAMESPACE = 'TestWiki';

export function legacyExpectation(t: ParserTest): string | undefined {
  return t.sections['html/php'] ?? t.sections['html/*'] ?? t.sections.html;
}

export function skipReason(t: ParserTest): string | undefined {
  const o = t.options;
  if (o.disabled) return 'disabled test';
  if (legacyExpectation(t) === undefined) return 'Parsoid-only (no legacy-parser expectation)';
  if (o.preprocessor && o.preprocessor !== 'Preprocessor_Hash') return 'old preprocessor';
  return undefined;
}

// --- the test environment ---------------------------------------------------------------------

interface Upload {
  /** An SVG's translations (ParserTestRunner's Foobar.svg metadata). */
  languages?: string[];
  name: string;
  width: number;
  height: number;
  mime: string;
}

const UPLOADS: Upload[] = [
  { name: 'Foobar.jpg', width: 1941, height: 220, mime: 'image/jpeg' },
  { name: 'Thumb.png', width: 135, height: 135, mime: 'image/png' },
  { name: 'Foobar.svg', width: 240, height: 180, mime: 'image/svg+xml', languages: ['en', 'ru'] },
  { name: 'Bad.jpg', width: 320, height: 240, mime: 'image/jpeg' },
  { name: 'File & file.jpg', width: 1941, height: 220, mime: 'image/jpeg' },
  { name: 'Hi-ho.jpg', width: 1941, height: 220, mime: 'image/jpeg' },
  { name: 'Tall.jpg', width: 400, height: 600, mime: 'image/jpeg' },
  { name: 'Video.ogv', width: 320, height: 240, mime: 'application/ogg' },
  { name: 'Audio.oga', width: 0, height: 0, mime: 'application/ogg' },
  { name: 'LoremIpsum.djvu', width: 2480, height: 3508, mime: 'image/vnd.djvu' },
];

/** MediaWiki's hashed upload paths: /images/a/ab/Name, thumbnails /images/thumb/a/ab/Name/NNNpx-Name. */
function uploadFile(u: Upload): RenderFile {
  const key = u.name.replace(/ /g, '_');
  const md5 = createHash('md5').update(key).digest('hex');
  const path = `${md5[0]}/${md5.slice(0, 2)}/${encodeURIComponent(key)}`;
  const base = 'http://example.com/images';
  const thumbName = u.mime === 'image/svg+xml' ? `${key}.png` : u.mime === 'image/vnd.djvu' ? `${key}.jpg` : key;
  const page = (n = 1) => (u.mime === 'image/vnd.djvu' ? `page${n}-` : '');
  const rendered = u.mime === 'image/svg+xml' || u.mime === 'image/vnd.djvu';
  return {
    url: `${base}/${path}`,
    thumbUrl: (w, n, lang) => (w >= u.width && !rendered ? `${base}/${path}` : `${base}/thumb/${path}/${page(n)}${lang ? `lang${lang}-` : ''}${w}px-${encodeURIComponent(thumbName)}`),
    languages: u.languages,
    width: u.width,
    height: u.height,
    mime: u.mime,
  };
}

export interface Suite {
  files: TestFile[];
  /** Articles of all files, by title text as written. */
  articles: Map<string, string>;
  /**
   * Whether a test sees the articles of every file (true) or only those of its own file, as
   * ParserTestRunner::runTests adds a file's articles before its tests and removes them after.
   */
  shareArticles: boolean;
}

export function loadSuite(dir = TEST_DIR): Suite {
  const files = loadFiles(dir);
  const articles = new Map<string, string>();
  for (const f of files) for (const a of f.articles) if (!articles.has(a.title)) articles.set(a.title, a.text);
  return { files, articles, shareArticles: process.env.PARSER_TESTS_SHARED_ARTICLES === '1' };
}

function optString(v: OptionValue | undefined): string | undefined {
  return typeof v === 'string' ? v : Array.isArray(v) ? v.join(',') : undefined;
}

/** PHP-ish literal of a `!! config` line: true/false, numbers, strings, arrays of strings, JSON objects. */
function configValue(raw: string): unknown {
  const s = raw.trim().replace(/;$/, '');
  if (s === 'true') return true;
  if (s === 'false') return false;
  if (/^-?\d+$/.test(s)) return Number(s);
  if (/^["']/.test(s)) return s.slice(1, -1);
  if (s.startsWith('[')) return [...s.matchAll(/["']([^"']*)["']/g)].map((m) => m[1]);
  if (s.startsWith('{')) {
    try {
      return JSON.parse(s);
    } catch {
      return undefined;
    }
  }
  return s;
}

/** ParserTestRunner's interwiki table ('local' and 'mi' are local interwikis; language prefixes make language links). */
const INTERWIKI = new Map<string, { url: string; local?: boolean; language?: boolean; sameFamily?: boolean }>([
  ['local', { url: 'http://doesnt.matter.org/$1', local: true }],
  ['wikipedia', { url: 'http://en.wikipedia.org/wiki/$1' }],
  ['meatball', { url: 'http://www.usemod.com/cgi-bin/mb.pl?$1' }],
  ['memoryalpha', { url: 'http://www.memory-alpha.org/en/index.php/$1' }],
  ['zh', { url: 'http://zh.wikipedia.org/wiki/$1', language: true, sameFamily: true }],
  ['es', { url: 'http://es.wikipedia.org/wiki/$1', language: true, sameFamily: true }],
  ['fr', { url: 'http://fr.wikipedia.org/wiki/$1', language: true, sameFamily: true }],
  ['ru', { url: 'http://ru.wikipedia.org/wiki/$1', language: true, sameFamily: true }],
  ['mi', { url: 'http://mi.wikipedia.org/wiki/$1', local: true, language: true, sameFamily: true }],
  ['mul', { url: 'http://wikisource.org/wiki/$1', sameFamily: true }],
  ['en', { url: '//en.wikipedia.org/wiki/$1', language: true, sameFamily: true }],
  ['stats', { url: 'https://stats.wikimedia.org/$1', sameFamily: true }],
  ['gerrit', { url: 'https://gerrit.wikimedia.org/$1', sameFamily: true }],
  ['wikinvest', { url: 'https://meta.wikimedia.org/wiki/Interwiki_map/discontinued#Wikinvest', sameFamily: true }],
]);

/** With the pmid-interwiki option, ParserTestRunner adds a 'pmid' prefix (T145590). */
const INTERWIKI_PMID = new Map([...INTERWIKI, ['pmid', { url: '//www.ncbi.nlm.nih.gov/pubmed/$1?dopt=Abstract' }]]);

/** PHP's var_export of a hook's input, as ParserTestParserHook::dumpHook prints it. */
function varExport(v: string | null | Record<string, string>): string {
  const str = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (v === null) return 'NULL';
  if (typeof v === 'string') return str(v);
  return `array (\n${Object.entries(v).map(([k, x]) => `  ${str(k)} => ${str(x)},\n`).join('')})`;
}

let staticBuffer: string | null = null;

/** The tags of MediaWiki's ParserTestParserHook: <tag>/<tåg> dump their input, <statictag> stores and flushes, <spantag> wraps. */
const TEST_HOOKS = new Map<string, TagHook>([
  ['tag', (content, attrs) => `<pre>\n${varExport(content)}\n${varExport(attrs)}\n</pre>`],
  ['tåg', (content, attrs) => `<pre>\n${varExport(content)}\n${varExport(attrs)}\n</pre>`],
  ['statictag', (content, attrs) => {
    const keys = Object.keys(attrs);
    if (keys.length === 0) {
      staticBuffer = content;
      return '';
    }
    if (keys.length === 1 && attrs.action === 'flush') {
      const out = staticBuffer ?? '';
      staticBuffer = null;
      return out;
    }
    return '';
  }],
  ['spantag', (content, _attrs, ctx, frame) => `<span>${ctx.recursiveTagParse(content ?? '', frame)}</span>`],
  ['divtag', (content, _attrs, ctx, frame) => `<div>${ctx.recursiveTagParse(content ?? '', frame)}</div>`],
  ['asidetag', () => '<aside>Some aside content</aside>'],
]);

const htmlAttrs = (a: Record<string, string>) => Object.entries(a).map(([k, v]) => ` ${k}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`).join('');

/** With the styletag option: <style> (content kept behind a nowiki marker, as Html::inlineStyle) and <link> hooks. */
const STYLE_HOOKS = new Map<string, TagHook>([
  ['style', (content, attrs, ctx) => `<style${htmlAttrs(attrs)}>${ctx.strip.addNoWiki(content ?? '')}</style>`],
  ['link', (_content, attrs) => `<link${htmlAttrs(attrs)} />`],
]);

const envCache = new Map<string, { pages: Map<string, string | null>; linkStatus: Map<string, LinkStatus>; files: Map<string, RenderFile> }>();

function worldFor(suite: Suite, language: string, file: string) {
  const cacheKey = `${language} ${suite.shareArticles ? '' : file}`;
  const cached = envCache.get(cacheKey);
  if (cached) return cached;
  const own = suite.files.find((f) => f.file === file);
  const articles = suite.shareArticles || !own ? suite.articles : new Map(own.articles.map((a) => [a.title, a.text]));
  const codec = titleCodec(language, META_NAMESPACE);
  const pages = new Map<string, string | null>();
  const linkStatus = new Map<string, LinkStatus>();
  for (const [name, text] of articles) {
    const r = codec.parse(name);
    if (!r.ok) continue;
    pages.set(r.title.key, text);
    linkStatus.set(r.title.key, /^#REDIRECT/i.test(text) ? 'redirect' : 'exists');
  }
  const files = new Map<string, RenderFile>();
  for (const u of UPLOADS) {
    const t = codec.make(6, u.name);
    files.set(t.key, uploadFile(u));
    if (!linkStatus.has(t.key)) linkStatus.set(t.key, 'exists');
  }
  const world = { pages, linkStatus, files };
  envCache.set(cacheKey, world);
  return world;
}

/** The messages a rendered page shows, in the content language (ParserTestRunner's user language is the content language). */
function pageLabels(language: string): WikitextEnv['labels'] {
  const m = languageData(language)?.messages ?? {};
  const labels: WikitextEnv['labels'] = {
    editSection: m.editSection ?? 'edit',
    redLink: (p) => (m.redLink ?? '$1 (page does not exist)').replace('$1', p),
    toc: 'Contents',
  };
  if (m.editSectionHint) labels.editSectionTitle = (h) => m.editSectionHint!.replace('$1', h);
  return labels;
}

export function testEnv(suite: Suite, t: ParserTest): WikitextEnv {
  const o = t.options;
  const language = optString(o.language) ?? 'en';
  const codec = titleCodec(language, META_NAMESPACE);
  const world = worldFor(suite, language, t.file);
  const parsed = codec.parse(optString(o.title) ?? 'Parser test');
  const title: Title = parsed.ok ? parsed.title : codec.make(0, 'Parser test');
  // ParserTestRunner's defaults: legacy fragment ids, 180px thumbnails.
  const options: Partial<WikitextOptions> = {
    subpages: Boolean(o.subpage),
    fragmentMode: ['legacy'],
    allowExternalImages: true,
    strictCss: false,
    noFollowDomainExceptions: ['no-nofollow.org'],
    // The Cite extension's test setting ($wgCiteUseLegacyBacklinkLabels): backlinks 1.0, 1.1…
    citeLegacyBacklinkLabels: true,
  };
  const variant = optString(o.variant) ?? optString(o.htmlvariantlanguage)?.split(',')[0];
  if (variant) options.variant = variant;
  if (o.thumbsize) options.thumbSize = Number(optString(o.thumbsize));
  if (o.wgallowexternalimages) options.allowExternalImages = !['false', '0'].includes(optString(o.wgallowexternalimages) ?? '');
  if (o.externallinktarget) options.externalLinkTarget = optString(o.externallinktarget) ?? '';
  if (o.wgmaxtoclevel) options.maxTocLevel = Number(optString(o.wgmaxtoclevel));
  if (o.wglinkholderbatchsize) options.linkHolderBatchSize = Number(optString(o.wglinkholderbatchsize));
  if (o.maxincludesize) options.maxIncludeSize = Number(optString(o.maxincludesize));
  if (o.maxtemplatedepth) options.maxTemplateDepth = Number(optString(o.maxtemplatedepth));
  if (o.wgnonincludablenamespaces) options.nonincludableNamespaces = [Number(optString(o.wgnonincludablenamespaces))];
  for (const [k, raw] of Object.entries(t.config)) {
    const v = configValue(raw);
    if (k === 'wgInterwikiMagic') options.interwikiMagic = Boolean(v);
    if (k === 'wgUsePigLatinVariant') options.pigLatinVariant = Boolean(v);
    if (k === 'wgFragmentMode' && Array.isArray(v)) options.fragmentMode = v as string[];
    if (k === 'wgEnableMagicLinks' && v && typeof v === 'object') options.magicLinks = v as Record<string, boolean>;
    if (k === 'wgAllowExternalImages') options.allowExternalImages = Boolean(v);
    if (k === 'wgAllowDisplayTitle') options.allowDisplayTitle = Boolean(v);
    if (k === 'wgRestrictDisplayTitle') options.restrictDisplayTitle = Boolean(v);
    if (k === 'wgExternalLinkTarget' && typeof v === 'string') options.externalLinkTarget = v;
    if (k === 'wgNoFollowLinks') options.noFollowLinks = Boolean(v);
    if (k === 'wgSVGNativeRendering') options.svgNativeRendering = Boolean(v);
    if (k === 'wgNoFollowDomainExceptions' && Array.isArray(v)) options.noFollowDomainExceptions = v as string[];
  }
  return {
    title,
    linkStatus: world.linkStatus,
    labels: pageLabels(language),
    editSections: true,
    files: world.files,
    pages: world.pages,
    interwiki: o['pmid-interwiki'] ? INTERWIKI_PMID : INTERWIKI,
    // $wgRawHtml: MediaWiki's <html> tag passes its content through unsanitised (never enabled in Maillage).
    tagHooks: new Map([
      ...TEST_HOOKS,
      ...(o.styletag ? STYLE_HOOKS : []),
      ...(o.wgrawhtml && optString(o.wgrawhtml) !== '0' ? [['html', (content: string | null) => content ?? ''] as const] : []),
    ]),
    now: 123_000,
    site: { server: 'http://example.org', articlePath: '/wiki/$1', script: '/index.php', siteName: 'MediaWiki', language, metaNamespace: META_NAMESPACE },
    // ParserTestRunner renders as revision 1337; only with lastsavedrevision is it a saved revision by the (anonymous) test user.
    revision: { id: 1337, timestamp: 123_000, user: o.lastsavedrevision ? '127.0.0.1' : '' },
    user: { name: '127.0.0.1', anonymous: true },
    statistics: { files: UPLOADS.length },
    options,
  };
}

function metadataLines(t: ParserTest, page: PageRender, env: WikitextEnv): string {
  const o = t.options;
  const lines: string[] = [];
  const escaped = env.title.full.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (o.showtitle) lines.push(page.displayTitle ?? page.convertedTitle ?? `<span lang="en" dir="ltr"><span class="mw-page-title-main">${escaped}</span></span>`);
  if (o.showindicators) for (const [id, html] of page.indicators) lines.push(`${id}=${html}`);
  if (o.showtocdata) {
    lines.push('Sections:');
    for (const h of page.headings) {
      const anchors = h.anchor === h.linkAnchor ? `anchor/linkAnchor:${h.anchor}` : `anchor:${h.anchor} linkAnchor:${h.linkAnchor}`;
      const title = h.sourceKey ?? 'NULL';
      lines.push(`${' '.repeat(h.tocLevel)}h${h.level} index:${h.section} toclevel:${h.tocLevel} number:${h.number} title:${title} off:${h.byteOffset ?? 'NULL'} ${anchors} line:${h.tocHtml}`);
    }
  }
  if (o.ill) for (const l of page.languageLinks) lines.push(`ill=${l}`);
  if (o.cat) for (const c of page.categories) lines.push(`cat=${c.name.replace(/ /g, '_')} sort=${c.sortKey}`);
  if (o.extlinks) for (const u of page.externalLinks) lines.push(`extlink=${u}`);
  if (o.links || o.special) {
    const seen = new Set<string>();
    for (const t of page.links) {
      if (seen.has(t.key)) continue;
      seen.add(t.key);
      if (t.namespace === -1 && o.special) lines.push(`special=${t.key}`);
      if (t.namespace !== -1 && o.links) lines.push(`link=${t.key}`);
    }
  }
  if (o.showmedia) lines.push(`images=${page.images.join(', ')}`);
  if (o.iwl) for (const l of page.interwikiLinks) lines.push(`iwl=${l}`);
  if (o.templates) for (const k of new Set(page.templates)) lines.push(`template=${k}`);
  if (o.property) {
    const names = Array.isArray(o.property) ? o.property : [optString(o.property) ?? ''];
    for (const name of names) if (page.properties.has(name)) lines.push(`property[${name}]=${page.properties.get(name)}`);
  }
  if (o.showflags) lines.push(`flags=${page.outputFlags.join(', ')}`);
  return lines.join('\n');
}

export function runTest(suite: Suite, t: ParserTest): Outcome {
  const reason = skipReason(t);
  if (reason) return { status: 'skip', reason };
  const env = testEnv(suite, t);
  const expectedHtml = legacyExpectation(t) ?? '';
  const expectedMeta = t.sections['metadata/php'] ?? t.sections.metadata;
  let actualHtml: string;
  let actualMeta = '';
  try {
    if (t.options.comment) {
      actualHtml = formatComment(t.sections.wikitext ?? '', env, { local: Boolean(t.options.local) });
    } else if (t.options.pst) {
      const page = renderWikitextPage(t.sections.wikitext ?? '', env, transformOf(t));
      actualHtml = page.html;
      if (t.options.showflags) actualMeta = `flags=${page.outputFlags.join(', ')}`;
    } else if (t.options.preload) {
      actualHtml = renderWikitextPage(t.sections.wikitext ?? '', env, { mode: 'preload' }).html;
    } else if (t.options.msg || t.options.section !== undefined || t.options.replace !== undefined) {
      actualHtml = renderWikitextPage(t.sections.wikitext ?? '', env, transformOf(t)).html;
    } else {
      const page = renderWikitextPage(t.sections.wikitext ?? '', env, undefined, { noToc: Boolean(t.options.notoc) });
      actualHtml = page.html.replace(/\s+$/, '');
      actualMeta = metadataLines(t, page, env);
    }
  } catch (e) {
    return { status: 'fail', expected: expectedHtml, actual: '', error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  const htmlOk = t.options.nohtml ? true : actualHtml === expectedHtml;
  const metaOk = expectedMeta === undefined || actualMeta.replace(/\s+$/, '') === expectedMeta.replace(/\s+$/, '');
  if (htmlOk && metaOk) return { status: 'pass' };
  return {
    status: 'fail',
    expected: expectedMeta !== undefined && !metaOk ? `${expectedHtml}\n--- metadata\n${expectedMeta}` : expectedHtml,
    actual: expectedMeta !== undefined && !metaOk ? `${actualHtml}\n--- metadata\n${actualMeta}` : actualHtml,
  };
}

function transformOf(t: ParserTest): { mode: 'msg' | 'pst' | 'section' | 'replace'; section?: string; replacement?: string } {
  const o = t.options;
  if (o.pst) return { mode: 'pst' };
  if (o.msg) return { mode: 'msg' };
  if (o.section !== undefined) return { mode: 'section', section: optString(o.section) };
  const r = Array.isArray(o.replace) ? o.replace : [optString(o.replace) ?? ''];
  return { mode: 'replace', section: r[0], replacement: r[1] ?? '' };
}

export function runAll(suite: Suite = loadSuite()): Result[] {
  const out: Result[] = [];
  for (const f of suite.files) for (const t of f.tests) out.push({ file: f.file, name: t.name, input: t.sections.wikitext ?? '', outcome: runTest(suite, t) });
  return out;
}

export const KNOWN_FAILURES = new URL('./known-failures.txt', import.meta.url).pathname;

export function failureKey(r: Pick<Result, 'file' | 'name'>): string {
  return `${r.file} :: ${r.name.replace(/\s+/g, ' ')}`;
}
