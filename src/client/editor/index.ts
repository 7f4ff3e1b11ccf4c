/**
 * Editing island, mounted on `form#editform`. The server's textarea stays the source of truth
 * for what is posted (without JavaScript it is the editor); this island hides it and offers two
 * editors over the same text, kept in the textarea at every change:
 * - Visual (TipTap): the default when every block of the page can be shown visually;
 * - Source (CodeMirror): the default otherwise (tables, task lists, footnotes, HTML…), or when
 *   the person chose it last time. The visual mode then shows those parts as Markdown blocks,
 *   kept byte for byte.
 * Switching modes never changes the text by itself (see blocks.ts).
 */
import './editor.css';
import { markSubmitted } from '../drafts/store.ts';
import { startAutosave } from './autosave.ts';
import { el } from './dom.ts';
import { message, readMessages } from './i18n.ts';
import { createLinkDialog } from './link-dialog.ts';
import { createSourceEditor } from './source.ts';
import { createToolbar } from './toolbar.ts';
import { createVisualEditor } from './visual.ts';
import type { VisualDoc } from './blocks.ts';

type Mode = 'visual' | 'source';
const MODE_KEY = 'maillage:editor:mode';
const SYNC_MS = 250;

function preferredMode(): string | null {
  try {
    return localStorage.getItem(MODE_KEY);
  } catch {
    return null;
  }
}

function rememberMode(mode: Mode): void {
  try {
    localStorage.setItem(MODE_KEY, mode);
  } catch {
    // The choice is simply not remembered.
  }
}

function mount(form: HTMLFormElement, textarea: HTMLTextAreaElement): void {
  const messages = readMessages();
  const t = (key: string, params: Record<string, string | number> = {}) => message(messages, key, params);
  const lang = textarea.lang || document.documentElement.lang || 'fr-CA';
  const labelId = textarea.labels?.[0]?.id || 'f-text-label';
  const describedBy = textarea.getAttribute('aria-describedby') ?? undefined;

  const radio = (mode: Mode) => el('input', { type: 'radio', name: 'editor_mode', value: mode, id: `editor-mode-${mode}` });
  const radios = { visual: radio('visual'), source: radio('source') };
  const modes = el('fieldset', { class: 'editor-modes' }, [
    el('legend', {}, [t('editor.mode.legend')]),
    ...(['visual', 'source'] as const).flatMap((m) => [el('span', { class: 'choice' }, [radios[m], el('label', { for: `editor-mode-${m}` }, [t(`editor.mode.${m}`)])])]),
  ]);
  // A live region: switching to a mode that has something to say about the page says it.
  const note = el('p', { class: 'editor-note', id: 'editor-note', role: 'status', hidden: true });
  const visualHost = el('div', { class: 'editor-visual-host' });
  const visualPane = el('div', { class: 'editor-pane editor-visual' }, [visualHost]);
  const sourcePane = el('div', { class: 'editor-pane editor-source', hidden: true });
  const status = el('p', { class: 'editor-draft-status muted' });
  const announcer = el('div', { class: 'visually-hidden', role: 'status' });
  const root = el('div', { class: 'editor' }, [modes, note, visualPane, sourcePane, status, announcer]);
  textarea.after(root);
  textarea.hidden = true;

  let mode: Mode = 'source';
  /** Set once autosave starts (it needs the editors to read the text). */
  const autosave = { changed: () => {} };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const announce = (text: string) => {
    announcer.textContent = '';
    setTimeout(() => (announcer.textContent = text), 50);
  };
  const activeText = () => (mode === 'visual' ? visual.getText() : source.getText());
  const flush = () => {
    clearTimeout(timer);
    textarea.value = activeText();
  };
  const onChange = () => {
    clearTimeout(timer);
    timer = setTimeout(flush, SYNC_MS);
    autosave.changed();
  };

  // Wikitext (pages imported from MediaWiki) has no visual mode: the visual editor writes Markdown.
  const wikitext = form.dataset.model === 'wikitext';
  const visual = createVisualEditor({ parent: visualHost, labelledBy: labelId, describedBy, lang, markdownBlockLabel: t('editor.markdown_block'), onChange });
  const source = createSourceEditor({ parent: sourcePane, text: textarea.value, labelledBy: labelId, describedBy, lang, syntax: wikitext ? 'wikitext' : 'markdown', onChange });
  const dialog = createLinkDialog(messages);
  visualPane.prepend(createToolbar(visual.editor, messages, (selected) => dialog.open(selected)));

  const showNote = (text: string | undefined) => {
    note.textContent = text ?? '';
    note.hidden = !text;
  };
  const showVisual = (loaded: VisualDoc) => {
    mode = 'visual';
    visualPane.hidden = false;
    sourcePane.hidden = true;
    radios.visual.checked = true;
    showNote(loaded.rawBlocks > 0 ? t('editor.raw_blocks', { count: loaded.rawBlocks }) : undefined);
  };
  const showSource = (text: string, why?: string) => {
    source.setText(text);
    mode = 'source';
    visualPane.hidden = true;
    sourcePane.hidden = false;
    radios.source.checked = true;
    showNote(why ? t(why) : undefined);
  };

  function switchTo(next: Mode): void {
    if (next === mode) return;
    flush();
    const text = textarea.value;
    if (next === 'source') return showSource(text);
    const loaded = visual.load(text);
    if (!loaded) {
      radios.source.checked = true;
      announce(t('editor.visual_unavailable'));
      return;
    }
    showVisual(loaded);
  }

  // Initial mode: visual only when the whole page reads back byte for byte.
  const initial = wikitext ? undefined : visual.load(textarea.value);
  if (wikitext) {
    showSource(textarea.value, 'editor.wikitext');
    modes.remove();
  } else if (!initial) showSource(textarea.value, 'editor.visual_unavailable');
  else if (preferredMode() === 'source') showSource(textarea.value);
  else if (!initial.exact) showSource(textarea.value, 'editor.source_default');
  else showVisual(initial);

  for (const r of Object.values(radios)) {
    r.addEventListener('change', () => {
      if (!r.checked) return;
      switchTo(r.value as Mode);
      rememberMode(mode);
    });
  }
  markSubmitted(undefined);
  form.addEventListener('submit', (event) => {
    flush();
    if (event.submitter?.getAttribute('value') === 'save') markSubmitted(form.dataset.autosave);
  });

  const focusEditor = () => (mode === 'visual' ? visual.focus() : source.focus());
  // The label and the error summary point at the hidden textarea: send them to the editor.
  document.addEventListener('click', (event) => {
    const target = (event.target as Element | null)?.closest(`label[for="${textarea.id}"], a[href="#${textarea.id}"]`);
    if (!target) return;
    event.preventDefault();
    focusEditor();
  });

  const key = form.dataset.autosave;
  if (key) {
    autosave.changed = startAutosave({
        key, form, messages, lang: document.documentElement.lang || lang, noticeBefore: root.parentElement ?? root, status, announce, focusEditor,
        currentText: () => {
          flush();
          return textarea.value;
        },
        restoreText: (text) => {
          textarea.value = text;
          const loaded = mode === 'visual' ? visual.load(text) : undefined;
          if (loaded) showVisual(loaded);
          else showSource(text);
        },
      }).changed;
  }
}

const form = document.querySelector<HTMLFormElement>('form#editform');
const textarea = form?.querySelector<HTMLTextAreaElement>('textarea[name="text"]');
if (form && textarea) {
  try {
    mount(form, textarea);
  } catch (error) {
    // The island only enhances the form: if it cannot start, the plain textarea stays.
    form.querySelector('.editor')?.remove();
    textarea.hidden = false;
    console.error('Maillage editor could not start', error);
  }
}
