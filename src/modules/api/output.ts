import type { FastifyReply } from 'fastify';
import type { ApiError } from './errors.ts';
import type { Warnings } from './warnings.ts';

export type ErrorFormat = 'bc' | 'plaintext' | 'wikitext' | 'html' | 'raw' | 'none';
export const ERROR_FORMATS: readonly ErrorFormat[] = ['bc', 'plaintext', 'wikitext', 'html', 'raw', 'none'];

export interface OutputOptions {
  fv: 1 | 2;
  errorFormat: ErrorFormat;
  docref: string;
}

/** Formatversion 1: `true` is printed as `""` and `false` left out (MediaWiki's legacy booleans). */
export function legacyBooleans(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(legacyBooleans);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === false || v === undefined) continue;
      out[k] = v === true ? '' : legacyBooleans(v);
    }
    return out;
  }
  return value;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** The error as MediaWiki prints it for the chosen error format. */
export function errorBody(error: ApiError, o: OutputOptions): Record<string, unknown> {
  if (o.errorFormat === 'bc') {
    return { error: { code: error.code, info: error.info, ...error.extra, [o.fv === 2 ? 'docref' : '*']: o.docref } };
  }
  const base: Record<string, unknown> = { code: error.code, module: 'main', ...error.extra };
  if (o.errorFormat === 'html') base.html = escapeHtml(error.info);
  else if (o.errorFormat === 'raw') Object.assign(base, { key: `apierror-${error.code}`, params: [] });
  else if (o.errorFormat !== 'none') base.text = error.info;
  return { errors: [base], docref: o.docref };
}

export function warningsBody(w: Warnings, o: OutputOptions): Record<string, unknown> {
  if (w.empty) return {};
  if (o.errorFormat === 'bc') return { warnings: w.legacy(o.fv) };
  return { warnings: w.list().map((x) => (o.errorFormat === 'html' ? { code: x.code, module: x.module, html: escapeHtml(x.text) } : o.errorFormat === 'none' ? { code: x.code, module: x.module } : x)) };
}

export function sendJson(reply: FastifyReply, body: Record<string, unknown>, o: OutputOptions, status = 200): FastifyReply {
  reply.header('content-type', 'application/json; charset=utf-8');
  reply.header('cache-control', 'private, must-revalidate, max-age=0');
  reply.header('x-frame-options', 'DENY');
  const printed = o.fv === 1 ? legacyBooleans(body) : body;
  return reply.code(status).send(JSON.stringify(printed));
}
