import { z } from 'zod';
import { text } from '../../core/validation.ts';

/**
 * An entity page keeps its fields in a front-matter block at the top of its Markdown (one field
 * per line, so that two people changing different fields merge cleanly in the wiki's three-way
 * merge), and its free text below. The markup renders the block as nothing (plugins/front-matter).
 *
 *   ---
 *   name: Culture Laval
 *   sectors: ["Arts visuels", "Musique"]
 *   ---
 *   Free text…
 *
 * A value is JSON when it starts with [ " { (a YAML flow value), a bare string otherwise.
 */

export type FieldValue = string | string[] | Array<Record<string, string>>;
export type RawFields = Record<string, unknown>;

const FENCE = /^---[ \t]*$/;
const LINE = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]?(.*)$/;

/** Splits a page's source into its fields (unvalidated) and its free text. */
export function splitPage(source: string): { fields: RawFields; body: string; problems: string[] } {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  if (!FENCE.test(lines[0] ?? '')) return { fields: {}, body: source, problems: [] };
  const close = lines.findIndex((l, i) => i > 0 && FENCE.test(l));
  if (close === -1) return { fields: {}, body: source, problems: [] };
  const fields: RawFields = {};
  const problems: string[] = [];
  for (const line of lines.slice(1, close)) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const m = LINE.exec(line);
    if (!m) {
      problems.push(line);
      continue;
    }
    const value = m[2]!.trim();
    if (value === '') continue;
    if (/^["[{]/.test(value)) {
      try {
        fields[m[1]!] = JSON.parse(value) as unknown;
      } catch {
        problems.push(line);
      }
    } else {
      fields[m[1]!] = value;
    }
  }
  return { fields, body: lines.slice(close + 1).join('\n').replace(/^\n+/, ''), problems };
}

function encode(value: FieldValue): string {
  if (typeof value === 'string') return /^["[{\s]|\s$|\n/.test(value) || value === '' ? JSON.stringify(value) : value;
  return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
}

/** The page source for these fields (in the given key order; empty values left out) and text. */
export function joinPage(fields: Record<string, FieldValue | undefined>, body: string): string {
  const lines = Object.entries(fields)
    .filter((e): e is [string, FieldValue] => e[1] !== undefined && e[1] !== '' && !(Array.isArray(e[1]) && e[1].length === 0))
    .map(([k, v]) => `${k}: ${encode(v)}`);
  const text = body.trim();
  return `---\n${lines.join('\n')}\n---${text ? `\n\n${text}` : ''}`;
}

/** A form's list field: one item per line (or separated by semicolons), trimmed, empties dropped. */
export function listFromText(text: string, separator: RegExp = /\n/): string[] {
  return text.split(separator).map((s) => s.trim()).filter(Boolean);
}

/**
 * A page's fields read leniently: `pick` returns a field parsed by `schema`, or `fallback` when it
 * is absent or written wrongly (then listed in `problems`, shown to editors; never fatal).
 */
export function readPage(source: string): { raw: RawFields; body: string; problems: string[]; pick: <T>(schema: z.ZodType<T>, value: unknown, fallback: T) => T } {
  const { fields: raw, body, problems } = splitPage(source);
  const pick = <T>(schema: z.ZodType<T>, value: unknown, fallback: T): T => {
    const r = schema.safeParse(value);
    if (!r.success && value !== undefined) problems.push(String(value));
    return r.success ? r.data : fallback;
  };
  return { raw, body, problems, pick };
}

/** A calendar date written YYYY-MM-DD that exists. */
export function isIsoDate(v: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
}

/** Form pieces shared by the entities' zod schemas (messages are i18n keys). */
export const isoDate = z.string().refine(isIsoDate, { error: 'network.error.date' });
export const httpUrl = z.string().max(500, { error: 'network.error.url' }).refine((v) => /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(v), { error: 'network.error.url' });
/** An optional form field: empty means absent, otherwise `schema` applies. */
export const optional = (schema: z.ZodType<string, string>) => text().transform((v) => (v === '' ? undefined : v)).pipe(schema.optional());
/** One item per line. */
export const lines = () => text().transform((v) => listFromText(v));
