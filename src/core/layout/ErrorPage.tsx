import type { Raw } from '#jsx/jsx-runtime';
import type { AppError } from '../errors.ts';
import type { RequestContext } from '../http/context.ts';
import { Layout } from './Layout.tsx';
import { CsrfField } from './components.tsx';

interface ErrorPageProps {
  ctx: RequestContext;
  error: AppError;
  /** Shown for internal errors so support can find the log line; never a stack trace. */
  reference?: string;
  /** For an expired form: what the user sent, offered back for sending again. */
  resubmit?: { action: string; fields: Record<string, string>; droppedPassword: boolean };
}

export function ErrorPage({ ctx, error, reference, resubmit }: ErrorPageProps): Raw {
  const title = ctx.t(`error.${error.code}.title`);
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{ctx.t(`error.${error.code}.message`, error.params)}</p>
      {reference ? <p class="muted">{ctx.t('error.reference', { id: reference })}</p> : null}
      <p class="muted">{ctx.t('error.code', { code: error.code })}</p>
      {resubmit ? (
        <form method="post" action={resubmit.action} class="stack">
          <CsrfField ctx={ctx} />
          {Object.entries(resubmit.fields).map(([name, value]) => (
            <input type="hidden" name={name} value={value} />
          ))}
          {resubmit.droppedPassword ? <p>{ctx.t('error.csrf_failed.password_dropped')}</p> : null}
          <button type="submit" class="button">{ctx.t('error.csrf_failed.resubmit')}</button>
        </form>
      ) : (
        <p><a href="/">{ctx.t('error.back_home')}</a></p>
      )}
    </Layout>
  );
}
