/**
 * A render worker thread (pool.ts): renders the jobs it is sent with the pure markup module.
 * Nothing else is loaded here: no database, no server.
 */
import { parentPort } from 'node:worker_threads';
import { render, titleFromKey } from '../../markup/index.ts';
import type { RenderJob } from './job.ts';
import { LABELS } from './labels.ts';

parentPort?.on('message', (message: { id: number; job: RenderJob }) => {
  const { id, job } = message;
  try {
    const title = titleFromKey(job.titleKey);
    if (!title) throw new Error(`not a title: ${job.titleKey}`);
    const env = { title, linkStatus: new Map(job.statuses), pages: new Map(job.pages), labels: LABELS, editSections: job.editSections, deferLinkStatus: true };
    parentPort!.postMessage({ id, result: render(job.content, job.model, env) });
  } catch (err) {
    parentPort!.postMessage({ id, error: err instanceof Error ? err.stack ?? err.message : String(err) });
  }
});
