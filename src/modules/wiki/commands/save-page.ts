import type { Actor } from '../../../core/actor.ts';
import { isUniqueViolation } from '../../../core/db/index.ts';
import { AppError } from '../../../core/errors.ts';
import { emit } from '../../../core/events.ts';
import { authorize } from '../../accounts/index.ts';
import { getSection, preSaveTransform, redirectTarget, replaceSection, type ContentModel } from '../../markup/index.ts';
import type { WikiDeps } from '../deps.ts';
import { mergeTexts } from '../merge.ts';
import { checkSaveGuard } from '../guards.ts';
import { assertCanEdit } from '../permissions.ts';
import { pageSources, renderWithLinks, storeRender } from '../render.ts';
import { byteLength, dbTitle, wikiStore } from '../store.ts';
import { MAX_PAGE_BYTES, MAX_SUMMARY_CHARS, type SaveInput, type SaveResult } from '../types.ts';

export function normalizeText(text: string): string {
  // MediaWiki normalises line endings and strips trailing whitespace at the end of a page.
  return text.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
}

/**
 * Creates or edits a page. The save carries the revision it started from; when the page has
 * moved on meanwhile, the two edits are merged three-way, and only if they overlap is the user
 * shown a conflict (nothing saved, their text kept). Never last-save-wins: the page row is
 * locked for the transaction (PostgreSQL) or the write is serialised (SQLite).
 */
export async function savePage(deps: WikiDeps, actor: Actor, input: SaveInput): Promise<SaveResult> {
  authorize(actor, 'pages.edit');
  if (input.title.namespace < 0) throw new AppError('validation_failed', {}, { _form: 'wiki.error.special' });
  if (input.summary.length > MAX_SUMMARY_CHARS) throw new AppError('validation_failed', { max: MAX_SUMMARY_CHARS }, { summary: 'wiki.error.summary_too_long' });
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await saveOnce(deps, actor, input);
      // The save's own events were handled in its transaction; this picks up anything else pending
      // (a failed one, other modules' events), which api.php's maxlag reports as lag.
      if (result.kind === 'saved') await deps.events.drain();
      return result;
    } catch (e) {
      // Two creations of the same title raced: the second retries and now sees the page.
      if (attempt === 0 && isUniqueViolation(e)) continue;
      throw e;
    }
  }
}

async function saveOnce(deps: WikiDeps, actor: Actor, input: SaveInput): Promise<SaveResult> {
  const user = actor.kind === 'user' ? actor.user : undefined;
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx): Promise<SaveResult> => {
    const store = wikiStore(trx, deps.engine);
    const page = await store.livePage(input.title, { lock: true });
    if (page) assertCanEdit(actor, page);
    await checkSaveGuard(deps, trx, actor, input.title);
    const base = input.baseRevId ? await store.revision(input.baseRevId) : undefined;
    if (input.baseRevId && (!base || (page && base.pageId !== page.id))) throw new AppError('validation_failed', {}, { _form: 'wiki.error.bad_base' });
    const baseText = base?.content ?? '';

    let mine = normalizeText(input.text);
    if (input.section === 'new') {
      const heading = (input.sectionTitle ?? '').trim();
      // The heading in the page's own syntax: `== X ==` in wikitext (as MediaWiki's section=new), `## X` in Markdown.
      const model = base?.contentModel ?? input.contentModel ?? 'markdown';
      const line = model === 'wikitext' ? `== ${heading} ==` : `## ${heading}`;
      mine = normalizeText(heading ? `${baseText}\n\n${line}\n\n${mine}` : `${baseText}\n\n${mine}`);
    } else if (input.section !== undefined) {
      if (getSection(baseText, input.section, base?.contentModel ?? 'markdown') === undefined) throw new AppError('validation_failed', {}, { _form: 'wiki.error.no_section' });
      mine = normalizeText(replaceSection(baseText, input.section, mine, base?.contentModel ?? 'markdown'));
    }
    if (byteLength(mine) > MAX_PAGE_BYTES) throw new AppError('payload_too_large');
    if (!page && mine === '') throw new AppError('validation_failed', {}, { text: 'wiki.error.empty_page' });

    let text = mine;
    let merged = false;
    const latest = page ? (base?.id === page.latestRevId ? base : await store.revision(page.latestRevId)) : undefined;
    if (latest && latest.id !== input.baseRevId) {
      const m = mergeTexts(baseText, latest.content, mine);
      if (!m.clean) return { kind: 'conflict', current: latest, mine };
      text = m.text;
      merged = true;
    }
    const model: ContentModel = input.contentModel ?? latest?.contentModel ?? 'markdown';
    // MediaWiki's pre-save transform for wikitext: signatures (~~~~) and the pipe trick ([[A (b)|]]).
    if (model === 'wikitext' && /~~~|\|\]\]|subst:/i.test(text)) {
      const pages = new Map<string, string | null>();
      const env = { title: input.title, linkStatus: new Map(), labels: { editSection: '', redLink: (p: string) => p, toc: '' }, editSections: false, now, pages, user: { name: user?.name ?? 'Maillage', anonymous: !user } };
      // {{subst:Modèle}} needs the template's text: fetched, then transformed again (templates nest).
      let pst = preSaveTransform(text, env);
      for (let round = 0; round < 4 && pst.unresolved.some((k) => !pages.has(k)); round++) {
        const wanted = pst.unresolved.filter((k) => !pages.has(k));
        const sources = await pageSources(trx, wanted);
        for (const k of wanted) pages.set(k, sources.get(k) ?? null);
        pst = preSaveTransform(text, env);
      }
      text = pst.text;
    }
    if (page && latest && text === latest.content) return { kind: 'unchanged', page };

    const pageId = page?.id ?? (await store.insertPage({ title: input.title, model, now }));
    const revision = await store.insertRevision({
      pageId, parentId: latest?.id ?? null, userId: user?.id ?? null, authorName: user?.name ?? 'Maillage',
      now, summary: input.summary.trim(), minor: Boolean(page) && input.minor, model, content: text,
    });
    await store.pointPageAt(pageId, revision, Boolean(redirectTarget(text, model)), now);
    await storeRender(trx, pageId, revision.id, await renderWithLinks(trx, input.title, text, model, true, deps.files), now);
    await trx.insertInto('recent_changes').values({
      created_at: now, kind: page ? 'edit' : 'new', namespace: input.title.namespace, title: dbTitle(input.title), page_id: pageId,
      rev_id: revision.id, old_rev_id: latest?.id ?? null, user_id: user?.id ?? null, author_name: revision.authorName,
      summary: revision.summary, minor: revision.minor ? 1 : 0, bot: input.bot ? 1 : 0, old_size: latest?.size ?? null, new_size: revision.size, log_id: null,
    }).execute();
    const payload = { pageId, revId: revision.id, namespace: input.title.namespace, title: dbTitle(input.title), actorId: user?.id ?? null, actorName: revision.authorName };
    // The save's side effects (search index, links, notifications) commit with it.
    await deps.events.handleNow(trx, [await emit(trx, page ? 'page.edited' : 'page.created', payload, now)]);
    const saved = await store.pageById(pageId);
    return { kind: 'saved', page: saved!, revision, created: !page, merged };
  });
}
