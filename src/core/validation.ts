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
  throw new AppError('validation_failed', {}, fieldErrors(result.error));
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
