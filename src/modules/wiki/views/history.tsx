import type { Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../../../core/http/context.ts';
import { formatDateTime, formatNumber } from '../../../core/i18n/index.ts';
import { Layout } from '../../../core/layout/Layout.tsx';
import { titleUrl, type Title } from '../../markup/index.ts';
import type { DiffRow } from '../diff.ts';
import type { Revision } from '../types.ts';
import { DiffTable } from './diff-table.tsx';
import { PageTabs } from './tabs.tsx';

function SizeChange({ ctx, size, parentSize }: { ctx: RequestContext; size: number; parentSize: number | undefined }): Raw {
  const delta = size - (parentSize ?? 0);
  const cls = delta > 0 ? 'size-plus' : delta < 0 ? 'size-minus' : 'size-null';
  return <span class={cls}>{`${delta > 0 ? '+' : ''}${formatNumber(delta, ctx.locale)}`}</span>;
}

interface HistoryProps {
  ctx: RequestContext;
  title: Title;
  revisions: Revision[];
  /** Sizes of parent revisions not on this page (for the last row's size change). */
  parentSizes: Map<number, number>;
  latestId: number;
  olderOffset: number | undefined;
  canEdit: boolean;
}

export function HistoryPage({ ctx, title, revisions, parentSizes, latestId, olderOffset, canEdit }: HistoryProps): Raw {
  const url = titleUrl(title);
  const heading = ctx.t('wiki.history.heading', { title: title.full });
  return (
    <Layout ctx={ctx} title={heading}>
      <PageTabs ctx={ctx} title={title} current="history" exists canEdit={canEdit} />
      <h1 id="firstHeading">{heading}</h1>
      <form method="get" action={url} class="history-form">
        <fieldset>
          <legend>{ctx.t('wiki.history.compare_legend')}</legend>
          <ul class="history">
            {revisions.map((r, i) => (
              <li>
                <span class="history-radios">
                  <input type="radio" name="oldid" value={r.id} id={`old-${r.id}`} checked={i === 1} aria-label={ctx.t('wiki.history.as_old', { id: r.id })} />
                  <input type="radio" name="diff" value={r.id} id={`new-${r.id}`} checked={i === 0} aria-label={ctx.t('wiki.history.as_new', { id: r.id })} />
                </span>{' '}
                {r.id !== latestId ? <a href={`${url}?diff=${latestId}&oldid=${r.id}`}>{ctx.t('wiki.history.cur')}</a> : <span>{ctx.t('wiki.history.cur')}</span>}
                {' | '}
                {r.parentId ? <a href={`${url}?diff=${r.id}&oldid=${r.parentId}`}>{ctx.t('wiki.history.prev')}</a> : <span>{ctx.t('wiki.history.prev')}</span>}{' '}
                <a href={`${url}?oldid=${r.id}`}><time datetime={new Date(r.createdAt).toISOString()}>{formatDateTime(r.createdAt, ctx.locale)}</time></a>{' '}
                <a href={`/wiki/Spécial:Contributions/${encodeURIComponent(r.authorName.replace(/ /g, '_'))}`}>{r.authorName}</a>{' '}
                {r.minor ? <abbr class="minor" title={ctx.t('wiki.minor_title')}>{ctx.t('wiki.minor_abbr')}</abbr> : null}{' '}
                <span class="muted">{ctx.t('wiki.history.bytes', { n: formatNumber(r.size, ctx.locale) })}</span>{' '}
                <SizeChange ctx={ctx} size={r.size} parentSize={r.parentId ? (revisions.find((x) => x.id === r.parentId)?.size ?? parentSizes.get(r.parentId)) : undefined} />{' '}
                {r.summary ? <span class="comment">({r.summary})</span> : null}
                {canEdit && r.id !== latestId ? <>{' '}<a href={`${url}?action=edit&oldid=${r.id}`}>{ctx.t('wiki.history.revert')}</a></> : null}
                {canEdit && r.parentId ? <>{' '}<a href={`${url}?action=edit&undo=${r.id}&undoafter=${r.parentId}`}>{ctx.t('wiki.history.undo')}</a></> : null}
              </li>
            ))}
          </ul>
          <button type="submit" class="button secondary">{ctx.t('wiki.history.compare')}</button>
        </fieldset>
      </form>
      {olderOffset ? <p><a href={`${url}?action=history&offset=${olderOffset}`}>{ctx.t('wiki.history.older')}</a></p> : null}
    </Layout>
  );
}

interface DiffProps {
  ctx: RequestContext;
  title: Title;
  older: Revision;
  newer: Revision;
  rows: DiffRow[];
  canEdit: boolean;
}

function RevLabel({ ctx, title, rev }: { ctx: RequestContext; title: Title; rev: Revision }): Raw {
  return (
    <span>
      <a href={`${titleUrl(title)}?oldid=${rev.id}`}>{ctx.t('wiki.diff.revision_of', { date: formatDateTime(rev.createdAt, ctx.locale) })}</a>
      {` — ${rev.authorName}`}{rev.summary ? ` (${rev.summary})` : ''}
    </span>
  );
}

export function DiffPage({ ctx, title, older, newer, rows, canEdit }: DiffProps): Raw {
  const heading = ctx.t('wiki.diff.heading', { title: title.full });
  return (
    <Layout ctx={ctx} title={heading}>
      <PageTabs ctx={ctx} title={title} current="history" exists canEdit={canEdit} />
      <h1 id="firstHeading">{heading}</h1>
      <DiffTable ctx={ctx} rows={rows} oldLabel={ctx.t('wiki.diff.older')} newLabel={ctx.t('wiki.diff.newer')} />
      <div class="diff-revs">
        <p>{ctx.t('wiki.diff.older_label')} <RevLabel ctx={ctx} title={title} rev={older} /></p>
        <p>{ctx.t('wiki.diff.newer_label')} <RevLabel ctx={ctx} title={title} rev={newer} /></p>
        {canEdit ? <p><a href={`${titleUrl(title)}?action=edit&undo=${newer.id}&undoafter=${older.id}`}>{ctx.t('wiki.history.undo')}</a></p> : null}
      </div>
    </Layout>
  );
}
