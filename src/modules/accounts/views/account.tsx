import type { Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../../../core/http/context.ts';
import { formatDateIso, LOCALES } from '../../../core/i18n/index.ts';
import { Layout } from '../../../core/layout/Layout.tsx';
import { CsrfField, ErrorSummary, Field, SubmitButton, formTitle, type FormState } from '../../../core/layout/components.tsx';
import { PASSWORD_MIN } from '../passwords.ts';
import type { User } from '../types.ts';
import { fieldLabels } from './auth.tsx';

export function AccountPage({ ctx, user, form }: { ctx: RequestContext; user: User; form: FormState }): Raw {
  return (
    <Layout ctx={ctx} title={formTitle(ctx, ctx.t('account.title'), form)}>
      <h1>{ctx.t('account.title')}</h1>
      <h2>{ctx.t('account.profile')}</h2>
      <dl class="profile">
        <dt>{ctx.t('form.name')}</dt><dd>{user.name}</dd>
        <dt>{ctx.t('form.email')}</dt><dd>{user.email}</dd>
        <dt>{ctx.t('form.role')}</dt><dd>{ctx.t(`role.${user.role}`)}</dd>
        <dt>{ctx.t('account.member_since')}</dt><dd><time datetime={new Date(user.createdAt).toISOString()}>{formatDateIso(user.createdAt)}</time></dd>
      </dl>

      <h2 id="langue">{ctx.t('account.language')}</h2>
      <form method="post" action="/compte/langue" class="stack">
        <CsrfField ctx={ctx} />
        <fieldset>
          <legend>{ctx.t('account.language')}</legend>
          {[...LOCALES, 'auto' as const].map((value) => (
            <div class="choice">
              <input type="radio" id={`locale-${value}`} name="locale" value={value} checked={(user.locale ?? 'auto') === value} />
              <label for={`locale-${value}`} lang={value === 'auto' ? undefined : value}>
                {value === 'auto' ? ctx.t('account.language_auto') : ctx.t(`lang.${value}`)}
              </label>
            </div>
          ))}
        </fieldset>
        <SubmitButton>{ctx.t('form.save')}</SubmitButton>
      </form>

      <h2 id="mot-de-passe">{ctx.t('account.password')}</h2>
      <ErrorSummary ctx={ctx} form={form} labels={fieldLabels(ctx)} />
      <form method="post" action="/compte/mot-de-passe" class="stack" novalidate>
        <CsrfField ctx={ctx} />
        <input type="text" name="username" value={user.email} autocomplete="username" hidden />
        <Field ctx={ctx} form={form} name="current_password" type="password" autocomplete="current-password" label={ctx.t('form.current_password')} />
        <Field ctx={ctx} form={form} name="password" type="password" autocomplete="new-password" label={ctx.t('form.new_password')} hint={ctx.t('form.password_hint', { min: PASSWORD_MIN })} />
        <Field ctx={ctx} form={form} name="password_confirm" type="password" autocomplete="new-password" label={ctx.t('form.password_confirm')} />
        <SubmitButton>{ctx.t('account.password_submit')}</SubmitButton>
      </form>
    </Layout>
  );
}
