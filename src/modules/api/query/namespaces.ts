import { NAMESPACES, parseTitle, type Title } from '../../markup/index.ts';
import { ApiError, apiErrors } from '../errors.ts';
import type { Params } from '../params.ts';

/** Namespaces a page can live in (not Special:). */
export const REAL_NAMESPACES: readonly number[] = NAMESPACES.filter((n) => n.id >= 0).map((n) => n.id);

/** A single namespace number parameter (apnamespace): default `def`, unknown ones refused. */
export function namespaceParam(p: Params, name: string, def: number): number {
  const v = p.str(name);
  if (v === undefined) return def;
  if (!REAL_NAMESPACES.map(String).includes(v)) throw apiErrors.badValue(p.name(name), v);
  return Number(v);
}

/** A page title parameter (cmtitle, bltitle): parsed, or `invalidtitle`. */
export function titleParam(p: Params, name: string): Title | undefined {
  const v = p.str(name);
  if (v === undefined) return undefined;
  const r = parseTitle(v);
  if (!r.ok || r.title.namespace < 0) throw apiErrors.invalidTitle(v);
  return r.title;
}

/** A title fragment in stored form (apfrom, apprefix): spaces to underscores, first letter upper-cased. */
export function storedTitleText(text: string): string {
  const s = text.replace(/ /g, '_');
  const first = s.codePointAt(0);
  if (first === undefined) return s;
  const ch = String.fromCodePoint(first);
  const up = ch.toUpperCase();
  return ([...up].length === 1 ? up : ch) + s.slice(ch.length);
}

export function printTitle(t: Title): { ns: number; title: string } {
  return { ns: t.namespace, title: t.full };
}

export function requireOne(p: Params, names: readonly string[]): string {
  const given = names.filter((n) => p.has(n));
  if (given.length === 0) throw apiErrors.oneOf(names.map((n) => p.name(n)));
  if (given.length > 1) throw apiErrors.onlyOne(given.map((n) => p.name(n)));
  return given[0]!;
}

export function noSuchPage(id: number): ApiError {
  return apiErrors.noSuchPageId(String(id));
}
