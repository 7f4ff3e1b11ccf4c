/**
 * The files module's public surface: uploads (Spécial:Téléverser), file pages' media and
 * history, thumbnails, embedding data for the wiki's renderer, and the two file stores.
 *
 * Wiring (main.ts): pick a store (`diskFileStore` or `databaseFileStore`), give the wiki
 * `lookupFilesForRender` (WikiDeps.files), `anyFileForRender` (WikiDeps.anyFile) and `filePanel` (its Fichier: pages), then create this
 * module with the wiki module.
 */
import type { Db } from '../../core/db/index.ts';
import type { RequestContext } from '../../core/http/context.ts';
import type { Title } from '../markup/index.ts';
import type { WikiModule } from '../wiki/index.ts';
import type { Actor } from '../../core/actor.ts';
import { uploadFile, type UploadInput } from './commands/upload-file.ts';
import type { FilesDeps } from './deps.ts';
import { fileName } from './inspect.ts';
import { filesRoutes } from './routes.ts';
import { fileSpecials } from './specials.tsx';
import { filesStore } from './store.ts';
import { NS_FILE } from './types.ts';
import { FileHistory, FileMedia } from './views/file-panel.tsx';

export type { FileStore, FileVersion } from './types.ts';
export type { UploadInput, UploadResult } from './commands/upload-file.ts';
export { diskFileStore, databaseFileStore } from './storage.ts';
export { anyFileForRender, lookupFilesForRender } from './urls.ts';
export { FILE_CSP } from './routes.ts';

/** What a Fichier: page shows around its description: the media above, the history below. */
export function filePanel(db: Db) {
  return async (title: Title, ctx: RequestContext): Promise<{ before: string; after: string } | undefined> => {
    if (title.namespace !== NS_FILE) return undefined;
    const versions = await filesStore(db).history(fileName(title), 100);
    if (versions.length === 0) return undefined;
    return { before: FileMedia({ ctx, title, v: versions[0]! }).html, after: FileHistory({ ctx, title, versions }).html };
  };
}

export function createFilesModule(deps: Omit<FilesDeps, 'wiki'> & { wiki: WikiModule }) {
  const d: FilesDeps = { ...deps, wiki: deps.wiki.wiki };
  for (const [names, handler] of fileSpecials(d)) deps.wiki.registerSpecial(names, handler);
  return {
    upload: (actor: Actor, input: UploadInput) => uploadFile(d, actor, input),
    current: (name: string) => filesStore(d.db).current(name),
    history: (name: string) => filesStore(d.db).history(name, 100),
    routes: [filesRoutes(d)],
  };
}

export type FilesModule = ReturnType<typeof createFilesModule>;
