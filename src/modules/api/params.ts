import { ApiError, apiErrors } from './errors.ts';
import type { Warnings } from './warnings.ts';

export type RawParams = Readonly<Record<string, string>>;

/** Values sent as arrays or numbers (JSON bodies, repeated keys) become one string: the last one. */
export function flattenParams(...sources: unknown[]): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const source of sources) {
    if (!source || typeof source !== 'object') continue;
    for (const [key, value] of Object.entries(source as Record<string, unknown>)) {
      const last = Array.isArray(value) ? value.at(-1) : value;
      if (typeof last === 'string') out[key] = last;
      else if (typeof last === 'number' || typeof last === 'boolean') out[key] = String(last);
    }
  }
  return out;
}

/** MediaWiki's multi-value syntax: `a|b`, or `\x1fa\x1fb` when a value contains a pipe. */
export function splitMulti(value: string): string[] {
  if (value === '') return [];
  return value.startsWith('\x1f') ? value.slice(1).split('\x1f') : value.split('|');
}

export interface LimitSpec {
  /** Default when the parameter is absent. */
  def: number;
  /** Largest value for ordinary users, and for users with `apihighlimits`. */
  max: number;
  highMax: number;
}

/** Typed reads of one module's parameters (`prefix` as MediaWiki's: rc, ap, sr…). */
export class Params {
  constructor(
    readonly raw: RawParams,
    readonly warnings: Warnings,
    readonly highLimits: boolean,
    readonly module = 'main',
    readonly prefix = '',
  ) {}

  /** The same parameters read as another (sub)module. */
  as(module: string, prefix: string): Params {
    return new Params(this.raw, this.warnings, this.highLimits, module, prefix);
  }

  name(n: string): string {
    return this.prefix + n;
  }

  has(n: string): boolean {
    return this.raw[this.name(n)] !== undefined;
  }

  str(n: string): string | undefined {
    return this.raw[this.name(n)];
  }

  required(n: string): string {
    const v = this.str(n);
    if (v === undefined) throw apiErrors.missing(this.name(n));
    return v;
  }

  /** Present means true, whatever the value (MediaWiki's boolean parameters). */
  bool(n: string): boolean {
    return this.has(n);
  }

  list(n: string): string[] {
    const v = this.str(n);
    return v === undefined ? [] : splitMulti(v);
  }

  int(n: string, opts: { min?: number; max?: number } = {}): number | undefined {
    const v = this.str(n);
    if (v === undefined || v === '') return undefined;
    if (!/^[-+]?\d{1,15}$/.test(v.trim())) throw apiErrors.badInteger(this.name(n), v);
    let x = Number(v.trim());
    if (opts.min !== undefined && x < opts.min) {
      this.warnings.add(this.module, `Invalid value "${v}" for integer parameter "${this.name(n)}": ${x} is below the minimum ${opts.min}; using ${opts.min}.`);
      x = opts.min;
    }
    if (opts.max !== undefined && x > opts.max) {
      this.warnings.add(this.module, `"${this.name(n)}" may not be over ${opts.max} (set to ${x}) for users; using ${opts.max}.`);
      x = opts.max;
    }
    return x;
  }

  enumOf<T extends string>(n: string, allowed: readonly T[], def: T): T;
  enumOf<T extends string>(n: string, allowed: readonly T[]): T | undefined;
  enumOf<T extends string>(n: string, allowed: readonly T[], def?: T): T | undefined {
    const v = this.str(n);
    if (v === undefined) return def;
    if (!(allowed as readonly string[]).includes(v)) throw apiErrors.badValue(this.name(n), v);
    return v as T;
  }

  /** Several values among `allowed`; unknown ones are dropped with MediaWiki's warning. */
  multiEnum<T extends string>(n: string, allowed: readonly T[], def: readonly T[] = []): T[] {
    if (!this.has(n)) return [...def];
    const out: T[] = [];
    const unknown: string[] = [];
    for (const v of this.list(n)) {
      if ((allowed as readonly string[]).includes(v)) {
        if (!out.includes(v as T)) out.push(v as T);
      } else unknown.push(v);
    }
    if (unknown.length) this.warnings.add(this.module, `Unrecognized value${unknown.length > 1 ? 's' : ''} for parameter "${this.name(n)}": ${unknown.slice(0, 10).join(', ').slice(0, 200)}.`);
    return out;
  }

  /** Namespace numbers (`*` for all); unknown ones are dropped with a warning; undefined when absent. */
  namespaces(n: string, known: readonly number[]): number[] | undefined {
    if (!this.has(n)) return undefined;
    if (this.list(n).includes('*')) return [...known];
    return this.multiEnum(n, known.map(String)).map(Number);
  }

  /** A limit: `max` gives the largest allowed; values above it are lowered with a warning. */
  limit(n: string, spec: LimitSpec): number {
    const v = this.str(n);
    const max = this.highLimits ? spec.highMax : spec.max;
    if (v === undefined || v === '') return spec.def;
    if (v === 'max') return max;
    if (!/^\d{1,15}$/.test(v.trim())) throw apiErrors.badInteger(this.name(n), v);
    const x = Number(v.trim());
    if (x < 1) {
      this.warnings.add(this.module, `Invalid value "${v}" for integer parameter "${this.name(n)}": ${x} is below the minimum 1; using 1.`);
      return 1;
    }
    if (x > max) {
      this.warnings.add(this.module, `"${this.name(n)}" may not be over ${max} (set to ${x}) for users; using ${max}.`);
      return max;
    }
    return x;
  }

  /** A timestamp in ISO 8601, MediaWiki's 14-digit form, or a Unix time; epoch milliseconds. */
  timestamp(n: string): number | undefined {
    const v = this.str(n);
    if (v === undefined || v === '') return undefined;
    const ms = parseTimestamp(v);
    if (ms === undefined) throw apiErrors.badTimestamp(this.name(n), v);
    return ms;
  }
}

export function parseTimestamp(v: string): number | undefined {
  const s = v.trim();
  if (s === 'now') return Date.now();
  let ms: number;
  const mw = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(s);
  if (mw) ms = Date.UTC(+mw[1]!, +mw[2]! - 1, +mw[3]!, +mw[4]!, +mw[5]!, +mw[6]!);
  else if (/^\d{1,10}$/.test(s)) ms = Number(s) * 1000;
  else if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.test(s)) ms = Date.parse(s.includes('Z') || /[+-]\d{2}:?\d{2}$/.test(s) ? s : `${s}Z`);
  else return undefined;
  return Number.isFinite(ms) ? ms : undefined;
}

/** ISO 8601 at the second, as MediaWiki prints timestamps: 2026-11-21T12:00:00Z. */
export function isoTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** MediaWiki's 14-digit timestamp (continuation strings). */
export function mwTimestamp(ms: number): string {
  return isoTimestamp(ms).replace(/[-:TZ]/g, '');
}

export { ApiError };
