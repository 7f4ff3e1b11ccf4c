import { sql } from 'kysely';
import type { Executor } from '../../core/events.ts';
import { NS_FILE, collectLinks, redirectTarget, render, titleFromKey, type ContentModel, type LinkStatus, type RenderResult, type Title } from '../markup/index.ts';
import type { FileLookup } from './deps.ts';
import { dbTitle } from './store.ts';

/**
 * Rendered HTML is stored in the site's content language with placeholder tokens where
 * interface text goes; a view swaps them for the reader's language (as MediaWiki does with
 * its edit-section markers), so one stored render serves every reader.
 */
export const TOKENS = { editSection: '\u27E6mw-editsection\u27E7', redLink: '\u27E6mw-redlink\u27E7', toc: '\u27E6mw-toc\u27E7', redirectTo: '\u27E6mw-redirectto\u27E7' } as const;

const LABELS = {
  editSection: TOKENS.editSection,
  redLink: (page: string) => `${page} ${TOKENS.redLink}`,
  toc: TOKENS.toc,
  redirectTo: TOKENS.redirectTo,
};

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
}

export function renderLookups(): RenderLookups {
  return { linkStatus: new Map(), pages: new Map() };
}

export async function renderWithLinks(db: Executor, title: Title, content: string, model: ContentModel, editSections: boolean, files?: FileLookup, shared?: RenderLookups): Promise<RenderResult> {
  const keys = collectLinks(content, model);
  const linkStatus = shared?.linkStatus ?? new Map<string, LinkStatus>();
  const unknown = shared ? keys.filter((k) => !linkStatus.has(k)) : keys;
  for (const [k, status] of await linkStatuses(db, unknown)) linkStatus.set(k, status);
  if (shared) for (const k of unknown) if (!linkStatus.has(k)) linkStatus.set(k, 'missing');
  const embedded = files ? await files(db, keys.filter((k) => titleFromKey(k)?.namespace === NS_FILE)) : undefined;
  const env = { title, linkStatus, labels: LABELS, editSections, files: embedded };
  if (model !== 'wikitext') return render(content, model, env);
  const fileMap = new Map(embedded ?? []);

  // Wikitext: templates (and links written by templates) are only known once expanded. Each round
  // fetches what the last one lacked; the render is pure and synchronous.
  const pages = shared?.pages ?? new Map<string, string | null>();
  let result = render(content, model, { ...env, pages });
  for (let round = 1; round < MAX_ROUNDS; round++) {
    const unresolved = result.unresolved ?? [];
    const needSource = unresolved.filter((k) => !pages.has(k));
    const needStatus = [...new Set([...result.links, ...(result.redirect ? [result.redirect.key] : []), ...unresolved])].filter((k) => !linkStatus.has(k));
    if (!needSource.length && !needStatus.length) break;
    for (const [k, status] of await linkStatuses(db, needStatus)) linkStatus.set(k, status);
    // Absent from linkStatus means missing, which render assumes; recorded so it is not asked again.
    for (const k of needStatus) if (!linkStatus.has(k)) linkStatus.set(k, 'missing');
    const sources = await pageSources(db, needSource);
    for (const k of needSource) pages.set(k, sources.get(k) ?? null);
    const moreFiles = needStatus.filter((k) => titleFromKey(k)?.namespace === NS_FILE);
    if (files && moreFiles.length) for (const [k, f] of await files(db, moreFiles)) fileMap.set(k, f);
    result = render(content, model, { ...env, linkStatus, pages, files: files ? fileMap : undefined });
  }
  return result;
}

/** Latest content of live pages by key, following one redirect as MediaWiki does for transclusion. */
export async function pageSources(db: Executor, keys: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const key of keys) {
    let t = titleFromKey(key);
    for (let hop = 0; t && hop < 2; hop++) {
      const row = await db
        .selectFrom('pages')
        .innerJoin('revisions', 'revisions.id', 'pages.latest_rev_id')
        .select(['revisions.content', 'revisions.content_model', 'pages.is_redirect'])
        .where('pages.namespace', '=', t.namespace)
        .where('pages.title', '=', dbTitle(t))
        .where('pages.deleted_at', 'is', null)
        .executeTakeFirst();
      if (!row) break;
      const target = row.is_redirect ? redirectTarget(row.content, row.content_model as ContentModel) : undefined;
      if (!target || hop === 1) {
        out.set(key, row.content);
        break;
      }
      t = target;
    }
  }
  return out;
}

/** Stores the render of a page's latest revision and replaces its rows in the links tables. */
export async function storeRender(db: Executor, pageId: number, revId: number, result: RenderResult, now: number): Promise<void> {
  const row = { rev_id: revId, html: result.html, toc: result.toc, headings: JSON.stringify(result.headings), rendered_at: now };
  await db.insertInto('page_renders').values({ page_id: pageId, ...row }).onConflict((oc) => oc.column('page_id').doUpdateSet(row)).execute();

  // Only the difference is written: most edits keep most links.
  const links = dedupe(result.links.map((k) => titleFromKey(k)).filter((t): t is Title => Boolean(t)).map((t) => ({ from_page_id: pageId, to_namespace: t.namespace, to_title: dbTitle(t) })));
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
  const seen = new Set<string>();
  const cats = result.categories
    .map((c) => ({ from_page_id: pageId, category: c.name.replace(/ /g, '_'), sort_key: c.sortKey }))
    .filter((c) => !seen.has(c.category) && seen.add(c.category));
  const beforeKeys = new Map(before.map((c) => [c.category, c.sort_key]));
  const sameCategories = before.length === cats.length && cats.every((c) => beforeKeys.get(c.category) === c.sort_key);
  if (!sameCategories) {
    await db.deleteFrom('category_links').where('from_page_id', '=', pageId).execute();
    if (cats.length) await db.insertInto('category_links').values(cats).execute();
  }
  // A category page lists its members: when membership changes, it is touched (MediaWiki's page_touched).
  const key = (c: { category: string; sort_key: string }) => `${c.category}\n${c.sort_key}`;
  const now_ = new Set(cats.map(key));
  const was = new Set(before.map(key));
  const changed = [...new Set([...before.filter((c) => !now_.has(key(c))), ...cats.filter((c) => !was.has(key(c)))].map((c) => c.category))];
  // Strictly increasing, even for two changes within the same millisecond: caches compare it.
  const touched = sql<number>`case when touched_at >= ${now} then touched_at + 1 else ${now} end`;
  if (changed.length) await db.updateTable('pages').set({ touched_at: touched }).where('namespace', '=', 14).where('title', 'in', changed).execute();

  await db.deleteFrom('template_links').where('from_page_id', '=', pageId).execute();
  const templates = dedupe(result.templates.map((k) => titleFromKey(k)).filter((t): t is Title => Boolean(t)).map((t) => ({ from_page_id: pageId, to_namespace: t.namespace, to_title: dbTitle(t) })));
  if (templates.length) await db.insertInto('template_links').values(templates).execute();
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
