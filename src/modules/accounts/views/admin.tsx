import type { Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../../../core/http/context.ts';
import { formatDateIso } from '../../../core/i18n/index.ts';
import { Layout } from '../../../core/layout/Layout.tsx';
import { CsrfField, ErrorSummary, Field, SubmitButton, colon, formTitle, type FormState } from '../../../core/layout/components.tsx';
import type { Invitation, Role, SignupMode, User } from '../types.ts';
import { fieldLabels } from './auth.tsx';

export function SettingsPage({ ctx, mode, form }: { ctx: RequestContext; mode: SignupMode; form: FormState }): Raw {
  return (
    <Layout ctx={ctx} title={formTitle(ctx, ctx.t('admin.title'), form)}>
      <h1>{ctx.t('admin.title')}</h1>
      <ErrorSummary ctx={ctx} form={form} labels={{ signup_mode: ctx.t('admin.signup_mode') }} />
      <form method="post" action="/admin" class="stack">
        <CsrfField ctx={ctx} />
        <fieldset>
          <legend>{ctx.t('admin.signup_mode')}</legend>
          {(['open', 'invite'] as const).map((value) => (
            <div class="choice">
              <input type="radio" id={`signup-${value}`} name="signup_mode" value={value} checked={mode === value} />
              <label for={`signup-${value}`}>{ctx.t(value === 'open' ? 'admin.signup_open' : 'admin.signup_invite')}</label>
            </div>
          ))}
        </fieldset>
        <SubmitButton>{ctx.t('form.save')}</SubmitButton>
      </form>
    </Layout>
  );
}

interface UsersProps {
  ctx: RequestContext;
  users: User[];
  roles: Role[];
  canSetRole: boolean;
  form: FormState;
}

export function UsersPage({ ctx, users, roles, canSetRole, form }: UsersProps): Raw {
  return (
    <Layout ctx={ctx} title={formTitle(ctx, ctx.t('users.title'), form)}>
      <h1>{ctx.t('users.title')}</h1>
      <ErrorSummary ctx={ctx} form={form} labels={{}} />
      <div class="table-wrap">
        <table>
          <caption>{ctx.t('users.caption', { count: users.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{ctx.t('form.name')}</th>
              <th scope="col">{ctx.t('form.email')}</th>
              <th scope="col">{ctx.t('form.role')}</th>
              <th scope="col">{ctx.t('users.created')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr>
                <th scope="row">{u.name}</th>
                <td>{u.email}</td>
                <td>
                  {canSetRole ? (
                    <form method="post" action={`/admin/utilisateurs/${u.id}/role`} class="inline-form">
                      <CsrfField ctx={ctx} />
                      <label for={`role-${u.id}`} class="visually-hidden">{ctx.t('users.change_role', { name: u.name })}</label>
                      <select id={`role-${u.id}`} name="role">
                        {roles.map((r) => <option value={r} selected={r === u.role}>{ctx.t(`role.${r}`)}</option>)}
                      </select>{' '}
                      <button type="submit" class="button secondary">{ctx.t('users.apply')}</button>
                    </form>
                  ) : ctx.t(`role.${u.role}`)}
                </td>
                <td>{formatDateIso(u.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

interface InvitationsProps {
  ctx: RequestContext;
  pending: Invitation[];
  roles: Role[];
  form: FormState;
  link?: string;
}

export function InvitationsPage({ ctx, pending, roles, form, link }: InvitationsProps): Raw {
  const selected = form.values.role ?? 'contributor';
  return (
    <Layout ctx={ctx} title={formTitle(ctx, ctx.t('invite.title'), form)}>
      <h1>{ctx.t('invite.title')}</h1>
      {link ? <div class="notice" role="status"><p>{ctx.t('notice.invited')}</p><p>{ctx.t('invite.link')} <code>{link}</code></p></div> : null}
      <h2>{ctx.t('invite.new')}</h2>
      <ErrorSummary ctx={ctx} form={form} labels={fieldLabels(ctx)} />
      <form method="post" action="/admin/invitations" class="stack" novalidate>
        <CsrfField ctx={ctx} />
        <Field ctx={ctx} form={form} name="email" type="email" autocomplete="off" label={ctx.t('form.email')} />
        <div class={form.errors.role ? 'field field-error' : 'field'}>
          <label for="f-role">{ctx.t('form.role')}</label>
          <select id="f-role" name="role">
            {roles.map((r) => <option value={r} selected={r === selected}>{ctx.t(`role.${r}`)}</option>)}
          </select>
        </div>
        <SubmitButton>{ctx.t('invite.submit')}</SubmitButton>
      </form>
      <h2>{ctx.t('invite.pending')}</h2>
      {pending.length === 0 ? <p>{ctx.t('invite.none')}</p> : (
        <ul>
          {pending.map((i) => <li>{colon(ctx, i.email, `${ctx.t(`role.${i.role}`)} (${ctx.t('invite.expires')} ${formatDateIso(i.expiresAt)})`)}</li>)}
        </ul>
      )}
    </Layout>
  );
}
