import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { AppError } from '../../core/errors.ts';

export interface ReceivedFile {
  path: string;
  filename: string;
  size: number;
}

export type DumpForm = Record<string, string | ReceivedFile> & { _file?: ReceivedFile };

const MAX_FIELD = 64 * 1024;
const MAX_HEADERS = 16 * 1024;

/**
 * Streams a multipart/form-data body to disk: the file part goes to a new file in `dir` as it
 * arrives (never held in memory, whatever its size), other fields are kept as strings (64 KB
 * at most). The delimiter may straddle chunks: the last delimiter-length bytes are held back.
 */
export async function receiveMultipart(payload: Readable, contentType: string, dir: string): Promise<DumpForm> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!boundary) throw new AppError('bad_request');
  const delimiter = Buffer.from(`\r\n--${boundary[1] ?? boundary[2]}`);
  const out: DumpForm = Object.create(null) as DumpForm;
  let buf: Buffer = Buffer.from("\r\n");
  let state: 'preamble' | 'after' | 'headers' | 'body' | 'done' = 'preamble';
  let part: { name: string; file?: { stream: fs.WriteStream; info: ReceivedFile }; chunks: Buffer[]; size: number } | undefined;

  const emit = async (data: Buffer) => {
    if (!part || data.length === 0) return;
    part.size += data.length;
    if (part.file) {
      part.file.info.size += data.length;
      if (!part.file.stream.write(data)) await once(part.file.stream, 'drain');
    } else {
      if (part.size > MAX_FIELD) throw new AppError('payload_too_large');
      part.chunks.push(Buffer.from(data));
    }
  };
  const finish = async () => {
    if (!part) return;
    if (part.file) {
      part.file.stream.end();
      await once(part.file.stream, 'close');
      if (!out._file && part.file.info.filename) out._file = part.file.info;
      else await fs.promises.rm(part.file.info.path, { force: true });
    } else if (!(part.name in out)) out[part.name] = Buffer.concat(part.chunks).toString('utf8');
    part = undefined;
  };

  try {
    for await (const chunk of payload) {
      buf = buf.length ? Buffer.concat([buf, chunk as Buffer]) : (chunk as Buffer);
      for (let progress = true; progress && state !== 'done'; ) {
        progress = false;
        if (state === 'preamble' || state === 'body') {
          const i = buf.indexOf(delimiter);
          if (i >= 0) {
            if (state === 'body') { await emit(buf.subarray(0, i)); await finish(); }
            buf = buf.subarray(i + delimiter.length);
            state = 'after';
            progress = true;
          } else if (state === 'body' && buf.length > delimiter.length) {
            await emit(buf.subarray(0, buf.length - delimiter.length));
            buf = buf.subarray(buf.length - delimiter.length);
          }
        } else if (state === 'after' && buf.length >= 2) {
          const two = buf.subarray(0, 2).toString('latin1');
          buf = buf.subarray(2);
          state = two === '--' ? 'done' : 'headers';
          progress = true;
        } else if (state === 'headers') {
          const end = buf.indexOf('\r\n\r\n');
          if (end < 0) {
            if (buf.length > MAX_HEADERS) throw new AppError('bad_request');
            continue;
          }
          const headers = buf.subarray(0, end).toString('utf8');
          buf = buf.subarray(end + 4);
          const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? '';
          const name = /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? '';
          const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
          part = { name, chunks: [], size: 0 };
          if (filename !== undefined) {
            await fs.promises.mkdir(dir, { recursive: true });
            const info: ReceivedFile = { path: path.join(dir, `upload-${randomUUID()}.part`), filename: path.basename(filename.replace(/\\/g, '/')), size: 0 };
            part.file = { stream: fs.createWriteStream(info.path), info };
          }
          state = 'body';
          progress = true;
        }
      }
    }
    if (state !== 'done') throw new AppError('bad_request');
  } catch (e) {
    if (part?.file) {
      part.file.stream.destroy();
      await fs.promises.rm(part.file.info.path, { force: true });
    }
    if (out._file) await fs.promises.rm(out._file.path, { force: true });
    throw e instanceof AppError ? e : new AppError('bad_request');
  }
  return out;
}
