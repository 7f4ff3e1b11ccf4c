/**
 * ParserFunctions' conditionals and helpers: #if, #ifeq, #iferror, #ifexist, #switch, #expr,
 * #ifexpr, #titleparts, #rel2abs.
 */
import { decodeCharReferences } from '../../entities.ts';
import { NS_SPECIAL } from '../../namespaces.ts';
import { phpTrim } from '../preprocess/frame.ts';
import type { PPNodes } from '../preprocess/nodes.ts';
import { incrementExpensive, type RenderState } from '../preprocess/state.ts';
import { evaluate, ExprError, exprErrorHtml, resultIsTrue } from './expr.ts';
import type { FunctionEntry } from './index.ts';
import type { FunctionCall } from './types.ts';
import { htmlspecialchars, intval, looseEquals } from './util.ts';
import { matchWord } from './words.ts';

/** Expanded, trimmed, character references decoded (ParserFunctions::decodeTrimExpand). */
function decoded(c: FunctionCall, i: number): string {
  return decodeCharReferences(c.text(i));
}

function branch(c: FunctionCall, i: number): string {
  return i < c.count ? c.text(i) : '';
}

function ifFunction(c: FunctionCall): string {
  return c.text(0) !== '' ? branch(c, 1) : branch(c, 2);
}

function ifeq(c: FunctionCall): string {
  const left = decoded(c, 0);
  const right = c.count > 1 ? decoded(c, 1) : '';
  return looseEquals(left, right) ? branch(c, 2) : branch(c, 3);
}

const ERROR = /<(?:strong|span|p|div)\s(?:[^\s>]*\s+)*?class="(?:[^"\s>]*\s+)*?error(?:\s[^">]*)?"/;

function iferror(c: FunctionCall): string {
  const test = c.text(0);
  if (ERROR.test(test)) return branch(c, 1);
  if (c.count < 3) return test;
  return branch(c, 2);
}

/** Whether a page exists, from env.pages then env.linkStatus; an unknown key counts as missing and is reported. */
export function pageExists(state: RenderState, key: string): boolean {
  const pages = state.ctx.env.pages;
  const text = pages?.get(key);
  if (text !== undefined) return text !== null;
  const status = state.ctx.env.linkStatus.get(key);
  if (status !== undefined) return status !== 'missing';
  state.ctx.output.unresolved.add(key);
  return false;
}

function ifexist(c: FunctionCall): string {
  const r = c.state.codec.parse(c.text(0));
  if (!r.ok) return branch(c, 2);
  const title = r.title;
  if (title.namespace === NS_SPECIAL) return branch(c, 2);
  const checked = (c.state.memo.get('ifexist') as Map<string, boolean> | undefined) ?? new Map<string, boolean>();
  c.state.memo.set('ifexist', checked);
  let exists = checked.get(title.key);
  if (exists === undefined) {
    if (!incrementExpensive(c.state)) return branch(c, 2);
    exists = pageExists(c.state, title.key);
    checked.set(title.key, exists);
  }
  return exists ? branch(c, 1) : branch(c, 2);
}

function switchFunction(c: FunctionCall): string {
  if (c.count === 0) return '';
  const primary = decoded(c, 0);
  const lang = c.ctx.site.language;
  let found = false;
  let defaultFound = false;
  let defaultNodes: PPNodes | undefined;
  let lastItemHadNoEquals = false;
  let lastItem = '';
  for (let i = 1; i < c.count; i++) {
    const part = c.part(i)!;
    if (part.index === 0) {
      lastItemHadNoEquals = false;
      if (found) return phpTrim(c.expandNodes(part.value));
      const test = decodeCharReferences(phpTrim(c.expandNodes(part.name)));
      if (looseEquals(test, primary)) return phpTrim(c.expandNodes(part.value));
      if (defaultFound || matchWord('default', test, lang)) {
        defaultNodes = part.value;
        defaultFound = false;
      }
    } else {
      lastItemHadNoEquals = true;
      lastItem = phpTrim(c.expandNodes(part.value));
      const test = decodeCharReferences(lastItem);
      if (looseEquals(test, primary)) found = true;
      else if (matchWord('default', test, lang)) defaultFound = true;
    }
  }
  if (lastItemHadNoEquals) return lastItem;
  return defaultNodes ? phpTrim(c.expandNodes(defaultNodes)) : '';
}

function expr(c: FunctionCall): string {
  try {
    return evaluate(c.text(0));
  } catch (e) {
    if (e instanceof ExprError) return exprErrorHtml(e, c.ctx.site.language);
    throw e;
  }
}

function ifexpr(c: FunctionCall): string {
  let result: string;
  try {
    result = evaluate(c.text(0));
  } catch (e) {
    if (e instanceof ExprError) return exprErrorHtml(e, c.ctx.site.language);
    throw e;
  }
  return resultIsTrue(result) ? branch(c, 1) : branch(c, 2);
}

/** PHP's array_slice. */
function arraySlice<T>(a: T[], offset: number, length?: number): T[] {
  const n = a.length;
  let start = offset < 0 ? Math.max(0, n + offset) : Math.min(offset, n);
  if (start > n) start = n;
  let end = length === undefined ? n : length < 0 ? Math.max(start, n + length) : Math.min(n, start + length);
  if (end < start) end = start;
  return a.slice(start, end);
}

function titleparts(c: FunctionCall): string {
  const text = c.text(0);
  const parts = intval(c.count > 1 ? c.text(1) : '0');
  let offset = intval(c.count > 2 ? c.text(2) : '0');
  const r = c.state.codec.parse(text);
  if (!r.ok) return text;
  const full = r.title.full;
  const all = full.split('/');
  const bits = all.length > 25 ? [...all.slice(0, 24), all.slice(24).join('/')] : all;
  if (offset > 0) offset--;
  return (parts === 0 ? arraySlice(bits, offset) : arraySlice(bits, offset, parts)).join('/');
}

function rel2abs(c: FunctionCall): string {
  let to = c.text(0);
  let from = c.count > 1 ? c.text(1) : '';
  if (from === '') from = c.ctx.title.full;
  to = to.replace(/[ /]+$/, '');
  if (to === '' || to === '.') return from;
  if (!to.startsWith('/') && !to.startsWith('./') && !to.startsWith('../') && to !== '..') from = '';
  let fullPath = `/${from}/${to}/`;
  fullPath = fullPath.replace(/\/(\.\/)+/g, '/').replace(/\/{2,}/g, '/').replace(/^\/+|\/+$/g, '');
  const out: string[] = [];
  for (const seg of fullPath.split('/')) {
    if (seg === '..') {
      if (out.length === 0) {
        const msg = c.ctx.site.language === 'fr'
          ? `Erreur : profondeur incorrecte dans le chemin : « ${fullPath} » (tentative d’accès à un nœud au-dessus du nœud racine).`
          : `Error: Invalid depth in path: "${fullPath}" (tried to access a node above the root node).`;
        return `<strong class="error">${htmlspecialchars(msg)}</strong>`;
      }
      out.pop();
    } else {
      out.push(seg);
    }
  }
  return out.join('/');
}

export const LOGIC_FUNCTIONS: Record<string, FunctionEntry> = {
  if: { hash: true, fn: ifFunction },
  ifeq: { hash: true, fn: ifeq },
  iferror: { hash: true, fn: iferror },
  ifexist: { hash: true, fn: ifexist },
  switch: { hash: true, fn: switchFunction },
  expr: { hash: true, fn: expr },
  ifexpr: { hash: true, fn: ifexpr },
  titleparts: { hash: true, fn: titleparts },
  rel2abs: { hash: true, fn: rel2abs },
};
