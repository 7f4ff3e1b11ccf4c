import type { Clock } from '../../core/clock.ts';
import type { Db, Engine } from '../../core/db/index.ts';
import type { MessageKey } from '../../core/i18n/index.ts';
import type { FilesModule } from '../files/index.ts';
import type { ExtraText } from '../search/index.ts';
import type { Wiki } from '../wiki/index.ts';

export interface TransferDeps {
  db: Db;
  engine: Engine;
  clock: Clock;
  wiki: Wiki;
  /** Uploads files named by a dump's `<upload>` elements when a directory of them is given. */
  files?: Pick<FilesModule, 'upload'>;
  /** Where uploaded dumps are kept while they are imported (DATA_DIR/imports). */
  importDir: string;
  /** Words to index with an imported page beside its rendered text (the network's entity fields), as the search feed does for saved pages. */
  extraText?: ExtraText;
}

/** A failure the user can act on: an i18n key and its parameters (never a stack trace). */
export class TransferError extends Error {
  constructor(readonly key: MessageKey, readonly params: Record<string, string | number> = {}) {
    super(key);
    this.name = 'TransferError';
  }
}

export interface ImportProgress {
  phase: 'load' | 'render' | 'done';
  bytesRead: number;
  bytesTotal: number;
  pages: number;
  revisionsAdded: number;
  revisionsSkipped: number;
  pagesRendered: number;
  /** Pages to render (known once loading is over). */
  pagesToRender: number;
}

export interface ImportSummary extends ImportProgress {
  importId: number;
  /** Titles that are not valid here (kept out), and uploads whose file was stored. */
  invalidTitles: number;
  uploads: number;
  uploadsStored: number;
}
