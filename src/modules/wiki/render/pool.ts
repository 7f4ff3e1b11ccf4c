import os from 'node:os';
import { startWorker } from '../../../core/worker-module.ts';
import type { RenderResult } from '../../markup/index.ts';
import type { RenderJob } from './job.ts';

/**
 * Worker threads that render pages (worker.ts), for bulk rendering (an import's render phase):
 * rendering is pure CPU work, so the other cores take it while the main thread reads and writes
 * the database. Jobs go to the least busy worker. A worker that dies fails its jobs and the
 * pool stops taking new ones (`broken`): callers render in their own thread then.
 */
export interface RenderPool {
  render(job: RenderJob): Promise<RenderResult>;
  readonly broken: boolean;
  close(): Promise<void>;
}

type Waiting = { resolve: (r: RenderResult) => void; reject: (e: Error) => void };

export interface RenderPoolOptions {
  /** Threads; by default one per core, at most 4. */
  size?: number;
  /**
   * The workers' module, when not wiki's own (worker.ts): a caller's module that serves jobs with
   * `serveJobs` to add to each result. `source` is its TypeScript file, `bundled` its name beside
   * the production bundle (scripts/build-server.mjs builds it).
   */
  module?: { source: URL; bundled: string };
  /** Given to each worker (worker_threads' workerData). */
  workerData?: unknown;
}

export function createRenderPool(options: RenderPoolOptions = {}): RenderPool {
  const size = options.size ?? Math.max(1, Math.min(4, os.availableParallelism()));
  let broken = false;
  let nextId = 0;
  const slots = Array.from({ length: size }, () => {
    // A heap limit, as for the server (README): without one V8 sizes a heap's growth for the whole
    // machine. 256 MB: the engine's caches (titles, template trees, attributes) and the search
    // analyser's words take a good part of 128, where a worker given 250 pages at once ran out.
    const worker = startWorker(import.meta.url, options.module?.source ?? './worker.ts', options.module?.bundled ?? 'render-worker.mjs', { workerData: options.workerData, resourceLimits: { maxOldGenerationSizeMb: 256 } });
    const waiting = new Map<number, Waiting>();
    worker.on('message', (m: { id: number; result?: RenderResult; error?: string }) => {
      const w = waiting.get(m.id);
      waiting.delete(m.id);
      if (waiting.size === 0) worker.unref();
      if (m.error !== undefined) w?.reject(new Error(`render worker: ${m.error}`));
      else w?.resolve(m.result!);
    });
    const fail = (err: Error) => {
      broken = true;
      for (const w of waiting.values()) w.reject(err);
      waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => { if (waiting.size > 0) fail(new Error(`render worker exited (${code})`)); });
    worker.unref();
    return { worker, waiting };
  });
  return {
    get broken() { return broken; },
    render(job) {
      if (broken) return Promise.reject(new Error('render pool is broken'));
      const slot = slots.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
      const id = nextId++;
      return new Promise<RenderResult>((resolve, reject) => {
        // A busy worker keeps the process alive; an idle one does not.
        if (slot.waiting.size === 0) slot.worker.ref();
        slot.waiting.set(id, { resolve, reject });
        slot.worker.postMessage({ id, job });
      });
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
