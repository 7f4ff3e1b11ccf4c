import type { Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../../../core/http/context.ts';
import { formatDateTime } from '../../../core/i18n/index.ts';
import { Layout } from '../../../core/layout/Layout.tsx';
import { ChoiceGroup, CsrfField, ErrorSummary, Field, formTitle, SelectField, SubmitButton, type FormState } from '../../../core/layout/components.tsx';
import type { VoteRow } from '../continuity-store.ts';
import type { ChantierStatus } from '../lifecycle.ts';
import type { ChantierRow } from '../store.ts';
import { CHOICES, DECISIONS, PASS_RULES, quorumNeeded, type Choice, type Outcome, type Tally } from '../votes.ts';
import { decisionUrl, gridUrl } from './grid.tsx';
import { chantierUrl } from './urls.ts';

export interface VoteView {
  vote: VoteRow;
  tally: Tally;
  outcome: Outcome;
  /** This person's ballot, if any. */
  mine: Choice | undefined;
}

/** The pass rule and quorum in words, shown before anyone votes. */
export function RuleText({ ctx, vote, eligible }: { ctx: RequestContext; vote: Pick<VoteRow, 'rule' | 'quorum'>; eligible: number }): Raw {
  return (
    <>
      <p>{ctx.t(`network.vote.rule.${vote.rule}.explained`)}</p>
      <p>{vote.quorum > 0 ? ctx.t('network.vote.quorum.explained', { quorum: vote.quorum, needed: quorumNeeded(vote, eligible), eligible }) : ctx.t('network.vote.quorum.none')}</p>
    </>
  );
}

const counts = (ctx: RequestContext, t: Tally) => ctx.t('network.vote.counts', { yes: t.yes, no: t.no, abstain: t.abstain, eligible: t.eligible });

export function voteLabels(ctx: RequestContext): Record<string, string> {
  return {
    decision: ctx.t('network.vote.decision'), rule: ctx.t('network.vote.rule'), quorum: ctx.t('network.vote.quorum'),
    deadline_date: ctx.t('network.vote.deadline_date'), deadline_time: ctx.t('network.vote.deadline_time'), choice: ctx.t('network.vote.choice'),
  };
}

export function DecisionPage({ ctx, c, current, past, mayOpen, member, coordinates, closeOffer, form }: {
  ctx: RequestContext; c: ChantierRow; current: VoteView | undefined; past: VoteView[]; mayOpen: boolean; member: boolean; coordinates: boolean;
  /** What a passed « close » decision offers: the lifecycle's close move, or the legacy to write first. */
  closeOffer: 'ready' | 'legacy' | undefined; form: FormState;
}): Raw {
  const heading = ctx.t('network.vote.title', { name: c.name });
  const action = decisionUrl(c.title);
  const labels = voteLabels(ctx);
  const key = encodeURIComponent(c.title).replace(/%2F/g, '/');
  const decisionOptions = DECISIONS.map((d) => [d, ctx.t(`network.vote.decision.${d}`)] as const);
  const ruleOptions = PASS_RULES.map((r) => [r, ctx.t(`network.vote.rule.${r}`)] as const);
  const choiceOptions = CHOICES.map((x) => [x, ctx.t(`network.vote.choice.${x}`)] as const);
  return (
    <Layout ctx={ctx} title={formTitle(ctx, heading, form)}>
      <h1>{heading}</h1>
      <p><a href={chantierUrl(c.title)}>{ctx.t('network.back_to_page')}</a>{' · '}<a href={gridUrl(c.title)}>{ctx.t('network.grid.link')}</a></p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <p>{ctx.t('network.vote.intro')}</p>

      <h2>{ctx.t('network.vote.current')}</h2>
      {current ? (
        <section class="vote-current" aria-labelledby="vote-current">
          <h3 id="vote-current">{ctx.t('network.vote.proposal', { decision: ctx.t(`network.vote.decision.${current.vote.decision}`) })}</h3>
          <p>{ctx.t('network.vote.deadline_is', { date: formatDateTime(current.vote.deadline, ctx.locale) })}</p>
          <RuleText ctx={ctx} vote={current.vote} eligible={current.tally.eligible} />
          <p>{ctx.t('network.vote.participation', { n: current.tally.yes + current.tally.no + current.tally.abstain, eligible: current.tally.eligible })}</p>
          {member ? (
            <form method="post" action={action} class="network-form" novalidate>
              <CsrfField ctx={ctx} />
              <input type="hidden" name="vote" value={String(current.vote.id)} />
              <input type="hidden" name="action" value="ballot" />
              {current.mine ? <p>{ctx.t('network.vote.yours', { choice: ctx.t(`network.vote.choice.${current.mine}`) })}</p> : null}
              <ChoiceGroup ctx={ctx} form={form} name="choice" type="radio" legend={labels.choice!} hint={ctx.t('network.vote.choice_hint')} options={choiceOptions}
                checked={new Set([form.values.choice ?? current.mine ?? ''])} />
              <SubmitButton>{ctx.t('network.vote.submit')}</SubmitButton>
            </form>
          ) : <p class="muted">{ctx.t('network.vote.members_only')}</p>}
          {coordinates ? (
            <form method="post" action={action} class="inline-form">
              <CsrfField ctx={ctx} />
              <input type="hidden" name="vote" value={String(current.vote.id)} />
              <button type="submit" name="action" value="close" class="button secondary">{ctx.t('network.vote.close')}</button>
            </form>
          ) : null}
        </section>
      ) : (
        <>
          <p>{ctx.t('network.vote.none_open')}</p>
          {mayOpen ? (
            <form method="post" action={action} class="network-form" novalidate>
              <CsrfField ctx={ctx} />
              <input type="hidden" name="action" value="open" />
              <h3>{ctx.t('network.vote.new')}</h3>
              <SelectField ctx={ctx} form={form} name="decision" label={labels.decision!} options={decisionOptions} empty={ctx.t('network.vote.decision.pick')} />
              <ChoiceGroup ctx={ctx} form={form} name="rule" type="radio" legend={labels.rule!} options={ruleOptions} checked={new Set([form.values.rule ?? ''])} />
              <Field ctx={ctx} form={form} name="quorum" label={labels.quorum!} hint={ctx.t('network.vote.quorum_hint')} />
              <Field ctx={ctx} form={form} name="deadline_date" label={labels.deadline_date!} hint={ctx.t('network.vote.date_hint')} />
              <Field ctx={ctx} form={form} name="deadline_time" label={labels.deadline_time!} hint={ctx.t('network.vote.time_hint')} />
              <SubmitButton>{ctx.t('network.vote.open')}</SubmitButton>
            </form>
          ) : null}
        </>
      )}

      <h2>{ctx.t('network.vote.history')}</h2>
      {past.length === 0 ? <p>{ctx.t('network.vote.no_history')}</p> : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{ctx.t('network.vote.history')}</caption>
            <thead><tr>
              <th scope="col">{ctx.t('network.vote.col.closed')}</th><th scope="col">{ctx.t('network.vote.decision')}</th>
              <th scope="col">{ctx.t('network.vote.rule')}</th><th scope="col">{ctx.t('network.vote.col.counts')}</th><th scope="col">{ctx.t('network.vote.col.result')}</th>
            </tr></thead>
            <tbody>
              {past.map((v) => (
                <tr>
                  <td>{formatDateTime(v.vote.closedAt ?? v.vote.deadline, ctx.locale)}</td>
                  <th scope="row">{ctx.t(`network.vote.decision.${v.vote.decision}`)}</th>
                  <td>{ctx.t(`network.vote.rule.${v.vote.rule}`)}{v.vote.quorum > 0 ? ` · ${ctx.t('network.vote.quorum_short', { quorum: v.vote.quorum })}` : ''}</td>
                  <td>{counts(ctx, v.tally)}</td>
                  <td><strong>{ctx.t(`network.vote.outcome.${v.outcome}`)}</strong></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {closeOffer === 'ready' ? <p><a class="button" href={`/reseau/chantiers/cycle/${key}?vers=closed`}>{ctx.t('network.vote.close_chantier')}</a></p> : null}
      {closeOffer === 'legacy' ? <p>{ctx.t('network.vote.legacy_first')}{' '}<a href={`/reseau/chantiers/modifier/${key}`}>{ctx.t('network.edit_fields')}</a></p> : null}
    </Layout>
  );
}

/** Whether a chantier's status lets a passed « close » decision lead to the lifecycle's close move. */
export const closable = (status: ChantierStatus) => status === 'active' || status === 'paused';
