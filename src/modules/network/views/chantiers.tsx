import type { Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../../../core/http/context.ts';
import { formatDateIso, formatDateLong, formatNumber } from '../../../core/i18n/index.ts';
import { Layout } from '../../../core/layout/Layout.tsx';
import { colon, CsrfField, ErrorSummary, errorText, Field, formTitle, SelectField, SubmitButton, TextAreaField, type FormState } from '../../../core/layout/components.tsx';
import { CHANTIER_STATUSES, type ChantierStatus } from '../lifecycle.ts';
import type { ChantierRow, MemberRow, TransitionRow } from '../store.ts';
import { CHANTIER_KINDS } from '../types.ts';
import { ExportLinks, InfoRow, EntityFormPage } from './common.tsx';
import { CRITERIA } from '../grid.ts';
import { decisionUrl, gridUrl, type RoundView } from './grid.tsx';
import type { VoteView } from './votes.tsx';
import { chantierUrl, personUrl } from './urls.ts';

const kindOptions = (ctx: RequestContext) => CHANTIER_KINDS.map((k) => [k, ctx.t(`network.chantier.kind.${k}`)] as const);
const statusOptions = (ctx: RequestContext) => CHANTIER_STATUSES.map((s) => [s, ctx.t(`network.status.${s}`)] as const);

export function chantierLabels(ctx: RequestContext): Record<string, string> {
  return {
    name: ctx.t('network.chantier.name'), kind: ctx.t('network.chantier.kind'), definition: ctx.t('network.chantier.definition'),
    objectives: ctx.t('network.chantier.objectives'), deliverables: ctx.t('network.chantier.deliverables'), needs: ctx.t('network.chantier.needs'),
    highlight: ctx.t('network.chantier.highlight'), legacy: ctx.t('network.chantier.legacy'), text: ctx.t('network.field.text'), summary: ctx.t('network.field.summary'),
  };
}

export function ChantierList({ ctx, rows, filter, query }: { ctx: RequestContext; rows: ChantierRow[]; filter: Record<string, string>; query: string }): Raw {
  const form: FormState = { values: filter, errors: {} };
  return (
    <Layout ctx={ctx} title={ctx.t('network.chantier.list')}>
      <h1>{ctx.t('network.chantier.list')}</h1>
      {ctx.abilities.has('network.contribute') ? <p><a class="button secondary" href="/reseau/chantiers/nouveau">{ctx.t('network.chantier.new')}</a></p> : null}
      <form method="get" action="/reseau/chantiers" class="filters" aria-label={ctx.t('network.filters')}>
        <SelectField ctx={ctx} form={form} name="statut" label={ctx.t('network.chantier.status')} options={statusOptions(ctx)} required={false} empty={ctx.t('network.filter.all')} />
        <SelectField ctx={ctx} form={form} name="type" label={ctx.t('network.chantier.kind')} options={kindOptions(ctx)} required={false} empty={ctx.t('network.filter.all')} />
        <div class="field"><button type="submit" class="button secondary">{ctx.t('network.filter.apply')}</button></div>
      </form>
      <p role="status">{ctx.t('network.count', { n: rows.length })}</p>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{ctx.t('network.chantier.list')}</caption>
          <thead><tr>
            <th scope="col">{ctx.t('network.chantier.name')}</th><th scope="col">{ctx.t('network.chantier.kind')}</th>
            <th scope="col">{ctx.t('network.chantier.status')}</th><th scope="col" class="num">{ctx.t('network.chantier.members')}</th>
            <th scope="col" class="num">{ctx.t('network.chantier.followers')}</th>
          </tr></thead>
          <tbody>
            {rows.map((c) => (
              <tr>
                <th scope="row"><a href={chantierUrl(c.title)}>{c.name}</a></th>
                <td>{ctx.t(`network.chantier.kind.${c.kind}`)}</td>
                <td>{ctx.t(`network.status.${c.status}`)}</td>
                <td class="num">{c.members}</td>
                <td class="num">{c.followers}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ExportLinks ctx={ctx} base="/reseau/chantiers" query={query} />
    </Layout>
  );
}

export function ChantierForm({ ctx, form, editing, baseRevId }: { ctx: RequestContext; form: FormState; editing?: string; baseRevId?: number }): Raw {
  const heading = editing ? ctx.t('network.chantier.edit', { name: editing.replace(/_/g, ' ') }) : ctx.t('network.chantier.new');
  const action = editing ? `/reseau/chantiers/modifier/${encodeURIComponent(editing)}` : '/reseau/chantiers/nouveau';
  const labels = chantierLabels(ctx);
  return (
    <EntityFormPage ctx={ctx} form={form} labels={labels} heading={heading} action={action} editing={editing} baseRevId={baseRevId}>
      <Field ctx={ctx} form={form} name="name" label={labels.name!} />
      <SelectField ctx={ctx} form={form} name="kind" label={labels.kind!} options={kindOptions(ctx)} hint={ctx.t('network.chantier.kind_hint')} />
      <TextAreaField ctx={ctx} form={form} name="definition" label={labels.definition!} required rows={3} />
      <TextAreaField ctx={ctx} form={form} name="objectives" label={labels.objectives!} hint={ctx.t('network.chantier.objectives_hint')} />
      <TextAreaField ctx={ctx} form={form} name="deliverables" label={labels.deliverables!} hint={ctx.t('network.chantier.deliverables_hint')} />
      <TextAreaField ctx={ctx} form={form} name="needs" label={labels.needs!} hint={ctx.t('network.chantier.needs_hint')} rows={3} />
      <TextAreaField ctx={ctx} form={form} name="highlight" label={labels.highlight!} hint={ctx.t('network.chantier.highlight_hint')} rows={3} />
      <TextAreaField ctx={ctx} form={form} name="legacy" label={labels.legacy!} hint={ctx.t('network.chantier.legacy_hint')} rows={3} />
    </EntityFormPage>
  );
}

/** Who moved a chantier: a name only for those who may see the network's people (private by default). */
function whoMoved(ctx: RequestContext, t: TransitionRow): string {
  return ctx.abilities.has('network.people.view') ? t.authorName : ctx.t('network.lifecycle.someone');
}

function MemberList({ ctx, people }: { ctx: RequestContext; people: MemberRow[] }): Raw | null {
  // Names are personal information: only those who may see the network's people see them all.
  const shown = ctx.abilities.has('network.people.view') ? people : people.filter((p) => p.personPublic);
  const hidden = people.length - shown.length;
  if (people.length === 0) return null;
  return (
    <>
      {shown.length > 0 ? <ul>{shown.map((p) => <li>{p.personSlug && (p.personPublic || ctx.abilities.has('network.people.view')) ? <a href={personUrl(p.personSlug)}>{p.name}</a> : p.name}</li>)}</ul> : null}
      {hidden > 0 ? <p class="muted">{ctx.t('network.chantier.others', { n: hidden })}</p> : null}
    </>
  );
}

export function ChantierInfobox({ ctx, c, members, last, mine, problems, evaluation }: {
  ctx: RequestContext; c: ChantierRow; members: MemberRow[]; last: TransitionRow | undefined; mine: 'member' | 'follower' | undefined; problems: boolean;
  /** When the last evaluation round closed, and the last decided vote. */
  evaluation?: { lastRound: RoundView | undefined; lastVote: VoteView | undefined };
}): Raw {
  const v = evaluation?.lastVote;
  const key = encodeURIComponent(c.title);
  const status = (
    <>
      <strong>{ctx.t(`network.status.${c.status}`)}</strong>
      {last ? <span class="muted">{' '}{ctx.t('network.lifecycle.since', { date: formatDateIso(last.createdAt), name: whoMoved(ctx, last) })}</span> : null}
      {' '}<a href={`/reseau/chantiers/cycle/${key}`}>{ctx.t('network.lifecycle.link')}</a>
    </>
  );
  const button = (kind: string, label: string) => (
    <form method="post" action={`/reseau/chantiers/adhesion/${key}`} class="inline-form">
      <CsrfField ctx={ctx} />
      <button type="submit" name="action" value={kind} class="link-button">{label}</button>
    </form>
  );
  return (
    <table class="infobox">
      <caption>{c.name}</caption>
      <tbody>
        <InfoRow label={ctx.t('network.chantier.kind')}>{ctx.t(`network.chantier.kind.${c.kind}`)}</InfoRow>
        <InfoRow label={ctx.t('network.chantier.status')}>{status}</InfoRow>
        <InfoRow label={ctx.t('network.chantier.definition')}>{c.definition}</InfoRow>
        <InfoRow label={ctx.t('network.chantier.objectives')}>{c.objectives.length ? <ul>{c.objectives.map((o) => <li>{o}</li>)}</ul> : null}</InfoRow>
        <InfoRow label={ctx.t('network.chantier.deliverables')}>
          {c.deliverables.length ? <ul>{c.deliverables.map((d) => <li>{d.title} <span class="muted">({ctx.t(`network.deliverable.${d.status}`)})</span></li>)}</ul> : null}
        </InfoRow>
        <InfoRow label={ctx.t('network.chantier.needs')}>{c.needs.length ? <ul>{c.needs.map((n) => <li>{n}</li>)}</ul> : null}</InfoRow>
        <InfoRow label={ctx.t('network.chantier.highlight')}>{c.highlight}</InfoRow>
        <InfoRow label={ctx.t('network.chantier.legacy')}>{c.legacy}</InfoRow>
        <InfoRow label={ctx.t('network.continuity.row')}>
          {evaluation?.lastRound ? <>
            {ctx.t('network.continuity.last_round', { date: formatDateIso(evaluation.lastRound.round.closedAt ?? evaluation.lastRound.round.openedAt) })}
            <ul>{CRITERIA.map((cr) => {
              const s = evaluation.lastRound!.summary[cr].all;
              return <li>{colon(ctx, ctx.t(`network.grid.short.${cr}`), s ? ctx.t('network.continuity.median', { median: formatNumber(s.median, ctx.locale) }) : ctx.t('network.grid.no_scores'))}</li>;
            })}</ul>
          </> : null}
          {v ? <>{ctx.t('network.continuity.last_vote', {
            decision: ctx.t(`network.vote.decision.${v.vote.decision}`), outcome: ctx.t(`network.vote.outcome.${v.outcome}`),
            counts: ctx.t('network.vote.counts', { yes: v.tally.yes, no: v.tally.no, abstain: v.tally.abstain, eligible: v.tally.eligible }),
          })}{' '}</> : null}
          <a href={gridUrl(c.title)}>{ctx.t('network.grid.link')}</a>{' · '}<a href={decisionUrl(c.title)}>{ctx.t('network.vote.link')}</a>
        </InfoRow>
        <InfoRow label={`${ctx.t('network.chantier.members')} (${c.members})`}><MemberList ctx={ctx} people={members.filter((m) => m.kind === 'member')} /></InfoRow>
        <InfoRow label={`${ctx.t('network.chantier.followers')} (${c.followers})`}><MemberList ctx={ctx} people={members.filter((m) => m.kind === 'follower')} /></InfoRow>
        {ctx.actor.kind === 'user' ? (
          <tr><td colspan="2">
            {mine === 'member' ? <p>{ctx.t('network.membership.is_member')}</p> : mine === 'follower' ? <p>{ctx.t('network.membership.is_follower')}</p> : null}
            {mine !== 'member' && ctx.abilities.has('network.contribute') ? button('join', ctx.t('network.membership.join')) : null}{' '}
            {mine !== 'follower' && ctx.abilities.has('network.follow') ? button('follow', ctx.t('network.membership.follow')) : null}{' '}
            {mine ? button('leave', ctx.t('network.membership.leave')) : null}
          </td></tr>
        ) : null}
        {problems ? <tr><td colspan="2" class="muted">{ctx.t('network.fields.problems')}</td></tr> : null}
        {ctx.abilities.has('network.contribute') ? <tr><td colspan="2"><a href={`/reseau/chantiers/modifier/${key}`}>{ctx.t('network.edit_fields')}</a></td></tr> : null}
      </tbody>
    </table>
  );
}

export function LifecyclePage({ ctx, c, history, next, form }: { ctx: RequestContext; c: ChantierRow; history: TransitionRow[]; next: ChantierStatus[]; form: FormState }): Raw {
  const heading = ctx.t('network.lifecycle.title', { name: c.name });
  return (
    <Layout ctx={ctx} title={formTitle(ctx, heading, form)}>
      <h1>{heading}</h1>
      <p><a href={chantierUrl(c.title)}>{ctx.t('network.back_to_page')}</a></p>
      <ErrorSummary ctx={ctx} form={form} labels={{ to: ctx.t('network.lifecycle.to'), note: ctx.t('network.lifecycle.note') }} />
      <p>{ctx.t('network.lifecycle.current', { status: ctx.t(`network.status.${c.status}`) })}</p>
      <ol class="lifecycle" aria-label={ctx.t('network.lifecycle.steps')}>
        {CHANTIER_STATUSES.map((s) => <li aria-current={s === c.status ? 'step' : undefined}>{s === c.status ? <strong>{ctx.t(`network.status.${s}`)}</strong> : ctx.t(`network.status.${s}`)}</li>)}
      </ol>
      {ctx.actor.kind === 'user' ? (
        next.length > 0 || form.errors._form ? (
          <form method="post" action={`/reseau/chantiers/cycle/${encodeURIComponent(c.title)}`} class="network-form" novalidate>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="from" value={c.status} />
            <fieldset>
              <legend>{ctx.t('network.lifecycle.to')}</legend>
              {form.errors.to ? <p class="error">{errorText(ctx, form.errors.to)}</p> : null}
              {next.map((s, i) => (
                <div class="choice">
                  <input type="radio" id={`to-${i}`} name="to" value={s} checked={form.values.to === s} />
                  <label for={`to-${i}`}>{ctx.t(`network.status.${s}`)}</label>
                </div>
              ))}
            </fieldset>
            <Field ctx={ctx} form={form} name="note" label={ctx.t('network.lifecycle.note')} required={false} />
            <SubmitButton>{ctx.t('network.lifecycle.submit')}</SubmitButton>
          </form>
        ) : <p class="muted">{ctx.t('network.lifecycle.nothing')}</p>
      ) : null}
      <h2>{ctx.t('network.lifecycle.history')}</h2>
      {history.length === 0 ? <p>{ctx.t('network.lifecycle.none')}</p> : (
        <table>
          <thead><tr><th scope="col">{ctx.t('network.lifecycle.date')}</th><th scope="col">{ctx.t('network.lifecycle.change')}</th><th scope="col">{ctx.t('network.lifecycle.by')}</th><th scope="col">{ctx.t('network.lifecycle.note_col')}</th></tr></thead>
          <tbody>
            {history.map((h) => (
              <tr>
                <td><time datetime={new Date(h.createdAt).toISOString()}>{formatDateLong(h.createdAt, ctx.locale)}</time></td>
                <td>{`${ctx.t(`network.status.${h.from}`)} → ${ctx.t(`network.status.${h.to}`)}`}</td>
                <td>{whoMoved(ctx, h)}</td>
                <td>{h.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
