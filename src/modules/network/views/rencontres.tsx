import type { Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../../../core/http/context.ts';
import { formatDateLong } from '../../../core/i18n/index.ts';
import { Layout } from '../../../core/layout/Layout.tsx';
import { Field, SelectField, TextAreaField, type FormState } from '../../../core/layout/components.tsx';
import type { RencontreFields } from '../rencontre.ts';
import type { RencontreRow } from '../store.ts';
import { ExportLinks, InfoRow, EntityFormPage } from './common.tsx';
import { rencontreUrl } from './urls.ts';

export function rencontreLabels(ctx: RequestContext): Record<string, string> {
  return {
    name: ctx.t('network.rencontre.name'), start: ctx.t('network.rencontre.start'), end: ctx.t('network.rencontre.end'), place: ctx.t('network.rencontre.place'),
    online: ctx.t('network.rencontre.online'), objectives: ctx.t('network.rencontre.objectives'), programme: ctx.t('network.rencontre.programme'),
    summaries: ctx.t('network.rencontre.summaries'), recording: ctx.t('network.rencontre.recording'), documents: ctx.t('network.rencontre.documents'),
    text: ctx.t('network.field.text'), summary: ctx.t('network.field.summary'),
  };
}

/** « du 10 au 12 mars 2020 » style, from the two long dates. */
export function period(ctx: RequestContext, f: Pick<RencontreFields, 'start' | 'end'>): string {
  if (!f.start) return '';
  const day = (iso: string) => formatDateLong(Date.parse(`${iso}T12:00:00Z`), ctx.locale, 'UTC');
  return f.end && f.end !== f.start ? ctx.t('network.rencontre.period', { start: day(f.start), end: day(f.end) }) : day(f.start);
}

export function RencontreList({ ctx, rows, filter, query }: { ctx: RequestContext; rows: RencontreRow[]; filter: Record<string, string>; query: string }): Raw {
  const form: FormState = { values: filter, errors: {} };
  return (
    <Layout ctx={ctx} title={ctx.t('network.rencontre.list')}>
      <h1>{ctx.t('network.rencontre.list')}</h1>
      {ctx.abilities.has('network.contribute') ? <p><a class="button secondary" href="/reseau/rencontres/nouvelle">{ctx.t('network.rencontre.new')}</a></p> : null}
      <form method="get" action="/reseau/rencontres" class="filters" aria-label={ctx.t('network.filters')}>
        <SelectField ctx={ctx} form={form} name="quand" label={ctx.t('network.rencontre.when')} options={[['a-venir', ctx.t('network.rencontre.upcoming')], ['passees', ctx.t('network.rencontre.past')]]} required={false} empty={ctx.t('network.filter.all')} />
        <SelectField ctx={ctx} form={form} name="format" label={ctx.t('network.rencontre.format')} options={[['en-ligne', ctx.t('network.rencontre.online_short')], ['sur-place', ctx.t('network.rencontre.in_person')]]} required={false} empty={ctx.t('network.filter.all')} />
        <div class="field"><button type="submit" class="button secondary">{ctx.t('network.filter.apply')}</button></div>
      </form>
      <p role="status">{ctx.t('network.count', { n: rows.length })}</p>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{ctx.t('network.rencontre.list')}</caption>
          <thead><tr><th scope="col">{ctx.t('network.rencontre.name')}</th><th scope="col">{ctx.t('network.rencontre.dates')}</th><th scope="col">{ctx.t('network.rencontre.place')}</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <th scope="row"><a href={rencontreUrl(r.title)}>{r.name}</a></th>
                <td>{r.start ? <time datetime={r.start}>{period(ctx, r)}</time> : ''}</td>
                <td>{[r.place, r.online ? ctx.t('network.rencontre.online_short') : ''].filter(Boolean).join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ExportLinks ctx={ctx} base="/reseau/rencontres" query={query} />
      <p><a href="/reseau/rencontres.ics" type="text/calendar">{ctx.t('network.rencontre.ical')}</a></p>
    </Layout>
  );
}

export function RencontreForm({ ctx, form, editing, baseRevId }: { ctx: RequestContext; form: FormState; editing?: string; baseRevId?: number }): Raw {
  const heading = editing ? ctx.t('network.rencontre.edit', { name: editing.replace(/_/g, ' ') }) : ctx.t('network.rencontre.new');
  const action = editing ? `/reseau/rencontres/modifier/${encodeURIComponent(editing)}` : '/reseau/rencontres/nouvelle';
  const labels = rencontreLabels(ctx);
  return (
    <EntityFormPage ctx={ctx} form={form} labels={labels} heading={heading} action={action} editing={editing} baseRevId={baseRevId}>
      <Field ctx={ctx} form={form} name="name" label={labels.name!} />
      <fieldset>
        <legend>{ctx.t('network.rencontre.dates')}</legend>
        <Field ctx={ctx} form={form} name="start" label={labels.start!} hint={ctx.t('network.hint.date')} />
        <Field ctx={ctx} form={form} name="end" label={labels.end!} required={false} hint={ctx.t('network.rencontre.end_hint')} />
      </fieldset>
      <Field ctx={ctx} form={form} name="place" label={labels.place!} required={false} />
      <div class="choice">
        <input type="checkbox" id="f-online" name="online" value="yes" checked={form.values.online === 'yes'} />
        <label for="f-online">{labels.online}</label>
      </div>
      <TextAreaField ctx={ctx} form={form} name="objectives" label={labels.objectives!} hint={ctx.t('network.hint.one_per_line')} />
      <TextAreaField ctx={ctx} form={form} name="programme" label={labels.programme!} hint={ctx.t('network.rencontre.programme_hint')} rows={6} />
      <TextAreaField ctx={ctx} form={form} name="summaries" label={labels.summaries!} hint={ctx.t('network.rencontre.summaries_hint')} />
      <Field ctx={ctx} form={form} name="recording" label={labels.recording!} required={false} hint={ctx.t('network.org.website_hint')} />
      <TextAreaField ctx={ctx} form={form} name="documents" label={labels.documents!} hint={ctx.t('network.rencontre.documents_hint')} rows={3} />
    </EntityFormPage>
  );
}

const link = (doc: string) => (/^https?:\/\//i.test(doc) ? <a href={doc} rel="nofollow noopener" class="external">{doc.replace(/^https?:\/\//i, '')}</a> : doc);

export function RencontreInfobox({ ctx, r, problems }: { ctx: RequestContext; r: RencontreRow; problems: boolean }): Raw {
  return (
    <table class="infobox">
      <caption>{r.name}</caption>
      <tbody>
        <InfoRow label={ctx.t('network.rencontre.dates')}>{r.start ? <time datetime={r.start}>{period(ctx, r)}</time> : null}</InfoRow>
        <InfoRow label={ctx.t('network.rencontre.place')}>{[r.place, r.online ? ctx.t('network.rencontre.online_short') : ''].filter(Boolean).join(' · ')}</InfoRow>
        <InfoRow label={ctx.t('network.rencontre.objectives')}>{r.objectives.length ? <ul>{r.objectives.map((o) => <li>{o}</li>)}</ul> : null}</InfoRow>
        <InfoRow label={ctx.t('network.rencontre.programme')}>
          {r.programme.length ? <ul>{r.programme.map((s) => <li>{s.title}{s.facilitators ? <span class="muted">{` (${ctx.t('network.rencontre.led_by', { names: s.facilitators })})`}</span> : null}</li>)}</ul> : null}
        </InfoRow>
        <InfoRow label={ctx.t('network.rencontre.summaries')}>{r.summaries.length ? <ul>{r.summaries.map((s) => <li>{s}</li>)}</ul> : null}</InfoRow>
        <InfoRow label={ctx.t('network.rencontre.recording')}>{r.recording ? link(r.recording) : null}</InfoRow>
        <InfoRow label={ctx.t('network.rencontre.documents')}>{r.documents.length ? <ul>{r.documents.map((d) => <li>{link(d)}</li>)}</ul> : null}</InfoRow>
        {problems ? <tr><td colspan="2" class="muted">{ctx.t('network.fields.problems')}</td></tr> : null}
        {ctx.abilities.has('network.contribute') ? <tr><td colspan="2"><a href={`/reseau/rencontres/modifier/${encodeURIComponent(r.title)}`}>{ctx.t('network.edit_fields')}</a></td></tr> : null}
      </tbody>
    </table>
  );
}
