import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../../core/errors.ts';
import { redirectWithNotice, sendPage } from '../../core/http/render.ts';
import { titleUrl } from '../markup/index.ts';
import { uploadFile } from './commands/upload-file.ts';
import type { FilesDeps } from './deps.ts';
import { fileName, fileTitle } from './inspect.ts';
import { acceptMultipart, fileField, textField } from './multipart.ts';
import { filesStore } from './store.ts';
import { thumbnail } from './thumbnails.ts';
import { isImage, type FileVersion } from './types.ts';
import { formatSize } from './views/format.ts';
import { UploadPage } from './views/upload.tsx';

/** Served files may be opened directly: no script ever runs, nothing is fetched, no plugin. */
export const FILE_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'";

type Params = { name: string; version?: string; width?: string };

function contentDisposition(v: FileVersion, inline: boolean): string {
  const ascii = v.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(v.fileName)}`;
}

function send(request: FastifyRequest, reply: FastifyReply, bytes: Buffer, o: { v: FileVersion; mime: string; etag: string; immutable: boolean }): FastifyReply {
  reply.removeHeader('vary');
  reply.header('content-security-policy', FILE_CSP);
  reply.header('x-content-type-options', 'nosniff');
  // Only images are shown in the browser (SVG after sanitising); documents are downloaded.
  reply.header('content-disposition', contentDisposition(o.v, isImage(o.v.mime)));
  reply.header('etag', o.etag);
  reply.header('cache-control', o.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  if (request.headers['if-none-match'] === o.etag) return reply.code(304).send();
  return reply.code(200).type(o.mime).send(bytes);
}

export function filesRoutes(deps: FilesDeps) {
  const limit = deps.maxBytes + 1024 * 1024;
  const versions = filesStore(deps.db);

  /** The version a URL names: `/<name>` (current) or `/<id>/<name>` (that one, if it is of that file). */
  async function versionOf(p: Params): Promise<FileVersion> {
    const title = fileTitle(p.name);
    if (!title) throw new AppError('not_found');
    const name = fileName(title);
    if (p.version === undefined) return (await versions.current(name)) ?? Promise.reject(new AppError('not_found'));
    const v = /^\d{1,12}$/.test(p.version) ? await versions.version(Number(p.version)) : undefined;
    if (!v || v.fileName !== name) throw new AppError('not_found');
    return v;
  }

  const original = async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) => {
    const v = await versionOf(request.params);
    const bytes = await deps.store.get(v.storageKey);
    if (!bytes) throw new AppError('not_found');
    return send(request, reply, bytes, { v, mime: v.mime, etag: `"${v.sha1}"`, immutable: request.params.version !== undefined });
  };

  const thumb = async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) => {
    const v = await versionOf(request.params);
    const t = await thumbnail(deps.store, v, Number(request.params.width));
    if (!t) throw new AppError('not_found');
    return send(request, reply, t.bytes, { v, mime: t.mime, etag: `"${v.sha1}-${request.params.width}"`, immutable: request.params.version !== undefined });
  };

  return async (app: FastifyInstance) => {
    acceptMultipart(app, limit);
    app.setErrorHandler(async (err: FastifyError, request, reply) => {
      if (err.code !== 'FST_ERR_CTP_BODY_TOO_LARGE' || request.url !== '/fichiers') throw err;
      const { ctx } = request;
      return sendPage(reply, UploadPage({ ctx, m: { form: { values: {}, errors: { file: 'files.error.too_large' }, params: { max: formatSize(deps.maxBytes, ctx) } }, maxBytes: deps.maxBytes } }), 413);
    });

    app.get('/fichiers/:name', original);
    app.get('/fichiers/:version/:name', original);
    app.get('/fichiers/vignettes/:width/:name', thumb);
    app.get('/fichiers/vignettes/:width/:version/:name', thumb);

    app.post('/fichiers', { bodyLimit: limit }, async (request, reply) => {
      const { ctx } = request;
      const body = request.body;
      const file = fileField(body, 'file');
      const values = { destination: textField(body, 'destination'), description: textField(body, 'description'), comment: textField(body, 'comment') };
      try {
        const result = await uploadFile(deps, ctx.actor, { bytes: file?.bytes ?? Buffer.alloc(0), uploadedName: file?.filename ?? '', ...values });
        return redirectWithNotice(reply, titleUrl(result.title), 'uploaded');
      } catch (e) {
        // A refused upload shows the form again with what was typed (the file must be chosen again).
        if (!isAppError(e) || Object.keys(e.fields).length === 0) throw e;
        const params = { max: formatSize(deps.maxBytes, ctx), ...e.params };
        return sendPage(reply, UploadPage({ ctx, m: { form: { values, errors: e.fields, params }, maxBytes: deps.maxBytes } }), e.status);
      }
    });
  };
}
