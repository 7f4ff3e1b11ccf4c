/**
 * Title autocomplete: the WAI-ARIA 1.2 combobox pattern with a listbox popup, over an existing
 * text input. No framework and no markup parsing: options are built with the DOM API.
 *
 * - The input stays the only tab stop; options are reached with the arrow keys
 *   (aria-activedescendant), chosen with Enter or a click, and Escape closes the list.
 * - Enter with no option chosen is left to the browser, so the form submits as without script.
 * - Suggestions are fetched from `endpoint?q=…` (JSON `[{ title, url }]`) after a short pause in
 *   typing; a newer request aborts the older one.
 * - The list floats under the input (absolute position): opening it moves nothing on the page.
 * - A polite live region says how many suggestions there are.
 */
export interface Suggestion {
  title: string;
  url: string;
}

export interface SuggestMessages {
  /** The listbox's accessible name. */
  label: string;
  none: string;
  one: string;
  /** With a {n} placeholder. */
  many: string;
}

export interface ComboboxOptions {
  endpoint: string;
  messages: SuggestMessages;
  /** What choosing a suggestion does; by default, go to its page. */
  onSelect?: (suggestion: Suggestion, input: HTMLInputElement) => void;
}

const DEBOUNCE_MS = 150;
let counter = 0;

function isSuggestion(value: unknown): value is Suggestion {
  return !!value && typeof value === 'object' && typeof (value as Suggestion).title === 'string' && typeof (value as Suggestion).url === 'string';
}

export function enhanceCombobox(input: HTMLInputElement, options: ComboboxOptions): void {
  if (input.getAttribute('role') === 'combobox') return;
  const { endpoint, messages } = options;
  const onSelect = options.onSelect ?? ((s: Suggestion) => window.location.assign(s.url));
  const id = `suggest-${++counter}`;
  const host = input.parentElement;
  if (!host) return;

  const list = document.createElement('ul');
  list.id = `${id}-list`;
  list.className = 'suggest-list';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', messages.label);
  list.hidden = true;
  const status = document.createElement('div');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  host.classList.add('suggest-host');
  input.after(list, status);

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);
  input.autocomplete = 'off';

  let items: Suggestion[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;
  let lastQuery = '';

  const optionAt = (i: number) => list.children[i] as HTMLElement | undefined;

  function setActive(i: number): void {
    optionAt(active)?.setAttribute('aria-selected', 'false');
    active = i;
    const option = optionAt(i);
    if (!option) {
      input.removeAttribute('aria-activedescendant');
      return;
    }
    option.setAttribute('aria-selected', 'true');
    input.setAttribute('aria-activedescendant', option.id);
    option.scrollIntoView({ block: 'nearest' });
  }

  function close(): void {
    setActive(-1);
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  }

  function open(): void {
    if (!items.length) return;
    // Under the input, whatever else shares its container (the host is position: relative).
    list.style.left = `${input.offsetLeft}px`;
    list.style.top = `${input.offsetTop + input.offsetHeight}px`;
    list.style.minWidth = `${input.offsetWidth}px`;
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function announce(text: string): void {
    status.textContent = text;
  }

  function show(results: Suggestion[]): void {
    items = results;
    active = -1;
    input.removeAttribute('aria-activedescendant');
    list.replaceChildren(
      ...results.map((s, i) => {
        const option = document.createElement('li');
        option.id = `${id}-opt-${i}`;
        option.className = 'suggest-option';
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.textContent = s.title;
        return option;
      }),
    );
    if (results.length) open();
    else close();
    const n = results.length;
    announce(n === 0 ? messages.none : n === 1 ? messages.one : messages.many.replace('{n}', String(n)));
  }

  async function fetchSuggestions(q: string): Promise<void> {
    controller?.abort();
    controller = new AbortController();
    const url = `${endpoint}${endpoint.includes('?') ? '&' : '?'}q=${encodeURIComponent(q)}`;
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { accept: 'application/json' } });
      if (!response.ok) return;
      const data: unknown = await response.json();
      if (q !== input.value.trim() || document.activeElement !== input) return;
      show(Array.isArray(data) ? data.filter(isSuggestion) : []);
    } catch {
      // Aborted by a newer query, or offline: the field keeps working as a plain input.
    }
  }

  function choose(i: number): void {
    const s = items[i];
    if (!s) return;
    close();
    items = [];
    list.replaceChildren();
    input.value = s.title;
    lastQuery = s.title;
    onSelect(s, input);
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q === lastQuery) return;
    lastQuery = q;
    if (!q) {
      controller?.abort();
      items = [];
      list.replaceChildren();
      close();
      announce('');
      return;
    }
    timer = setTimeout(() => void fetchSuggestions(q), DEBOUNCE_MS);
  });

  input.addEventListener('keydown', (event) => {
    if (event.altKey && event.key === 'ArrowDown') {
      open();
      event.preventDefault();
      return;
    }
    const expanded = !list.hidden;
    const last = items.length - 1;
    switch (event.key) {
      case 'ArrowDown':
        if (!items.length) return;
        event.preventDefault();
        if (!expanded) open();
        setActive(active >= last ? 0 : active + 1);
        break;
      case 'ArrowUp':
        if (!items.length) return;
        event.preventDefault();
        if (!expanded) open();
        setActive(active <= 0 ? last : active - 1);
        break;
      case 'Home':
      case 'End':
        // Only while an option is active: otherwise they move the caret in the text.
        if (!expanded || active < 0) return;
        event.preventDefault();
        setActive(event.key === 'Home' ? 0 : last);
        break;
      case 'Enter':
        if (!expanded || active < 0) return; // the form submits as usual
        event.preventDefault();
        choose(active);
        break;
      case 'Escape':
        if (!expanded) return; // the browser's own behaviour (clear the search, close a dialog)
        event.preventDefault();
        event.stopPropagation();
        close();
        break;
      case 'Tab':
        close();
        break;
    }
  });

  // Keep the focus in the input while clicking an option.
  list.addEventListener('mousedown', (event) => event.preventDefault());
  list.addEventListener('click', (event) => {
    const option = (event.target as Element | null)?.closest('[role="option"]');
    if (!option) return;
    choose([...list.children].indexOf(option));
  });
  input.addEventListener('blur', () => close());
  input.addEventListener('focus', () => {
    if (items.length && input.value.trim() === lastQuery) open();
  });
}
