import type { Child, Raw } from '#jsx/jsx-runtime';
import type { FieldErrors } from '../errors.ts';
import type { RequestContext } from '../http/context.ts';
import { isMessageKey, type MessageKey } from '../i18n/index.ts';

/** « Label : text » in French (no-break space), « Label: text » in English. */
export function colon(ctx: RequestContext, label: string, text: string): string {
  return ctx.locale === 'fr-CA' ? `${label}\u00A0: ${text}` : `${label}: ${text}`;
}

export function CsrfField({ ctx }: { ctx: RequestContext }): Raw {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
}

export function Notice({ children }: { children?: Child }): Raw {
  return <div class="notice" role="status">{children}</div>;
}

export function Alert({ children }: { children?: Child }): Raw {
  return <div class="alert" role="alert">{children}</div>;
}

/** Translates a stored error key; unknown keys fall back to the generic "required" text. */
export function errorText(ctx: RequestContext, key: string, params: Record<string, string | number> = {}): string {
  return ctx.t(isMessageKey(key) ? key : 'field.required', params);
}

/** A page title that says the form has errors, so screen-reader users hear it first (GOV.UK pattern). */
export function formTitle(ctx: RequestContext, title: string, form: FormState): string {
  return Object.keys(form.errors).length > 0 ? `${ctx.t('form.error_prefix')} ${title}` : title;
}

export interface FormState {
  values: Record<string, string>;
  errors: FieldErrors;
  /** Parameters for error messages that carry numbers ({min}, {minutes}…). */
  params?: Record<string, string | number>;
}

export const EMPTY_FORM: FormState = { values: {}, errors: {} };

/** Lists the form's errors at the top (focusable, linked to each field), as GOV.UK and WCAG 3.3.1 advise. */
export function ErrorSummary({ ctx, form, labels }: { ctx: RequestContext; form: FormState; labels: Record<string, string> }): Raw | null {
  const entries = Object.entries(form.errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex="-1" id="error-summary" autofocus>
      <p>{ctx.t('form.error_summary', { count: entries.length })}</p>
      <ul>
        {entries.map(([field, key]) => (
          <li>
            {field === '_form' || !labels[field]
              ? errorText(ctx, key, form.params)
              : <a href={`#f-${field}`}>{colon(ctx, labels[field], errorText(ctx, key, form.params))}</a>}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  ctx: RequestContext;
  form: FormState;
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  autocomplete?: string;
  required?: boolean;
  hint?: string;
  /** Password fields are never filled back in. */
  keep?: boolean;
}

/** `aria-describedby` of a field: its hint and its error, when present. */
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

export function Field({ ctx, form, name, label, type = 'text', autocomplete, required = true, hint, keep = type !== 'password' }: FieldProps): Raw {
  const error = form.errors[name];
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <Label ctx={ctx} name={name} label={label} required={required} />
      <HintAndError ctx={ctx} form={form} name={name} hint={hint} />
      <input
        id={`f-${name}`}
        name={name}
        type={type}
        value={keep ? form.values[name] ?? '' : undefined}
        autocomplete={autocomplete}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described(name, hint, error)}
      />
    </div>
  );
}

type FieldBase = { ctx: RequestContext; form: FormState; name: string; label: string; hint?: string; required?: boolean };

/** A labelled select; `empty` adds a first option with no value. */
export function SelectField({ ctx, form, name, label, hint, required = true, options, empty }: FieldBase & { options: ReadonlyArray<readonly [string, string]>; empty?: string }): Raw {
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

export function TextAreaField({ ctx, form, name, label, hint, required = false, rows = 4, maxlength }: FieldBase & { rows?: number; maxlength?: number }): Raw {
  const error = form.errors[name];
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <Label ctx={ctx} name={name} label={label} required={required} />
      <HintAndError ctx={ctx} form={form} name={name} hint={hint} />
      <textarea id={`f-${name}`} name={name} rows={rows} required={required} maxlength={maxlength} aria-invalid={error ? 'true' : undefined} aria-describedby={described(name, hint, error)}>{form.values[name] ?? ''}</textarea>
    </div>
  );
}

/** Radio buttons or checkboxes in a fieldset whose legend is the question; `checked` holds the values ticked. */
export function ChoiceGroup({ ctx, form, name, legend, hint, type = 'checkbox', options, checked, class: className }: {
  ctx: RequestContext; form: FormState; name: string; legend: string; hint?: string; type?: 'radio' | 'checkbox';
  options: ReadonlyArray<readonly [string, string]>; checked: ReadonlySet<string>; class?: string;
}): Raw {
  const error = form.errors[name];
  const classes = [error ? 'field-error' : '', className ?? ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset id={`f-${name}`} class={classes} aria-describedby={described(name, hint, error)}>
      <legend>{legend}</legend>
      <HintAndError ctx={ctx} form={form} name={name} hint={hint} />
      {options.map(([v, text], i) => (
        <div class="choice">
          <input type={type} id={`f-${name}-${i}`} name={name} value={v} checked={checked.has(v)} required={type === 'radio' ? true : undefined} />
          <label for={`f-${name}-${i}`}>{text}</label>
        </div>
      ))}
    </fieldset>
  );
}

export function SubmitButton({ children }: { children?: Child }): Raw {
  return <button type="submit" class="button">{children}</button>;
}

export function messageOrNull(key: string | undefined): MessageKey | undefined {
  return key && isMessageKey(key) ? key : undefined;
}
