import type { Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../../../core/http/context.ts';
import { Layout } from '../../../core/layout/Layout.tsx';
import { Field, SelectField, TextAreaField, type FormState } from '../../../core/layout/components.tsx';
import { REGIONS, regionLabel } from '../regions.ts';
import type { Person } from '../person.ts';
import type { OrganisationRow } from '../store.ts';
import { ORGANISATION_KINDS } from '../types.ts';
import { ExportLinks, InfoRow, EntityFormPage } from './common.tsx';
import { orgUrl, personUrl } from './urls.ts';

export const regionOptions = REGIONS.map(([code, name]) => [code, `${code} – ${name}`] as const);
const kindOptions = (ctx: RequestContext) => ORGANISATION_KINDS.map((k) => [k, ctx.t(`network.org.kind.${k}`)] as const);

export function orgLabels(ctx: RequestContext): Record<string, string> {
  return {
    name: ctx.t('network.org.name'), kind: ctx.t('network.org.kind'), region: ctx.t('network.org.region'), sectors: ctx.t('network.org.sectors'),
    website: ctx.t('network.org.website'), wikidata: ctx.t('network.org.wikidata'), text: ctx.t('network.field.text'), summary: ctx.t('network.field.summary'),
  };
}

export function OrganisationList({ ctx, rows, filter, sectors, query }: { ctx: RequestContext; rows: OrganisationRow[]; filter: Record<string, string>; sectors: string[]; query: string }): Raw {
  const form: FormState = { values: filter, errors: {} };
  return (
    <Layout ctx={ctx} title={ctx.t('network.org.list')}>
      <h1>{ctx.t('network.org.list')}</h1>
      {ctx.abilities.has('network.contribute') ? <p><a class="button secondary" href="/reseau/organisations/nouvelle">{ctx.t('network.org.new')}</a></p> : null}
      <form method="get" action="/reseau/organisations" class="filters" aria-label={ctx.t('network.filters')}>
        <SelectField ctx={ctx} form={form} name="region" label={ctx.t('network.org.region')} options={regionOptions} required={false} empty={ctx.t('network.filter.all')} />
        <SelectField ctx={ctx} form={form} name="type" label={ctx.t('network.org.kind')} options={kindOptions(ctx)} required={false} empty={ctx.t('network.filter.all')} />
        <SelectField ctx={ctx} form={form} name="secteur" label={ctx.t('network.org.sector')} options={sectors.map((s) => [s, s] as const)} required={false} empty={ctx.t('network.filter.all')} />
        <div class="field"><button type="submit" class="button secondary">{ctx.t('network.filter.apply')}</button></div>
      </form>
      <p role="status">{ctx.t('network.count', { n: rows.length })}</p>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{ctx.t('network.org.list')}</caption>
          <thead><tr>
            <th scope="col">{ctx.t('network.org.name')}</th><th scope="col">{ctx.t('network.org.kind')}</th>
            <th scope="col">{ctx.t('network.org.region')}</th><th scope="col">{ctx.t('network.org.sectors')}</th>
          </tr></thead>
          <tbody>
            {rows.map((o) => (
              <tr>
                <th scope="row"><a href={orgUrl(o.title)}>{o.name}</a></th>
                <td>{ctx.t(`network.org.kind.${o.kind}`)}</td>
                <td>{regionLabel(o.region) ?? ''}</td>
                <td>{o.sectors.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ExportLinks ctx={ctx} base="/reseau/organisations" query={query} />
    </Layout>
  );
}

export function OrganisationForm({ ctx, form, editing, baseRevId }: { ctx: RequestContext; form: FormState; editing?: string; baseRevId?: number }): Raw {
  const heading = editing ? ctx.t('network.org.edit', { name: editing.replace(/_/g, ' ') }) : ctx.t('network.org.new');
  const action = editing ? `/reseau/organisations/modifier/${encodeURIComponent(editing)}` : '/reseau/organisations/nouvelle';
  const labels = orgLabels(ctx);
  return (
    <EntityFormPage ctx={ctx} form={form} labels={labels} heading={heading} action={action} editing={editing} baseRevId={baseRevId}>
      <Field ctx={ctx} form={form} name="name" label={labels.name!} />
      <SelectField ctx={ctx} form={form} name="kind" label={labels.kind!} options={kindOptions(ctx)} />
      <SelectField ctx={ctx} form={form} name="region" label={labels.region!} options={regionOptions} required={false} empty={ctx.t('network.none')} />
      <TextAreaField ctx={ctx} form={form} name="sectors" label={labels.sectors!} hint={ctx.t('network.hint.one_per_line')} rows={3} />
      <Field ctx={ctx} form={form} name="website" label={labels.website!} required={false} hint={ctx.t('network.org.website_hint')} autocomplete="url" />
      <Field ctx={ctx} form={form} name="wikidata" label={labels.wikidata!} required={false} hint={ctx.t('network.org.wikidata_hint')} />
    </EntityFormPage>
  );
}

/** The infobox at the top of an Organisation: page. `hosted`: the people it hosts that this reader may see. */
export function OrganisationInfobox({ ctx, o, hosted, problems }: { ctx: RequestContext; o: OrganisationRow; hosted: Person[]; problems: boolean }): Raw {
  return (
    <table class="infobox">
      <caption>{o.name}</caption>
      <tbody>
        <InfoRow label={ctx.t('network.org.kind')}>{ctx.t(`network.org.kind.${o.kind}`)}</InfoRow>
        <InfoRow label={ctx.t('network.org.region')}>{regionLabel(o.region)}</InfoRow>
        <InfoRow label={ctx.t('network.org.sectors')}>{o.sectors.join(', ')}</InfoRow>
        <InfoRow label={ctx.t('network.org.website')}>{o.website ? <a href={o.website} rel="nofollow noopener" class="external">{o.website.replace(/^https?:\/\//, '')}</a> : null}</InfoRow>
        <InfoRow label={ctx.t('network.org.wikidata')}>{o.wikidata ? <a href={`https://www.wikidata.org/wiki/${o.wikidata}`} rel="nofollow noopener" class="external">{o.wikidata}</a> : null}</InfoRow>
        <InfoRow label={ctx.t('network.org.hosts')}>
          {hosted.length > 0 ? (
            <ul>{hosted.map((p) => <li><a href={personUrl(p.slug)}>{p.name}</a>{p.hosts.length > 1 ? ` (${ctx.t('network.person.shared')})` : ''}</li>)}</ul>
          ) : null}
        </InfoRow>
        {problems ? <tr><td colspan="2" class="muted">{ctx.t('network.fields.problems')}</td></tr> : null}
        {ctx.abilities.has('network.contribute') ? <tr><td colspan="2"><a href={`/reseau/organisations/modifier/${encodeURIComponent(o.title)}`}>{ctx.t('network.edit_fields')}</a></td></tr> : null}
      </tbody>
    </table>
  );
}
