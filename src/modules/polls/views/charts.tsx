import type { Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../../../core/http/context.ts';
import { formatPercent } from '../../../core/i18n/index.ts';
import { BarChart as Bars } from '../../../core/layout/charts.tsx';
import { cloudLayout } from '../cloud-layout.ts';
import { percentOf } from '../results.ts';
import type { Poll, PollResults } from '../types.ts';

const CLOUD_INKS = ['#174a78', '#6b2c5f', '#2e5a27', '#7a3b12'];

const pct = (ctx: RequestContext, count: number, total: number) => formatPercent(percentOf(count, total) / 100, ctx.locale);

/** Horizontal bars, one per choice, with the choice and its share written beside each bar. */
export function BarChart({ ctx, poll, results }: { ctx: RequestContext; poll: Poll; results: PollResults }): Raw {
  const summary = results.options.map((o) => ctx.t('polls.results.option_summary', { label: o.label, percent: pct(ctx, o.count, results.respondents), n: o.count })).join(' ; ');
  const bars = results.options.map((o) => ({
    label: o.label, fraction: percentOf(o.count, results.respondents) / 100, value: `${pct(ctx, o.count, results.respondents)} (${o.count})`, nonzero: o.count > 0,
  }));
  return <Bars id={`poll-${poll.id}-chart`} class="poll-chart" title={poll.question} desc={`${ctx.t('polls.results.count', { n: results.respondents })} ${summary}`} bars={bars} />;
}

export function ChoiceTable({ ctx, poll, results }: { ctx: RequestContext; poll: Poll; results: PollResults }): Raw {
  return (
    <div class="table-wrap">
      <table class="poll-table">
        <caption>{ctx.t('polls.results.table_caption', { question: poll.question })}</caption>
        <thead><tr>
          <th scope="col">{ctx.t(poll.kind === 'scale' ? 'polls.results.value' : 'polls.results.choice')}</th>
          <th scope="col" class="num">{ctx.t('polls.results.answers')}</th>
          <th scope="col" class="num">{ctx.t('polls.results.share')}</th>
        </tr></thead>
        <tbody>
          {results.options.map((o) => (
            <tr><th scope="row">{o.label}</th><td class="num">{o.count}</td><td class="num">{pct(ctx, o.count, results.respondents)}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The word cloud: font size by count, laid out without overlap; the table beside it has the numbers. */
export function WordCloud({ ctx, poll, results }: { ctx: RequestContext; poll: Poll; results: PollResults }): Raw {
  const id = `poll-${poll.id}-cloud`;
  const layout = cloudLayout(results.words);
  const top = results.words.slice(0, 10).map((w) => ctx.t('polls.results.word_summary', { word: w.label, n: w.count })).join(' ; ');
  const height = Math.max(layout.height, 40);
  return (
    <svg xmlns="http://www.w3.org/2000/svg" class="poll-cloud" role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${layout.width} ${height}`} width={layout.width} height={height}>
      <title id={`${id}-title`}>{ctx.t('polls.results.cloud_title', { question: poll.question })}</title>
      <desc id={`${id}-desc`}>{layout.words.length === 0 ? ctx.t('polls.results.no_words') : ctx.t('polls.results.cloud_desc', { n: results.words.length, top })}</desc>
      {layout.words.map((w, i) => (
        <text x={w.x} y={w.y + Math.round(w.size * 1.02)} font-size={w.size} textLength={w.width} lengthAdjust="spacingAndGlyphs" fill={CLOUD_INKS[i % CLOUD_INKS.length]} font-weight={w.count > 1 ? 'bold' : undefined}>{w.label}</text>
      ))}
    </svg>
  );
}

export function WordTable({ ctx, poll, results }: { ctx: RequestContext; poll: Poll; results: PollResults }): Raw {
  return (
    <div class="table-wrap">
      <table class="poll-table">
        <caption>{ctx.t('polls.results.words_caption', { question: poll.question })}</caption>
        <thead><tr>
          <th scope="col">{ctx.t('polls.results.word')}</th>
          <th scope="col" class="num">{ctx.t('polls.results.answers')}</th>
        </tr></thead>
        <tbody>
          {results.words.map((w) => <tr><th scope="row">{w.label}</th><td class="num">{w.count}</td></tr>)}
        </tbody>
      </table>
    </div>
  );
}

/** A poll's results: the chart and its data table, and how many answered. */
export function ResultsFigure({ ctx, poll, results }: { ctx: RequestContext; poll: Poll; results: PollResults }): Raw {
  const words = poll.kind === 'words';
  return (
    <div class="poll-results">
      <p class="poll-count">{ctx.t('polls.results.count', { n: results.respondents })}</p>
      {words ? <WordCloud ctx={ctx} poll={poll} results={results} /> : <BarChart ctx={ctx} poll={poll} results={results} />}
      {words ? <WordTable ctx={ctx} poll={poll} results={results} /> : <ChoiceTable ctx={ctx} poll={poll} results={results} />}
    </div>
  );
}
