/**
 * MediaWiki API errors: a stable `code`, an English `info` as MediaWiki words it, and optional
 * extra fields (`lag` for maxlag). Always answered with HTTP 200 unless `status` says otherwise.
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly info: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(info);
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

const quote = (name: string) => `"${name}"`;

/** MediaWiki's list style: "a", "b" and "c". */
export function quotedList(names: readonly string[]): string {
  const q = names.map(quote);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} and ${q.at(-1)}`;
}

/** Errors MediaWiki raises with fixed wording. */
export const apiErrors = {
  /** A required parameter is absent: code `no<name>` (MediaWiki's apierror-missingparam). */
  missing: (name: string) => new ApiError(`no${name}`, `The ${quote(name)} parameter must be set.`),
  oneOf: (names: readonly string[]) => new ApiError('missingparam', `One of the parameters ${quotedList(names)} is required.`),
  onlyOne: (names: readonly string[]) => new ApiError('invalidparammix', `The parameters ${quotedList(names)} can not be used together.`),
  badValue: (name: string, value: string) => new ApiError('badvalue', `Unrecognized value for parameter ${quote(name)}: ${value.slice(0, 100)}.`),
  badInteger: (name: string, value: string) => new ApiError('badinteger', `Invalid value "${value.slice(0, 100)}" for integer parameter ${quote(name)}.`),
  badTimestamp: (name: string, value: string) => new ApiError('badtimestamp', `Invalid value "${value.slice(0, 100)}" for timestamp parameter ${quote(name)}.`),
  unknownAction: (value: string) => new ApiError('unknown_action', `Unrecognized value for parameter "action": ${value.slice(0, 100)}.`),
  mustBePosted: (module: string) => new ApiError('mustbeposted', `The "${module}" module requires a POST request.`),
  mustPostToken: () => new ApiError('mustposttoken', 'The "token" parameter was found in the query string, but must be in the POST body.'),
  noToken: () => new ApiError('notoken', 'The "token" parameter must be set.'),
  badToken: () => new ApiError('badtoken', 'Invalid CSRF token.'),
  readDenied: () => new ApiError('readapidenied', 'You need read permission to use this module.'),
  writeDenied: () => new ApiError('writeapidenied', "You're not allowed to edit this wiki through the API."),
  permissionDenied: (what: string) => new ApiError('permissiondenied', `You don't have permission to ${what}.`),
  protectedPage: () => new ApiError('protectedpage', 'This page has been protected to prevent editing or other actions.'),
  invalidTitle: (title: string) => new ApiError('invalidtitle', `Bad title "${title.slice(0, 255)}".`),
  noSuchPageId: (id: string) => new ApiError('nosuchpageid', `There is no page with ID ${id.slice(0, 20)}.`),
  noSuchRevId: (id: string) => new ApiError('nosuchrevid', `There is no revision with ID ${id.slice(0, 20)}.`),
  badContinue: () => new ApiError('badcontinue', 'Invalid continue param. You should pass the original value returned by the previous query.'),
  invalidCategory: () => new ApiError('invalidcategory', 'The category name you entered is not valid.'),
  missingTitle: () => new ApiError('missingtitle', "The page you specified doesn't exist."),
  ratelimited: () => new ApiError('ratelimited', "As an anti-abuse measure, you are limited from performing this action too many times in a short space of time, and you have exceeded this limit. Please try again in a few minutes."),
};
