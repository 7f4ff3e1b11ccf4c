import { z } from 'zod';
import type { FieldErrors } from './errors.ts';
import { AppError } from './errors.ts';

/**
 * Parses form input with a zod schema whose messages are i18n keys. On failure throws
 * `validation_failed` carrying one message key per field, so the form is shown again,
 * filled with what the user typed, each error beside its field.
 */
export function parseForm<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  throw new AppError('validation_failed', limitParams(result.error), fieldErrors(result.error));
}

/** The {min} and {max} that length messages quote, taken from the failed checks. */
function limitParams(error: z.ZodError): Record<string, number> {
  const params: Record<string, number> = {};
  for (const issue of error.issues) {
    if (issue.message === 'field.required') continue;
    if (issue.code === 'too_small' && params.min === undefined) params.min = Number(issue.minimum);
    if (issue.code === 'too_big' && params.max === undefined) params.max = Number(issue.maximum);
  }
  return params;
}

export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const name = String(issue.path[0] ?? '_form');
    fields[name] ??= issue.code === 'invalid_type' ? 'field.required' : issue.message;
  }
  return fields;
}

/** A form text field: strings only (arrays from repeated names are refused), trimmed. */
export const text = () => z.string({ error: 'field.required' }).trim();
export const requiredText = () => text().min(1, { error: 'field.required' });
