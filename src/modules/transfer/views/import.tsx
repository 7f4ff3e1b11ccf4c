import type { Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../../../core/http/context.ts';
import { formatDateTime, formatNumber, formatPercent, type MessageKey } from '../../../core/i18n/index.ts';
import { Layout } from '../../../core/layout/Layout.tsx';
import { Alert, CsrfField, ErrorSummary, SubmitButton, errorText, formTitle, type FormState } from '../../../core/layout/components.tsx';
import type { ImportJob } from '../jobs.ts';

function statusText(ctx: RequestContext, job: ImportJob): string {
  return ctx.t(`transfer.import.status.${job.status}` as MessageKey);
}

function jobError(ctx: RequestContext, job: ImportJob): string | null {
  if (!job.error_key) return null;
  const params = JSON.parse(job.error_params ?? '{}') as Record<string, string | number>;
  return errorText(ctx, job.error_key, params);
}

/** /admin/importation: the upload form and the recent imports. */
export function ImportPage({ ctx, form, jobs }: { ctx: RequestContext; form: FormState; jobs: ImportJob[] }): Raw {
  const heading = ctx.t('transfer.import.heading');
  const error = form.errors.file;
  return (
    <Layout ctx={ctx} title={formTitle(ctx, heading, form)}>
      <h1 id="firstHeading">{heading}</h1>
      <ErrorSummary ctx={ctx} form={form} labels={{ file: ctx.t('transfer.import.file') }} />
      <p>{ctx.t('transfer.import.intro')}</p>
      <form method="post" action="/admin/importation" enctype="multipart/form-data" class="stack">
        <CsrfField ctx={ctx} />
        <div class={error ? 'field field-error' : 'field'}>
          <label for="f-file">{ctx.t('transfer.import.file')}</label>
          {error ? <p class="error" id="f-file-error">{errorText(ctx, error)}</p> : null}
          <input id="f-file" name="file" type="file" accept=".xml,.gz,.bz2,application/xml,application/gzip,application/x-bzip2" required aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'f-file-error' : undefined} />
        </div>
        <SubmitButton>{ctx.t('transfer.import.submit')}</SubmitButton>
      </form>
      <h2>{ctx.t('transfer.import.jobs')}</h2>
      {jobs.length === 0 ? <p>{ctx.t('transfer.import.none')}</p> : (
        <table class="wikitable">
          <thead><tr><th scope="col">#</th><th scope="col">{ctx.t('transfer.import.file_name')}</th><th scope="col">{ctx.t('transfer.import.by')}</th><th scope="col">{ctx.t('transfer.import.status')}</th></tr></thead>
          <tbody>
            {jobs.map((j) => (
              <tr>
                <td><a href={`/admin/importation/${j.id}`}>{String(j.id)}</a></td>
                <td>{j.file_name}</td>
                <td>{j.user_name} · {formatDateTime(j.created_at, ctx.locale)}</td>
                <td>{statusText(ctx, j)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

/** /admin/importation/:id: where a job stands (refresh to follow it), its error and how to resume. */
export function JobPage({ ctx, job }: { ctx: RequestContext; job: ImportJob }): Raw {
  const heading = ctx.t('transfer.import.job_heading', { id: job.id });
  const share = job.file_bytes > 0 ? Math.min(1, job.bytes_read / job.file_bytes) : 0;
  const error = jobError(ctx, job);
  const phase = job.status === 'done' ? 'done' : job.phase;
  return (
    <Layout ctx={ctx} title={heading}>
      <h1 id="firstHeading">{heading}</h1>
      <dl class="job-status" data-status={job.status} data-phase={phase}>
        <dt>{ctx.t('transfer.import.file_name')}</dt><dd>{job.file_name}</dd>
        <dt>{ctx.t('transfer.import.by')}</dt><dd>{job.user_name} · {formatDateTime(job.created_at, ctx.locale)}</dd>
        <dt>{ctx.t('transfer.import.status')}</dt>
        <dd role="status">{statusText(ctx, job)} ({ctx.t(`transfer.import.phase.${phase === 'render' || phase === 'done' ? phase : 'load'}` as MessageKey)})</dd>
      </dl>
      <p>
        <label for="import-progress">{ctx.t('transfer.import.progress', {
          percent: formatPercent(share, ctx.locale), pages: formatNumber(job.pages_done, ctx.locale),
          revisions: formatNumber(job.revisions_added, ctx.locale), skipped: formatNumber(job.revisions_skipped, ctx.locale),
        })}</label>{' '}
        <progress id="import-progress" max="100" value={String(Math.round(share * 100))}>{formatPercent(share, ctx.locale)}</progress>
      </p>
      {job.phase !== 'load' ? <p>{ctx.t('transfer.import.rendered', { n: formatNumber(job.pages_rendered, ctx.locale), total: formatNumber(job.pages_done, ctx.locale) })}</p> : null}
      {error ? <Alert>{error}</Alert> : null}
      {job.status === 'failed' ? (
        <form method="post" action={`/admin/importation/${job.id}/reprendre`}>
          <CsrfField ctx={ctx} />
          <SubmitButton>{ctx.t('transfer.import.resume')}</SubmitButton>
        </form>
      ) : null}
      <p>
        {job.status === 'queued' || job.status === 'running' ? <><a href={`/admin/importation/${job.id}`}>{ctx.t('transfer.import.refresh')}</a>{' · '}</> : null}
        <a href="/admin/importation">{ctx.t('transfer.import.back')}</a>
      </p>
    </Layout>
  );
}
