import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../../../core/errors.ts';
import { formBody, formString, redirectWithNotice, sendPage } from '../../../core/http/render.ts';
import { EMPTY_FORM, type FormState } from '../../../core/layout/components.tsx';
import { translate } from '../../../core/i18n/index.ts';
import { authorize } from '../../accounts/index.ts';
import { getSection, titleUrl, type Title } from '../../markup/index.ts';
import { sideBySideDiff } from '../diff.ts';
import { mergeTexts } from '../merge.ts';
import { assertCanEdit } from '../permissions.ts';
import type { Query } from '../routes.ts';
import type { Wiki } from '../service.ts';
import { EditPage, type EditModel } from '../views/edit.tsx';
import { intParam, renderLabels } from './labels.ts';

/** Automatic edit summaries are content, written in the wiki's language. */
const CONTENT_LOCALE = 'fr-CA' as const;


function sectionParam(value: string | undefined): number | 'new' | undefined {
  if (value === 'new') return 'new';
  if (value !== undefined && /^\d{1,4}$/.test(value)) return Number(value);
  return undefined;
}

export function editHandlers(wiki: Wiki) {
  async function model(title: Title, query: Query): Promise<Omit<EditModel, 'form'>> {
    const page = await wiki.page(title);
    const latest = page ? await wiki.revision(page.latestRevId) : undefined;
    const section = sectionParam(query.section);
    let text = latest?.content ?? '';
    let summary = '';
    const undo = intParam(query.undo);
    const oldid = intParam(query.oldid);
    if (latest && undo) {
      // Undo: take the change between undoafter and undo out of the current text (a 3-way merge).
      const undone = await wiki.revision(undo);
      const after = await wiki.revision(intParam(query.undoafter) ?? undone?.parentId ?? 0);
      if (!undone || !after || undone.pageId !== page!.id || after.pageId !== page!.id) throw new AppError('not_found');
      const m = mergeTexts(undone.content, latest.content, after.content);
      if (m.clean) text = m.text;
      summary = translate(CONTENT_LOCALE, 'wiki.summary.undo', { id: undone.id, author: undone.authorName });
    } else if (latest && oldid) {
      const old = await wiki.revision(oldid);
      if (!old || old.pageId !== page!.id) throw new AppError('not_found');
      text = old.content;
      summary = translate(CONTENT_LOCALE, 'wiki.summary.revert', { id: old.id, author: old.authorName });
    } else if (typeof section === 'number') {
      text = getSection(text, section, latest?.contentModel ?? 'markdown') ?? '';
    } else if (section === 'new') {
      text = '';
    }
    return { title, exists: Boolean(page), contentModel: latest?.contentModel ?? 'markdown', text, summary, minor: false, baseRevId: latest?.id ?? null, section };
  }

  function guard(request: FastifyRequest, page: { protectEdit: Parameters<typeof assertCanEdit>[1]['protectEdit'] } | undefined) {
    authorize(request.ctx.actor, 'pages.edit');
    if (page) assertCanEdit(request.ctx.actor, page);
  }

  return {
    async form(request: FastifyRequest, reply: FastifyReply, title: Title, query: Query) {
      if (title.namespace < 0) throw new AppError('bad_request');
      guard(request, await wiki.page(title));
      const refusal = await wiki.saveRefusal(request.ctx.actor, title);
      return sendPage(reply, EditPage({ ctx: request.ctx, m: { ...(await model(title, query)), form: refusal ? { values: {}, errors: { _form: refusal } } : EMPTY_FORM } }));
    },

    async submit(request: FastifyRequest, reply: FastifyReply, title: Title) {
      const { ctx } = request;
      const body = formBody(request);
      const page = await wiki.page(title);
      guard(request, page);
      const contentModel = page?.contentModel ?? 'markdown';
      const section = sectionParam(formString(body.section) || undefined);
      const input = {
        title,
        text: formString(body.text),
        summary: formString(body.summary),
        minor: body.minor === '1',
        baseRevId: intParam(formString(body.base_rev)) ?? null,
        section,
        sectionTitle: formString(body.section_title),
      };
      const again = (form: FormState, extra: Partial<EditModel> = {}, status = 200) =>
        sendPage(reply, EditPage({ ctx, m: { title, exists: Boolean(page), contentModel, text: input.text, summary: input.summary, minor: input.minor, baseRevId: input.baseRevId, section, sectionTitle: input.sectionTitle, form, ...extra } }), status);

      if (body.do === 'preview') {
        const r = await wiki.renderTransient(title, input.text, contentModel, renderLabels(ctx));
        return again(EMPTY_FORM, { preview: { html: r.toc + r.html } });
      }
      try {
        const result = await wiki.save(ctx.actor, input);
        if (result.kind === 'conflict') {
          // Nothing saved. The user keeps their full text; saving again starts from the current revision.
          return sendPage(reply, EditPage({ ctx, m: {
            title, exists: true, contentModel, text: result.mine, summary: input.summary, minor: input.minor, baseRevId: result.current.id,
            conflict: { currentText: result.current.content, diff: sideBySideDiff(result.current.content, result.mine) }, form: EMPTY_FORM,
          } }), 409);
        }
        return redirectWithNotice(reply, titleUrl(title), result.kind === 'saved' ? (result.merged ? 'merged' : 'saved') : 'unchanged');
      } catch (e) {
        if (isAppError(e) && (e.code === 'validation_failed' || e.code === 'payload_too_large')) {
          const errors = Object.keys(e.fields).length ? e.fields : { text: `error.${e.code}.message` };
          return again({ values: {}, errors, params: e.params }, {}, e.status);
        }
        throw e;
      }
    },
  };
}
