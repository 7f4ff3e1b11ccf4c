import type { Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../../../core/http/context.ts';
import { formatPercent } from '../../../core/i18n/index.ts';
import { BarChart } from '../../../core/layout/charts.tsx';
import { Layout } from '../../../core/layout/Layout.tsx';
import type { PortraitChart, PortraitRow } from '../portrait.ts';

export const rowLabel = (ctx: RequestContext, row: PortraitRow): string => ('key' in row.label ? ctx.t(row.label.key) : row.label.text);

const share = (ctx: RequestContext, count: number, total: number) => formatPercent(total === 0 ? 0 : count / total, ctx.locale);

/** One chart: the bars (scaled to the largest count), the same numbers in a table, and its CSV. */
function PortraitFigure({ ctx, chart }: { ctx: RequestContext; chart: PortraitChart }): Raw {
  const id = `portrait-${chart.slug}`;
  const title = ctx.t(chart.title);
  const max = Math.max(1, ...chart.rows.map((r) => r.count));
  const value = (r: PortraitRow) => ctx.t('network.portrait.value', { n: r.count, percent: share(ctx, r.count, chart.total) });
  const desc = `${ctx.t('network.portrait.total', { n: chart.total })} ${chart.rows.map((r) => ctx.t('network.portrait.row_summary', { label: rowLabel(ctx, r), value: value(r) })).join(ctx.t('network.portrait.separator'))}`;
  const bars = chart.rows.map((r) => ({ label: rowLabel(ctx, r), fraction: r.count / max, value: value(r), nonzero: r.count > 0 }));
  return (
    <section class="portrait-chart" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      <p>{ctx.t('network.portrait.total', { n: chart.total })}</p>
      <div class="portrait-pair">
        <BarChart id={`${id}-chart`} class="poll-chart" title={title} desc={desc} bars={bars} />
        <div class="table-wrap">
          <table id={`${id}-table`}>
            <caption>{ctx.t('network.portrait.table_caption', { title })}</caption>
            <thead><tr>
              <th scope="col">{ctx.t(chart.category)}</th>
              <th scope="col" class="num">{ctx.t('network.portrait.count')}</th>
              <th scope="col" class="num">{ctx.t('network.portrait.share')}</th>
            </tr></thead>
            <tbody>
              {chart.rows.map((r) => (
                <tr><th scope="row">{rowLabel(ctx, r)}</th><td class="num">{r.count}</td><td class="num">{share(ctx, r.count, chart.total)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <p><a href={`/reseau/portrait/${chart.slug}.csv`} download={`${chart.slug}.csv`}>{ctx.t('network.portrait.csv', { title })}</a></p>
    </section>
  );
}

export function PortraitPage({ ctx, charts }: { ctx: RequestContext; charts: PortraitChart[] }): Raw {
  return (
    <Layout ctx={ctx} title={ctx.t('network.portrait.title')}>
      <h1>{ctx.t('network.portrait.title')}</h1>
      <p>{ctx.t('network.portrait.intro')}</p>
      {charts.map((chart) => <PortraitFigure ctx={ctx} chart={chart} />)}
    </Layout>
  );
}
