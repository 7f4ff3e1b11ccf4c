import type { Child, Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../../../core/http/context.ts';
import { Layout } from '../../../core/layout/Layout.tsx';
import { CsrfField, ErrorSummary, Field, SubmitButton, errorText, formTitle, type FormState } from '../../../core/layout/components.tsx';

interface Base {
  ctx: RequestContext;
  form: FormState;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
}

function described(name: string, hint: string | undefined, error: string | undefined): string | undefined {
  return [hint ? `f-${name}-hint` : '', error ? `f-${name}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function Label({ ctx, name, label, required }: { ctx: RequestContext; name: string; label: string; required: boolean }): Raw {
  return <label for={`f-${name}`}>{label}{required ? <span class="required"> ({ctx.t('form.required')})</span> : null}</label>;
}

function HintAndError({ ctx, form, name, hint }: { ctx: RequestContext; form: FormState; name: string; hint?: string }): Raw {
  const error = form.errors[name];
  return (
    <>
      {hint ? <p class="hint" id={`f-${name}-hint`}>{hint}</p> : null}
      {error ? <p class="error" id={`f-${name}-error`}>{errorText(ctx, error, form.params)}</p> : null}
    </>
  );
}

/** A labelled select; `empty` adds a first option with no value. */
export function SelectField({ ctx, form, name, label, hint, required = true, options, empty }: Base & { options: ReadonlyArray<readonly [string, string]>; empty?: string }): Raw {
  const error = form.errors[name];
  const value = form.values[name] ?? '';
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <Label ctx={ctx} name={name} label={label} required={required} />
      <HintAndError ctx={ctx} form={form} name={name} hint={hint} />
      <select id={`f-${name}`} name={name} required={required} aria-invalid={error ? 'true' : undefined} aria-describedby={described(name, hint, error)}>
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options.map(([v, text]) => <option value={v} selected={v === value}>{text}</option>)}
      </select>
    </div>
  );
}

export function TextAreaField({ ctx, form, name, label, hint, required = false, rows = 4 }: Base & { rows?: number }): Raw {
  const error = form.errors[name];
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <Label ctx={ctx} name={name} label={label} required={required} />
      <HintAndError ctx={ctx} form={form} name={name} hint={hint} />
      <textarea id={`f-${name}`} name={name} rows={rows} required={required} aria-invalid={error ? 'true' : undefined} aria-describedby={described(name, hint, error)}>{form.values[name] ?? ''}</textarea>
    </div>
  );
}

/** A group of checkboxes in a fieldset; `checked` holds the values ticked. */
export function CheckboxGroup({ ctx, form, name, legend, hint, options, checked }: { ctx: RequestContext; form: FormState; name: string; legend: string; hint?: string; options: ReadonlyArray<readonly [string, string]>; checked: ReadonlySet<string> }): Raw {
  const error = form.errors[name];
  return (
    <fieldset id={`f-${name}`} class={error ? 'field-error' : undefined} aria-describedby={described(name, hint, error)}>
      <legend>{legend}</legend>
      <HintAndError ctx={ctx} form={form} name={name} hint={hint} />
      {options.map(([v, text], i) => (
        <div class="choice">
          <input type="checkbox" id={`f-${name}-${i}`} name={name} value={v} checked={checked.has(v)} />
          <label for={`f-${name}-${i}`}>{text}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** A row of the infobox, left out when it has nothing to show. */
export function InfoRow({ label, children }: { label: string; children?: Child }): Raw | null {
  const empty = children === undefined || children === null || children === '' || (Array.isArray(children) && children.length === 0);
  return empty ? null : <tr><th scope="row">{label}</th><td>{children}</td></tr>;
}

export function ExportLinks({ ctx, base, query }: { ctx: RequestContext; base: string; query: string }): Raw {
  const qs = query ? `?${query}` : '';
  return (
    <p class="exports">
      {ctx.t('network.export')}{' '}
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
