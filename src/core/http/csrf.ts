import type { FastifyRequest } from 'fastify';
import { hmac, safeEqual } from '../ids.ts';

/**
 * Signed double-submit tokens (OWASP): the browser holds a random cookie, forms carry an HMAC of
 * that cookie bound to the session, keyed by a secret shared by all instances (stored in the
 * database). Nothing per-request is kept on the server.
 */
export function csrfToken(secret: string, cookie: string, sessionId: string | undefined): string {
  return hmac(secret, `${cookie}|${sessionId ?? ''}`);
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isUnsafe(method: string): boolean {
  return UNSAFE.has(method);
}

/** True when an unsafe request carries the right token and does not come from another site. */
export function csrfValid(request: FastifyRequest, expected: string, allowedOrigins: readonly string[]): boolean {
  if (request.headers['sec-fetch-site'] === 'cross-site') return false;
  const origin = request.headers.origin;
  if (origin && origin !== 'null' && !allowedOrigins.includes(origin)) return false;
  if (origin === 'null') return false;
  const body = request.body as Record<string, unknown> | undefined;
  const sent = request.headers['x-csrf-token'] ?? (body && typeof body === 'object' ? body._csrf : undefined);
  return typeof sent === 'string' && safeEqual(sent, expected);
}
