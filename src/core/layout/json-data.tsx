import { raw, type Raw } from '#jsx/jsx-runtime';

/**
 * Data for an island: `<script type="application/json">` is never executed, so the CSP allows
 * it. `<`, `>` and `&` are written as \u escapes so the text cannot close the element.
 */
export function JsonData({ id, data }: { id: string; data: unknown }): Raw {
  const json = JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return raw(`<script type="application/json" id="${id}">${json}</script>`);
}
