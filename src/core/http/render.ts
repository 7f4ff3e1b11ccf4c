import type { FastifyReply, FastifyRequest } from 'fastify';
import { renderDocument, type Raw } from '#jsx/jsx-runtime';

export function sendPage(reply: FastifyReply, page: Raw, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderDocument(page));
}

/** Where to go back after a form: only paths on this site (no open redirects). */
export function safeReturnPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value.length > 2000 ? fallback : value;
}

/** POST-redirect-GET with an optional confirmation notice. */
export function redirectWithNotice(reply: FastifyReply, to: string, notice?: string): FastifyReply {
  const url = notice ? `${to}${to.includes('?') ? '&' : '?'}notice=${encodeURIComponent(notice)}` : to;
  return reply.redirect(url, 303);
}

export function formBody(request: FastifyRequest): Record<string, unknown> {
  const body = request.body;
  return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
}

/** The string values of a form, to show the form again exactly as typed (passwords excluded). */
export function typedValues(body: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && !/pass|_csrf/i.test(k)) values[k] = v;
  return values;
}

/** A form field as a string ('' when absent or repeated). */
export function formString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Whether two URL paths name the same resource once percent-decoded (malformed escapes compare raw). */
export function samePath(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return decodeURIComponent(a) === decodeURIComponent(b);
  } catch {
    return false;
  }
}
