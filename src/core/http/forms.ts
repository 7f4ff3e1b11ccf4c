import type { FastifyReply, FastifyRequest } from 'fastify';
import { isAppError, type ErrorCode } from '../errors.ts';
import type { FormState } from '../layout/components.tsx';
import { formBody, typedValues } from './render.ts';

/** Errors a form shows beside its fields instead of on an error page. */
const SHOWN_IN_FORM: ReadonlySet<ErrorCode> = new Set(['validation_failed', 'rate_limited', 'account_locked', 'bad_request']);

/**
 * Runs a form's action; when it fails with a user error, shows the form again with what the
 * user typed (passwords excepted) and the messages, in the same response (no data lost).
 */
export async function formAction(
  request: FastifyRequest,
  reply: FastifyReply,
  action: () => Promise<FastifyReply>,
  rerender: (form: FormState, status: number) => FastifyReply | Promise<FastifyReply>,
): Promise<FastifyReply> {
  try {
    return await action();
  } catch (e) {
    if (!isAppError(e) || !SHOWN_IN_FORM.has(e.code)) throw e;
    const errors = Object.keys(e.fields).length > 0 ? e.fields : { _form: `error.${e.code}.message` };
    if (e.status === 429 && e.params.minutes) reply.header('retry-after', String(Number(e.params.minutes) * 60));
    return rerender({ values: typedValues(formBody(request)), errors, params: e.params }, e.status);
  }
}
