import { AppError } from '../../core/errors.ts';
import { formatDateTime } from '../../core/i18n/index.ts';
import { sendPage } from '../../core/http/render.ts';
import { Layout } from '../../core/layout/Layout.tsx';
import { authorize } from '../accounts/index.ts';
import { titleUrl } from '../markup/index.ts';
import type { SpecialHandler } from '../wiki/index.ts';
import type { FilesDeps } from './deps.ts';
import { fileName, fileTitle } from './inspect.ts';
import { filesStore } from './store.ts';
import { formatSize, typeName } from './views/format.ts';
import { UploadPage } from './views/upload.tsx';

/** Spécial:Téléverser (?wpDestFile= names the file, as MediaWiki) and Spécial:Liste_des_fichiers. */
export function fileSpecials(deps: FilesDeps): Array<[string[], SpecialHandler]> {
  const store = filesStore(deps.db);

  const upload: SpecialHandler = async (request, reply, sub, query) => {
    const { ctx } = request;
    authorize(ctx.actor, 'files.upload');
    const wanted = query.wpDestFile ?? query.destination ?? sub;
    const title = wanted ? fileTitle(wanted) : undefined;
    const existing = title ? await store.current(fileName(title)) : undefined;
    return sendPage(reply, UploadPage({ ctx, m: {
      form: { values: { destination: title?.text ?? wanted }, errors: {} }, maxBytes: deps.maxBytes, reupload: existing && title ? title.full : undefined,
    } }));
  };

  const list: SpecialHandler = async (request, reply) => {
    const { ctx } = request;
    if (!ctx.abilities.has('site.read')) throw new AppError('forbidden');
    const files = await store.list(500);
    const heading = ctx.t('files.list.heading');
    return sendPage(reply, (
      <Layout ctx={ctx} title={heading}>
        <h1 id="firstHeading">{heading}</h1>
        {ctx.abilities.has('files.upload') ? <p><a class="button" href="/wiki/Spécial:Téléverser">{ctx.t('files.list.upload')}</a></p> : null}
        {files.length === 0 ? <p>{ctx.t('files.list.none')}</p> : (
          <ul class="title-list">
            {files.map((v) => {
              const t = fileTitle(v.fileName);
              return t ? <li><a href={titleUrl(t)}>{t.full}</a> <span class="muted">({typeName(v.mime)}, {formatSize(v.size, ctx)}, {formatDateTime(v.createdAt, ctx.locale)}, {v.userName})</span></li> : null;
            })}
          </ul>
        )}
      </Layout>
    ));
  };

  return [
    [['Téléverser', 'Upload'], upload],
    [['Liste_des_fichiers', 'ListFiles', 'Liste des fichiers'], list],
  ];
}
