import { sql } from 'kysely';
import { reusedStatement } from '../../core/db/reused.ts';
import type { Executor } from '../../core/events.ts';
import { NS_FILE, collectLinks, namespaceByName, redirectTarget, render, resolveLinks, templateCandidates, titleFromKey, type ContentModel, type LinkStatus, type RenderOptions, type RenderResult, type Title } from '../markup/index.ts';
import type { FileLookup } from './deps.ts';
import { dbTitle } from './store.ts';
import type { RenderJob } from './render/job.ts';
import { LABELS, TOKENS } from './render/labels.ts';
import type { RenderPool } from './render/pool.ts';

export { TOKENS } from './render/labels.ts';

/** Existence of each link target, in one query per namespace. */
export async function linkStatuses(db: Executor, keys: readonly string[]): Promise<Map<string, LinkStatus>> {
  const byNs = new Map<number, Map<string, string>>();
  for (const key of keys) {
    const t = titleFromKey(key);
    if (!t) continue;
    const m = byNs.get(t.namespace) ?? new Map<string, string>();
    m.set(dbTitle(t), key);
    byNs.set(t.namespace, m);
  }
  const statuses = new Map<string, LinkStatus>();
  for (const [ns, titles] of byNs) {
    const names = [...titles.keys()];
    for (let i = 0; i < names.length; i += 500) {
      const rows = await db
        .selectFrom('pages')
        .select(['title', 'is_redirect'])
        .where('namespace', '=', ns)
        .where('title', 'in', names.slice(i, i + 500))
        .where('deleted_at', 'is', null)
        .execute();
      for (const r of rows) statuses.set(titles.get(r.title)!, r.is_redirect ? 'redirect' : 'exists');
    }
  }
  return statuses;
}

/** How many times a wikitext page is rendered again with the pages it asked for (templates nest). */
const MAX_ROUNDS = 5;

/**
 * What a run of renders may share while the pages do not change (an import's render phase):
 * link statuses and page sources already looked up.
 */
export interface RenderLookups {
  linkStatus: Map<string, LinkStatus>;
  pages: Map<string, string | null>;
  /** templateCandidates of the pages in `pages`, by key. */
  candidates: Map<string, string[]>;
  /** collectLinks and templateCandidates of the sources being rendered, by source text (prefetchLookups reads them first). */
  sources: Map<string, SourceKeys>;
}

interface SourceKeys {
  /** collectLinks: computed when first asked (rendering for indexing never asks). */
  links?: string[];
  candidates: string[];
}

export function renderLookups(): RenderLookups {
  return { linkStatus: new Map(), pages: new Map(), candidates: new Map(), sources: new Map() };
}

/** templateCandidates of a source, and its collectLinks when `withLinks`, once per run of renders sharing `shared`. */
function sourceKeys(content: string, model: ContentModel, shared: RenderLookups | undefined, withLinks: boolean): { links: string[]; candidates: string[] } {
  let keys = shared?.sources.get(content);
  if (!keys) {
    keys = { candidates: model === 'wikitext' ? templateCandidates(content) : [] };
    shared?.sources.set(content, keys);
  }
  if (withLinks) keys.links ??= collectLinks(content, model);
  return { links: keys.links ?? [], candidates: keys.candidates };
}

/** RenderOptions, and what the caller knows of the wiki: `noFiles`, no uploaded file exists (WikitextEnv.noFiles). */
export type WikiRenderOptions = RenderOptions & { noFiles?: boolean };

/** The source's link keys worth looking up before rendering: for indexing (wikitext), only files' (a missing file is a tracking category), none when there is no file. */
function keysToLookUp(content: string, model: ContentModel, shared: RenderLookups | undefined, options: WikiRenderOptions): { keys: string[]; fileKeys: string[]; candidates: string[] } {
  const indexOnly = options.forIndex === true && model === 'wikitext';
  const { links, candidates } = sourceKeys(content, model, shared, !(indexOnly && options.noFiles));
  const fileKeys = options.noFiles ? [] : links.filter((k) => titleFromKey(k)?.namespace === NS_FILE);
  return { keys: indexOnly ? fileKeys : links, fileKeys, candidates };
}

export async function renderWithLinks(db: Executor, title: Title, content: string, model: ContentModel, editSections: boolean, files?: FileLookup, shared?: RenderLookups, pool?: RenderPool, options: WikiRenderOptions = {}): Promise<RenderResult> {
  // Rendering for indexing looks up no link status: it changes only the HTML, which is not kept.
  const { keys, fileKeys, candidates } = keysToLookUp(content, model, shared, options);
  const linkStatus = shared?.linkStatus ?? new Map<string, LinkStatus>();
  await lookUpStatuses(db, linkStatus, shared ? keys.filter((k) => !linkStatus.has(k)) : keys);
  const embedded = files && !options.noFiles ? await files(db, fileKeys) : undefined;
  const env = { title, linkStatus, labels: LABELS, editSections, files: embedded };
  if (model !== 'wikitext') return render(content, model, env, options);
  const fileMap = new Map(embedded ?? []);

  // Wikitext: templates (and files or #ifexist targets written by templates) are only known once
  // expanded. Each round fetches what the last one lacked; the render is pure and synchronous.
  // Links to pages not looked up yet are deferred: filled in at the end, without rendering again.
  const pages = shared?.pages ?? new Map<string, string | null>();
  const wikitextEnv = { ...env, pages, deferLinkStatus: true, files: files ? fileMap : undefined, noFiles: options.noFiles };
  // Pages with uploaded files render here: a file's thumbnail URLs are functions, which do not cross threads.
  const inWorker = pool && !pool.broken && fileMap.size === 0;
  // Keys an earlier render reported unresolved: looked up here, and sent to the worker from then on
  // (the shared maps may already know a key that the page's own lookups did not send).
  const asked = new Set<string>();
  const renderOnce = (): Promise<RenderResult> | RenderResult => {
    if (!inWorker) return render(content, model, wikitextEnv, options);
    const job: RenderJob = {
      titleKey: title.key, content, model, editSections, forIndex: options.forIndex, noFiles: options.noFiles,
      statuses: [...new Set([...keys, ...asked])].filter((k) => linkStatus.has(k)).map((k) => [k, linkStatus.get(k)!]),
      pages: [...transcluded(candidates, pages, asked, shared)].map((k) => [k, pages.get(k) ?? null]),
    };
    // A worker that fails (it died, or could not start) leaves the page to this thread.
    return pool.render(job).catch(() => render(content, model, wikitextEnv, options));
  };
  let result = await renderOnce();
  for (let round = 1; round < MAX_ROUNDS; round++) {
    // Asked again for a key it was given (as missing when absent): nothing more to fetch.
    const fresh = (result.unresolved ?? []).filter((k) => !asked.has(k));
    if (fresh.length === 0) break;
    for (const k of fresh) asked.add(k);
    const needSource = fresh.filter((k) => !pages.has(k));
    const needStatus = fresh.filter((k) => !linkStatus.has(k));
    await lookUpStatuses(db, linkStatus, needStatus);
    const sources = await pageSources(db, needSource);
    for (const k of needSource) pages.set(k, sources.get(k) ?? null);
    const moreFiles = needStatus.filter((k) => titleFromKey(k)?.namespace === NS_FILE);
    if (files && moreFiles.length) for (const [k, f] of await files(db, moreFiles)) fileMap.set(k, f);
    // A file found: this page renders here from now on (see inWorker).
    result = inWorker && fileMap.size > 0 ? render(content, model, wikitextEnv, options) : await renderOnce();
  }
  const deferred = result.deferredLinks ?? [];
  if (deferred.length === 0 || options.forIndex) return result;
  await lookUpStatuses(db, linkStatus, [...new Set(deferred.map((t) => t.key))].filter((k) => !linkStatus.has(k)));
  return resolveLinks(result, linkStatus, wikitextEnv);
}

/**
 * The keys of the pages a wikitext source transcludes, as far as `pages` knows them: its
 * template candidates (given), theirs, and so on, plus the keys earlier rounds asked for (names the
 * candidates could not guess). What a worker thread needs of the shared `pages` map.
 */
function transcluded(candidates: readonly string[], pages: ReadonlyMap<string, string | null>, asked: ReadonlySet<string>, shared?: RenderLookups): Set<string> {
  const out = new Set<string>();
  const queue = [...candidates, ...asked];
  while (queue.length > 0) {
    const key = queue.pop()!;
    if (out.has(key) || !pages.has(key)) continue;
    out.add(key);
    const text = pages.get(key);
    if (text) queue.push(...candidatesOf(text, key, shared));
  }
  return out;
}

function candidatesOf(text: string, key: string, shared?: RenderLookups): string[] {
  if (!shared) return templateCandidates(text);
  let list = shared.candidates.get(key);
  if (!list) shared.candidates.set(key, (list = templateCandidates(text)));
  return list;
}

/**
 * Fills shared lookups before a batch of pages is rendered: the statuses of the links their
 * sources name, and the templates they seem to transclude, nested (`templateCandidates`). Most
 * pages then render in one pass; what the guess missed is fetched by renderWithLinks' rounds.
 */
export async function prefetchLookups(db: Executor, lookups: RenderLookups, sources: ReadonlyArray<{ content: string; model: ContentModel }>, options: WikiRenderOptions = {}): Promise<void> {
  const keys = new Set<string>();
  for (const s of sources) for (const k of keysToLookUp(s.content, s.model, lookups, options).keys) if (!lookups.linkStatus.has(k)) keys.add(k);
  await lookUpStatuses(db, lookups.linkStatus, [...keys]);
  // The sources' own candidates first, then those of the pages found, nested.
  let texts: Array<[string | undefined, string]> = sources.filter((s) => s.model === 'wikitext').map((s) => [undefined, s.content]);
  for (let depth = 0; depth < MAX_ROUNDS && texts.length > 0; depth++) {
    const wanted = new Set<string>();
    for (const [key, text] of texts) for (const k of key === undefined ? sourceKeys(text, 'wikitext', lookups, false).candidates : candidatesOf(text, key, lookups)) if (!lookups.pages.has(k)) wanted.add(k);
    if (wanted.size === 0) break;
    const found = await pageSources(db, [...wanted]);
    texts = [];
    for (const k of wanted) {
      const text = found.get(k) ?? null;
      lookups.pages.set(k, text);
      if (text) texts.push([k, text]);
    }
  }
}

/** Adds the statuses of `keys` to `linkStatus`; a key not found is recorded as missing, so it is not asked again. */
async function lookUpStatuses(db: Executor, linkStatus: Map<string, LinkStatus>, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  const found = await linkStatuses(db, keys);
  for (const k of keys) linkStatus.set(k, found.get(k) ?? 'missing');
}

/** Latest content of live pages by key, following one redirect as MediaWiki does for transclusion. */
export async function pageSources(db: Executor, keys: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  // key → the title to read next (the key's own, then its redirect target's).
  let wanted = new Map<string, Title>();
  for (const key of keys) {
    const t = titleFromKey(key);
    if (t) wanted.set(key, t);
  }
  for (let hop = 0; hop < 2 && wanted.size > 0; hop++) {
    const rows = await latestByTitle(db, [...wanted.values()]);
    const next = new Map<string, Title>();
    for (const [key, t] of wanted) {
      const row = rows.get(`${t.namespace}:${dbTitle(t)}`);
      if (!row) continue;
      const target = row.is_redirect ? redirectTarget(row.content, row.content_model as ContentModel) : undefined;
      if (!target || hop === 1) out.set(key, row.content);
      else next.set(key, target);
    }
    wanted = next;
  }
  return out;
}

/** Latest revision of each live page, by 'namespace:db title', one query per namespace and 500 titles. */
async function latestByTitle(db: Executor, titles: readonly Title[]): Promise<Map<string, { content: string; content_model: string; is_redirect: number }>> {
  const byNs = new Map<number, Set<string>>();
  for (const t of titles) {
    const set = byNs.get(t.namespace) ?? new Set<string>();
    set.add(dbTitle(t));
    byNs.set(t.namespace, set);
  }
  const out = new Map<string, { content: string; content_model: string; is_redirect: number }>();
  for (const [ns, set] of byNs) {
    const names = [...set];
    for (let i = 0; i < names.length; i += 500) {
      const rows = await db
        .selectFrom('pages')
        .innerJoin('revisions', 'revisions.id', 'pages.latest_rev_id')
        .select(['pages.title', 'revisions.content', 'revisions.content_model', 'pages.is_redirect'])
        .where('pages.namespace', '=', ns)
        .where('pages.title', 'in', names.slice(i, i + 500))
        .where('pages.deleted_at', 'is', null)
        .execute();
      for (const r of rows) out.set(`${ns}:${r.title}`, { content: r.content, content_model: r.content_model, is_redirect: Number(r.is_redirect) });
    }
  }
  return out;
}

/** Stores the render of a page's latest revision and replaces its rows in the links tables. */
export async function storeRender(db: Executor, pageId: number, revId: number, result: RenderResult, now: number): Promise<void> {
  const row = { rev_id: revId, html: result.html, toc: result.toc, headings: JSON.stringify(result.headings), rendered_at: now };
  await db.insertInto('page_renders').values({ page_id: pageId, ...row }).onConflict((oc) => oc.column('page_id').doUpdateSet(row)).execute();

  // Only the difference is written: most edits keep most links.
  const links = targetRows(pageId, result.links);
  const linkKey = (l: { to_namespace: number; to_title: string }) => `${l.to_namespace}:${l.to_title}`;
  const current = await db.selectFrom('page_links').select(['to_namespace', 'to_title']).where('from_page_id', '=', pageId).execute();
  const wanted = new Set(links.map(linkKey));
  const existing = new Set(current.map(linkKey));
  const gone = current.filter((l) => !wanted.has(linkKey(l)));
  const added = links.filter((l) => !existing.has(linkKey(l)));
  for (const ns of new Set(gone.map((l) => l.to_namespace))) {
    const titles = gone.filter((l) => l.to_namespace === ns).map((l) => l.to_title);
    for (let i = 0; i < titles.length; i += 500) {
      await db.deleteFrom('page_links').where('from_page_id', '=', pageId).where('to_namespace', '=', ns).where('to_title', 'in', titles.slice(i, i + 500)).execute();
    }
  }
  for (let i = 0; i < added.length; i += 200) await db.insertInto('page_links').values(added.slice(i, i + 200)).execute();

  const before = await db.selectFrom('category_links').select(['category', 'sort_key']).where('from_page_id', '=', pageId).execute();
  const cats = categoryRows(pageId, result);
  // A category page lists its members: when membership changes, it is touched (MediaWiki's page_touched).
  const changed = categoryChanges(before, cats);
  if (changed.length > 0 || before.length !== cats.length) {
    await db.deleteFrom('category_links').where('from_page_id', '=', pageId).execute();
    if (cats.length) await db.insertInto('category_links').values(cats).execute();
  }
  if (changed.length) await db.updateTable('pages').set({ touched_at: touchedAt(now) }).where('namespace', '=', 14).where('title', 'in', changed).execute();

  await db.deleteFrom('template_links').where('from_page_id', '=', pageId).execute();
  const templates = targetRows(pageId, result.templates);
  if (templates.length) await db.insertInto('template_links').values(templates).execute();
}

/**
 * storeRender for many pages at once (an import's or a re-render's batch): each table is
 * written with a few multi-row statements instead of several statements per page. The pages'
 * link rows are replaced whole rather than diffed.
 */
export async function storeRenders(db: Executor, items: ReadonlyArray<{ pageId: number; revId: number; result: RenderResult; forIndex?: boolean }>, now: number, engine?: 'sqlite' | 'postgres'): Promise<void> {
  if (items.length === 0) return;
  const ids = items.map((x) => x.pageId);
  // A render made for indexing (RenderOptions.forIndex) fills the links tables only: the page renders on its next view.
  for (const chunk of chunks(items.filter((x) => !x.forIndex), 100)) {
    const rows = chunk.map((x) => ({ page_id: x.pageId, rev_id: x.revId, html: x.result.html, toc: x.result.toc, headings: JSON.stringify(x.result.headings), rendered_at: now }));
    await db.insertInto('page_renders').values(rows).onConflict((oc) => oc.column('page_id').doUpdateSet((eb) => ({
      rev_id: eb.ref('excluded.rev_id'), html: eb.ref('excluded.html'), toc: eb.ref('excluded.toc'), headings: eb.ref('excluded.headings'), rendered_at: eb.ref('excluded.rendered_at'),
    }))).execute();
  }
  const before = new Map<number, Array<{ category: string; sort_key: string }>>();
  for (const chunk of chunks(ids, 500)) {
    await db.deleteFrom('page_links').where('from_page_id', 'in', chunk).execute();
    await db.deleteFrom('template_links').where('from_page_id', 'in', chunk).execute();
    for (const c of await db.selectFrom('category_links').select(['from_page_id', 'category', 'sort_key']).where('from_page_id', 'in', chunk).execute()) {
      const list = before.get(c.from_page_id) ?? [];
      list.push(c);
      before.set(c.from_page_id, list);
    }
  }
  await insertTargets(db, engine, 'page_links', items.flatMap((x) => targetRows(x.pageId, x.result.links)));
  await insertTargets(db, engine, 'template_links', items.flatMap((x) => targetRows(x.pageId, x.result.templates)));

  // Categories: only pages whose membership changed are rewritten, and those categories touched.
  const changedPages: number[] = [];
  const newRows: Array<{ from_page_id: number; category: string; sort_key: string }> = [];
  const touched = new Set<string>();
  for (const x of items) {
    const cats = categoryRows(x.pageId, x.result);
    const was = before.get(x.pageId) ?? [];
    const diff = categoryChanges(was, cats);
    if (diff.length === 0 && was.length === cats.length) continue;
    changedPages.push(x.pageId);
    newRows.push(...cats);
    for (const c of diff) touched.add(c);
  }
  for (const chunk of chunks(changedPages, 500)) await db.deleteFrom('category_links').where('from_page_id', 'in', chunk).execute();
  for (const chunk of chunks(newRows, 300)) await db.insertInto('category_links').values(chunk).execute();
  for (const chunk of chunks([...touched], 500)) await db.updateTable('pages').set({ touched_at: touchedAt(now) }).where('namespace', '=', 14).where('title', 'in', chunk).execute();
}

type TargetRow = { from_page_id: number; to_namespace: number; to_title: string };

/**
 * Inserts links-table rows (an import writes about 50 links per page). Knowing the engine: on
 * SQLite, statements of LINK_ROWS rows, built once (reusedStatement); on PostgreSQL, 20,000
 * rows at a time as one JSON parameter. Else multi-row statements built by Kysely.
 */
async function insertTargets(db: Executor, engine: 'sqlite' | 'postgres' | undefined, table: 'page_links' | 'template_links', rows: readonly TargetRow[]): Promise<void> {
  if (!engine) {
    for (const chunk of chunks(rows, 300)) await db.insertInto(table).values(chunk).execute();
    return;
  }
  if (engine === 'sqlite') {
    const insert = reusedStatement((chunk: readonly TargetRow[]) => db.insertInto(table).values(chunk), (r: TargetRow) => [r.from_page_id, r.to_namespace, r.to_title]);
    for (const chunk of chunks(rows, LINK_ROWS)) await insert(db, chunk);
    return;
  }
  for (const chunk of chunks(rows, 20_000)) {
    const json = JSON.stringify(chunk.map((r) => [r.from_page_id, r.to_namespace, r.to_title]));
    await sql`insert into ${sql.table(table)} (from_page_id, to_namespace, to_title) select (e ->> 0)::integer, (e ->> 1)::integer, e ->> 2 from json_array_elements(${json}::json) as e`.execute(db);
  }
}

/** Rows per links-table statement on SQLite. */
const LINK_ROWS = 100;

/** The category rows of a render, once per category (the last sort key given wins, as in `settleCategories`). */
function categoryRows(pageId: number, result: RenderResult): Array<{ from_page_id: number; category: string; sort_key: string }> {
  const seen = new Set<string>();
  return result.categories
    .map((c) => ({ from_page_id: pageId, category: c.name.replace(/ /g, '_'), sort_key: c.sortKey }))
    .filter((c) => !seen.has(c.category) && seen.add(c.category));
}

/** Categories whose membership (or the page's sort key in them) differs between two lists of rows. */
function categoryChanges(before: ReadonlyArray<{ category: string; sort_key: string }>, after: ReadonlyArray<{ category: string; sort_key: string }>): string[] {
  const key = (c: { category: string; sort_key: string }) => `${c.category}\n${c.sort_key}`;
  const now = new Set(after.map(key));
  const was = new Set(before.map(key));
  return [...new Set([...before.filter((c) => !now.has(key(c))), ...after.filter((c) => !was.has(key(c)))].map((c) => c.category))];
}

/** Strictly increasing, even for two changes within the same millisecond: caches compare it. */
function touchedAt(now: number) {
  return sql<number>`case when touched_at >= ${now} then touched_at + 1 else ${now} end`;
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Rows of page_links / template_links for the keys a render gave, once each. */
function targetRows(pageId: number, keys: readonly string[]): Array<{ from_page_id: number; to_namespace: number; to_title: string }> {
  const rows: Array<{ from_page_id: number; to_namespace: number; to_title: string }> = [];
  for (const k of keys) {
    const t = keyTarget(k);
    if (t) rows.push({ from_page_id: pageId, to_namespace: t.namespace, to_title: t.title });
  }
  return dedupe(rows);
}

/**
 * The namespace and stored title of a link key. Keys come from the title codec, canonical
 * (`Catégorie:Chantiers_actifs`): a namespace name before the first colon, or none. Reading
 * them so gives what titleFromKey and dbTitle give, without parsing each again (an import
 * writes about 50 links per page, over more distinct targets than titleFromKey memoises).
 */
export function keyTarget(key: string): { namespace: number; title: string } | undefined {
  const colon = key.indexOf(':');
  const ns = colon > 0 ? namespaceByName(key.slice(0, colon)) : undefined;
  const start = ns && ns.id !== 0 ? colon + 1 : 0;
  // Anything a codec would not have written (an empty title, leading ':' or '_', a lower-case initial) is parsed.
  const first = key.codePointAt(start);
  if (first === undefined || first === 0x3a || first === 0x5f) return fromTitle(key);
  const initial = String.fromCodePoint(first);
  if (initial.toUpperCase() !== initial) return fromTitle(key);
  return { namespace: start === 0 ? 0 : ns!.id, title: start === 0 ? key : key.slice(start) };
}

/** keyTarget for what is not plainly canonical: parsed. */
function fromTitle(key: string): { namespace: number; title: string } | undefined {
  const t = titleFromKey(key);
  return t ? { namespace: t.namespace, title: dbTitle(t) } : undefined;
}

function dedupe<T extends { to_namespace: number; to_title: string }>(rows: T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const k = `${r.to_namespace}:${r.to_title}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Swaps the placeholder tokens of a stored render for the reader's language. */
export function localizeRender(html: string, labels: { editSection: string; redLink: string; toc: string; redirectTo: string }): string {
  return html
    .replaceAll(TOKENS.editSection, labels.editSection)
    .replaceAll(TOKENS.redLink, labels.redLink)
    .replaceAll(TOKENS.toc, labels.toc)
    .replaceAll(TOKENS.redirectTo, labels.redirectTo);
}
