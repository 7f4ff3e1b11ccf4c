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

export function Field({ ctx, form, name, label, type = 'text', autocomplete, required = true, hint, keep = type !== 'password' }: FieldProps): Raw {
  const id = `f-${name}`;
  const error = form.errors[name];
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>
        {label}
        {required ? <span class="required"> ({ctx.t('form.required')})</span> : null}
      </label>
      {hint ? <p class="hint" id={`${id}-hint`}>{hint}</p> : null}
      {error ? <p class="error" id={`${id}-error`}>{errorText(ctx, error, form.params)}</p> : null}
      <input
        id={id}
        name={name}
        type={type}
        value={keep ? form.values[name] ?? '' : undefined}
        autocomplete={autocomplete}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

export function SubmitButton({ children }: { children?: Child }): Raw {
  return <button type="submit" class="button">{children}</button>;
}

export function messageOrNull(key: string | undefined): MessageKey | undefined {
  return key && isMessageKey(key) ? key : undefined;
}
