/**
 * What a worker thread may use of the wiki module (docs/architecture.md): rendering a job as
 * the render pool's workers do, without the module's routes, services or database code.
 */
export { renderJob, serveJobs } from './render/serve.ts';
export type { RenderJob } from './render/job.ts';
export { LABELS } from './render/labels.ts';
