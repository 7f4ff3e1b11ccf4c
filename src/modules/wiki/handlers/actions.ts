import type { FastifyReply, FastifyRequest } from 'fastify';
import { isRole } from '../../../core/actor.ts';
import { AppError } from '../../../core/errors.ts';
import { formAction } from '../../../core/http/forms.ts';
import { formBody, formString, redirectWithNotice, sendPage } from '../../../core/http/render.ts';
import { EMPTY_FORM } from '../../../core/layout/components.tsx';
import { authorize } from '../../accounts/index.ts';
import { parseTitle, titleUrl, type Title } from '../../markup/index.ts';
import type { Wiki } from '../service.ts';
import { ActionPage, type PageAction } from '../views/actions.tsx';

const PERMISSION = { move: 'pages.move', delete: 'pages.delete', undelete: 'pages.delete', protect: 'pages.protect' } as const;

/** Move, delete, undelete and protect: a confirmation form, then the command. */
export function actionHandlers(wiki: Wiki) {
  async function show(request: FastifyRequest, reply: FastifyReply, title: Title, action: PageAction, form = EMPTY_FORM, status = 200) {
    const page = await wiki.page(title);
    if (action === 'undelete' ? page || (await wiki.deletedPages(title)).length === 0 : !page) throw new AppError('not_found');
    return sendPage(reply, ActionPage({ ctx: request.ctx, title, action, protectLevel: page?.protectEdit ?? null, form }), status);
  }

  return {
    async form(request: FastifyRequest, reply: FastifyReply, title: Title, action: PageAction) {
      authorize(request.ctx.actor, PERMISSION[action]);
      return show(request, reply, title, action);
    },

    async submit(request: FastifyRequest, reply: FastifyReply, title: Title, action: PageAction) {
      const { actor } = request.ctx;
      authorize(actor, PERMISSION[action]);
      const body = formBody(request);
      const reason = formString(body.reason);
      return formAction(request, reply, async () => {
        if (action === 'delete') {
          await wiki.delete(actor, title, reason);
          return redirectWithNotice(reply, titleUrl(title), 'deleted');
        }
        if (action === 'undelete') {
          await wiki.undelete(actor, title, reason);
          return redirectWithNotice(reply, titleUrl(title), 'restored');
        }
        if (action === 'protect') {
          const level = formString(body.level);
          await wiki.protect(actor, title, level === '' ? null : isRole(level) ? level : (() => { throw new AppError('validation_failed', {}, { level: 'field.role.invalid' }); })(), reason);
          return redirectWithNotice(reply, titleUrl(title), 'saved');
        }
        const target = parseTitle(formString(body.target));
        if (!target.ok) throw new AppError('validation_failed', {}, { target: `wiki.${target.error}` });
        await wiki.move(actor, { from: title, to: target.title, reason, leaveRedirect: body.redirect === '1', moveTalk: body.talk === '1' });
        return redirectWithNotice(reply, titleUrl(target.title), 'moved');
      }, (form, status) => show(request, reply, title, action, form, status));
    },

    async watch(request: FastifyRequest, reply: FastifyReply, title: Title, on: boolean) {
      const { actor } = request.ctx;
      if (on) await wiki.watchlist.watch(actor, title);
      else await wiki.watchlist.unwatch(actor, title);
      return redirectWithNotice(reply, titleUrl(title), on ? 'watched' : 'unwatched');
    },
  };
}
