import { startWorker } from '../../../core/worker-module.ts';
import { DumpSyntaxError, readDump, type DumpEvent } from './reader.ts';
import { CompressedDataError, openDump } from './source.ts';

/** A fault of the reader thread, as it crosses threads (errors lose their class on the way). */
export type ReaderFault =
  | { kind: 'syntax'; line: number; column: number; detail: string }
  | { kind: 'compressed'; message: string }
  | { kind: 'other'; message: string; code?: string };

export type FromReader =
  | { bytesTotal: number }
  | { events: DumpEvent[]; bytesRead: number }
  | { done: true }
  | { fault: ReaderFault };

/** A dump being read: its size, how much is read, and its events handed to `handle` in order. */
export interface DumpReader {
  bytesTotal: number;
  bytesRead(): number;
  read(handle: (e: DumpEvent) => Promise<void>): Promise<void>;
  /** Stops reading (a reader opened but not read: its thread would wait for ever). */
  close(): Promise<void>;
  /**
   * Called once the whole dump is parsed, while the events held ahead may still be waiting to be
   * handled (a reader thread runs ahead of the writes), or at once when reading ends otherwise.
   */
  onParsed(callback: () => void): void;
}

/**
 * Chunks of events (each ≤ 1 MB of text) the reader thread may send before the main thread has
 * handled them: enough for more than a write batch (2,000 revisions), so that the reader keeps
 * parsing while a batch is written. With 4, each side waited for the other about a third of the
 * load (10k corpus: load 4.3 s → 3.4 s), for at most ~64 MB held whatever the dump's size.
 */
const AHEAD = 32;

/**
 * Opens a dump for reading. In a worker thread (`thread`), decompression and XML parsing run
 * beside the main thread's database writes; otherwise in this thread. Either way events come
 * in order, a fault throws DumpSyntaxError (line and column), CompressedDataError or an Error
 * with the original code, after every event before it was handled.
 */
export async function openDumpReader(file: string, thread: boolean): Promise<DumpReader> {
  if (!thread) {
    const dump = await openDump(file);
    let parsed: (() => void) | undefined;
    return {
      bytesTotal: dump.bytesTotal, bytesRead: dump.bytesRead,
      read: (handle) => readDump(dump.stream, handle).finally(() => parsed?.()),
      close: async () => dump.close(),
      onParsed: (callback) => { parsed = callback; },
    };
  }
  const worker = startWorker(import.meta.url, './dump-worker.ts', 'dump-reader.mjs', { workerData: { file, ahead: AHEAD } });
  const inbox: FromReader[] = [];
  let wake: (() => void) | undefined;
  let exited: Error | undefined;
  const deliver = () => { wake?.(); wake = undefined; };
  let parsed: (() => void) | undefined;
  let done = false;
  const ended = () => {
    if (done) return;
    done = true;
    parsed?.();
  };
  worker.on('message', (m: FromReader) => {
    inbox.push(m);
    if ('done' in m || 'fault' in m) ended();
    deliver();
  });
  worker.on('error', (err) => { exited = err; deliver(); });
  worker.on('exit', (code) => { exited ??= new Error(`dump reader exited (${code})`); deliver(); });
  const next = async (): Promise<FromReader> => {
    while (inbox.length === 0) {
      if (exited) throw exited;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    return inbox.shift()!;
  };
  const first = await next().catch(async (err: unknown) => { await worker.terminate(); throw err; });
  if ('fault' in first) {
    await worker.terminate();
    throw toError(first.fault);
  }
  let read = 0;
  return {
    bytesTotal: 'bytesTotal' in first ? first.bytesTotal : 0,
    bytesRead: () => read,
    async read(handle) {
      try {
        for (;;) {
          const m = await next();
          if ('fault' in m) throw toError(m.fault);
          if ('done' in m) return;
          if (!('events' in m)) continue;
          for (const e of m.events) await handle(e);
          read = m.bytesRead;
          worker.postMessage('more');
        }
      } finally {
        ended();
        await worker.terminate();
      }
    },
    close: async () => { await worker.terminate(); },
    onParsed: (callback) => {
      parsed = callback;
      if (done) callback();
    },
  };
}

function toError(f: ReaderFault): Error {
  if (f.kind === 'syntax') return new DumpSyntaxError(f.line, f.column, f.detail);
  if (f.kind === 'compressed') return new CompressedDataError(new Error(f.message));
  return Object.assign(new Error(f.message), f.code ? { code: f.code } : {});
}
