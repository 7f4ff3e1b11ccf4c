import type { Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../../../core/http/context.ts';
import { Layout } from '../../../core/layout/Layout.tsx';
import { ChoiceGroup, CsrfField, ErrorSummary, formTitle, SubmitButton, type FormState } from '../../../core/layout/components.tsx';
import { titleUrl, type Title } from '../../markup/index.ts';
import { TRANSFER_ACTIONS, TRANSFER_CATEGORIES, type TransferAction } from '../transfer.ts';

const categoryUrl = (a: TransferAction) => `/wiki/Cat%C3%A9gorie:${encodeURIComponent(TRANSFER_CATEGORIES[a].replace(/ /g, '_'))}`;

export function TransferHome({ ctx, counts }: { ctx: RequestContext; counts: Record<TransferAction, number> }): Raw {
  return (
    <Layout ctx={ctx} title={ctx.t('network.transfer.title')}>
      <h1>{ctx.t('network.transfer.title')}</h1>
      <p>{ctx.t('network.transfer.intro')}</p>
      <ul class="cards">
        {TRANSFER_ACTIONS.map((a) => (
          <li>
            <h2><a href={`/reseau/transfert/${a}`}>{ctx.t(`network.transfer.${a}`)}</a></h2>
            <p>{ctx.t(`network.transfer.${a}.about`)}</p>
            <p class="muted">{ctx.t('network.transfer.count', { n: counts[a] })}</p>
          </li>
        ))}
      </ul>
      {ctx.abilities.has('pages.edit') ? (
        <form method="get" action="/reseau/transfert/etiqueter" class="filters">
          <div class="field">
            <label for="f-page">{ctx.t('network.transfer.tag_page')}</label>
            <input id="f-page" name="page" type="text" required />
          </div>
          <div class="field"><button type="submit" class="button secondary">{ctx.t('network.transfer.tag')}</button></div>
        </form>
      ) : null}
    </Layout>
  );
}

export function TransferAction({ ctx, action, pages }: { ctx: RequestContext; action: TransferAction; pages: Title[] }): Raw {
  const heading = ctx.t(`network.transfer.${action}`);
  return (
    <Layout ctx={ctx} title={heading}>
      <h1>{heading}</h1>
      <p>{ctx.t(`network.transfer.${action}.about`)}</p>
      <p role="status">{ctx.t('network.transfer.count', { n: pages.length })}</p>
      {pages.length ? <ul>{pages.map((t) => <li><a href={titleUrl(t)}>{t.full}</a></li>)}</ul> : <p>{ctx.t('network.transfer.empty')}</p>}
      <p><a href={categoryUrl(action)}>{ctx.t('network.transfer.category')}</a> · <a href="/reseau/transfert">{ctx.t('network.transfer.title')}</a></p>
    </Layout>
  );
}

export function TagForm({ ctx, title, form, checked, baseRevId }: { ctx: RequestContext; title: Title; form: FormState; checked: ReadonlySet<string>; baseRevId: number }): Raw {
  const heading = ctx.t('network.transfer.tag_title', { page: title.full });
  return (
    <Layout ctx={ctx} title={formTitle(ctx, heading, form)}>
      <h1>{heading}</h1>
      <ErrorSummary ctx={ctx} form={form} labels={{ actions: ctx.t('network.transfer.actions') }} />
      <form method="post" action={`/reseau/transfert/etiqueter/${encodeURIComponent(title.key).replace(/%2F/g, '/').replace(/%3A/g, ':')}`} class="network-form">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="base_rev" value={String(baseRevId)} />
        <ChoiceGroup ctx={ctx} form={form} name="actions" legend={ctx.t('network.transfer.actions')} hint={ctx.t('network.transfer.actions_hint')}
          options={TRANSFER_ACTIONS.map((a) => [a, ctx.t(`network.transfer.${a}`)] as const)} checked={checked} />
        <SubmitButton>{ctx.t('form.save')}</SubmitButton>
      </form>
      <p><a href={titleUrl(title)}>{ctx.t('network.back_to_page')}</a></p>
    </Layout>
  );
}
