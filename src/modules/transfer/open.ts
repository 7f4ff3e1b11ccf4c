/**
 * What the CLI may use of the transfer module before the application is loaded (see
 * src/cli/import.ts): opening a dump, so that its reader thread parses while the rest loads.
 */
import fs from 'node:fs';
import { openDumpReader, type DumpReader } from './import/dump-thread.ts';
import { TransferError } from './types.ts';

export type { DumpReader } from './import/dump-thread.ts';

/** From this size on, a thread's start-up (tens of milliseconds) is small beside the parsing it takes off the main thread. */
const READER_THREAD_BYTES = 1 << 20;

/**
 * Opens a dump for runImport (ImportOptions.reader). A dump of some size is decompressed and
 * parsed in a thread of its own, beside the writes, unless `readerThread` says otherwise.
 */
export async function openImportDump(file: string, readerThread?: boolean): Promise<DumpReader> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new TransferError('transfer.error.no_file', { file });
  return openDumpReader(file, readerThread ?? fs.statSync(file).size >= READER_THREAD_BYTES);
}
