import { createHash } from 'node:crypto';
import { isAppError } from '../../../core/errors.ts';
import { getSection, parseTitle, redirectTarget, type ContentModel, type Title } from '../../markup/index.ts';
import type { Page, SaveInput } from '../../wiki/index.ts';
import type { ActionModule, ApiCall } from '../context.ts';
import { ApiError, apiErrors } from '../errors.ts';
import { isoTimestamp } from '../params.ts';

const MAX_SUMMARY = 500;
const MODELS = ['wikitext', 'markdown'] as const;

function md5(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

async function target(call: ApiCall): Promise<{ title: Title; page: Page | undefined }> {
  const p = call.params;
  if (p.has('title') && p.has('pageid')) throw apiErrors.onlyOne(['title', 'pageid']);
  if (p.has('pageid')) {
    const id = p.int('pageid', { min: 0 }) ?? 0;
    const page = (await call.deps.wiki.apiQueries.pagesByIds([id]))[0];
    if (!page) throw apiErrors.noSuchPageId(String(id));
    return { title: page.title, page };
  }
  const raw = p.str('title');
  if (raw === undefined) throw apiErrors.oneOf(['title', 'pageid']);
  const r = parseTitle(raw);
  if (!r.ok) throw apiErrors.invalidTitle(raw);
  if (r.title.namespace < 0) throw new ApiError('pagecannotexist', "Namespace doesn't allow actual pages.");
  return { title: r.title, page: await call.deps.wiki.wiki.page(r.title) };
}

function heading(model: ContentModel, text: string): string {
  return model === 'wikitext' ? `== ${text} ==` : `## ${text}`;
}

/** Save errors of the wiki module, as MediaWiki's codes. */
function mapSaveError(e: unknown): never {
  if (!isAppError(e)) throw e;
  const form = e.fields._form ?? e.fields.text;
  switch (e.code) {
    case 'page_protected':
      throw apiErrors.protectedPage();
    case 'forbidden':
    case 'login_required':
      throw apiErrors.permissionDenied('edit this page');
    case 'payload_too_large':
      throw new ApiError('contenttoobig', 'The content you supplied exceeds the page size limit of 2,048 kibibytes.', { max: 2 * 1024 * 1024 });
    case 'rate_limited':
      throw apiErrors.ratelimited();
    case 'validation_failed':
      if (form === 'wiki.error.no_section') throw new ApiError('nosuchsection', 'There is no such section.');
      if (form === 'wiki.error.empty_page') throw new ApiError('emptypage', 'Creating new, empty pages is not allowed.');
      if (form === 'wiki.error.bad_base') throw new ApiError('editconflict', 'Edit conflict.');
      if (form === 'wiki.error.special') throw new ApiError('pagecannotexist', "Namespace doesn't allow actual pages.");
      // A module's save guard (the network's Personne: pages), as MediaWiki's extension hooks refusing an edit.
      if (e.params.guard !== undefined) throw new ApiError('hookaborted', 'The modification you tried to make was aborted by an extension.');
      throw new ApiError('invalid-content-data', 'Invalid content data.');
    default:
      throw e;
  }
}

/**
 * action=edit. `basetimestamp` names the revision the client started from: when the page moved on,
 * the wiki merges the two edits three-way and only a real overlap is an `editconflict`. Without
 * it the edit applies to the current revision, as in MediaWiki.
 */
export const editAction: ActionModule = {
  name: 'edit',
  mustBePosted: true,
  token: 'csrf',
  parameters: ['title', 'pageid', 'section', 'sectiontitle', 'text', 'summary', 'tags', 'minor', 'notminor', 'bot', 'baserevid', 'basetimestamp', 'starttimestamp', 'recreate', 'createonly', 'nocreate', 'watch', 'unwatch', 'watchlist', 'md5', 'prependtext', 'appendtext', 'undo', 'undoafter', 'redirect', 'contentformat', 'contentmodel', 'token'],
  async execute(call) {
    const p = call.params;
    if (!call.rights.has('edit')) throw apiErrors.permissionDenied('edit pages');
    const wiki = call.deps.wiki;
    let { title, page } = await target(call);
    if (p.bool('redirect') && page?.isRedirect) {
      // redirect=1: edit the page the redirect points to.
      const rev = (await wiki.apiQueries.revisionsByIds([page.latestRevId]))[0];
      const to = rev ? redirectTarget(rev.content, rev.contentModel) : undefined;
      if (to && to.namespace >= 0) {
        title = to;
        page = await wiki.wiki.page(to);
      }
    }
    if (p.has('undo')) throw new ApiError('undofailure', 'Undoing an edit through the API is not supported yet.');

    if (p.bool('createonly') && page) throw new ApiError('articleexists', 'The article you tried to create has been created already.');
    if (p.bool('nocreate') && !page) throw apiErrors.missingTitle();
    if (!page && !call.rights.has('createpage')) throw new ApiError('cantcreate', "You don't have permission to create new pages.");
    const start = p.timestamp('starttimestamp');
    if (!page && start !== undefined && !p.bool('recreate')) {
      const deleted = await wiki.apiQueries.lastDeletedAt(title);
      if (deleted !== undefined && deleted > start) throw new ApiError('pagedeleted', 'The page has been deleted since you fetched its timestamp.');
    }

    const text = p.str('text');
    const append = p.str('appendtext');
    const prepend = p.str('prependtext');
    if (text === undefined && append === undefined && prepend === undefined) throw apiErrors.oneOf(['text', 'appendtext', 'prependtext', 'undo']);
    if (text !== undefined && (append !== undefined || prepend !== undefined)) throw apiErrors.onlyOne(['text', append !== undefined ? 'appendtext' : 'prependtext']);
    const hash = p.str('md5');
    if (hash !== undefined && hash.toLowerCase() !== md5(text ?? `${prepend ?? ''}${append ?? ''}`)) throw new ApiError('badmd5', 'The supplied MD5 hash was incorrect.');

    const modelParam = p.enumOf('contentmodel', MODELS);
    const format = p.str('contentformat');
    if (format !== undefined && !['text/x-wiki', 'text/markdown', 'text/plain'].includes(format)) throw apiErrors.badValue('contentformat', format);
    const model: ContentModel = modelParam ?? page?.contentModel ?? 'wikitext';
    const latest = page ? (await wiki.apiQueries.revisionsByIds([page.latestRevId]))[0] : undefined;
    const current = latest?.content ?? '';

    let baseRevId: number | null = page?.latestRevId ?? null;
    const baseRev = p.int('baserevid', { min: 0 });
    const baseAt = p.timestamp('basetimestamp');
    if (page && baseRev !== undefined) {
      const r = (await wiki.apiQueries.revisionsByIds([baseRev]))[0];
      if (!r || r.pageId !== page.id) throw apiErrors.noSuchRevId(String(baseRev));
      baseRevId = r.id;
    } else if (page && baseAt !== undefined) {
      // Timestamps are printed to the second: the base is the last revision of that second.
      baseRevId = (await wiki.apiQueries.revisionAt(page.id, baseAt + 999))?.id ?? page.latestRevId;
    }

    const sectionParam = p.str('section');
    let summary = (p.str('summary') ?? '').slice(0, MAX_SUMMARY);
    const input: SaveInput = { title, text: '', summary, minor: p.bool('minor') && !p.bool('notminor'), baseRevId };
    if (modelParam || !page) input.contentModel = model;

    if (sectionParam === 'new') {
      const sectionTitle = p.str('sectiontitle') ?? p.str('summary') ?? '';
      if (!p.has('sectiontitle') && !p.has('summary')) call.warnings.add('edit', 'Neither "sectiontitle" nor "summary" was given: the new section has no heading.');
      if (p.has('sectiontitle') && !p.has('summary')) summary = `/* ${sectionTitle} */ new section`.slice(0, MAX_SUMMARY);
      const body = text ?? `${prepend ?? ''}${append ?? ''}`;
      const section = sectionTitle ? `${heading(model, sectionTitle)}\n\n${body}` : body;
      // A new section goes at the end of the current text, whatever the base.
      input.text = current ? `${current}\n\n${section}` : section;
      input.summary = summary;
      input.baseRevId = page?.latestRevId ?? null;
    } else if (sectionParam !== undefined) {
      if (!/^(T-)?\d{1,5}$/.test(sectionParam)) throw new ApiError('invalidsection', 'The "section" parameter must be a valid section ID or "new".');
      if (!page || !latest) throw apiErrors.missingTitle();
      const n = Number(sectionParam.replace('T-', ''));
      const existing = getSection(current, n, latest.contentModel);
      if (existing === undefined) throw new ApiError('nosuchsection', `There is no section ${n}.`);
      input.section = n;
      if (text !== undefined) input.text = text;
      else {
        input.text = `${prepend ?? ''}${existing.replace(/\s+$/, '')}${append ?? ''}`;
        input.baseRevId = page.latestRevId;
      }
    } else if (text !== undefined) {
      input.text = text;
    } else {
      input.text = `${prepend ?? ''}${current}${append ?? ''}`;
      input.baseRevId = page?.latestRevId ?? null;
    }
    if (p.bool('bot') && !call.rights.has('bot')) call.warnings.add('edit', 'The "bot" flag needs the "bot" right; the edit is not marked as a bot edit.');
    else if (p.bool('bot')) input.bot = true;

    let result;
    try {
      result = await wiki.wiki.save(call.actor, input);
    } catch (e) {
      mapSaveError(e);
    }
    if (result.kind === 'conflict') throw new ApiError('editconflict', 'Edit conflict.');
    if (result.kind === 'unchanged') {
      return { edit: { result: 'Success', pageid: result.page.id, title: result.page.title.full, contentmodel: result.page.contentModel, nochange: true, watched: false } };
    }
    const edit: Record<string, unknown> = {
      ...(result.created ? { new: true } : {}),
      result: 'Success',
      pageid: result.page.id,
      title: result.page.title.full,
      contentmodel: result.revision.contentModel,
      oldrevid: result.revision.parentId ?? 0,
      newrevid: result.revision.id,
      newtimestamp: isoTimestamp(result.revision.createdAt),
      watched: false,
    };
    if (result.merged) call.warnings.add('edit', 'The page was changed since the base revision; both changes were merged.');
    return { edit };
  },
};
