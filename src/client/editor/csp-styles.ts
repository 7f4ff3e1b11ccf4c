/**
 * CodeMirror under our CSP (`style-src 'self'`, no nonce).
 *
 * CodeMirror themes are CSS generated at run time (style-mod), which it puts in a `<style>`
 * element the CSP blocks. Instead of weakening the CSP with a nonce, we mount those rules in a
 * constructed stylesheet adopted by the document: CSSOM is not subject to `style-src`, and no
 * markup or attribute carries CSS. The rules keep style-mod's order (later modules win).
 */
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';

interface StyleModuleLike {
  getRules(): string;
}
interface StyleModuleClass {
  mount(root: Document | ShadowRoot, modules: StyleModuleLike | readonly StyleModuleLike[], options?: { nonce?: string }): void;
}

let installed = false;

/** Routes every StyleModule.mount on this page to one adopted stylesheet. Idempotent. */
export function adoptCodeMirrorStyles(): void {
  if (installed) return;
  // The very class @codemirror/view uses, reached through its public styleModule facet.
  const probe = EditorState.create({ extensions: EditorView.theme({}) }).facet(EditorView.styleModule)[0];
  const StyleModule = probe?.constructor as unknown as StyleModuleClass | undefined;
  if (!StyleModule || typeof StyleModule.mount !== 'function') throw new Error('CodeMirror style modules not found');

  const sheet = new CSSStyleSheet();
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  let order: StyleModuleLike[] = [];
  StyleModule.mount = (_root, modules) => {
    const list = Array.isArray(modules) ? (modules as StyleModuleLike[]) : [modules as StyleModuleLike];
    // Same contract as style-mod: the given order is kept, modules seen before keep their place.
    const fresh = list.filter((m) => !order.includes(m));
    if (fresh.length === 0) return;
    order = [...order, ...fresh];
    sheet.replaceSync(order.map((m) => m.getRules()).join('\n'));
  };
  installed = true;
}
