import { parentPort } from 'node:worker_threads';
import { render, titleFromKey, type RenderResult } from '../../markup/index.ts';
import type { RenderJob } from './job.ts';
import { LABELS } from './labels.ts';

/** Renders a job as the main thread would, with the env rebuilt from its plain data. */
export function renderJob(job: RenderJob): RenderResult {
  const title = titleFromKey(job.titleKey);
  if (!title) throw new Error(`not a title: ${job.titleKey}`);
  const env = { title, linkStatus: new Map(job.statuses), pages: new Map(job.pages), labels: LABELS, editSections: job.editSections, deferLinkStatus: true, noFiles: job.noFiles };
  const result = render(job.content, job.model, env, { forIndex: job.forIndex });
  // A render for indexing is never shown, so its deferred links are never resolved (renderWithLinks):
  // about 50 titles a page that would be copied to the main thread for nothing.
  if (job.forIndex) result.deferredLinks = [];
  return result;
}

/**
 * Answers the pool's messages in a worker thread with `handle` (renderJob, or a caller's
 * function around it that adds to the result: see transfer's import worker).
 */
export function serveJobs(handle: (job: RenderJob) => RenderResult): void {
  parentPort?.on('message', (message: { id: number; job: RenderJob }) => {
    const { id, job } = message;
    try {
      parentPort!.postMessage({ id, result: handle(job) });
    } catch (err) {
      parentPort!.postMessage({ id, error: err instanceof Error ? err.stack ?? err.message : String(err) });
    }
  });
}
