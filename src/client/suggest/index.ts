/**
 * Title autocomplete island, loaded on every page: enhances each `input[data-suggest]` (the
 * header's search box, Spécial:Recherche) into a combobox. Its messages come translated by the
 * server in data-* attributes of the input. Choosing a suggestion opens the page.
 */
import { enhanceCombobox } from './combobox.ts';

function start(): void {
  for (const input of document.querySelectorAll<HTMLInputElement>('input[data-suggest]')) {
    const d = input.dataset;
    if (!d.suggest) continue;
    enhanceCombobox(input, {
      endpoint: d.suggest,
      messages: { label: d.suggestLabel ?? '', none: d.suggestNone ?? '', one: d.suggestOne ?? '', many: d.suggestMany ?? '' },
    });
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
