/**
 * Autosave of the edit form in this browser: a refresh, a crash or a closed tab never loses
 * work. Saved a second after each change, every few seconds while editing, and when the page
 * is hidden. A draft that differs from the form on load is offered back, never applied silently.
 */
import { readDraft, removeDraft, writeDraft, type Draft } from '../drafts/store.ts';
import { el } from './dom.ts';
import { message, type Messages } from './i18n.ts';

export interface AutosaveOptions {
  key: string;
  form: HTMLFormElement;
  messages: Messages;
  /** The interface's language, for dates and times. */
  lang: string;
  /** Where the restore notice goes (it is inserted before this element). */
  noticeBefore: HTMLElement;
  /** Where "draft saved at…" is written. */
  status: HTMLElement;
  /** The text as it is now (the text field brought up to date with the editor). */
  currentText(): string;
  restoreText(text: string): void;
  focusEditor(): void;
  announce(text: string): void;
}

const DEBOUNCE_MS = 1000;
const INTERVAL_MS = 5000;

function input(form: HTMLFormElement, name: string): HTMLInputElement | undefined {
  const field = form.elements.namedItem(name);
  return field instanceof HTMLInputElement ? field : undefined;
}

export function startAutosave(o: AutosaveOptions): { changed(): void; stop(): void } {
  const t = (key: string, params: Record<string, string> = {}) => message(o.messages, key, params);
  const summary = input(o.form, 'summary');
  const baseRev = input(o.form, 'base_rev');
  const snapshot = () => ({ text: o.currentText(), summary: summary?.value ?? '' });
  const initial = snapshot();
  let lastSaved = JSON.stringify(initial);
  let timer: ReturnType<typeof setTimeout> | undefined;

  function save(): void {
    clearTimeout(timer);
    const now = snapshot();
    const serial = JSON.stringify(now);
    // Nothing typed yet, or nothing new since the last save.
    if (serial === lastSaved || (now.text === initial.text && now.summary === initial.summary)) return;
    const draft: Draft = { ...now, base_rev: baseRev?.value ?? '', savedAt: Date.now() };
    if (!writeDraft(o.key, draft)) return;
    lastSaved = serial;
    const time = new Date(draft.savedAt).toLocaleTimeString(o.lang, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    o.status.textContent = t('editor.draft.saved', { time });
  }

  function changed(): void {
    clearTimeout(timer);
    timer = setTimeout(save, DEBOUNCE_MS);
  }

  const onHide = () => {
    if (document.visibilityState === 'hidden') save();
  };
  summary?.addEventListener('input', changed);
  document.addEventListener('visibilitychange', onHide);
  window.addEventListener('pagehide', save);
  const interval = setInterval(save, INTERVAL_MS);

  const draft = readDraft(o.key);
  if (draft && (draft.text !== initial.text || (draft.summary !== '' && draft.summary !== initial.summary))) offer(draft);

  function offer(d: Draft): void {
    const date = new Date(d.savedAt).toLocaleString(o.lang, { dateStyle: 'long', timeStyle: 'short' });
    const text = t('editor.draft.found', { date });
    const restore = el('button', { type: 'button', class: 'button' }, [t('editor.draft.restore')]);
    const ignore = el('button', { type: 'button', class: 'button secondary' }, [t('editor.draft.ignore')]);
    const notice = el('div', { class: 'notice draft-notice', id: 'draft-notice' }, [el('p', {}, [text]), el('div', { class: 'form-actions' }, [restore, ignore])]);
    o.noticeBefore.before(notice);
    o.announce(text);
    const close = (said: string) => {
      notice.remove();
      o.announce(t(said));
      o.focusEditor();
    };
    restore.addEventListener('click', () => {
      o.restoreText(d.text);
      if (summary) summary.value = d.summary;
      // Saving then merges from the revision the draft started from, not the current one.
      if (baseRev && d.base_rev) baseRev.value = d.base_rev;
      close('editor.draft.restored');
      save();
    });
    ignore.addEventListener('click', () => {
      removeDraft(o.key);
      close('editor.draft.ignored');
    });
  }

  return {
    changed,
    stop() {
      clearInterval(interval);
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', save);
    },
  };
}
