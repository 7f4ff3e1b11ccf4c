/**
 * Thumbnails, made with sharp on first request and kept in the file store under a key derived
 * from the content hash and the width (`t/<sha1>/<width>.<ext>`), so every instance finds them
 * and a new version never meets an old thumbnail. Only THUMB_WIDTHS are made.
 */
import { loadSharp } from './sharp.ts';
import { MAX_PIXELS, THUMB_WIDTHS, type AcceptedMime, type FileStore, type FileVersion } from './types.ts';

/** Output format by source type: same format, except GIF (animated WebP) and SVG (PNG). */
const OUTPUT: Partial<Record<AcceptedMime, { ext: string; mime: string }>> = {
  'image/png': { ext: 'png', mime: 'image/png' },
  'image/jpeg': { ext: 'jpg', mime: 'image/jpeg' },
  'image/webp': { ext: 'webp', mime: 'image/webp' },
  'image/gif': { ext: 'webp', mime: 'image/webp' },
  'image/svg+xml': { ext: 'png', mime: 'image/png' },
};

export function isThumbWidth(width: number): boolean {
  return (THUMB_WIDTHS as readonly number[]).includes(width);
}

/** The smallest thumbnail width at least `width`, or undefined when larger than every one. */
export function thumbBucket(width: number): number | undefined {
  return THUMB_WIDTHS.find((w) => w >= width);
}

async function render(source: Buffer, v: FileVersion, width: number, format: string): Promise<Buffer> {
  const vector = v.mime === 'image/svg+xml';
  // Vector images are rasterised at the density that gives the width asked for (at most 16×).
  const density = vector && v.width ? Math.min(72 * 16, Math.max(72, Math.ceil((72 * width) / v.width))) : undefined;
  const sharp = await loadSharp();
  const image = sharp(source, { limitInputPixels: MAX_PIXELS, animated: v.mime === 'image/gif', ...(density ? { density } : {}) })
    .rotate()
    .resize({ width, withoutEnlargement: !vector });
  if (format === 'jpg') return image.jpeg({ quality: 82, mozjpeg: true }).toBuffer();
  if (format === 'webp') return image.webp({ quality: 82 }).toBuffer();
  return image.png({ compressionLevel: 9 }).toBuffer();
}

/** The thumbnail of a version at one of THUMB_WIDTHS; undefined for documents. */
export async function thumbnail(store: FileStore, v: FileVersion, width: number): Promise<{ bytes: Buffer; mime: string } | undefined> {
  const out = OUTPUT[v.mime];
  if (!out || !isThumbWidth(width)) return undefined;
  const key = `t/${v.sha1}/${width}.${out.ext}`;
  const cached = await store.get(key);
  if (cached) return { bytes: cached, mime: out.mime };
  const source = await store.get(v.storageKey);
  if (!source) return undefined;
  const bytes = await render(source, v, width, out.ext);
  await store.put(key, bytes);
  return { bytes, mime: out.mime };
}
