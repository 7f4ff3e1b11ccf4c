import type { Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../../../core/http/context.ts';
import { Layout } from '../../../core/layout/Layout.tsx';
import { ChoiceGroup, Field, SelectField, TextAreaField, type FormState } from '../../../core/layout/components.tsx';
import type { ProjectRow } from '../store.ts';
import { MANDATE_AXES } from '../types.ts';
import { ExportLinks, InfoRow, EntityFormPage } from './common.tsx';
import { namedUrl, projectUrl } from './urls.ts';

const axisOptions = (ctx: RequestContext) => MANDATE_AXES.map((a) => [a, ctx.t(`network.axis.${a}`)] as const);

export function projectLabels(ctx: RequestContext): Record<string, string> {
  return {
    name: ctx.t('network.project.name'), organisations: ctx.t('network.project.organisations'), axes: ctx.t('network.project.axes'),
    collective: ctx.t('network.project.collective'), chantier: ctx.t('network.project.chantier'), start: ctx.t('network.project.start'), end: ctx.t('network.project.end'),
    outcomes: ctx.t('network.project.outcomes'), learnings: ctx.t('network.project.learnings'), partners: ctx.t('network.project.partners'),
    text: ctx.t('network.field.text'), summary: ctx.t('network.field.summary'),
  };
}

const Names = ({ ns, names }: { ns: string; names: string[] }): Raw => <>{names.map((n, i) => <>{i > 0 ? ', ' : ''}<a href={namedUrl(ns, n)}>{n}</a></>)}</>;

export function ProjectList({ ctx, rows, filter, query }: { ctx: RequestContext; rows: ProjectRow[]; filter: Record<string, string>; query: string }): Raw {
  const form: FormState = { values: filter, errors: {} };
  return (
    <Layout ctx={ctx} title={ctx.t('network.project.list')}>
      <h1>{ctx.t('network.project.list')}</h1>
      {ctx.abilities.has('network.contribute') ? <p><a class="button secondary" href="/reseau/projets/nouveau">{ctx.t('network.project.new')}</a></p> : null}
      <form method="get" action="/reseau/projets" class="filters" aria-label={ctx.t('network.filters')}>
        <SelectField ctx={ctx} form={form} name="axe" label={ctx.t('network.project.axes')} options={axisOptions(ctx)} required={false} empty={ctx.t('network.filter.all')} />
        <SelectField ctx={ctx} form={form} name="portee" label={ctx.t('network.project.collective')} options={[['individuel', ctx.t('network.project.individual_value')], ['collectif', ctx.t('network.project.collective_value')]]} required={false} empty={ctx.t('network.filter.all')} />
        <div class="field"><button type="submit" class="button secondary">{ctx.t('network.filter.apply')}</button></div>
      </form>
      <p role="status">{ctx.t('network.count', { n: rows.length })}</p>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{ctx.t('network.project.list')}</caption>
          <thead><tr><th scope="col">{ctx.t('network.project.name')}</th><th scope="col">{ctx.t('network.project.organisations')}</th><th scope="col">{ctx.t('network.project.axes')}</th><th scope="col">{ctx.t('network.project.collective')}</th></tr></thead>
          <tbody>
            {rows.map((p) => (
              <tr>
                <th scope="row"><a href={projectUrl(p.title)}>{p.name}</a></th>
                <td><Names ns="Organisation" names={p.organisations} /></td>
                <td>{p.axes.map((a) => ctx.t(`network.axis.${a}`)).join(', ')}</td>
                <td>{ctx.t(p.collective ? 'network.project.collective_value' : 'network.project.individual_value')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ExportLinks ctx={ctx} base="/reseau/projets" query={query} />
    </Layout>
  );
}

export function ProjectForm({ ctx, form, axes, editing, baseRevId }: { ctx: RequestContext; form: FormState; axes: ReadonlySet<string>; editing?: string; baseRevId?: number }): Raw {
  const heading = editing ? ctx.t('network.project.edit', { name: editing.replace(/_/g, ' ') }) : ctx.t('network.project.new');
  const action = editing ? `/reseau/projets/modifier/${encodeURIComponent(editing)}` : '/reseau/projets/nouveau';
  const labels = projectLabels(ctx);
  return (
    <EntityFormPage ctx={ctx} form={form} labels={labels} heading={heading} action={action} editing={editing} baseRevId={baseRevId}>
      <Field ctx={ctx} form={form} name="name" label={labels.name!} />
      <TextAreaField ctx={ctx} form={form} name="organisations" label={labels.organisations!} hint={ctx.t('network.project.organisations_hint')} rows={3} />
      <ChoiceGroup ctx={ctx} form={form} name="axes" legend={labels.axes!} hint={ctx.t('network.project.axes_hint')} options={axisOptions(ctx)} checked={axes} />
      <SelectField ctx={ctx} form={form} name="collective" label={labels.collective!} options={[['individual', ctx.t('network.project.individual_value')], ['collective', ctx.t('network.project.collective_value')]]} />
      <Field ctx={ctx} form={form} name="chantier" label={labels.chantier!} required={false} />
      <fieldset>
        <legend>{ctx.t('network.project.period')}</legend>
        <Field ctx={ctx} form={form} name="start" label={labels.start!} required={false} hint={ctx.t('network.hint.date')} />
        <Field ctx={ctx} form={form} name="end" label={labels.end!} required={false} hint={ctx.t('network.hint.date')} />
      </fieldset>
      <TextAreaField ctx={ctx} form={form} name="outcomes" label={labels.outcomes!} hint={ctx.t('network.hint.one_per_line')} />
      <TextAreaField ctx={ctx} form={form} name="learnings" label={labels.learnings!} hint={ctx.t('network.hint.one_per_line')} />
      <TextAreaField ctx={ctx} form={form} name="partners" label={labels.partners!} hint={ctx.t('network.hint.one_per_line')} rows={3} />
    </EntityFormPage>
  );
}

export function ProjectInfobox({ ctx, p, problems }: { ctx: RequestContext; p: ProjectRow; problems: boolean }): Raw {
  const period = p.start ? (p.end ? ctx.t('network.period', { start: p.start, end: p.end }) : p.start) : '';
  return (
    <table class="infobox">
      <caption>{p.name}</caption>
      <tbody>
        <InfoRow label={ctx.t('network.project.organisations')}>{p.organisations.length ? <Names ns="Organisation" names={p.organisations} /> : null}</InfoRow>
        <InfoRow label={ctx.t('network.project.axes')}>{p.axes.map((a) => ctx.t(`network.axis.${a}`)).join(', ')}</InfoRow>
        <InfoRow label={ctx.t('network.project.collective')}>{ctx.t(p.collective ? 'network.project.collective_value' : 'network.project.individual_value')}</InfoRow>
        <InfoRow label={ctx.t('network.project.chantier')}>{p.chantier ? <a href={namedUrl('Chantier', p.chantier)}>{p.chantier}</a> : null}</InfoRow>
        <InfoRow label={ctx.t('network.project.period')}>{period}</InfoRow>
        <InfoRow label={ctx.t('network.project.outcomes')}>{p.outcomes.length ? <ul>{p.outcomes.map((o) => <li>{o}</li>)}</ul> : null}</InfoRow>
        <InfoRow label={ctx.t('network.project.learnings')}>{p.learnings.length ? <ul>{p.learnings.map((o) => <li>{o}</li>)}</ul> : null}</InfoRow>
        <InfoRow label={ctx.t('network.project.partners')}>{p.partners.join(', ')}</InfoRow>
        {problems ? <tr><td colspan="2" class="muted">{ctx.t('network.fields.problems')}</td></tr> : null}
        {ctx.abilities.has('network.contribute') ? <tr><td colspan="2"><a href={`/reseau/projets/modifier/${encodeURIComponent(p.title)}`}>{ctx.t('network.edit_fields')}</a></td></tr> : null}
      </tbody>
    </table>
  );
}
