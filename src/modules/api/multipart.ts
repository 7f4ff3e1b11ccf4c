import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Body parsers for api.php's own route scope: multipart/form-data (mwn sends it when a value is
 * over 8,000 characters) into string fields, and any other type read as no parameters at all,
 * as MediaWiki ignores bodies it does not understand.
 */
export function acceptApiBodies(app: FastifyInstance, limit: number): void {
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: limit }, async (request: FastifyRequest, body: Buffer) => {
    const out: Record<string, string> = Object.create(null) as Record<string, string>;
    let form: FormData;
    try {
      form = await new Response(body as Uint8Array<ArrayBuffer>, { headers: { 'content-type': String(request.headers['content-type']) } }).formData();
    } catch {
      return out;
    }
    for (const [name, value] of form) {
      if (typeof value === 'string') out[name] = value;
    }
    return out;
  });
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: limit }, async () => ({}));
}
