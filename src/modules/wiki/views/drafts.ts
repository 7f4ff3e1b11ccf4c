import type { MessageKey } from '../../../core/i18n/index.ts';
import type { Title } from '../../markup/index.ts';

/**
 * Browser drafts of a page's edit forms are stored under `maillage:draft:<key>:<section|all>`
 * (src/client/drafts/store.ts); the page shown after a save clears them all by this prefix.
 */
export function draftPrefix(title: Title): string {
  return `maillage:draft:${title.key}:`;
}

/** Islands of the edit page. */
export const EDITOR_ASSETS = { scripts: ['/assets/islands/editor.js'], styles: ['/assets/islands/editor.css'] };

/** Island of the page shown after a save. */
export const SAVED_ASSETS = { scripts: ['/assets/islands/drafts.js'] };

/** Notices that mean the edit form's text is now published (or was already). */
export const SAVED_NOTICES: ReadonlySet<MessageKey> = new Set<MessageKey>(['notice.saved', 'notice.merged', 'notice.unchanged']);
