/**
 * A render worker thread (pool.ts): renders the jobs it is sent with the pure markup module.
 * Nothing else is loaded here: no database, no server.
 */
import { renderJob, serveJobs } from './serve.ts';

serveJobs(renderJob);
