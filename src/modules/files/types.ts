/** The files module's types: the storage port, stored versions, accepted formats. */

/**
 * Where file bytes live. Keys are opaque paths (`o/ab/ab12…`, `t/ab12…/320.png`) made of
 * [a-z0-9._/-]; `put` is idempotent (content-addressed keys), so two instances writing the same
 * key is harmless.
 */
export interface FileStore {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | undefined>;
  delete(key: string): Promise<void>;
}

export interface FileVersion {
  id: number;
  /** Title key without the namespace: 'Logo_Maillage.png'. */
  fileName: string;
  storageKey: string;
  mime: AcceptedMime;
  size: number;
  /** Pixels (CSS pixels for SVG); null for documents. */
  width: number | null;
  height: number | null;
  sha1: string;
  userId: number | null;
  userName: string;
  createdAt: number;
  comment: string;
}

/** What an upload may be, as sniffed from the content (never from the name). */
export const ACCEPTED = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'image/svg+xml': ['svg'],
  'application/pdf': ['pdf'],
} as const satisfies Record<string, readonly string[]>;

export type AcceptedMime = keyof typeof ACCEPTED;

export function isAcceptedMime(mime: string): mime is AcceptedMime {
  return Object.hasOwn(ACCEPTED, mime);
}

export function isImage(mime: AcceptedMime): boolean {
  return mime.startsWith('image/');
}

/** Thumbnail widths served (a fixed set, so nobody can make the server render every size). */
export const THUMB_WIDTHS = [120, 220, 320, 640, 1024, 1280] as const;

/** Images larger than this many pixels are refused (decompression bombs). */
export const MAX_PIXELS = 50_000_000;

export { NS_FILE } from '../markup/index.ts';
