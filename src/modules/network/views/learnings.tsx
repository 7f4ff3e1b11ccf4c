import type { Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../../../core/http/context.ts';
import { Layout } from '../../../core/layout/Layout.tsx';
import { Field, SelectField, TextAreaField, type FormState } from '../../../core/layout/components.tsx';
import type { LearningRow } from '../store.ts';
import { LEARNING_KINDS, REFLECTION_AXES } from '../types.ts';
import { ExportLinks, InfoRow, EntityFormPage } from './common.tsx';
import { learningUrl, namedUrl } from './urls.ts';

const axisOptions = (ctx: RequestContext) => REFLECTION_AXES.map((a) => [a, ctx.t(`network.reflection.${a}`)] as const);
const kindOptions = (ctx: RequestContext) => LEARNING_KINDS.map((k) => [k, ctx.t(`network.learning.kind.${k}`)] as const);

export function learningLabels(ctx: RequestContext): Record<string, string> {
  return {
    name: ctx.t('network.learning.name'), statement: ctx.t('network.learning.statement'), axis: ctx.t('network.learning.axis'), kind: ctx.t('network.learning.kind'),
    rencontre: ctx.t('network.learning.rencontre'), organisations: ctx.t('network.project.organisations'), text: ctx.t('network.field.text'), summary: ctx.t('network.field.summary'),
  };
}

export function LearningList({ ctx, rows, filter, query }: { ctx: RequestContext; rows: LearningRow[]; filter: Record<string, string>; query: string }): Raw {
  const form: FormState = { values: filter, errors: {} };
  return (
    <Layout ctx={ctx} title={ctx.t('network.learning.list')}>
      <h1>{ctx.t('network.learning.list')}</h1>
      {ctx.abilities.has('network.contribute') ? <p><a class="button secondary" href="/reseau/apprentissages/nouveau">{ctx.t('network.learning.new')}</a></p> : null}
      <form method="get" action="/reseau/apprentissages" class="filters" aria-label={ctx.t('network.filters')}>
        <SelectField ctx={ctx} form={form} name="axe" label={ctx.t('network.learning.axis')} options={axisOptions(ctx)} required={false} empty={ctx.t('network.filter.all')} />
        <SelectField ctx={ctx} form={form} name="type" label={ctx.t('network.learning.kind')} options={kindOptions(ctx)} required={false} empty={ctx.t('network.filter.all')} />
        <div class="field"><button type="submit" class="button secondary">{ctx.t('network.filter.apply')}</button></div>
      </form>
      <p role="status">{ctx.t('network.count', { n: rows.length })}</p>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{ctx.t('network.learning.list')}</caption>
          <thead><tr><th scope="col">{ctx.t('network.learning.name')}</th><th scope="col">{ctx.t('network.learning.axis')}</th><th scope="col">{ctx.t('network.learning.kind')}</th><th scope="col">{ctx.t('network.learning.rencontre')}</th></tr></thead>
          <tbody>
            {rows.map((l) => (
              <tr>
                <th scope="row"><a href={learningUrl(l.title)}>{l.name}</a></th>
                <td>{l.axis ? ctx.t(`network.reflection.${l.axis}`) : ''}</td>
                <td>{l.kind ? ctx.t(`network.learning.kind.${l.kind}`) : ''}</td>
                <td>{l.rencontre ? <a href={namedUrl('Rencontre', l.rencontre)}>{l.rencontre}</a> : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ExportLinks ctx={ctx} base="/reseau/apprentissages" query={query} />
    </Layout>
  );
}

export function LearningForm({ ctx, form, editing, baseRevId }: { ctx: RequestContext; form: FormState; editing?: string; baseRevId?: number }): Raw {
  const heading = editing ? ctx.t('network.learning.edit', { name: editing.replace(/_/g, ' ') }) : ctx.t('network.learning.new');
  const action = editing ? `/reseau/apprentissages/modifier/${encodeURIComponent(editing)}` : '/reseau/apprentissages/nouveau';
  const labels = learningLabels(ctx);
  return (
    <EntityFormPage ctx={ctx} form={form} labels={labels} heading={heading} action={action} editing={editing} baseRevId={baseRevId}>
      <Field ctx={ctx} form={form} name="name" label={labels.name!} hint={ctx.t('network.learning.name_hint')} />
      <TextAreaField ctx={ctx} form={form} name="statement" label={labels.statement!} required rows={3} />
      <SelectField ctx={ctx} form={form} name="axis" label={labels.axis!} options={axisOptions(ctx)} empty={ctx.t('network.choose')} />
      <SelectField ctx={ctx} form={form} name="kind" label={labels.kind!} options={kindOptions(ctx)} empty={ctx.t('network.choose')} />
      <Field ctx={ctx} form={form} name="rencontre" label={labels.rencontre!} required={false} hint={ctx.t('network.learning.rencontre_hint')} />
      <TextAreaField ctx={ctx} form={form} name="organisations" label={labels.organisations!} hint={ctx.t('network.project.organisations_hint')} rows={3} />
    </EntityFormPage>
  );
}

export function LearningInfobox({ ctx, l, problems }: { ctx: RequestContext; l: LearningRow; problems: boolean }): Raw {
  return (
    <table class="infobox">
      <caption>{l.name}</caption>
      <tbody>
        <InfoRow label={ctx.t('network.learning.statement')}>{l.statement}</InfoRow>
        <InfoRow label={ctx.t('network.learning.axis')}>{l.axis ? ctx.t(`network.reflection.${l.axis}`) : null}</InfoRow>
        <InfoRow label={ctx.t('network.learning.kind')}>{l.kind ? ctx.t(`network.learning.kind.${l.kind}`) : null}</InfoRow>
        <InfoRow label={ctx.t('network.learning.rencontre')}>{l.rencontre ? <a href={namedUrl('Rencontre', l.rencontre)}>{l.rencontre}</a> : null}</InfoRow>
        <InfoRow label={ctx.t('network.project.organisations')}>{l.organisations.length ? <>{l.organisations.map((n, i) => <>{i > 0 ? ', ' : ''}<a href={namedUrl('Organisation', n)}>{n}</a></>)}</> : null}</InfoRow>
        {problems ? <tr><td colspan="2" class="muted">{ctx.t('network.fields.problems')}</td></tr> : null}
        {ctx.abilities.has('network.contribute') ? <tr><td colspan="2"><a href={`/reseau/apprentissages/modifier/${encodeURIComponent(l.title)}`}>{ctx.t('network.edit_fields')}</a></td></tr> : null}
      </tbody>
    </table>
  );
}
