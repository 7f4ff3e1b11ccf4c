import { sql } from 'kysely';
import type { Executor } from '../../core/events.ts';
import { NS_FILE, collectLinks, render, titleFromKey, type ContentModel, type LinkStatus, type RenderResult, type Title } from '../markup/index.ts';
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

export async function renderWithLinks(db: Executor, title: Title, content: string, model: ContentModel, editSections: boolean, files?: FileLookup): Promise<RenderResult> {
  const keys = collectLinks(content, model);
  const linkStatus = await linkStatuses(db, keys);
  const embedded = files ? await files(db, keys.filter((k) => titleFromKey(k)?.namespace === NS_FILE)) : undefined;
  return render(content, model, { title, linkStatus, labels: LABELS, editSections, files: embedded });
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
  await db.deleteFrom('category_links').where('from_page_id', '=', pageId).execute();
  const seen = new Set<string>();
  const cats = result.categories
    .map((c) => ({ from_page_id: pageId, category: c.name.replace(/ /g, '_'), sort_key: c.sortKey }))
    .filter((c) => !seen.has(c.category) && seen.add(c.category));
  if (cats.length) await db.insertInto('category_links').values(cats).execute();
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
