import type { Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../../../core/http/context.ts';
import { formatDateLong, formatNumber } from '../../../core/i18n/index.ts';
import { BarChart } from '../../../core/layout/charts.tsx';
import { Layout } from '../../../core/layout/Layout.tsx';
import { colon, CsrfField, ErrorSummary, errorText, formTitle, SubmitButton, TextAreaField, type FormState } from '../../../core/layout/components.tsx';
import type { RoundRow } from '../continuity-store.ts';
import { CRITERIA, GUIDANCE, SCORER_GROUPS, SCORES, type Criterion, type GridSummary, type ScorerGroup, type ScorerKind, type Spread } from '../grid.ts';
import type { ChantierRow } from '../store.ts';
import { gridExportUrl } from '../grid-export.ts';
import { ExportLinks } from './common.tsx';
import { chantierUrl } from './urls.ts';

export interface RoundView {
  round: RoundRow;
  summary: GridSummary;
  counts: Record<ScorerGroup, number>;
  comments: Array<{ criterion: Criterion; scorer: ScorerKind; comment: string }>;
}

export const gridUrl = (title: string) => `/reseau/chantiers/grille/${encodeURIComponent(title).replace(/%2F/g, '/')}`;
export const decisionUrl = (title: string) => `/reseau/chantiers/decision/${encodeURIComponent(title).replace(/%2F/g, '/')}`;

const criterionName = (ctx: RequestContext, c: Criterion) => ctx.t(`network.grid.${c}`);
const points = (c: Criterion) => Array.from({ length: GUIDANCE[c] }, (_, i) => `network.grid.${c}.point.${i + 1}` as const);

/** The four criteria with the points to weigh for each. */
export function CriteriaGuide({ ctx }: { ctx: RequestContext }): Raw {
  return (
    <ol class="grid-criteria">
      {CRITERIA.map((c) => (
        <li><strong>{criterionName(ctx, c)}</strong><ul>{points(c).map((k) => <li>{ctx.t(k as Parameters<typeof ctx.t>[0])}</li>)}</ul></li>
      ))}
    </ol>
  );
}

const num = (ctx: RequestContext, n: number) => formatNumber(n, ctx.locale);

function SpreadCell({ ctx, s }: { ctx: RequestContext; s: Spread | undefined }): Raw {
  if (!s) return <td>{ctx.t('network.grid.no_scores')}</td>;
  return <td><strong>{num(ctx, s.median)}</strong>{' '}{ctx.t('network.grid.spread', { min: num(ctx, s.min), max: num(ctx, s.max), n: s.count })}</td>;
}

/** Medians and spreads per criterion, members and peers apart and together, as a table and a bar chart of the overall medians. */
export function RoundResults({ ctx, view, id }: { ctx: RequestContext; view: RoundView; id: string }): Raw {
  const caption = ctx.t('network.grid.results_caption', { date: formatDateLong(view.round.openedAt, ctx.locale) });
  const bars = CRITERIA.map((c) => {
    const s = view.summary[c].all;
    return { label: criterionName(ctx, c), fraction: s ? s.median / 3 : 0, value: s ? `${num(ctx, s.median)} / 3` : ctx.t('network.grid.no_scores'), nonzero: Boolean(s && s.median > 0) };
  });
  const desc = CRITERIA.map((c, i) => colon(ctx, criterionName(ctx, c), bars[i]!.value)).join(ctx.locale === 'fr-CA' ? '\u00A0; ' : '; ');
  return (
    <div class="grid-results">
      <p>{ctx.t('network.grid.scorers', { members: view.counts.member, peers: view.counts.peer })}</p>
      <div class="table-wrap">
        <table id={`${id}-table`}>
          <caption>{caption}</caption>
          <thead><tr>
            <th scope="col">{ctx.t('network.grid.criterion')}</th>
            {SCORER_GROUPS.map((g) => <th scope="col">{ctx.t(`network.grid.group.${g}`)}</th>)}
          </tr></thead>
          <tbody>
            {CRITERIA.map((c) => <tr><th scope="row">{criterionName(ctx, c)}</th>{SCORER_GROUPS.map((g) => <SpreadCell ctx={ctx} s={view.summary[c][g]} />)}</tr>)}
          </tbody>
        </table>
      </div>
      <ExportLinks ctx={ctx} base={gridExportUrl(view.round.id)} query="" label={ctx.t('network.grid.export')} />
      {view.counts.all > 0 ? <BarChart id={`${id}-chart`} class="poll-chart" title={ctx.t('network.grid.chart_title')} desc={desc} bars={bars} /> : null}
      {view.comments.length > 0 ? (
        <details>
          <summary>{ctx.t('network.grid.comments', { n: view.comments.length })}</summary>
          <ul>{view.comments.map((m) => <li>{colon(ctx, `${criterionName(ctx, m.criterion)} (${ctx.t(`network.grid.scorer.${m.scorer}`)})`, m.comment)}</li>)}</ul>
        </details>
      ) : null}
    </div>
  );
}

/** A criterion's 0–3 radio group, its guidance and its comment. */
function CriterionFieldset({ ctx, form, c }: { ctx: RequestContext; form: FormState; c: Criterion }): Raw {
  const name = `score_${c}`;
  const error = form.errors[name];
  return (
    <fieldset id={`f-${name}`} class={error ? 'field-error grid-criterion' : 'grid-criterion'} aria-describedby={[`f-${name}-hint`, error ? `f-${name}-error` : ''].filter(Boolean).join(' ')}>
      <legend>{criterionName(ctx, c)}</legend>
      <ul class="hint" id={`f-${name}-hint`}>{points(c).map((k) => <li>{ctx.t(k as Parameters<typeof ctx.t>[0])}</li>)}</ul>
      {error ? <p class="error" id={`f-${name}-error`}>{errorText(ctx, error)}</p> : null}
      {SCORES.map((s) => (
        <div class="choice">
          <input type="radio" id={`f-${name}-${s}`} name={name} value={String(s)} checked={form.values[name] === String(s)} required />
          <label for={`f-${name}-${s}`}>{`${s} – ${ctx.t(`network.grid.scale.${s}`)}`}</label>
        </div>
      ))}
      <TextAreaField ctx={ctx} form={form} name={`comment_${c}`} label={ctx.t('network.grid.comment', { criterion: criterionName(ctx, c) })} rows={2} maxlength={1000} />
    </fieldset>
  );
}

export function gridLabels(ctx: RequestContext): Record<string, string> {
  return Object.fromEntries(CRITERIA.flatMap((c) => [[`score_${c}`, criterionName(ctx, c)], [`comment_${c}`, ctx.t('network.grid.comment', { criterion: criterionName(ctx, c) })]]));
}

export function GridPage({ ctx, c, open, past, mayOpen, mayScore, scoredAs, form }: {
  ctx: RequestContext; c: ChantierRow; open: RoundView | undefined; past: RoundView[]; mayOpen: boolean; mayScore: boolean;
  /** How this person's scores count (member or peer), when they may score. */
  scoredAs: ScorerKind | undefined; form: FormState;
}): Raw {
  const heading = ctx.t('network.grid.title', { name: c.name });
  const action = gridUrl(c.title);
  const button = (value: string, label: string, round?: number) => (
    <form method="post" action={action} class="inline-form">
      <CsrfField ctx={ctx} />
      {round ? <input type="hidden" name="round" value={String(round)} /> : null}
      <button type="submit" name="action" value={value} class="button secondary">{label}</button>
    </form>
  );
  return (
    <Layout ctx={ctx} title={formTitle(ctx, heading, form)}>
      <h1>{heading}</h1>
      <p><a href={chantierUrl(c.title)}>{ctx.t('network.back_to_page')}</a>{' · '}<a href={decisionUrl(c.title)}>{ctx.t('network.vote.link')}</a></p>
      <ErrorSummary ctx={ctx} form={form} labels={gridLabels(ctx)} />
      <p>{ctx.t('network.grid.intro')}</p>
      <h2>{ctx.t('network.grid.criteria')}</h2>
      <CriteriaGuide ctx={ctx} />
      <p>{ctx.t('network.grid.scale_intro')}</p>
      <ul>{SCORES.map((s) => <li>{`${s} – ${ctx.t(`network.grid.scale.${s}`)}`}</li>)}</ul>

      <h2>{ctx.t('network.grid.current')}</h2>
      {open ? (
        <>
          <p>{ctx.t('network.grid.opened_on', { date: formatDateLong(open.round.openedAt, ctx.locale) })}</p>
          {mayScore ? (
            <form method="post" action={action} class="network-form" novalidate>
              <CsrfField ctx={ctx} />
              <input type="hidden" name="round" value={String(open.round.id)} />
              <input type="hidden" name="action" value="score" />
              <p>{ctx.t(scoredAs === 'member' ? 'network.grid.as_member' : 'network.grid.as_peer')}</p>
              {CRITERIA.map((cr) => <CriterionFieldset ctx={ctx} form={form} c={cr} />)}
              <SubmitButton>{ctx.t('network.grid.submit')}</SubmitButton>
            </form>
          ) : ctx.actor.kind === 'user' ? <p class="muted">{ctx.t('network.grid.agents_only')}</p> : <p class="muted">{ctx.t('network.grid.sign_in')}</p>}
          <h3>{ctx.t('network.grid.so_far')}</h3>
          <RoundResults ctx={ctx} view={open} id="grid-open" />
          {mayOpen ? button('close', ctx.t('network.grid.close'), open.round.id) : null}
        </>
      ) : (
        <>
          <p>{ctx.t('network.grid.none_open')}</p>
          {mayOpen ? button('open', ctx.t('network.grid.open')) : null}
        </>
      )}

      <h2>{ctx.t('network.grid.history')}</h2>
      {past.length === 0 ? <p>{ctx.t('network.grid.no_history')}</p> : past.map((v) => (
        <section aria-labelledby={`round-${v.round.id}`}>
          <h3 id={`round-${v.round.id}`}>{ctx.t('network.grid.round_dates', { from: formatDateLong(v.round.openedAt, ctx.locale), to: formatDateLong(v.round.closedAt ?? v.round.openedAt, ctx.locale) })}</h3>
          <RoundResults ctx={ctx} view={v} id={`round-${v.round.id}`} />
        </section>
      ))}
    </Layout>
  );
}
