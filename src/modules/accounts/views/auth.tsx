import type { Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../../../core/http/context.ts';
import { Layout } from '../../../core/layout/Layout.tsx';
import { Alert, CsrfField, formTitle, ErrorSummary, Field, SubmitButton, type FormState } from '../../../core/layout/components.tsx';
import { PASSWORD_MIN } from '../passwords.ts';
import type { Role } from '../types.ts';

function passwordFields(ctx: RequestContext, form: FormState, name = 'password'): Raw {
  return (
    <>
      <Field ctx={ctx} form={form} name={name} type="password" autocomplete="new-password" label={ctx.t(name === 'password' ? 'form.password' : 'form.new_password')} hint={ctx.t('form.password_hint', { min: PASSWORD_MIN })} />
      <Field ctx={ctx} form={form} name="password_confirm" type="password" autocomplete="new-password" label={ctx.t('form.password_confirm')} />
    </>
  );
}

function labels(ctx: RequestContext): Record<string, string> {
  return {
    name: ctx.t('form.name'), email: ctx.t('form.email'), password: ctx.t('form.password'),
    password_confirm: ctx.t('form.password_confirm'), current_password: ctx.t('form.current_password'), role: ctx.t('form.role'),
  };
}

export { labels as fieldLabels };

export function LoginPage({ ctx, form, returnTo }: { ctx: RequestContext; form: FormState; returnTo: string }): Raw {
  return (
    <Layout ctx={ctx} title={formTitle(ctx, ctx.t('login.title'), form)}>
      <h1>{ctx.t('login.title')}</h1>
      <ErrorSummary ctx={ctx} form={form} labels={labels(ctx)} />
      <form method="post" action="/connexion" class="stack" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="retour" value={returnTo} />
        <Field ctx={ctx} form={form} name="email" type="email" autocomplete="username" label={ctx.t('form.email')} />
        <Field ctx={ctx} form={form} name="password" type="password" autocomplete="current-password" label={ctx.t('form.password')} />
        <SubmitButton>{ctx.t('login.submit')}</SubmitButton>
      </form>
      <ul class="links">
        <li><a href="/mot-de-passe/oubli">{ctx.t('login.forgot')}</a></li>
        <li>{ctx.t('login.no_account')} <a href="/inscription">{ctx.t('nav.signup')}</a></li>
      </ul>
    </Layout>
  );
}

interface SignupProps {
  ctx: RequestContext;
  form: FormState;
  /** Invitation token and the role it grants, when the visitor came through an invitation link. */
  invitation?: { token: string; role: Role };
  inviteOnly: boolean;
}

export function SignupPage({ ctx, form, invitation, inviteOnly }: SignupProps): Raw {
  const closed = inviteOnly && !invitation;
  return (
    <Layout ctx={ctx} title={formTitle(ctx, ctx.t('signup.title'), form)}>
      <h1>{ctx.t('signup.title')}</h1>
      {closed ? <Alert>{ctx.t('signup.invite_only')}</Alert> : null}
      {invitation ? <p>{ctx.t('signup.invited_as', { site: ctx.t('site.name'), role: ctx.t(`role.${invitation.role}`) })}</p> : null}
      <ErrorSummary ctx={ctx} form={form} labels={labels(ctx)} />
      {closed ? null : (
        <form method="post" action="/inscription" class="stack" novalidate>
          <CsrfField ctx={ctx} />
          {invitation ? <input type="hidden" name="invitation" value={invitation.token} /> : null}
          <Field ctx={ctx} form={form} name="name" autocomplete="name" label={ctx.t('form.name')} />
          <Field ctx={ctx} form={form} name="email" type="email" autocomplete="email" label={ctx.t('form.email')} />
          {passwordFields(ctx, form)}
          <SubmitButton>{ctx.t('signup.submit')}</SubmitButton>
        </form>
      )}
      <p>{ctx.t('signup.have_account')} <a href="/connexion">{ctx.t('nav.login')}</a></p>
    </Layout>
  );
}

export function SetupPage({ ctx, form, token, valid }: { ctx: RequestContext; form: FormState; token: string; valid: boolean }): Raw {
  return (
    <Layout ctx={ctx} title={formTitle(ctx, ctx.t('setup.title'), form)}>
      <h1>{ctx.t('setup.title')}</h1>
      {valid ? <p>{ctx.t('setup.intro')}</p> : <Alert>{ctx.t('setup.invalid')}</Alert>}
      <ErrorSummary ctx={ctx} form={form} labels={labels(ctx)} />
      {valid ? (
        <form method="post" action={`/installation?jeton=${encodeURIComponent(token)}`} class="stack" novalidate>
          <CsrfField ctx={ctx} />
          <Field ctx={ctx} form={form} name="name" autocomplete="name" label={ctx.t('form.name')} />
          <Field ctx={ctx} form={form} name="email" type="email" autocomplete="email" label={ctx.t('form.email')} />
          {passwordFields(ctx, form)}
          <SubmitButton>{ctx.t('setup.submit')}</SubmitButton>
        </form>
      ) : null}
    </Layout>
  );
}

export function ResetRequestPage({ ctx, form, sent }: { ctx: RequestContext; form: FormState; sent: boolean }): Raw {
  return (
    <Layout ctx={ctx} title={formTitle(ctx, ctx.t('reset.request_title'), form)}>
      <h1>{ctx.t('reset.request_title')}</h1>
      {sent ? <div class="notice" role="status">{ctx.t('reset.request_sent')}</div> : <p>{ctx.t('reset.request_intro')}</p>}
      <ErrorSummary ctx={ctx} form={form} labels={labels(ctx)} />
      <form method="post" action="/mot-de-passe/oubli" class="stack" novalidate>
        <CsrfField ctx={ctx} />
        <Field ctx={ctx} form={form} name="email" type="email" autocomplete="email" label={ctx.t('form.email')} />
        <SubmitButton>{ctx.t('reset.request_submit')}</SubmitButton>
      </form>
    </Layout>
  );
}

export function ResetPage({ ctx, form, token, valid }: { ctx: RequestContext; form: FormState; token: string; valid: boolean }): Raw {
  return (
    <Layout ctx={ctx} title={formTitle(ctx, ctx.t('reset.title'), form)}>
      <h1>{ctx.t('reset.title')}</h1>
      {valid ? null : <Alert>{ctx.t('reset.invalid')} <a href="/mot-de-passe/oubli">{ctx.t('reset.request_again')}</a></Alert>}
      <ErrorSummary ctx={ctx} form={form} labels={labels(ctx)} />
      {valid ? (
        <form method="post" action={`/mot-de-passe/reinitialiser?jeton=${encodeURIComponent(token)}`} class="stack" novalidate>
          <CsrfField ctx={ctx} />
          {passwordFields(ctx, form)}
          <SubmitButton>{ctx.t('reset.submit')}</SubmitButton>
        </form>
      ) : null}
    </Layout>
  );
}
