/**
 * The import's render worker thread: renders like wiki's worker, then does the search index's
 * share of the work on the other cores too — the page's plain text and, for SQLite, its analysed
 * form — so that the main thread only writes rows. See renderPhase in importer.ts.
 */
import { workerData } from 'node:worker_threads';
import { analyze, htmlToText, MAX_INDEXED_CHARS } from '../../search/threads.ts';
import { renderJob, serveJobs } from '../../wiki/threads.ts';
import type { SearchExtras } from './render-extras.ts';

const { analyzeText } = (workerData ?? {}) as { analyzeText?: boolean };

serveJobs((job) => {
  const result = renderJob(job);
  // Links resolved later change only the <a>'s attributes, which the plain text leaves out.
  // HTML made for indexing keeps list markers as written (no block structure): dropped, for snippets.
  const text = htmlToText(result.html);
  const searchText = job.forIndex ? text.replace(/^[*#:;]+[ \t]*/gm, '') : text;
  const extras: SearchExtras = { searchText, analyzedText: analyzeText ? analyze(searchText.slice(0, MAX_INDEXED_CHARS)) : undefined };
  // HTML made for indexing is not stored: only its text crosses back to the main thread.
  if (job.forIndex) result.html = '';
  return Object.assign(result, extras);
});
