import fs from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import unbzip2 from 'unbzip2-stream';

export type Compression = 'gzip' | 'bzip2' | 'none';

export interface DumpSource {
  /** Decompressed bytes of the dump. */
  stream: Readable;
  compression: Compression;
  /** Size of the file on disk, and how much of it has been read so far (for the ETA). */
  bytesTotal: number;
  bytesRead(): number;
  /** Stops reading and closes the file. */
  close(): void;
}

/** The compressed data could not be decompressed (a truncated or damaged .gz or .bz2). */
export class CompressedDataError extends Error {
  constructor(cause: unknown) {
    super(String((cause as Error)?.message ?? cause), { cause });
    this.name = 'CompressedDataError';
  }
}

/** Recognises the compression by the file's first bytes, whatever its name says. */
export function compressionOf(head: Buffer): Compression {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.subarray(0, 3).toString('latin1') === 'BZh') return 'bzip2';
  return 'none';
}

/** Opens a dump (.xml, .xml.gz or .xml.bz2) as a stream of XML bytes, read 256 KB at a time (the share read stays close to the share parsed). */
export async function openDump(file: string): Promise<DumpSource> {
  const handle = await fs.promises.open(file, 'r');
  let head: Buffer;
  let size: number;
  try {
    size = (await handle.stat()).size;
    head = Buffer.alloc(3);
    await handle.read(head, 0, 3, 0);
  } finally {
    await handle.close();
  }
  const compression = compressionOf(head);
  const raw = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  let read = 0;
  raw.on('data', (chunk) => { read += chunk.length; });
  let stream: Readable = raw;
  if (compression !== 'none') {
    // unbzip2-stream is a classic (through) stream: both decompressors are piped into a modern
    // stream, which carries their failures as CompressedDataError.
    const inflate = compression === 'gzip' ? createGunzip({ chunkSize: 256 * 1024 }) : unbzip2();
    const out = new PassThrough({ highWaterMark: 256 * 1024 });
    raw.on('error', (err) => out.destroy(err));
    inflate.on('error', (err: Error) => out.destroy(new CompressedDataError(err)));
    raw.pipe(inflate).pipe(out);
    stream = out;
  }
  const out = stream;
  return { stream, compression, bytesTotal: size, bytesRead: () => read, close: () => { raw.destroy(); out.destroy(); } };
}
