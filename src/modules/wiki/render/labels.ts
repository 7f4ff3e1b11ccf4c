/**
 * Rendered HTML is stored in the site's content language with placeholder tokens where
 * interface text goes; a view swaps them for the reader's language (as MediaWiki does with
 * its edit-section markers), so one stored render serves every reader.
 */
export const TOKENS = { editSection: '\u27E6mw-editsection\u27E7', redLink: '\u27E6mw-redlink\u27E7', toc: '\u27E6mw-toc\u27E7', redirectTo: '\u27E6mw-redirectto\u27E7' } as const;

export const LABELS = {
  editSection: TOKENS.editSection,
  redLink: (page: string) => `${page} ${TOKENS.redLink}`,
  toc: TOKENS.toc,
  redirectTo: TOKENS.redirectTo,
};
