import type { Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../../../core/http/context.ts';
import { Layout } from '../../../core/layout/Layout.tsx';
import { ChoiceGroup, CsrfField, ErrorSummary, Field, formTitle, SelectField, SubmitButton, TextAreaField, type FormState } from '../../../core/layout/components.tsx';
import { POLL_KINDS, SCALE_MAX, SCALE_MIN } from '../types.ts';
import { createLabels } from './pages.tsx';

/** The creation form (/sondages/nouveau), coordination only. */
export function CreatePage({ ctx, form }: { ctx: RequestContext; form: FormState }): Raw {
  const labels = createLabels(ctx);
  const scale = Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => String(i + SCALE_MIN)).map((n) => [n, n] as const);
  const values: Record<string, string> = { ...form.values, kind: form.values.kind ?? 'single', scale_max: form.values.scale_max ?? '5' };
  const f: FormState = { ...form, values };
  return (
    <Layout ctx={ctx} title={formTitle(ctx, ctx.t('polls.create.title'), form)}>
      <h1>{ctx.t('polls.create.title')}</h1>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <form method="post" action="/sondages" novalidate>
        <CsrfField ctx={ctx} />
        <Field ctx={ctx} form={f} name="question" label={labels.question!} autocomplete="off" />
        <ChoiceGroup class="poll-choices" ctx={ctx} form={f} name="kind" legend={labels.kind!} type="radio" options={POLL_KINDS.map((k) => [k, ctx.t(`polls.kind.${k}`)] as const)} checked={new Set([values.kind ?? 'single'])} />
        <TextAreaField ctx={ctx} form={f} name="options" label={labels.options!} hint={ctx.t('polls.field.options_hint')} rows={5} />
        <SelectField ctx={ctx} form={f} name="scale_max" label={labels.scale_max!} options={scale} />
        <Field ctx={ctx} form={f} name="page" label={labels.page!} hint={ctx.t('polls.field.page_hint')} required={false} autocomplete="off" />
        <Field ctx={ctx} form={f} name="context" label={labels.context!} hint={ctx.t('polls.field.context_hint')} required={false} autocomplete="off" />
        <div class="choice field">
          <input type="checkbox" id="f-open" name="open" value="1" checked={form.values.open === '1'} />
          <label for="f-open">{ctx.t('polls.field.open_now')}</label>
        </div>
        <SubmitButton>{ctx.t('polls.create.submit')}</SubmitButton>
      </form>
    </Layout>
  );
}
