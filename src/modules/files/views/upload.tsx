import type { Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../../../core/http/context.ts';
import { Layout } from '../../../core/layout/Layout.tsx';
import { CsrfField, ErrorSummary, Field, SubmitButton, errorText, formTitle, type FormState } from '../../../core/layout/components.tsx';
import { ACCEPTED } from '../types.ts';
import { formatSize } from './format.ts';

const ACCEPT = [...Object.keys(ACCEPTED), ...Object.values(ACCEPTED).flat().map((e) => `.${e}`)].join(',');

export interface UploadModel {
  form: FormState;
  maxBytes: number;
  /** Uploading a new version of this existing file (its display title). */
  reupload?: string;
}

/** Spécial:Téléverser. Multipart form: the CSRF token travels as the first field. */
export function UploadPage({ ctx, m }: { ctx: RequestContext; m: UploadModel }): Raw {
  const heading = m.reupload ? ctx.t('files.upload.reupload_heading', { title: m.reupload }) : ctx.t('files.upload.heading');
  const labels = {
    file: ctx.t('files.upload.file'), destination: ctx.t('files.upload.destination'), description: ctx.t('files.upload.description'), comment: ctx.t('files.upload.comment'),
  };
  const fileError = m.form.errors.file;
  const descError = m.form.errors.description;
  return (
    <Layout ctx={ctx} title={formTitle(ctx, heading, m.form)}>
      <h1 id="firstHeading">{heading}</h1>
      <ErrorSummary ctx={ctx} form={m.form} labels={labels} />
      <p id="upload-intro">{ctx.t('files.upload.intro', { max: formatSize(m.maxBytes, ctx) })}</p>
      <form method="post" action="/fichiers" enctype="multipart/form-data" class="stack upload-form">
        <CsrfField ctx={ctx} />
        <div class={fileError ? 'field field-error' : 'field'}>
          <label for="f-file">{labels.file}<span class="required"> ({ctx.t('form.required')})</span></label>
          {fileError ? <p class="error" id="f-file-error">{errorText(ctx, fileError, m.form.params)}</p> : null}
          <input id="f-file" name="file" type="file" required accept={ACCEPT} aria-invalid={fileError ? 'true' : undefined}
            aria-describedby={fileError ? 'upload-intro f-file-error' : 'upload-intro'} />
        </div>
        <Field ctx={ctx} form={m.form} name="destination" label={labels.destination} required={false} hint={ctx.t('files.upload.destination_hint')} />
        <div class={descError ? 'field field-error' : 'field'}>
          <label for="f-description">{labels.description}</label>
          <p class="hint" id="f-description-hint">{ctx.t('files.upload.description_hint')}</p>
          {descError ? <p class="error" id="f-description-error">{errorText(ctx, descError, m.form.params)}</p> : null}
          <textarea id="f-description" name="description" rows="8" class="wiki-text" lang="fr-CA"
            aria-describedby={descError ? 'f-description-hint f-description-error' : 'f-description-hint'}>{m.form.values.description ?? ''}</textarea>
        </div>
        <Field ctx={ctx} form={m.form} name="comment" label={labels.comment} required={false} />
        <SubmitButton>{ctx.t('files.upload.submit')}</SubmitButton>
      </form>
    </Layout>
  );
}
