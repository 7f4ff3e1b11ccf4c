import { raw, type Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../../../core/http/context.ts';
import type { DiffRow } from '../diff.ts';

/** Side-by-side diff; removed words in <del>, added in <ins>, as MediaWiki's diff table. */
export function DiffTable({ ctx, rows, oldLabel, newLabel }: { ctx: RequestContext; rows: DiffRow[]; oldLabel: string; newLabel: string }): Raw {
  if (rows.length === 0) return <p class="muted">{ctx.t('wiki.diff.identical')}</p>;
  return (
    <div class="table-wrap">
      <table class="diff">
        <caption class="visually-hidden">{ctx.t('wiki.diff.caption')}</caption>
        <thead>
          <tr><th scope="col">{oldLabel}</th><th scope="col">{newLabel}</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            if (r.kind === 'gap') return <tr class="diff-gap"><td colspan="2">{ctx.t('wiki.diff.line', { old: r.oldLine, new: r.newLine })}</td></tr>;
            if (r.kind === 'context') return <tr><td class="diff-context">{raw(r.html)}</td><td class="diff-context">{raw(r.html)}</td></tr>;
            return (
              <tr>
                <td class={r.oldHtml === null ? 'diff-empty' : 'diff-deletedline'}>{r.oldHtml === null ? '' : raw(r.oldHtml)}</td>
                <td class={r.newHtml === null ? 'diff-empty' : 'diff-addedline'}>{r.newHtml === null ? '' : raw(r.newHtml)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
