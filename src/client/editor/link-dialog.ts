/**
 * The "link to a page" dialog: a native modal <dialog> (focus is trapped and returned by the
 * browser, Escape closes it). It lives outside the edit form so its own form does not nest.
 * The page-title field suggests existing titles (the shared combobox of src/client/suggest):
 * choosing one fills the field.
 */
import { enhanceCombobox } from '../suggest/combobox.ts';
import { el } from './dom.ts';
import { message, type Messages } from './i18n.ts';

export interface LinkRequest {
  target: string;
  text: string;
}

export function createLinkDialog(messages: Messages): { open(initialText: string): Promise<LinkRequest | undefined> } {
  const t = (key: string) => message(messages, key);
  const target = el('input', { id: 'link-target', type: 'text', required: true, autocomplete: 'off', lang: 'fr-CA' });
  const text = el('input', { id: 'link-text', type: 'text', autocomplete: 'off', lang: 'fr-CA' });
  const form = el('form', { method: 'dialog', class: 'stack' }, [
    el('h2', { id: 'link-dialog-title' }, [t('editor.link.heading')]),
    el('div', { class: 'field' }, [el('label', { for: 'link-target' }, [t('editor.link.target')]), target]),
    el('div', { class: 'field' }, [el('label', { for: 'link-text' }, [t('editor.link.text')]), text]),
    el('div', { class: 'form-actions' }, [
      el('button', { type: 'submit', value: 'insert', class: 'button' }, [t('editor.link.insert')]),
      el('button', { type: 'submit', value: 'cancel', class: 'button secondary', formnovalidate: true }, [t('editor.link.cancel')]),
    ]),
  ]);
  const dialog = el('dialog', { class: 'link-dialog', 'aria-labelledby': 'link-dialog-title' }, [form]);
  document.body.append(dialog);
  enhanceCombobox(target, {
    endpoint: '/api/suggest',
    messages: { label: t('suggest.label'), none: t('suggest.none'), one: t('suggest.one'), many: t('suggest.many') },
    // The combobox has already put the title in the field: choosing does not navigate.
    onSelect: () => {},
  });

  return {
    open(initialText) {
      target.value = initialText.trim();
      text.value = initialText;
      dialog.returnValue = '';
      dialog.showModal();
      return new Promise((resolve) => {
        dialog.addEventListener(
          'close',
          () => {
            const page = target.value.trim();
            resolve(dialog.returnValue === 'insert' && page ? { target: page, text: text.value.trim() || page } : undefined);
          },
          { once: true },
        );
      });
    },
  };
}
