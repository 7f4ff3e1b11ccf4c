import { raw, type Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../../../core/http/context.ts';
import { Layout } from '../../../core/layout/Layout.tsx';
import { ChoiceGroup, CsrfField, ErrorSummary, Field, formTitle, SelectField, SubmitButton, TextAreaField, type FormState } from '../../../core/layout/components.tsx';
import type { Person } from '../person.ts';
import type { OrganisationRow } from '../store.ts';
import { MANDATE_SCOPES, PERSON_ROLES } from '../types.ts';
import { ExportLinks, InfoRow } from './common.tsx';
import { chantierUrl, orgUrl, personPageUrl, personUrl } from './urls.ts';

const roleOptions = (ctx: RequestContext) => PERSON_ROLES.map((r) => [r, ctx.t(`network.person.role.${r}`)] as const);
const scopeOptions = (ctx: RequestContext) => MANDATE_SCOPES.map((s) => [s, ctx.t(`network.person.scope.${s}`)] as const);

export function personLabels(ctx: RequestContext): Record<string, string> {
  return {
    name: ctx.t('network.person.name'), role: ctx.t('network.person.role'), scope: ctx.t('network.person.scope'), start_date: ctx.t('network.person.start'),
    end_date: ctx.t('network.person.end'), hosts: ctx.t('network.person.hosts'), bio: ctx.t('network.person.bio'), public: ctx.t('network.person.public'),
  };
}

function Hosts({ p }: { p: Person }): Raw {
  return <>{p.hosts.map((h, i) => <>{i > 0 ? ', ' : ''}<a href={orgUrl(h.title)}>{h.name}</a></>)}</>;
}

export function PeopleList({ ctx, people, filter, orgs, query, seesAll }: { ctx: RequestContext; people: Person[]; filter: Record<string, string>; orgs: OrganisationRow[]; query: string; seesAll: boolean }): Raw {
  const form: FormState = { values: filter, errors: {} };
  return (
    <Layout ctx={ctx} title={ctx.t('network.person.list')}>
      <h1>{ctx.t('network.person.list')}</h1>
      <p>{ctx.t(seesAll ? 'network.person.list_all' : 'network.person.list_public')}</p>
      {ctx.abilities.has('network.coordinate') ? <p><a class="button secondary" href="/reseau/personnes/nouvelle">{ctx.t('network.person.new')}</a></p> : null}
      <form method="get" action="/reseau/personnes" class="filters" aria-label={ctx.t('network.filters')}>
        <SelectField ctx={ctx} form={form} name="role" label={ctx.t('network.person.role')} options={roleOptions(ctx)} required={false} empty={ctx.t('network.filter.all')} />
        <SelectField ctx={ctx} form={form} name="portee" label={ctx.t('network.person.scope')} options={scopeOptions(ctx)} required={false} empty={ctx.t('network.filter.all')} />
        <SelectField ctx={ctx} form={form} name="organisation" label={ctx.t('network.person.hosts')} options={orgs.map((o) => [String(o.pageId), o.name] as const)} required={false} empty={ctx.t('network.filter.all')} />
        <div class="field"><button type="submit" class="button secondary">{ctx.t('network.filter.apply')}</button></div>
      </form>
      <p role="status">{ctx.t('network.count', { n: people.length })}</p>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{ctx.t('network.person.list')}</caption>
          <thead><tr>
            <th scope="col">{ctx.t('network.person.name')}</th><th scope="col">{ctx.t('network.person.role')}</th>
            <th scope="col">{ctx.t('network.person.scope')}</th><th scope="col">{ctx.t('network.person.hosts')}</th>
            {seesAll ? <th scope="col">{ctx.t('network.person.public')}</th> : null}
          </tr></thead>
          <tbody>
            {people.map((p) => (
              <tr>
                <th scope="row"><a href={personUrl(p.slug)}>{p.name}</a>{p.pageTitle ? <> · <a href={personPageUrl(p.pageTitle)}>{ctx.t('network.person.page_link', { name: p.name })}</a></> : null}</th>
                <td>{ctx.t(`network.person.role.${p.role}`)}</td>
                <td>{p.scope ? ctx.t(`network.person.scope.${p.scope}`) : ''}</td>
                <td><Hosts p={p} /></td>
                {seesAll ? <td>{ctx.t(p.public ? 'network.yes' : 'network.no')}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ExportLinks ctx={ctx} base="/reseau/personnes" query={query} />
    </Layout>
  );
}

type PersonChantier = { title: string; name: string; kind: 'member' | 'follower' };

/** `hiddenPage`: the rendered text of the person's hidden wiki page, for the coordination team only. */
export function PersonPage({ ctx, p, canEdit, canErase, chantiers, hiddenPage }: { ctx: RequestContext; p: Person; canEdit: boolean; canErase: boolean; chantiers: PersonChantier[]; hiddenPage?: string }): Raw {
  return (
    <Layout ctx={ctx} title={p.name}>
      <h1>{p.name}</h1>
      {p.public ? null : <p class="notice">{ctx.t('network.person.private_notice')}</p>}
      <dl class="profile">
        <dt>{ctx.t('network.person.role')}</dt><dd>{ctx.t(`network.person.role.${p.role}`)}</dd>
        {p.scope ? <><dt>{ctx.t('network.person.scope')}</dt><dd>{ctx.t(`network.person.scope.${p.scope}`)}</dd></> : null}
        {p.hosts.length ? <><dt>{ctx.t('network.person.hosts')}</dt><dd><Hosts p={p} />{p.hosts.length > 1 ? ` (${ctx.t('network.person.shared')})` : ''}</dd></> : null}
        {p.startDate ? <><dt>{ctx.t('network.person.start')}</dt><dd><time datetime={p.startDate}>{p.startDate}</time></dd></> : null}
        {p.endDate ? <><dt>{ctx.t('network.person.end')}</dt><dd><time datetime={p.endDate}>{p.endDate}</time></dd></> : null}
        {chantiers.length ? (
          <><dt>{ctx.t('network.chantier.list')}</dt><dd><ul>{chantiers.map((c) => <li><a href={chantierUrl(c.title)}>{c.name}</a>{c.kind === 'follower' ? ` (${ctx.t('network.person.follows')})` : ''}</li>)}</ul></dd></>
        ) : null}
      </dl>
      {p.bio ? p.bio.split(/\n{2,}/).map((para) => <p>{para}</p>) : null}
      {p.pageTitle ? <p><a href={personPageUrl(p.pageTitle)}>{ctx.t('network.person.page_link', { name: p.name })}</a> <span class="hint">{ctx.t('network.person.page_hint')}</span></p> : null}
      {hiddenPage !== undefined ? (
        <section aria-labelledby="hidden-page">
          <p class="notice">{ctx.t('network.person.page_hidden')}</p>
          <h2 id="hidden-page">{ctx.t('network.person.page_hidden_text')}</h2>
          <div class="hidden-page">{raw(hiddenPage)}</div>
        </section>
      ) : null}
      {canEdit ? <p><a href={`${personUrl(p.slug)}/modifier`}>{ctx.t('network.person.edit_link')}</a></p> : null}
      {canErase ? <p><a href={`${personUrl(p.slug)}/effacer`}>{ctx.t('network.person.erase')}</a></p> : null}
      <p><a href="/reseau/personnes">{ctx.t('network.person.list')}</a></p>
    </Layout>
  );
}

export function PersonForm({ ctx, form, orgs, hosts, editing }: { ctx: RequestContext; form: FormState; orgs: OrganisationRow[]; hosts: ReadonlySet<string>; editing?: Person }): Raw {
  const heading = editing ? ctx.t('network.person.edit', { name: editing.name }) : ctx.t('network.person.new');
  const labels = personLabels(ctx);
  return (
    <Layout ctx={ctx} title={formTitle(ctx, heading, form)}>
      <h1>{heading}</h1>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <form method="post" action={editing ? `${personUrl(editing.slug)}/modifier` : '/reseau/personnes/nouvelle'} class="network-form" novalidate>
        <CsrfField ctx={ctx} />
        <Field ctx={ctx} form={form} name="name" label={labels.name!} autocomplete="off" />
        <SelectField ctx={ctx} form={form} name="role" label={labels.role!} options={roleOptions(ctx)} />
        <SelectField ctx={ctx} form={form} name="scope" label={labels.scope!} options={scopeOptions(ctx)} required={false} empty={ctx.t('network.none')} hint={ctx.t('network.person.scope_hint')} />
        <ChoiceGroup ctx={ctx} form={form} name="hosts" legend={labels.hosts!} hint={ctx.t('network.person.hosts_hint')} options={orgs.map((o) => [String(o.pageId), o.name] as const)} checked={hosts} />
        <Field ctx={ctx} form={form} name="start_date" label={labels.start_date!} required={false} hint={ctx.t('network.hint.date')} />
        <Field ctx={ctx} form={form} name="end_date" label={labels.end_date!} required={false} hint={ctx.t('network.hint.date')} />
        <TextAreaField ctx={ctx} form={form} name="bio" label={labels.bio!} rows={5} />
        <fieldset>
          <legend>{ctx.t('network.person.visibility')}</legend>
          <div class="choice">
            <input type="checkbox" id="f-public" name="public" value="yes" checked={form.values.public === 'yes'} aria-describedby="f-public-hint" />
            <label for="f-public">{labels.public}</label>
          </div>
          <p class="hint" id="f-public-hint">{ctx.t('network.person.public_hint')}</p>
        </fieldset>
        <SubmitButton>{ctx.t('form.save')}</SubmitButton>
      </form>
    </Layout>
  );
}

/** The infobox of a public person's wiki page: the personal fields, from the row (never from the page's revisions). */
export function PersonInfobox({ ctx, p, chantiers }: { ctx: RequestContext; p: Person; chantiers: PersonChantier[] }): Raw {
  return (
    <table class="infobox">
      <caption>{ctx.t('network.person.infobox')}</caption>
      <tbody>
        <InfoRow label={ctx.t('network.person.name')}>{p.name}</InfoRow>
        <InfoRow label={ctx.t('network.person.role')}>{ctx.t(`network.person.role.${p.role}`)}</InfoRow>
        <InfoRow label={ctx.t('network.person.scope')}>{p.scope ? ctx.t(`network.person.scope.${p.scope}`) : null}</InfoRow>
        <InfoRow label={ctx.t('network.person.hosts')}>{p.hosts.length ? <><Hosts p={p} />{p.hosts.length > 1 ? ` (${ctx.t('network.person.shared')})` : ''}</> : null}</InfoRow>
        <InfoRow label={ctx.t('network.person.start')}>{p.startDate ? <time datetime={p.startDate}>{p.startDate}</time> : null}</InfoRow>
        <InfoRow label={ctx.t('network.person.end')}>{p.endDate ? <time datetime={p.endDate}>{p.endDate}</time> : null}</InfoRow>
        {/* Inline, comma-separated (as the hosts): stacked short links would be too small a target (WCAG 2.5.8). */}
        <InfoRow label={ctx.t('network.chantier.list')}>
          {chantiers.length ? <>{chantiers.map((c, i) => <>{i > 0 ? ', ' : ''}<a href={chantierUrl(c.title)}>{c.name}</a>{c.kind === 'follower' ? ` (${ctx.t('network.person.follows')})` : ''}</>)}</> : null}
        </InfoRow>
        <tr><td colspan="2"><a href={personUrl(p.slug)}>{ctx.t('network.person.profile_link')}</a></td></tr>
      </tbody>
    </table>
  );
}

/** Confirms an erasure (coordination): what goes, for good. */
export function EraseForm({ ctx, p }: { ctx: RequestContext; p: Person }): Raw {
  const heading = ctx.t('network.person.erase_title', { name: p.name });
  return (
    <Layout ctx={ctx} title={heading}>
      <h1>{heading}</h1>
      <p>{ctx.t('network.person.erase_intro')}</p>
      <form method="post" action={`${personUrl(p.slug)}/effacer`}>
        <CsrfField ctx={ctx} />
        <SubmitButton>{ctx.t('network.person.erase_confirm')}</SubmitButton>
      </form>
      <p><a href={personUrl(p.slug)}>{p.name}</a></p>
    </Layout>
  );
}
