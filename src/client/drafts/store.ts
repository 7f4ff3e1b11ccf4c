/**
 * Drafts kept in this browser (localStorage), one per edit form: `maillage:draft:<page key>:<section>`.
 * Storage can be full, disabled or shared with other tabs: every access is guarded.
 */
export interface Draft {
  text: string;
  summary: string;
  base_rev: string;
  savedAt: number;
}

const PREFIX = 'maillage:draft:';
const SUBMITTED = 'maillage:submitted';

/**
 * Which form this tab just sent with "save" (sessionStorage: this tab only). The page shown
 * after the save clears drafts only then, so a crafted `?notice=saved` link cannot.
 */
export function markSubmitted(key: string | undefined): void {
  try {
    if (key) window.sessionStorage.setItem(SUBMITTED, key);
    else window.sessionStorage.removeItem(SUBMITTED);
  } catch {
    // Without sessionStorage the draft simply stays until ignored.
  }
}

export function takeSubmitted(): string | undefined {
  try {
    const key = window.sessionStorage.getItem(SUBMITTED) ?? undefined;
    window.sessionStorage.removeItem(SUBMITTED);
    return key;
  } catch {
    return undefined;
  }
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function readDraft(key: string): Draft | undefined {
  try {
    const value: unknown = JSON.parse(storage()?.getItem(key) ?? 'null');
    if (!value || typeof value !== 'object') return undefined;
    const d = value as Record<string, unknown>;
    if (typeof d.text !== 'string' || typeof d.savedAt !== 'number') return undefined;
    return { text: d.text, summary: typeof d.summary === 'string' ? d.summary : '', base_rev: typeof d.base_rev === 'string' ? d.base_rev : '', savedAt: d.savedAt };
  } catch {
    return undefined;
  }
}

/** Saves a draft; false when the browser refuses (quota, private mode). */
export function writeDraft(key: string, draft: Draft): boolean {
  try {
    storage()?.setItem(key, JSON.stringify(draft));
    return storage() !== undefined;
  } catch {
    return false;
  }
}

export function removeDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing to do: the draft stays until the browser allows storage again.
  }
}

/** Removes every draft whose key starts with `prefix` (all sections of a page). */
export function removeDrafts(prefix: string): void {
  if (!prefix.startsWith(PREFIX)) return;
  const s = storage();
  if (!s) return;
  try {
    const keys: string[] = [];
    for (let i = 0; i < s.length; i++) {
      const k = s.key(i);
      if (k?.startsWith(prefix)) keys.push(k);
    }
    for (const k of keys) s.removeItem(k);
  } catch {
    // As above.
  }
}
