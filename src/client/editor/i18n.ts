/**
 * The editor's messages, translated by the server into a JSON data block
 * (`<script type="application/json" id="editor-i18n">`: data, never executed, so the CSP allows it).
 */
export type Messages = Record<string, string>;

export function readMessages(doc: Document = document): Messages {
  const block = doc.getElementById('editor-i18n');
  try {
    const parsed: unknown = JSON.parse(block?.textContent ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Messages) : {};
  } catch {
    return {};
  }
}

/** The message `key` with its {placeholders} filled; the key itself if the server sent none. */
export function message(messages: Messages, key: string, params: Record<string, string | number> = {}): string {
  const template = messages[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (params[name] === undefined ? m : String(params[name])));
}
