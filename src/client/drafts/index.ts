/**
 * Island for the page shown after a successful save (`?notice=saved|merged|unchanged`): the
 * edit is published, so this page's drafts are no longer needed. Only when this tab has just
 * sent that page's edit form (see markSubmitted).
 */
import { removeDrafts, takeSubmitted } from './store.ts';

const prefix = document.querySelector<HTMLElement>('[data-saved-drafts]')?.dataset.savedDrafts;
const submitted = takeSubmitted();
if (prefix && submitted?.startsWith(prefix)) removeDrafts(prefix);
