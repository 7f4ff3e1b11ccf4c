import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../core/config.ts';
import { cookieNames, clearCookie, setCookie } from '../../core/http/cookies.ts';
import { formAction } from '../../core/http/forms.ts';
import { formBody, formString, redirectWithNotice, safeReturnPath, sendPage } from '../../core/http/render.ts';
import { isLocale } from '../../core/i18n/index.ts';
import { EMPTY_FORM } from '../../core/layout/components.tsx';
import type { Auth, Client, SignedIn } from './auth.ts';
import type { manage as manageFn } from './manage.ts';
import { SESSION_TTL_MS } from './sessions.ts';
import type { sessions as sessionsFn } from './sessions.ts';
import { AccountPage } from './views/account.tsx';
import { LoginPage, ResetPage, ResetRequestPage, SetupPage, SignupPage } from './views/auth.tsx';

export interface AccountsRouteDeps {
  config: Config;
  auth: Auth;
  manage: ReturnType<typeof manageFn>;
  sessions: ReturnType<typeof sessionsFn>;
}


export function client(request: FastifyRequest): Client {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null, locale: request.ctx.locale };
}

/** Sign-in, sign-up, password reset, first-run setup, language and the user's own account. */
export function accountsRoutes(deps: AccountsRouteDeps) {
  const secure = deps.config.publicUrl.startsWith('https:');
  const names = cookieNames(secure);

  function startSession(reply: FastifyReply, signedIn: SignedIn) {
    setCookie(reply, secure, names.session, signedIn.token, SESSION_TTL_MS / 1000);
  }

  return async (app: FastifyInstance) => {
    app.get('/connexion', async (request, reply) => {
      const returnTo = safeReturnPath((request.query as Record<string, unknown>).retour);
      return sendPage(reply, LoginPage({ ctx: request.ctx, form: EMPTY_FORM, returnTo }));
    });
    app.post('/connexion', async (request, reply) => {
      const body = formBody(request);
      const returnTo = safeReturnPath(body.retour);
      return formAction(request, reply, async () => {
        startSession(reply, await deps.auth.logIn(body, client(request)));
        return reply.redirect(returnTo, 303);
      }, (form, status) => sendPage(reply, LoginPage({ ctx: request.ctx, form, returnTo }), status));
    });

    app.post('/deconnexion', async (request, reply) => {
      if (request.ctx.actor.kind === 'user') await deps.sessions.revoke(request.ctx.actor.sessionId);
      clearCookie(reply, secure, names.session);
      return redirectWithNotice(reply, '/', 'logged_out');
    });

    app.get('/inscription', async (request, reply) => {
      const token = formString((request.query as Record<string, unknown>).invitation);
      const inviteOnly = (await deps.auth.signupMode()) === 'invite';
      if (!token) return sendPage(reply, SignupPage({ ctx: request.ctx, form: EMPTY_FORM, inviteOnly }));
      const invite = await deps.auth.checkInvitation(token).catch(() => undefined);
      if (!invite) return sendPage(reply, SignupPage({ ctx: request.ctx, form: { values: {}, errors: { _form: 'signup.invitation_invalid' } }, inviteOnly }), 400);
      const form = { values: { email: invite.email }, errors: {} };
      return sendPage(reply, SignupPage({ ctx: request.ctx, form, inviteOnly, invitation: { token, role: invite.role } }));
    });
    app.post('/inscription', async (request, reply) => {
      const body = formBody(request);
      return formAction(request, reply, async () => {
        startSession(reply, await deps.auth.signUp(body, client(request)));
        return redirectWithNotice(reply, '/', 'welcome');
      }, async (form, status) => {
        const token = formString(body.invitation);
        const invite = token ? await deps.auth.checkInvitation(token).catch(() => undefined) : undefined;
        const inviteOnly = (await deps.auth.signupMode()) === 'invite';
        const invitation = invite ? { token, role: invite.role } : undefined;
        return sendPage(reply, SignupPage({ ctx: request.ctx, form, inviteOnly, invitation }), status);
      });
    });

    app.get('/mot-de-passe/oubli', async (request, reply) =>
      sendPage(reply, ResetRequestPage({ ctx: request.ctx, form: EMPTY_FORM, sent: false })));
    app.post('/mot-de-passe/oubli', async (request, reply) => {
      const body = formBody(request);
      return formAction(request, reply, async () => {
        await deps.auth.requestPasswordReset(body, client(request));
        return sendPage(reply, ResetRequestPage({ ctx: request.ctx, form: { values: { email: formString(body.email) }, errors: {} }, sent: true }));
      }, (form, status) => sendPage(reply, ResetRequestPage({ ctx: request.ctx, form, sent: false }), status));
    });

    app.get('/mot-de-passe/reinitialiser', async (request, reply) => {
      const token = formString((request.query as Record<string, unknown>).jeton);
      const valid = token !== '' && (await deps.auth.resetTokenValid(token));
      return sendPage(reply, ResetPage({ ctx: request.ctx, form: EMPTY_FORM, token, valid }), valid ? 200 : 400);
    });
    app.post('/mot-de-passe/reinitialiser', async (request, reply) => {
      const token = formString((request.query as Record<string, unknown>).jeton);
      return formAction(request, reply, async () => {
        await deps.auth.resetPassword(token, formBody(request));
        clearCookie(reply, secure, names.session);
        return redirectWithNotice(reply, '/connexion', 'password_changed');
      }, async (form, status) => {
        const valid = await deps.auth.resetTokenValid(token);
        return sendPage(reply, ResetPage({ ctx: request.ctx, form, token, valid }), status);
      });
    });

    app.get('/installation', async (request, reply) => {
      const token = formString((request.query as Record<string, unknown>).jeton);
      const valid = token !== '' && (await deps.auth.setupTokenValid(token));
      return sendPage(reply, SetupPage({ ctx: request.ctx, form: EMPTY_FORM, token, valid }), valid ? 200 : 400);
    });
    app.post('/installation', async (request, reply) => {
      const token = formString((request.query as Record<string, unknown>).jeton);
      return formAction(request, reply, async () => {
        startSession(reply, await deps.auth.completeSetup(token, formBody(request), client(request)));
        return redirectWithNotice(reply, '/admin', 'setup_done');
      }, async (form, status) => {
        const valid = await deps.auth.setupTokenValid(token);
        return sendPage(reply, SetupPage({ ctx: request.ctx, form, token, valid }), status);
      });
    });

    /** Language switch from the header: remembered in a cookie, and on the account when signed in (POST). */
    app.post('/langue', async (request, reply) => {
      const body = formBody(request);
      const lang = body.lang;
      if (isLocale(lang)) {
        setCookie(reply, secure, names.lang, lang, 365 * 24 * 3600);
        await deps.manage.setLocale(request.ctx.actor, lang);
      }
      return reply.redirect(safeReturnPath(body.retour), 303);
    });
    /** The anonymous visitor's switch: only the cookie (a preference of this browser, nothing stored). */
    app.get('/langue', async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      if (isLocale(query.lang)) setCookie(reply, secure, names.lang, query.lang, 365 * 24 * 3600);
      return reply.redirect(safeReturnPath(query.retour), 303);
    });

    app.get('/compte', async (request, reply) => {
      const me = request.ctx.actor;
      if (me.kind !== 'user') return reply.redirect('/connexion?retour=%2Fcompte', 303);
      return sendPage(reply, AccountPage({ ctx: request.ctx, user: me.user, form: EMPTY_FORM }));
    });
    app.post('/compte/langue', async (request, reply) => {
      const locale = formBody(request).locale;
      const me = request.ctx.actor;
      if (me.kind !== 'user') return reply.redirect('/connexion?retour=%2Fcompte', 303);
      const value = isLocale(locale) ? locale : null;
      await deps.manage.setLocale(me, value);
      if (value) setCookie(reply, secure, names.lang, value, 365 * 24 * 3600);
      else clearCookie(reply, secure, names.lang);
      return redirectWithNotice(reply, '/compte', 'saved');
    });
    app.post('/compte/mot-de-passe', async (request, reply) => {
      const me = request.ctx.actor;
      return formAction(request, reply, async () => {
        await deps.manage.changePassword(me, formBody(request));
        return redirectWithNotice(reply, '/compte', 'password_changed');
      }, (form, status) => {
        if (me.kind !== 'user') return reply.redirect('/connexion', 303);
        return sendPage(reply, AccountPage({ ctx: request.ctx, user: me.user, form }), status);
      });
    });
  };
}
