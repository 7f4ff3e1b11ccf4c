import type { ContentModel, LinkStatus } from '../../markup/index.ts';

/**
 * One page to render in a worker thread (see pool.ts): only plain data crosses threads. The
 * env is rebuilt there from it, with the labels of labels.ts and link statuses deferred.
 */
export interface RenderJob {
  titleKey: string;
  content: string;
  model: ContentModel;
  editSections: boolean;
  /** Statuses of the links the source names (files among them: a missing one is not asked again). */
  statuses: Array<[string, LinkStatus]>;
  /** Sources of the pages it transcludes, as far as known (null = missing). */
  pages: Array<[string, string | null]>;
  /** RenderOptions.forIndex: what indexing needs, not HTML to show. */
  forIndex?: boolean;
  /** WikitextEnv.noFiles: the wiki has no uploaded file. */
  noFiles?: boolean;
}
