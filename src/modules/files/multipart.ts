import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.ts';

export interface UploadedFile {
  filename: string;
  bytes: Buffer;
}

export type MultipartBody = Record<string, string | UploadedFile>;

/**
 * Parses multipart/form-data for the routes of the calling plugin only, with the platform's
 * own parser (Response#formData), into `{ field: string | UploadedFile }`. Parsing happens before
 * the app's CSRF check, which therefore sees the `_csrf` field like in any other form (the
 * `x-csrf-token` header works too). Bodies above `limit` bytes are refused by Fastify (413).
 */
export function acceptMultipart(app: FastifyInstance, limit: number): void {
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: limit }, async (request: FastifyRequest, body: Buffer) => {
    let form: FormData;
    try {
      form = await new Response(body as Uint8Array<ArrayBuffer>, { headers: { 'content-type': String(request.headers['content-type']) } }).formData();
    } catch {
      throw new AppError('bad_request');
    }
    const out: MultipartBody = Object.create(null) as MultipartBody;
    for (const [name, value] of form) {
      if (name in out) continue;
      out[name] = typeof value === 'string' ? value : { filename: value.name, bytes: Buffer.from(await value.arrayBuffer()) };
    }
    return out;
  });
}

export function textField(body: unknown, name: string): string {
  const v = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' ? v : '';
}

export function fileField(body: unknown, name: string): UploadedFile | undefined {
  const v = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return v && typeof v === 'object' && 'bytes' in v ? (v as UploadedFile) : undefined;
}
