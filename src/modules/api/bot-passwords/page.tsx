import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../core/errors.ts';
import { formatDateTime } from '../../../core/i18n/index.ts';
import { sendPage } from '../../../core/http/render.ts';
import { Layout } from '../../../core/layout/Layout.tsx';
import { CsrfField, ErrorSummary, Field, Notice, SubmitButton, EMPTY_FORM, formTitle, type FormState } from '../../../core/layout/components.tsx';
import { isUniqueViolation, type Db } from '../../../core/db/index.ts';
import type { Clock } from '../../../core/clock.ts';
import { authorize } from '../../accounts/index.ts';
import { GRANT_NAMES, type Grant } from '../rights.ts';
import { apiStore, type BotPassword } from '../store.ts';

export const BOT_PASSWORDS_PATH = '/mots-de-passe-de-robots';
const NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,31}$/u;
/** Grants a user picks; `basic` (reading) always applies. */
const CHOSEN: Grant[] = GRANT_NAMES.filter((g) => g !== 'basic');

interface View {
  form: FormState;
  list: BotPassword[];
  created?: { login: string; secret: string };
  notice?: 'revoked';
}

function page(request: FastifyRequest, reply: FastifyReply, v: View, status = 200): FastifyReply {
  const { ctx } = request;
  if (ctx.actor.kind !== 'user') throw new AppError('login_required');
  const user = ctx.actor.user;
  const heading = ctx.t('api.botpasswords.title');
  const checked = new Set(v.form.values.grants ? v.form.values.grants.split(' ') : CHOSEN);
  return sendPage(reply, Layout({ ctx, title: formTitle(ctx, heading, v.form), children: [
    <h1 id="firstHeading">{heading}</h1>,
    v.created ? (
      <Notice>
        <p>{ctx.t('api.botpasswords.created')}</p>
        <dl class="bot-password">
          <dt>{ctx.t('api.botpasswords.login')}</dt><dd><code>{v.created.login}</code></dd>
          <dt>{ctx.t('api.botpasswords.password')}</dt><dd><code>{v.created.secret}</code></dd>
        </dl>
      </Notice>
    ) : null,
    v.notice === 'revoked' ? <Notice>{ctx.t('api.botpasswords.revoked')}</Notice> : null,
    <p>{ctx.t('api.botpasswords.intro', { login: `${user.name}@…` })}</p>,
    <h2>{ctx.t('api.botpasswords.existing')}</h2>,
    v.list.length === 0 ? <p>{ctx.t('api.botpasswords.none')}</p> : (
      <table class="wikitable">
        <caption>{ctx.t('api.botpasswords.existing')}</caption>
        <thead><tr>
          <th scope="col">{ctx.t('api.botpasswords.login')}</th>
          <th scope="col">{ctx.t('api.botpasswords.grants')}</th>
          <th scope="col">{ctx.t('api.botpasswords.last_used')}</th>
          <th scope="col"><span class="visually-hidden">{ctx.t('api.botpasswords.revoke')}</span></th>
        </tr></thead>
        <tbody>
          {v.list.map((bp) => (
            <tr>
              <td><code>{`${user.name}@${bp.name}`}</code></td>
              <td>{bp.grants.filter((g) => g !== 'basic').map((g) => ctx.t(`api.botpasswords.grant.${g}` as 'api.botpasswords.grant.editpage')).join(', ')}</td>
              <td>{bp.lastUsedAt ? formatDateTime(bp.lastUsedAt, ctx.locale) : ctx.t('api.botpasswords.never_used')}</td>
              <td>
                <form method="post" action={`${BOT_PASSWORDS_PATH}/revoquer`}>
                  <CsrfField ctx={ctx} />
                  <input type="hidden" name="id" value={String(bp.id)} />
                  <button type="submit" class="button" aria-label={`${ctx.t('api.botpasswords.revoke')} ${user.name}@${bp.name}`}>{ctx.t('api.botpasswords.revoke')}</button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    ),
    <h2>{ctx.t('api.botpasswords.new')}</h2>,
    <ErrorSummary ctx={ctx} form={v.form} labels={{ name: ctx.t('api.botpasswords.name') }} />,
    <form method="post" action={BOT_PASSWORDS_PATH} class="stack" novalidate>
      <CsrfField ctx={ctx} />
      <Field ctx={ctx} form={v.form} name="name" label={ctx.t('api.botpasswords.name')} hint={ctx.t('api.botpasswords.name_hint')} autocomplete="off" />
      <fieldset>
        <legend>{ctx.t('api.botpasswords.grants')}</legend>
        {CHOSEN.map((g) => (
          <div class="checkbox">
            <input type="checkbox" id={`f-grant-${g}`} name="grants" value={g} checked={checked.has(g)} />{' '}
            <label for={`f-grant-${g}`}>{ctx.t(`api.botpasswords.grant.${g}` as 'api.botpasswords.grant.editpage')}</label>
          </div>
        ))}
      </fieldset>
      <SubmitButton>{ctx.t('api.botpasswords.create')}</SubmitButton>
    </form>,
  ] }), status);
}

function requireUser(request: FastifyRequest): number {
  const { actor } = request.ctx;
  authorize(actor, 'account.manage');
  if (actor.kind !== 'user' || actor.sessionId.startsWith('bot:')) throw new AppError('login_required');
  return actor.user.id;
}

/** Spécial:Mots_de_passe_de_robots (Special:BotPasswords): list, create (secret shown once), revoke. */
export function botPasswordsPages(db: Db, clock: Clock) {
  const store = apiStore(db);
  const special = async (request: FastifyRequest, reply: FastifyReply) => {
    const userId = requireUser(request);
    const notice = (request.query as Record<string, unknown>).revoque === '1' ? 'revoked' : undefined;
    return page(request, reply, { form: EMPTY_FORM, list: await store.listBotPasswords(userId), notice });
  };
  const routes = async (app: FastifyInstance) => {
    app.post(BOT_PASSWORDS_PATH, async (request, reply) => {
      const userId = requireUser(request);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const name = typeof body.name === 'string' ? body.name.trim().replace(/\s+/g, ' ') : '';
      const raw = Array.isArray(body.grants) ? body.grants : [body.grants];
      const grants: Grant[] = ['basic', ...CHOSEN.filter((g) => raw.includes(g))];
      const values = { name, grants: grants.join(' ') };
      if (!NAME.test(name)) return page(request, reply, { form: { values, errors: { name: 'api.botpasswords.error.name' } }, list: await store.listBotPasswords(userId) }, 422);
      let secret: string;
      try {
        secret = await store.createBotPassword(userId, name, grants, clock.now());
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        return page(request, reply, { form: { values, errors: { name: 'api.botpasswords.error.taken' } }, list: await store.listBotPasswords(userId) }, 422);
      }
      reply.header('cache-control', 'no-store');
      const user = request.ctx.actor.kind === 'user' ? request.ctx.actor.user.name : '';
      return page(request, reply, { form: EMPTY_FORM, list: await store.listBotPasswords(userId), created: { login: `${user}@${name}`, secret } });
    });
    app.post(`${BOT_PASSWORDS_PATH}/revoquer`, async (request, reply) => {
      const userId = requireUser(request);
      const id = Number((request.body as Record<string, unknown> | undefined)?.id);
      if (Number.isSafeInteger(id) && id > 0) await store.revokeBotPassword(userId, id);
      return reply.redirect('/wiki/Sp%C3%A9cial:Mots_de_passe_de_robots?revoque=1', 303);
    });
  };
  return { special, routes };
}
