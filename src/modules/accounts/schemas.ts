import { z } from 'zod';
import { requiredText, text } from '../../core/validation.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from './passwords.ts';
import { ROLES } from './types.ts';

export const NAME_MAX = 80;

export const email = () =>
  requiredText()
    .max(254, { error: 'field.email.invalid' })
    .toLowerCase()
    .pipe(z.email({ error: 'field.email.invalid' }));

const password = () =>
  z
    .string({ error: 'field.required' })
    .min(1, { error: 'field.required' })
    .min(PASSWORD_MIN, { error: 'field.password.too_short' })
    .max(PASSWORD_MAX, { error: 'field.password.too_long' });

const name = () => requiredText().max(NAME_MAX, { error: 'field.name.too_long' });

function confirmed<T extends { password: string; password_confirm: string }>(v: T, ctx: z.RefinementCtx) {
  if (v.password !== v.password_confirm) ctx.addIssue({ code: 'custom', path: ['password_confirm'], message: 'field.password.mismatch' });
}

function notGuessable<T extends { password: string; name?: string; email?: string }>(v: T, ctx: z.RefinementCtx) {
  const p = v.password.toLowerCase();
  const local = v.email?.split('@')[0] ?? '';
  if ((v.name && p === v.name.toLowerCase()) || (v.email && p === v.email) || (local.length >= 4 && p === local)) {
    ctx.addIssue({ code: 'custom', path: ['password'], message: 'field.password.weak' });
  }
}

export const signupSchema = z
  .object({ name: name(), email: email(), password: password(), password_confirm: text(), invitation: text().optional() })
  .superRefine(confirmed)
  .superRefine(notGuessable);

export const setupSchema = z
  .object({ name: name(), email: email(), password: password(), password_confirm: text() })
  .superRefine(confirmed)
  .superRefine(notGuessable);

export const loginSchema = z.object({
  email: email(),
  password: z.string({ error: 'field.required' }).min(1, { error: 'field.required' }),
});

export const resetRequestSchema = z.object({ email: email() });

export const resetSchema = z.object({ password: password(), password_confirm: text() }).superRefine(confirmed);

export const changePasswordSchema = z
  .object({ current_password: z.string({ error: 'field.required' }).min(1, { error: 'field.required' }), password: password(), password_confirm: text() })
  .superRefine(confirmed);

export const roleSchema = z.enum(ROLES, { error: 'field.role.invalid' });

export const inviteSchema = z.object({ email: email(), role: roleSchema });
