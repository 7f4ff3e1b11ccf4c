import { createHash } from 'node:crypto';
import type { Actor } from '../../../core/actor.ts';
import { AppError } from '../../../core/errors.ts';
import { emit } from '../../../core/events.ts';
import { translate } from '../../../core/i18n/index.ts';
import { authorize } from '../../accounts/index.ts';
import type { Title } from '../../markup/index.ts';
import { logAction } from '../../wiki/index.ts';
import type { FilesDeps } from '../deps.ts';
import { extensionCheck, fileName, fileTitle, inspectUpload } from '../inspect.ts';
import { filesStore } from '../store.ts';
import type { FileVersion } from '../types.ts';

export const MAX_COMMENT_CHARS = 500;

export interface UploadInput {
  bytes: Buffer;
  /** Name of the file as sent by the browser. */
  uploadedName: string;
  /** Name wanted on the wiki; the uploaded name when blank. */
  destination: string;
  /** Text of the description page (Markdown). */
  description: string;
  comment: string;
}

export interface UploadResult {
  title: Title;
  version: FileVersion;
  overwritten: boolean;
}

/**
 * Uploads a file or a new version of it. The bytes are checked (type sniffed from the content,
 * size, pixels), stored under a content-addressed key, then the version is recorded, logged
 * (upload log) and announced (`file.uploaded`, which re-renders the pages embedding it) in one
 * transaction. The description page is created, or edited when a description is given.
 */
export async function uploadFile(deps: FilesDeps, actor: Actor, input: UploadInput): Promise<UploadResult> {
  authorize(actor, 'files.upload');
  const title = fileTitle(input.destination) ?? (input.destination.trim() === '' ? fileTitle(input.uploadedName, true) : undefined);
  if (!title) throw new AppError('validation_failed', {}, { destination: 'files.error.bad_name' });
  if (input.bytes.length === 0) throw new AppError('validation_failed', {}, { file: 'files.error.no_file' });
  if (input.bytes.length > deps.maxBytes) throw new AppError('payload_too_large', {}, { file: 'files.error.too_large' });
  if (input.comment.length > MAX_COMMENT_CHARS) throw new AppError('validation_failed', { max: MAX_COMMENT_CHARS }, { comment: 'files.error.comment_too_long' });

  const checked = await inspectUpload(input.bytes);
  if (!checked.ok) throw new AppError(checked.code, checked.params ?? {}, { file: checked.error });
  const ext = extensionCheck(title, checked.mime);
  if (!ext.ok) throw new AppError('validation_failed', { ext: ext.ext, expected: ext.expected }, { destination: 'files.error.extension' });

  const name = fileName(title);
  const sha1 = createHash('sha1').update(checked.bytes).digest('hex');
  if ((await filesStore(deps.db).current(name))?.sha1 === sha1) throw new AppError('validation_failed', {}, { file: 'files.error.duplicate' });
  const storageKey = `o/${sha1.slice(0, 2)}/${sha1}`;
  // Bytes first: a version row never points at missing bytes (a failed transaction leaves an unused blob).
  await deps.store.put(storageKey, checked.bytes);

  const user = actor.kind === 'user' ? actor.user : undefined;
  const now = deps.clock.now();
  const comment = input.comment.trim();
  const page = await deps.wiki.page(title);
  const { version, overwritten } = await deps.db.transaction().execute(async (trx) => {
    const store = filesStore(trx);
    const previous = await store.current(name);
    const id = await store.insertVersion({
      fileName: name, storageKey, mime: checked.mime, size: checked.bytes.length, width: checked.width, height: checked.height, sha1,
      userId: user?.id ?? null, userName: user?.name ?? 'Maillage', createdAt: now, comment,
    });
    await store.pointAt(name, id, now);
    await logAction(trx, { type: 'upload', action: previous ? 'overwrite' : 'upload', actor, title, pageId: page?.id ?? null, comment, params: { version: id, sha1, size: checked.bytes.length, mime: checked.mime }, now });
    await emit(trx, 'file.uploaded', { namespace: title.namespace, title: name, versionId: id }, now);
    return { version: (await store.version(id))!, overwritten: Boolean(previous) };
  });
  await writeDescription(deps, actor, title, input.description, comment, user?.name ?? 'Maillage');
  await deps.events.drain();
  return { title, version, overwritten };
}

/** Creates the description page, or edits it when a new description is given (never blank). */
async function writeDescription(deps: FilesDeps, actor: Actor, title: Title, description: string, comment: string, userName: string): Promise<void> {
  const page = await deps.wiki.page(title);
  const text = description.trim();
  if (page && !text) return;
  try {
    await deps.wiki.save(actor, {
      title,
      text: text || comment || translate('fr-CA', 'files.upload.default_description', { user: userName }),
      summary: comment.slice(0, 500),
      minor: false,
      baseRevId: page?.latestRevId ?? null,
    });
  } catch (e) {
    // A protected description page keeps its text; the file itself is uploaded.
    if (!(e instanceof AppError && e.code === 'page_protected')) throw e;
  }
}
