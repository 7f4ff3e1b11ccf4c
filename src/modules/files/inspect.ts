/**
 * What an upload really is, from its bytes: file-type's magic numbers for binary formats, an
 * `<svg>` root for SVG (which is then checked and cleaned, svg.ts). The name plays no part: an
 * executable called photo.png is refused. Images must decode and stay under MAX_PIXELS.
 */
import { fileTypeFromBuffer } from 'file-type';
import { loadSharp } from './sharp.ts';
import type { MessageKey } from '../../core/i18n/index.ts';
import { looksLikeSvg, sanitizeSvg } from './svg.ts';
import { ACCEPTED, isAcceptedMime, MAX_PIXELS, NS_FILE, type AcceptedMime } from './types.ts';
import { namespaceByName, parseTitle, type Title } from '../markup/index.ts';

export type Inspected = { ok: true; mime: AcceptedMime; bytes: Buffer; width: number | null; height: number | null };
export type Refused = { ok: false; error: MessageKey; code: 'unsupported_media_type' | 'validation_failed'; params?: Record<string, string | number> };

export async function inspectUpload(bytes: Buffer): Promise<Inspected | Refused> {
  const sniffed = await fileTypeFromBuffer(bytes);
  let mime: AcceptedMime;
  let content = bytes;
  if (sniffed && isAcceptedMime(sniffed.mime)) {
    mime = sniffed.mime;
  } else if ((!sniffed || sniffed.mime === 'application/xml') && looksLikeSvg(bytes)) {
    const clean = sanitizeSvg(bytes);
    if (!clean.ok) return { ok: false, error: 'files.error.svg_active', code: 'unsupported_media_type' };
    mime = 'image/svg+xml';
    content = clean.svg;
  } else {
    return { ok: false, error: 'files.error.type', code: 'unsupported_media_type' };
  }
  if (mime === 'application/pdf') return { ok: true, mime, bytes: content, width: null, height: null };
  try {
    const meta = await (await loadSharp())(content, { limitInputPixels: MAX_PIXELS }).metadata();
    const width = meta.autoOrient?.width ?? meta.width;
    const height = meta.autoOrient?.height ?? meta.height;
    if (!width || !height) return { ok: false, error: 'files.error.unreadable', code: 'validation_failed' };
    if (width * height * (meta.pages ?? 1) > MAX_PIXELS) return { ok: false, error: 'files.error.too_many_pixels', code: 'validation_failed', params: { max: MAX_PIXELS / 1_000_000 } };
    return { ok: true, mime, bytes: content, width, height };
  } catch {
    return { ok: false, error: 'files.error.unreadable', code: 'validation_failed' };
  }
}

/**
 * The file's title from a destination or an uploaded name: path and `Fichier:` prefix dropped,
 * `: / \` replaced by '-' (as MediaWiki), then normalised as a title in the Fichier namespace.
 */
export function fileTitle(input: string, uploadedName = false): Title | undefined {
  let s = input.normalize('NFC').trim();
  if (uploadedName) s = s.slice(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1);
  const prefix = /^([^:]+):(.*)$/s.exec(s);
  if (prefix && namespaceByName(prefix[1]!.trim())?.id === NS_FILE) s = prefix[2]!;
  s = s.replace(/[:/\\]/g, '-').trim();
  if (!/\.[A-Za-z0-9]{1,5}$/.test(s)) return undefined;
  const t = parseTitle(`Fichier:${s}`);
  return t.ok && t.title.namespace === NS_FILE && !t.title.fragment ? t.title : undefined;
}

/** The extension the name has, and those allowed for the content's type. */
export function extensionCheck(title: Title, mime: AcceptedMime): { ok: boolean; ext: string; expected: string } {
  const ext = (/\.([^.]+)$/.exec(title.text)?.[1] ?? '').toLowerCase();
  const allowed: readonly string[] = ACCEPTED[mime];
  return { ok: allowed.includes(ext), ext, expected: allowed.map((e) => `.${e}`).join(', ') };
}

/** The name stored in tables and URLs: the title key without the namespace. */
export function fileName(title: Title): string {
  return title.key.slice(title.key.indexOf(':') + 1);
}
