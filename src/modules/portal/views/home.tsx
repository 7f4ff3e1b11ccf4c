import type { Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../../../core/http/context.ts';
import { formatPercent } from '../../../core/i18n/index.ts';
import { Layout } from '../../../core/layout/Layout.tsx';
import type { NetworkProfile } from '../types.ts';

export function HomePage({ ctx, profile, people }: { ctx: RequestContext; profile: NetworkProfile | undefined; people: number }): Raw {
  const title = profile?.name ?? ctx.t('home.welcome', { site: ctx.t('site.name') });
  return (
    <Layout ctx={ctx} title={ctx.t('home.title')}>
      <h1>{title}</h1>
      {profile ? <p class="lead" lang="fr-CA">{profile.summary}</p> : <p>{ctx.t('home.intro')}</p>}
      {profile ? null : <p>{ctx.t('home.empty')}</p>}
      {people > 0 ? <p class="muted">{ctx.t('home.people', { count: people })}</p> : null}
      {profile ? (
        <div lang="fr-CA">
          <section aria-labelledby="axes">
            <h2 id="axes">{ctx.t('home.axes')}</h2>
            <ul class="cards">
              {profile.axes.map((a) => <li><h3>{a.name}</h3><p>{a.description}</p></li>)}
            </ul>
          </section>
          <section aria-labelledby="chantiers">
            <h2 id="chantiers">{ctx.t('home.chantiers')}</h2>
            <ul class="cards">
              {profile.chantiers.map((c) => <li><h3>{c.name}</h3><p class="muted">{c.kind}</p><p>{c.description}</p></li>)}
            </ul>
          </section>
          <section aria-labelledby="survey">
            <h2 id="survey">{ctx.t('home.survey', { year: profile.survey.year })}</h2>
            <table>
              <caption>{ctx.t('home.survey_caption')}</caption>
              <thead><tr><th scope="col">{ctx.t('home.survey_scope')}</th><th scope="col" class="num">{ctx.t('home.survey_share')}</th></tr></thead>
              <tbody>
                {profile.survey.rows.map((r) => <tr><th scope="row">{r.scope}</th><td class="num">{formatPercent(r.share, ctx.locale)}</td></tr>)}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="organisations">
            <h2 id="organisations">{ctx.t('home.organisations')}</h2>
            <div class="table-wrap">
              <table>
                <thead><tr><th scope="col">{ctx.t('form.name')}</th><th scope="col">{ctx.t('home.region')}</th></tr></thead>
                <tbody>
                  {profile.organisations.map((o) => <tr><th scope="row">{o.name}</th><td>{`${o.regionCode} – ${o.regionName}`}</td></tr>)}
                </tbody>
              </table>
            </div>
          </section>
        </div>
      ) : null}
    </Layout>
  );
}
