/**
 * What a worker thread may use of the search module (docs/architecture.md): the text
 * preparation, pure and without the module's routes, services or database code.
 */
export { htmlToText } from './feed.ts';
export { analyze, MAX_INDEXED_CHARS } from './text.ts';
