/**
 * The error catalog. Every error a user can meet has a stable code, an HTTP status and a
 * message in each language (keys `error.<code>.title` and `error.<code>.message` in i18n).
 * Codes never change meaning once published: API clients and support notes rely on them.
 */
export const ERRORS = {
  bad_request: 400,
  validation_failed: 400,
  login_required: 401,
  csrf_failed: 403,
  forbidden: 403,
  page_protected: 403,
  not_found: 404,
  method_not_allowed: 405,
  payload_too_large: 413,
  unsupported_media_type: 415,
  account_locked: 429,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERRORS;

/** Field name -> i18n message key, for forms that must be shown again with what was typed. */
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly fields: FieldErrors = {},
  ) {
    super(code);
    this.name = 'AppError';
    this.status = ERRORS[code];
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
