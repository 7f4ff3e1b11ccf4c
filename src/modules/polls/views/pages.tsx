import type { Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../../../core/http/context.ts';
import { formatDateTime } from '../../../core/i18n/index.ts';
import { Layout } from '../../../core/layout/Layout.tsx';
import { ChoiceGroup, CsrfField, ErrorSummary, Field, formTitle, Notice, SubmitButton, TextAreaField, type FormState } from '../../../core/layout/components.tsx';
import type { AnswerRow } from '../store.ts';
import { WORDS_MAX, type Poll, type PollResults } from '../types.ts';
import { ResultsFigure } from './charts.tsx';
import { manageUrl, pageUrl, pollUrl, resultsUrl, streamUrl } from './urls.ts';

const ISLAND = { scripts: ['/assets/islands/polls.js'] };

export function answerLabels(ctx: RequestContext): Record<string, string> {
  return { choice: ctx.t('polls.answer.choice'), words: ctx.t('polls.answer.words') };
}

function Context({ poll }: { poll: Poll }): Raw | null {
  const href = pageUrl(poll);
  if (!href && !poll.context) return null;
  return (
    <p class="poll-context">
      {href ? <a href={href}>{poll.pageTitle}</a> : null}
      {href && poll.context ? ' · ' : null}
      {poll.context || null}
    </p>
  );
}

function StatusLine({ ctx, poll }: { ctx: RequestContext; poll: Poll }): Raw {
  return <p class={`poll-status poll-status-${poll.status}`}>{ctx.t(`polls.status.${poll.status}`)}</p>;
}

function AnswerForm({ ctx, poll, form }: { ctx: RequestContext; poll: Poll; form: FormState }): Raw {
  const checked = new Set((form.values.choice ?? '').split(',').filter(Boolean));
  const options = poll.options.map((o, i) => [String(i), o] as const);
  return (
    <form method="post" action={pollUrl(poll)} class="poll-answer" novalidate>
      <CsrfField ctx={ctx} />
      {poll.kind === 'words'
        ? <TextAreaField ctx={ctx} form={form} name="words" label={poll.question} hint={ctx.t('polls.answer.words_hint', { max: WORDS_MAX })} required rows={2} maxlength={WORDS_MAX} />
        : <ChoiceGroup class="poll-choices" ctx={ctx} form={form} name="choice" legend={poll.question} type={poll.kind === 'multiple' ? 'checkbox' : 'radio'} options={options} checked={checked}
            hint={poll.kind === 'multiple' ? ctx.t('polls.answer.multiple_hint') : poll.kind === 'scale' ? ctx.t('polls.answer.scale_hint', { max: poll.options.length }) : undefined} />}
      <p class="hint">{ctx.t('polls.answer.once_per_device')}</p>
      <SubmitButton>{ctx.t('polls.answer.submit')}</SubmitButton>
    </form>
  );
}

/** The participant's page (/sondage/CODE): the question and its form while the poll is open. */
export function AnswerPage({ ctx, poll, form, previous, saved }: { ctx: RequestContext; poll: Poll; form: FormState; previous: AnswerRow | undefined; saved: boolean }): Raw {
  const filled: FormState = form.values.choice !== undefined || form.values.words !== undefined || !previous
    ? form
    : { ...form, values: { choice: previous.choices.join(','), words: previous.words } };
  return (
    <Layout ctx={ctx} title={formTitle(ctx, poll.question, form)}>
      <p class="poll-kicker">{ctx.t('polls.answer.kicker', { code: poll.code })}</p>
      <h1>{poll.question}</h1>
      <Context poll={poll} />
      {saved ? <Notice>{ctx.t('polls.answer.saved')}</Notice> : null}
      <ErrorSummary ctx={ctx} form={form} labels={answerLabels(ctx)} />
      {poll.status === 'open'
        ? <>
            {previous && !saved ? <p class="notice">{ctx.t('polls.answer.already')}</p> : null}
            <AnswerForm ctx={ctx} poll={poll} form={filled} />
          </>
        : <p>{ctx.t(poll.status === 'draft' ? 'polls.answer.not_open' : 'polls.answer.closed')}</p>}
      {poll.status !== 'draft' ? <p><a href={resultsUrl(poll)}>{ctx.t('polls.results.see')}</a></p> : null}
    </Layout>
  );
}

/** The live part of a results page: the island replaces `#poll-results` when the stream says so. */
function LiveResults({ ctx, poll, results }: { ctx: RequestContext; poll: Poll; results: PollResults }): Raw {
  return (
    <div class="poll-live" data-poll-stream={poll.status === 'open' ? streamUrl(poll) : undefined} data-poll-version={poll.version}>
      <div id="poll-results">
        <ResultsFigure ctx={ctx} poll={poll} results={results} />
      </div>
      <p class="visually-hidden" role="status" id="poll-live-status" data-updated={ctx.t('polls.live.updated')} data-closed={ctx.t('polls.live.closed')}></p>
    </div>
  );
}

/** Results (/sondage/CODE/resultats): updated live by the island, or by the refresh link without script. */
export function ResultsPage({ ctx, poll, results }: { ctx: RequestContext; poll: Poll; results: PollResults }): Raw {
  return (
    <Layout ctx={ctx} title={ctx.t('polls.results.title', { question: poll.question })} {...(poll.status === 'open' ? ISLAND : {})}>
      <p class="poll-kicker">{ctx.t('polls.results.kicker')}</p>
      <h1>{poll.question}</h1>
      <Context poll={poll} />
      <StatusLine ctx={ctx} poll={poll} />
      <LiveResults ctx={ctx} poll={poll} results={results} />
      <p class="poll-actions">
        {poll.status === 'open' ? <a class="button secondary" href={resultsUrl(poll)}>{ctx.t('polls.results.refresh')}</a> : null}
        {poll.status === 'open' ? <> <a href={pollUrl(poll)}>{ctx.t('polls.results.answer')}</a></> : null}
        {ctx.abilities.has('polls.manage') ? <> <a href={manageUrl(poll)}>{ctx.t('polls.manage.link')}</a></> : null}
      </p>
    </Layout>
  );
}

/** Where a participant types the code shown on screen (/sondage). */
export function CodePage({ ctx, form }: { ctx: RequestContext; form: FormState }): Raw {
  return (
    <Layout ctx={ctx} title={formTitle(ctx, ctx.t('polls.code.title'), form)}>
      <h1>{ctx.t('polls.code.title')}</h1>
      <ErrorSummary ctx={ctx} form={form} labels={{ code: ctx.t('polls.code.label') }} />
      <form method="get" action="/sondage" class="poll-code-form" novalidate>
        <Field ctx={ctx} form={form} name="code" label={ctx.t('polls.code.label')} hint={ctx.t('polls.code.hint')} autocomplete="off" />
        <SubmitButton>{ctx.t('polls.code.submit')}</SubmitButton>
      </form>
    </Layout>
  );
}

/** Coordination's page for one poll: how to join, open or close, and the live results. */
export function ManagePage({ ctx, poll, results, publicUrl }: { ctx: RequestContext; poll: Poll; results: PollResults; publicUrl: string }): Raw {
  const link = `${publicUrl}${pollUrl(poll)}`;
  return (
    <Layout ctx={ctx} title={ctx.t('polls.manage.title', { question: poll.question })} {...(poll.status === 'open' ? ISLAND : {})}>
      {ctx.notice ? <Notice>{ctx.t(ctx.notice)}</Notice> : null}
      <p class="poll-kicker"><a href="/sondages">{ctx.t('polls.list.title')}</a></p>
      <h1>{poll.question}</h1>
      <Context poll={poll} />
      <StatusLine ctx={ctx} poll={poll} />
      <div class="poll-join">
        <p>{ctx.t('polls.manage.join')}</p>
        <p class="poll-code"><span aria-hidden="true">{poll.code}</span><span class="visually-hidden">{ctx.t('polls.manage.code_label', { code: poll.code.split('').join(' ') })}</span></p>
        <p><a href={pollUrl(poll)}>{link}</a></p>
      </div>
      <form method="post" action={`${manageUrl(poll)}/${poll.status === 'open' ? 'fermer' : 'ouvrir'}`} class="inline-form">
        <CsrfField ctx={ctx} />
        <button type="submit" class="button">{ctx.t(poll.status === 'open' ? 'polls.manage.close' : poll.status === 'closed' ? 'polls.manage.reopen' : 'polls.manage.open')}</button>
      </form>
      <h2>{ctx.t('polls.results.heading')}</h2>
      <LiveResults ctx={ctx} poll={poll} results={results} />
      <p><a href={resultsUrl(poll)}>{ctx.t('polls.results.see')}</a></p>
    </Layout>
  );
}

/** Every poll for coordination; the closed ones (the archive) for everyone else. */
export function ListPage({ ctx, polls }: { ctx: RequestContext; polls: Poll[] }): Raw {
  const manage = ctx.abilities.has('polls.manage');
  return (
    <Layout ctx={ctx} title={ctx.t('polls.list.title')}>
      {ctx.notice ? <Notice>{ctx.t(ctx.notice)}</Notice> : null}
      <h1>{ctx.t('polls.list.title')}</h1>
      <p><a href="/sondage">{ctx.t('polls.code.title')}</a></p>
      {manage ? <p><a class="button" href="/sondages/nouveau">{ctx.t('polls.create.title')}</a></p> : null}
      {polls.length === 0 ? <p>{ctx.t('polls.list.empty')}</p> : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{ctx.t('polls.list.title')}</caption>
            <thead><tr>
              <th scope="col">{ctx.t('polls.field.question')}</th><th scope="col">{ctx.t('polls.field.kind')}</th>
              <th scope="col">{ctx.t('polls.list.status')}</th><th scope="col">{ctx.t('polls.list.code')}</th>
              <th scope="col">{ctx.t('polls.field.page')}</th><th scope="col">{ctx.t('polls.list.created')}</th>
            </tr></thead>
            <tbody>
              {polls.map((p) => (
                <tr>
                  <th scope="row"><a href={manage ? manageUrl(p) : resultsUrl(p)}>{p.question}</a></th>
                  <td>{ctx.t(`polls.kind.${p.kind}`)}</td>
                  <td>{ctx.t(`polls.status.${p.status}`)}</td>
                  <td><code>{p.code}</code></td>
                  <td>{pageUrl(p) ? <a href={pageUrl(p)}>{p.pageTitle}</a> : p.context}</td>
                  <td>{formatDateTime(p.createdAt, ctx.locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export function createLabels(ctx: RequestContext): Record<string, string> {
  return {
    question: ctx.t('polls.field.question'), kind: ctx.t('polls.field.kind'), options: ctx.t('polls.field.options'),
    scale_max: ctx.t('polls.field.scale_max'), page: ctx.t('polls.field.page'), context: ctx.t('polls.field.context'),
  };
}
