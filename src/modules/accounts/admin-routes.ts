import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.ts';
import { formAction } from '../../core/http/forms.ts';
import { formBody, redirectWithNotice, sendPage } from '../../core/http/render.ts';
import { EMPTY_FORM, type FormState } from '../../core/layout/components.tsx';
import type { manage as manageFn } from './manage.ts';
import { can } from './policy.ts';
import { InvitationsPage, SettingsPage, UsersPage } from './views/admin.tsx';

/** Site settings (admin), the user list and roles (coordination reads, admin changes), invitations. */
export function adminRoutes(deps: { manage: ReturnType<typeof manageFn> }) {
  const { manage } = deps;
  return async (app: FastifyInstance) => {
    app.get('/admin', async (request, reply) => {
      const mode = await manage.signupMode(request.ctx.actor);
      return sendPage(reply, SettingsPage({ ctx: request.ctx, mode, form: EMPTY_FORM }));
    });
    app.post('/admin', async (request, reply) => {
      const body = formBody(request);
      return formAction(request, reply, async () => {
        await manage.setSignupMode(request.ctx.actor, body.signup_mode);
        return redirectWithNotice(reply, '/admin', 'saved');
      }, async (form, status) => {
        const mode = await manage.signupMode(request.ctx.actor);
        return sendPage(reply, SettingsPage({ ctx: request.ctx, mode, form }), status);
      });
    });

    async function usersPage(request: FastifyRequest, form: FormState) {
      const { actor } = request.ctx;
      const users = await manage.listUsers(actor);
      return UsersPage({ ctx: request.ctx, users, roles: manage.assignableRoles(actor), canSetRole: can(actor, 'users.setRole'), form });
    }

    app.get('/admin/utilisateurs', async (request, reply) => sendPage(reply, await usersPage(request, EMPTY_FORM)));
    app.post<{ Params: { id: string } }>('/admin/utilisateurs/:id/role', async (request, reply) => {
      const id = Number(request.params.id);
      if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('not_found');
      return formAction(request, reply, async () => {
        await manage.setRole(request.ctx.actor, id, formBody(request).role);
        return redirectWithNotice(reply, '/admin/utilisateurs', 'role_changed');
      }, async (form, status) => sendPage(reply, await usersPage(request, form), status));
    });

    app.get('/admin/invitations', async (request, reply) => {
      const { actor } = request.ctx;
      const pending = await manage.pendingInvitations(actor);
      return sendPage(reply, InvitationsPage({ ctx: request.ctx, pending, roles: manage.assignableRoles(actor), form: EMPTY_FORM }));
    });
    app.post('/admin/invitations', async (request, reply) => {
      const { actor, locale } = request.ctx;
      return formAction(request, reply, async () => {
        const link = await manage.invite(actor, formBody(request), locale);
        const pending = await manage.pendingInvitations(actor);
        return sendPage(reply, InvitationsPage({ ctx: request.ctx, pending, roles: manage.assignableRoles(actor), form: EMPTY_FORM, link }), 201);
      }, async (form, status) => {
        const pending = await manage.pendingInvitations(actor);
        return sendPage(reply, InvitationsPage({ ctx: request.ctx, pending, roles: manage.assignableRoles(actor), form }), status);
      });
    });
  };
}
