import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../../core/errors.ts';
import { formBody, formString, redirectWithNotice, sendPage } from '../../core/http/render.ts';
import type { FormState } from '../../core/layout/components.tsx';
import { can } from '../accounts/index.ts';
import { parseTitle, titleUrl, type Title } from '../markup/index.ts';
import type { NetworkDeps } from './service.ts';
import { TRANSFER_ACTIONS, TRANSFER_CATEGORIES, isTransferAction, transferTagsOf, withTransferTags, type TransferAction } from './transfer.ts';
import { valuesOf } from './views/common.tsx';
import { TagForm, TransferAction as TransferActionPage, TransferHome } from './views/transfer.tsx';

/** Pages in a category (key form), from the wiki's category tables. */
export type CategoryMembers = (category: string, limit: number) => Promise<Array<{ title: Title }>>;

const MAX_LISTED = 500;

/** The transfer actions' portal pages, and the form that tags any page with them. */
export function transferRoutes(deps: NetworkDeps, categoryMembers: CategoryMembers) {
  const members = async (a: TransferAction) => (await categoryMembers(TRANSFER_CATEGORIES[a].replace(/ /g, '_'), MAX_LISTED)).map((m) => m.title);

  async function tagForm(request: FastifyRequest, reply: FastifyReply, key: string, form: FormState | undefined, status = 200) {
    if (!can(request.ctx.actor, 'pages.edit')) throw new AppError(request.ctx.actor.kind === 'user' ? 'forbidden' : 'login_required');
    const t = parseTitle(key);
    const page = t.ok && t.title.namespace >= 0 ? await deps.wiki.page(t.title) : undefined;
    const rev = page ? await deps.wiki.revision(page.latestRevId) : undefined;
    if (!t.ok || !rev) throw new AppError('not_found');
    const checked = form ? valuesOf(formBody(request).actions) : new Set<string>(transferTagsOf(rev.content));
    return sendPage(reply, TagForm({ ctx: request.ctx, title: t.title, form: form ?? { values: {}, errors: {} }, checked, baseRevId: rev.id }), status);
  }

  return async (app: FastifyInstance) => {
    app.get('/reseau/transfert', async (request, reply) => {
      const counts = Object.fromEntries(await Promise.all(TRANSFER_ACTIONS.map(async (a) => [a, (await members(a)).length] as const))) as Record<TransferAction, number>;
      return sendPage(reply, TransferHome({ ctx: request.ctx, counts }));
    });
    app.get('/reseau/transfert/etiqueter', async (request, reply) => {
      const t = parseTitle(formString((request.query as Record<string, unknown>).page));
      if (!t.ok) throw new AppError('not_found');
      return reply.redirect(`/reseau/transfert/etiqueter/${encodeURIComponent(t.title.key).replace(/%2F/g, '/').replace(/%3A/g, ':')}`, 303);
    });
    app.get('/reseau/transfert/etiqueter/*', async (request, reply) => tagForm(request, reply, (request.params as { '*': string })['*'], undefined));
    app.post('/reseau/transfert/etiqueter/*', async (request, reply) => {
      const key = (request.params as { '*': string })['*'];
      const body = formBody(request);
      try {
        const t = parseTitle(key);
        if (!t.ok) throw new AppError('not_found');
        const base = await deps.wiki.revision(Number(formString(body.base_rev)));
        const page = await deps.wiki.page(t.title);
        if (!page || !base || base.pageId !== page.id) throw new AppError('not_found');
        const actions = [...valuesOf(body.actions)].filter(isTransferAction);
        const r = await deps.wiki.save(request.ctx.actor, { title: t.title, text: withTransferTags(base.content, actions), summary: request.ctx.t('network.transfer.summary'), minor: false, baseRevId: base.id });
        if (r.kind === 'conflict') throw new AppError('validation_failed', {}, { _form: 'network.error.conflict' });
        return redirectWithNotice(reply, titleUrl(t.title), 'saved');
      } catch (e) {
        if (!isAppError(e) || e.code !== 'validation_failed') throw e;
        return tagForm(request, reply, key, { values: {}, errors: e.fields }, e.status);
      }
    });
    app.get('/reseau/transfert/:action', async (request, reply) => {
      const action = (request.params as { action: string }).action;
      if (!isTransferAction(action)) throw new AppError('not_found');
      return sendPage(reply, TransferActionPage({ ctx: request.ctx, action, pages: await members(action) }));
    });
  };
}
