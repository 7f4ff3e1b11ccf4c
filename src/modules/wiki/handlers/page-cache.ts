import type { FastifyReply, FastifyRequest } from 'fastify';
import { renderDocument, type Raw } from '#jsx/jsx-runtime';
import { samePath } from '../../../core/http/render.ts';

/**
 * Whole-page cache for anonymous readers, per process. An entry is valid only while its stamp
 * (latest revision and render time, read from the database on every request) is unchanged, so
 * a change made through any instance is seen by all: the cache is invalidated through the
 * database. The reader's CSRF token is the one per-visitor part; it is spliced in on the way out.
 */
const TOKEN = '\u27E6csrf-token\u27E7';
const MAX_ENTRIES = 2000;

interface Entry {
  stamp: string;
  parts: Buffer[];
}

export function pageCache() {
  const entries = new Map<string, Entry>();
  return {
    /** A page may be cached when it is the plain URL, read by an anonymous visitor, with no notice. */
    cacheable(request: FastifyRequest, canonicalUrl: string): boolean {
      const { ctx } = request;
      return ctx.actor.kind === 'anonymous' && !ctx.notice && !request.url.includes('?') && samePath(request.url, canonicalUrl);
    },
    send(request: FastifyRequest, reply: FastifyReply, key: string, stamp: string): FastifyReply | undefined {
      const hit = entries.get(key);
      if (!hit || hit.stamp !== stamp) return undefined;
      // A page without forms has no token to splice (and makes none).
      const body = hit.parts.length === 1 ? hit.parts[0]! : spliceToken(hit.parts, Buffer.from(request.ctx.csrfToken));
      return reply.code(200).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
    },
    /** Renders the page with a placeholder token, stores it, and sends it with the real token. */
    store(request: FastifyRequest, reply: FastifyReply, key: string, stamp: string, page: (csrfToken: string) => Raw): FastifyReply {
      const html = renderDocument(page(TOKEN));
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      entries.set(key, { stamp, parts: html.split(TOKEN).map((s) => Buffer.from(s)) });
      return reply.code(200).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html.includes(TOKEN) ? html.replaceAll(TOKEN, request.ctx.csrfToken) : html);
    },
  };
}

function spliceToken(parts: readonly Buffer[], token: Buffer): Buffer {
  return Buffer.concat(parts.flatMap((p, i) => (i === 0 ? [p] : [token, p])));
}

export type PageCache = ReturnType<typeof pageCache>;
