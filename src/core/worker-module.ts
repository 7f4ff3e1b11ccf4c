import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread on one of our modules, as seen from `caller` (its import.meta.url): the
 * TypeScript `source` when running from source, with the TypeScript loader (test runners do not
 * pass theirs on), else `bundled`, the file beside the server bundle (scripts/build-server.mjs
 * builds one per worker module). No other flag of the process: workers refuse heap sizes and
 * profiling flags.
 */
export function startWorker(caller: string, source: string | URL, bundled: string, options: Omit<WorkerOptions, 'execArgv'> = {}): Worker {
  const fromSource = caller.endsWith('.ts');
  return new Worker(fromSource ? new URL(source, caller) : new URL(`./${bundled}`, caller), { ...options, execArgv: fromSource ? ['--import', 'tsx'] : [] });
}
