import type { Child, Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../../../core/http/context.ts';
import { formatDateTime, formatNumber } from '../../../core/i18n/index.ts';
import { Layout } from '../../../core/layout/Layout.tsx';
import { NAMESPACES, titleUrl, type Title } from '../../markup/index.ts';
import type { RecentChange } from '../queries.ts';
import { LogAction } from './log-line.tsx';

export function SpecialPage({ ctx, heading, children }: { ctx: RequestContext; heading: string; children?: Child }): Raw {
  return (
    <Layout ctx={ctx} title={heading}>
      <h1 id="firstHeading">{heading}</h1>
      {children}
    </Layout>
  );
}

export function TitleList({ ctx, titles, empty, extra }: { ctx: RequestContext; titles: Title[]; empty?: string; extra?: (t: Title, i: number) => string }): Raw {
  if (titles.length === 0) return <p>{empty ?? ctx.t('special.empty')}</p>;
  return (
    <ul class="title-list">
      {titles.map((t, i) => <li><a href={titleUrl(t)}>{t.full}</a>{extra ? ` ${extra(t, i)}` : ''}</li>)}
    </ul>
  );
}

export function NamespaceSelect({ ctx, selected, all = true }: { ctx: RequestContext; selected: number | undefined; all?: boolean }): Raw {
  return (
    <select id="f-namespace" name="namespace">
      {all ? <option value="" selected={selected === undefined}>{ctx.t('special.all_namespaces')}</option> : null}
      {NAMESPACES.filter((n) => n.id >= 0).map((n) => (
        <option value={n.id} selected={selected === n.id}>{n.id === 0 ? ctx.t('special.main_namespace') : n.name}</option>
      ))}
    </select>
  );
}

function sizeDelta(ctx: RequestContext, c: RecentChange): string {
  if (c.newSize === null) return '';
  const d = c.newSize - (c.oldSize ?? 0);
  return `(${d > 0 ? '+' : ''}${formatNumber(d, ctx.locale)})`;
}

export function ChangesList({ ctx, changes }: { ctx: RequestContext; changes: RecentChange[] }): Raw {
  if (changes.length === 0) return <p>{ctx.t('special.rc.none')}</p>;
  return (
    <ul class="changes">
      {changes.map((c) => {
        const url = titleUrl(c.title);
        return (
          <li>
            <time datetime={new Date(c.createdAt).toISOString()}>{formatDateTime(c.createdAt, ctx.locale)}</time>{' '}
            {c.kind === 'log' ? (
              <LogAction ctx={ctx} type={c.logType ?? ''} action={c.logAction ?? ''} title={c.title} withType />
            ) : (
              <>
                {c.oldRevId ? <a href={`${url}?diff=${c.revId}&oldid=${c.oldRevId}`}>{ctx.t('wiki.history.prev')}</a> : <span>{ctx.t('wiki.history.prev')}</span>}
                {' | '}<a href={`${url}?action=history`}>{ctx.t('special.rc.hist')}</a>{' '}
                {c.kind === 'new' ? <abbr class="newpage" title={ctx.t('special.rc.new_title')}>{ctx.t('special.rc.new_abbr')}</abbr> : null}
                {c.minor ? <abbr class="minor" title={ctx.t('wiki.minor_title')}>{ctx.t('wiki.minor_abbr')}</abbr> : null}{' '}
                <a href={url}>{c.title.full}</a> <span class="muted">{sizeDelta(ctx, c)}</span>
              </>
            )}{' '}
            <a href={`/wiki/Spécial:Contributions/${encodeURIComponent(c.authorName.replace(/ /g, '_'))}`}>{c.authorName}</a>
            {c.summary ? <span class="comment"> ({c.summary})</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
