import type { RenderPool } from '../../wiki/index.ts';
import { createRenderPool } from '../../wiki/index.ts';

/** What the import's render worker (render-worker.ts) adds to each RenderResult. */
export interface SearchExtras {
  /** htmlToText of the render. */
  searchText?: string;
  /** analyze() of that text, cut at MAX_INDEXED_CHARS: SQLite's full-text body. */
  analyzedText?: string;
}

/** A render pool whose workers also prepare each page's search text (SQLite: analysed too). */
export function createImportRenderPool(engine: 'sqlite' | 'postgres'): RenderPool {
  return createRenderPool({
    module: { source: new URL('./render-worker.ts', import.meta.url), bundled: 'import-worker.mjs' },
    workerData: { analyzeText: engine === 'sqlite' },
  });
}
