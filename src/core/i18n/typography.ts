/**
 * French typography after the OQLF's Banque de dépannage linguistique:
 * a no-break space before the colon and inside guillemets, and a narrow no-break space
 * (instead of an ordinary one) before ; ! ?. Works on plain text, never on markup or URLs.
 */
export const NBSP = '\u00A0';
export const NNBSP = '\u202F';

export function frenchTypography(text: string): string {
  return text
    .replace(/«[ \u00A0\u202F]*/g, `«${NBSP}`)
    .replace(/[ \u00A0\u202F]*»/g, `${NBSP}»`)
    .replace(/([\p{L}\p{N})\]»%])[ \u00A0\u202F]*:(?=\s|$)/gu, `$1${NBSP}:`)
    .replace(/([\p{L}\p{N})\]»%]) ([;!?])/gu, `$1${NNBSP}$2`);
}
