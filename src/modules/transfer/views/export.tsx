import type { Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../../../core/http/context.ts';
import { Layout } from '../../../core/layout/Layout.tsx';
import { Alert, ChoiceGroup, EMPTY_FORM, SubmitButton } from '../../../core/layout/components.tsx';
import { NAMESPACES } from '../../markup/index.ts';
import type { ExportTarget } from '../export/writer.ts';

/** Spécial:Exporter: titles or a namespace, current version or whole history (a GET form: exporting changes nothing). */
export function ExportPage({ ctx, values, empty }: { ctx: RequestContext; values: { pages: string; namespace: string; history: boolean; target: ExportTarget }; empty: boolean }): Raw {
  const heading = ctx.t('transfer.export.heading');
  return (
    <Layout ctx={ctx} title={heading}>
      <h1 id="firstHeading">{heading}</h1>
      <p>{ctx.t('transfer.export.intro')}</p>
      {empty ? <Alert>{ctx.t('transfer.export.empty')}</Alert> : null}
      <form method="get" action="/wiki/Sp%C3%A9cial:Exporter" class="stack">
        <input type="hidden" name="action" value="submit" />
        <div class="field">
          <label for="f-pages">{ctx.t('transfer.export.titles')}</label>
          <textarea id="f-pages" name="pages" rows="8" cols="60">{values.pages}</textarea>
        </div>
        <div class="field">
          <label for="f-namespace">{ctx.t('transfer.export.namespace')}</label>
          <select id="f-namespace" name="namespace">
            <option value="" selected={values.namespace === ''}>{ctx.t('transfer.export.no_namespace')}</option>
            {NAMESPACES.filter((n) => n.id >= 0).map((n) => <option value={String(n.id)} selected={values.namespace === String(n.id)}>{n.id === 0 ? ctx.t('special.main_namespace') : n.name}</option>)}
          </select>
        </div>
        <div class="field">
          <input id="f-history" name="history" type="checkbox" value="1" checked={values.history} />{' '}
          <label for="f-history">{ctx.t('transfer.export.history')}</label>
        </div>
        <ChoiceGroup
          ctx={ctx} form={EMPTY_FORM} name="for" type="radio" legend={ctx.t('transfer.export.target')} checked={new Set([values.target])}
          options={[['mediawiki', ctx.t('transfer.export.target.mediawiki')], ['maillage', ctx.t('transfer.export.target.maillage')]]}
        />
        <SubmitButton>{ctx.t('transfer.export.submit')}</SubmitButton>
      </form>
    </Layout>
  );
}
