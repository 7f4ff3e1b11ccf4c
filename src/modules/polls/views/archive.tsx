import type { Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../../../core/http/context.ts';
import { formatDateLong } from '../../../core/i18n/index.ts';
import type { Poll, PollResults } from '../types.ts';
import { ResultsFigure } from './charts.tsx';
import { pollUrl, resultsUrl } from './urls.ts';

/**
 * The polls of a page (a rencontre's): closed ones archived as chart and table, open ones as a
 * link to answer. Headings start at level 2, under the page's own title.
 */
export function PollArchive({ ctx, polls }: { ctx: RequestContext; polls: Array<{ poll: Poll; results: PollResults }> }): Raw | null {
  if (polls.length === 0) return null;
  return (
    <section class="poll-archive" aria-labelledby="poll-archive-heading">
      <h2 id="poll-archive-heading">{ctx.t('polls.archive.heading')}</h2>
      {polls.map(({ poll, results }) => (
        <article class="poll-archived">
          <h3>{poll.question}</h3>
          {poll.status === 'open'
            ? <p><a href={pollUrl(poll)}>{ctx.t('polls.archive.answer_now', { code: poll.code })}</a></p>
            : <>
                {poll.closedAt ? <p class="hint">{ctx.t('polls.archive.closed_on', { date: formatDateLong(poll.closedAt, ctx.locale) })}</p> : null}
                <ResultsFigure ctx={ctx} poll={poll} results={results} />
                <p><a href={resultsUrl(poll)}>{ctx.t('polls.results.see')}</a></p>
              </>}
        </article>
      ))}
    </section>
  );
}
