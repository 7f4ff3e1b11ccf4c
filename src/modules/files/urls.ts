/**
 * File URLs. `/fichiers/<name>` is the current version (revalidated); `/fichiers/<version>/<name>`
 * and `/fichiers/vignettes/<width>/<version>/<name>` never change, so they are cached for a year
 * and pages embed those (an upload re-renders the pages that use the file).
 */
import type { Executor } from '../../core/events.ts';
import type { RenderFile } from '../markup/index.ts';
import { filesStore } from './store.ts';
import { thumbBucket } from './thumbnails.ts';
import type { FileVersion } from './types.ts';

function enc(name: string): string {
  return encodeURIComponent(name);
}

export function currentUrl(name: string): string {
  return `/fichiers/${enc(name)}`;
}

export function versionUrl(v: Pick<FileVersion, 'id' | 'fileName'>): string {
  return `/fichiers/${v.id}/${enc(v.fileName)}`;
}

/**
 * An image at least `width` wide: the smallest thumbnail that is, or the original when no
 * thumbnail would be smaller than it (and always for SVG, which scales by itself).
 */
export function thumbUrl(v: FileVersion, width: number): string {
  if (!v.width || v.mime === 'image/svg+xml') return versionUrl(v);
  const bucket = thumbBucket(width);
  return bucket === undefined || bucket >= v.width ? versionUrl(v) : `/fichiers/vignettes/${bucket}/${v.id}/${enc(v.fileName)}`;
}

export function renderFileOf(v: FileVersion): RenderFile {
  return { url: versionUrl(v), thumbUrl: (w) => thumbUrl(v, w), width: v.width ?? 0, height: v.height ?? 0, mime: v.mime };
}

/** The current version of each embedded file, by title key ('Fichier:Logo.png'), for rendering. */
/** Whether the wiki has any uploaded file (when not, every file a page shows is missing). */
export async function anyFileForRender(db: Executor): Promise<boolean> {
  return (await db.selectFrom('files').select('name').limit(1).executeTakeFirst()) !== undefined;
}

export async function lookupFilesForRender(db: Executor, keys: readonly string[]): Promise<ReadonlyMap<string, RenderFile>> {
  const names = keys.filter((k) => k.startsWith('Fichier:')).map((k) => k.slice('Fichier:'.length));
  if (names.length === 0) return new Map();
  const versions = await filesStore(db).currentMany(names);
  return new Map(versions.map((v) => [`Fichier:${v.fileName}`, renderFileOf(v)]));
}
