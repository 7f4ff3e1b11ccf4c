import type { Child, Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../../../core/http/context.ts';
import { Layout } from '../../../core/layout/Layout.tsx';
import { CsrfField, ErrorSummary, Field, SubmitButton, TextAreaField, formTitle, type FormState } from '../../../core/layout/components.tsx';

/** A row of the infobox, left out when it has nothing to show. */
export function InfoRow({ label, children }: { label: string; children?: Child }): Raw | null {
  const empty = children === undefined || children === null || children === '' || (Array.isArray(children) && children.length === 0);
  return empty ? null : <tr><th scope="row">{label}</th><td>{children}</td></tr>;
}

/** JSON and CSV links of a list (or, with its own `label`, of other data: a round's results). */
export function ExportLinks({ ctx, base, query, label }: { ctx: RequestContext; base: string; query: string; label?: string }): Raw {
  const qs = query ? `?${query}` : '';
  return (
    <p class="exports">
      {label ?? ctx.t('network.export')}{' '}
      <a href={`${base}.json${qs}`} type="application/json">{ctx.t('network.export.json')}</a>{' · '}
      <a href={`${base}.csv${qs}`} type="text/csv">{ctx.t('network.export.csv')}</a>
    </p>
  );
}

/** The values of repeated fields (checkbox groups) as one set. */
export function valuesOf(value: unknown): Set<string> {
  return new Set((Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string'));
}

/**
 * The page of an entity's form: heading, error summary, the entity's own fields (children), then
 * what every entity form ends with: the free text (on creation), the edit summary and Save.
 * `baseRevId` is the revision the edit started from (the wiki merges concurrent edits).
 */
export function EntityFormPage({ ctx, form, labels, heading, action, editing, baseRevId, children }: {
  ctx: RequestContext; form: FormState; labels: Record<string, string>; heading: string; action: string; editing?: string; baseRevId?: number; children?: Child;
}): Raw {
  return (
    <Layout ctx={ctx} title={formTitle(ctx, heading, form)}>
      <h1>{heading}</h1>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <form method="post" action={action} class="network-form" novalidate>
        <CsrfField ctx={ctx} />
        {baseRevId ? <input type="hidden" name="base_rev" value={String(baseRevId)} /> : null}
        {children}
        {editing ? null : <TextAreaField ctx={ctx} form={form} name="text" label={labels.text!} hint={ctx.t('network.hint.text')} rows={6} />}
        <Field ctx={ctx} form={form} name="summary" label={labels.summary!} required={false} />
        <SubmitButton>{ctx.t('form.save')}</SubmitButton>
      </form>
    </Layout>
  );
}
