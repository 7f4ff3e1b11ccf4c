/**
 * The dump reader's worker thread (dump-thread.ts): decompresses and parses the dump here, and
 * sends its events to the main thread in chunks, at most a few chunks ahead of what the main
 * thread has written (memory stays constant).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readDump, DumpSyntaxError, type DumpEvent } from './reader.ts';
import { CompressedDataError, openDump } from './source.ts';
import type { FromReader, ReaderFault } from './dump-thread.ts';
import { sha1Base36 } from '../../../core/sha1.ts';

const { file, ahead } = workerData as { file: string; ahead: number };
const port = parentPort!;
let credit = ahead;
let wake: (() => void) | undefined;
port.on('message', () => {
  credit++;
  wake?.();
});

const post = (m: FromReader) => port.postMessage(m);

async function send(events: DumpEvent[], bytesRead: number): Promise<void> {
  while (credit <= 0) await new Promise<void>((resolve) => (wake = resolve));
  credit--;
  post({ events, bytesRead });
}

function fault(err: unknown): ReaderFault {
  if (err instanceof DumpSyntaxError) return { kind: 'syntax', line: err.line, column: err.column, detail: err.detail };
  if (err instanceof CompressedDataError) return { kind: 'compressed', message: err.message };
  const e = err as { message?: string; code?: string };
  return { kind: 'other', message: String(e?.message ?? err), code: e?.code };
}

try {
  const dump = await openDump(file);
  post({ bytesTotal: dump.bytesTotal });
  let events: DumpEvent[] = [];
  let bytes = 0;
  await readDump(dump.stream, async (e) => {
    events.push(e);
    if (e.kind === 'revision') {
      bytes += e.revision.text.length;
      // Hashing and measuring here take them off the main thread, which writes the revisions.
      const content = e.revision.textDeleted ? '' : e.revision.text;
      e.revision.contentSha1 = sha1Base36(content);
      e.revision.contentSize = Buffer.byteLength(content, 'utf8');
    }
    // Chunks of about 1 MB of text (or 500 events): few messages, little held in memory.
    if (bytes >= 1 << 20 || events.length >= 500) {
      const chunk = events;
      events = [];
      bytes = 0;
      await send(chunk, dump.bytesRead());
    }
  }).catch(async (err: unknown) => {
    await send(events, dump.bytesRead());
    events = [];
    throw err;
  });
  await send(events, dump.bytesRead());
  post({ done: true });
} catch (err) {
  post({ fault: fault(err) });
}
