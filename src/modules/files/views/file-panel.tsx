import type { Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../../../core/http/context.ts';
import { formatDateTime, formatNumber } from '../../../core/i18n/index.ts';
import type { Title } from '../../markup/index.ts';
import { thumbUrl, versionUrl } from '../urls.ts';
import type { FileVersion } from '../types.ts';
import { formatSize, typeName } from './format.ts';

const PREVIEW_WIDTH = 640;
const HISTORY_THUMB = 120;

function fit(v: FileVersion, max: number): { width: number; height: number } | undefined {
  if (!v.width || !v.height) return undefined;
  const width = Math.min(max, v.width);
  return { width, height: Math.max(1, Math.round((v.height * width) / v.width)) };
}

/** Above the description: the image (or a link to the document) and what it is. */
export function FileMedia({ ctx, title, v }: { ctx: RequestContext; title: Title; v: FileVersion }): Raw {
  const size = fit(v, PREVIEW_WIDTH);
  const url = versionUrl(v);
  const info = size
    ? ctx.t('files.info', { width: formatNumber(v.width!, ctx.locale), height: formatNumber(v.height!, ctx.locale), size: formatSize(v.size, ctx), type: typeName(v.mime) })
    : ctx.t('files.info_document', { size: formatSize(v.size, ctx), type: typeName(v.mime) });
  return (
    <div class="file-media" id="file" lang={ctx.locale}>
      {size ? (
        <a href={url}><img src={thumbUrl(v, size.width)} width={size.width} height={size.height} alt={title.text} class="file-preview" /></a>
      ) : (
        <p><a href={url} class="file-document" type={v.mime}>{ctx.t('files.open_document', { name: title.text })}</a></p>
      )}
      <p class="file-info muted">{info} · <a href={url}>{ctx.t('files.original')}</a></p>
    </div>
  );
}

/** Below the description: every version, newest first, and what to do next. */
export function FileHistory({ ctx, title, versions }: { ctx: RequestContext; title: Title; versions: FileVersion[] }): Raw {
  const name = title.key.slice(title.key.indexOf(':') + 1);
  return (
    <section class="file-history" id="filehistory" lang={ctx.locale} aria-labelledby="filehistory-heading">
      <h2 id="filehistory-heading">{ctx.t('files.history.heading')}</h2>
      <div class="table-wrap">
        <table class="wikitable filehistory">
          <caption class="visually-hidden">{ctx.t('files.history.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{ctx.t('files.history.date')}</th>
              <th scope="col">{ctx.t('files.history.thumbnail')}</th>
              <th scope="col">{ctx.t('files.history.dimensions')}</th>
              <th scope="col">{ctx.t('files.history.size')}</th>
              <th scope="col">{ctx.t('files.history.user')}</th>
              <th scope="col">{ctx.t('files.history.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v, i) => {
              const thumb = fit(v, HISTORY_THUMB);
              const date = formatDateTime(v.createdAt, ctx.locale);
              return (
                <tr class={i === 0 ? 'filehistory-current' : undefined}>
                  <td><a href={versionUrl(v)}>{date}</a>{i === 0 ? ` (${ctx.t('files.history.current')})` : ''}</td>
                  <td>{thumb ? <img src={thumbUrl(v, thumb.width)} width={thumb.width} height={thumb.height} alt={ctx.t('files.history.thumb_alt', { date })} loading="lazy" /> : typeName(v.mime)}</td>
                  <td>{v.width && v.height ? `${formatNumber(v.width, ctx.locale)} × ${formatNumber(v.height, ctx.locale)}` : '—'}</td>
                  <td>{formatSize(v.size, ctx)}</td>
                  <td><a href={`/wiki/Spécial:Contributions/${encodeURIComponent(v.userName.replace(/ /g, '_'))}`}>{v.userName}</a></td>
                  <td>{v.comment}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ul class="file-actions">
        {ctx.abilities.has('files.upload') ? <li><a href={`/wiki/Spécial:Téléverser?wpDestFile=${encodeURIComponent(name)}`}>{ctx.t('files.reupload')}</a></li> : null}
        <li><a href={`/wiki/Spécial:Pages_liées/${encodeURIComponent(title.key).replace(/%3A/g, ':')}`}>{ctx.t('files.used_by')}</a></li>
      </ul>
    </section>
  );
}
