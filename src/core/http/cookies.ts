import type { FastifyReply } from 'fastify';

/** Cookie names and options. Behind TLS the names take the __Host- prefix (Secure, Path=/, no Domain). */
export function cookieNames(secure: boolean) {
  const p = secure ? '__Host-' : '';
  return { session: `${p}maillage_session`, csrf: `${p}maillage_csrf`, lang: `${p}maillage_lang` } as const;
}

export type CookieNames = ReturnType<typeof cookieNames>;

export function setCookie(reply: FastifyReply, secure: boolean, name: string, value: string, maxAgeSeconds?: number): void {
  reply.setCookie(name, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  });
}

export function clearCookie(reply: FastifyReply, secure: boolean, name: string): void {
  reply.clearCookie(name, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
