import type { Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../../../core/http/context.ts';
import { Layout } from '../../../core/layout/Layout.tsx';

export function NetworkHome({ ctx }: { ctx: RequestContext }): Raw {
  return (
    <Layout ctx={ctx} title={ctx.t('network.title')}>
      <h1>{ctx.t('network.title')}</h1>
      <p>{ctx.t('network.intro')}</p>
      <ul class="cards">
        <li><h2><a href="/reseau/organisations">{ctx.t('network.org.list')}</a></h2><p>{ctx.t('network.org.about')}</p></li>
        <li><h2><a href="/reseau/chantiers">{ctx.t('network.chantier.list')}</a></h2><p>{ctx.t('network.chantier.about')}</p></li>
        <li><h2><a href="/reseau/rencontres">{ctx.t('network.rencontre.list')}</a></h2><p>{ctx.t('network.rencontre.about')}</p></li>
        <li><h2><a href="/reseau/projets">{ctx.t('network.project.list')}</a></h2><p>{ctx.t('network.project.about')}</p></li>
        <li><h2><a href="/reseau/apprentissages">{ctx.t('network.learning.list')}</a></h2><p>{ctx.t('network.learning.about')}</p></li>
        <li><h2><a href="/reseau/transfert">{ctx.t('network.transfer.title')}</a></h2><p>{ctx.t('network.transfer.about')}</p></li>
        <li><h2><a href="/reseau/portrait">{ctx.t('network.portrait.title')}</a></h2><p>{ctx.t('network.portrait.about')}</p></li>
        <li><h2><a href="/reseau/personnes">{ctx.t('network.person.list')}</a></h2><p>{ctx.t('network.person.about')}</p></li>
      </ul>
    </Layout>
  );
}
