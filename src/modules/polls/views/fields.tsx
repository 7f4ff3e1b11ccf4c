import type { Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../../../core/http/context.ts';
import { errorText, type FormState } from '../../../core/layout/components.tsx';

function described(name: string, hint: string | undefined, error: string | undefined): string | undefined {
  return [hint ? `f-${name}-hint` : '', error ? `f-${name}-error` : ''].filter(Boolean).join(' ') || undefined;
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

/** Radio buttons or checkboxes in a fieldset whose legend is the question. */
export function ChoiceGroup({ ctx, form, name, legend, hint, type, options, checked }: {
  ctx: RequestContext; form: FormState; name: string; legend: string; hint?: string; type: 'radio' | 'checkbox';
  options: ReadonlyArray<readonly [string, string]>; checked: ReadonlySet<string>;
}): Raw {
  const error = form.errors[name];
  return (
    <fieldset id={`f-${name}`} class={error ? 'field-error poll-choices' : 'poll-choices'} aria-describedby={described(name, hint, error)}>
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

export function TextArea({ ctx, form, name, label, hint, required = false, rows = 4, maxlength }: {
  ctx: RequestContext; form: FormState; name: string; label: string; hint?: string; required?: boolean; rows?: number; maxlength?: number;
}): Raw {
  const error = form.errors[name];
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={`f-${name}`}>{label}{required ? <span class="required"> ({ctx.t('form.required')})</span> : null}</label>
      <HintAndError ctx={ctx} form={form} name={name} hint={hint} />
      <textarea id={`f-${name}`} name={name} rows={rows} required={required} maxlength={maxlength} aria-invalid={error ? 'true' : undefined} aria-describedby={described(name, hint, error)}>{form.values[name] ?? ''}</textarea>
    </div>
  );
}

export function Select({ ctx, form, name, label, options }: { ctx: RequestContext; form: FormState; name: string; label: string; options: ReadonlyArray<readonly [string, string]> }): Raw {
  const error = form.errors[name];
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={`f-${name}`}>{label}<span class="required"> ({ctx.t('form.required')})</span></label>
      <HintAndError ctx={ctx} form={form} name={name} />
      <select id={`f-${name}`} name={name} required aria-invalid={error ? 'true' : undefined} aria-describedby={described(name, undefined, error)}>
        {options.map(([v, text]) => <option value={v} selected={v === (form.values[name] ?? '')}>{text}</option>)}
      </select>
    </div>
  );
}
