import type { Raw } from '#jsx/jsx-runtime';
import { ROLES, type Role } from '../../../core/actor.ts';
import type { RequestContext } from '../../../core/http/context.ts';
import { Layout } from '../../../core/layout/Layout.tsx';
import { CsrfField, ErrorSummary, Field, SubmitButton, type FormState } from '../../../core/layout/components.tsx';
import { titleUrl, type Title } from '../../markup/index.ts';
import { PageTabs, type TabName } from './tabs.tsx';

export type PageAction = 'move' | 'delete' | 'undelete' | 'protect';

interface ActionProps {
  ctx: RequestContext;
  title: Title;
  action: PageAction;
  protectLevel: Role | null;
  form: FormState;
}

export function ActionPage({ ctx, title, action, protectLevel, form }: ActionProps): Raw {
  const heading = ctx.t(`wiki.${action}.heading`, { title: title.full });
  const values = { reason: '', target: title.full, ...form.values };
  const state = { ...form, values };
  // Checkboxes start ticked; after a failed submit they show what was sent.
  const posted = Object.keys(form.values).length > 0;
  const ticked = (name: string) => (posted ? form.values[name] === '1' : true);
  return (
    <Layout ctx={ctx} title={heading}>
      <PageTabs ctx={ctx} title={title} current={(action === 'undelete' ? 'delete' : action) as TabName} exists={action !== 'undelete'} canEdit={ctx.abilities.has('pages.edit')} />
      <h1 id="firstHeading">{heading}</h1>
      <p>{ctx.t(`wiki.${action}.intro`)}</p>
      <ErrorSummary ctx={ctx} form={state} labels={{ target: ctx.t('wiki.move.target'), reason: ctx.t('wiki.reason'), level: ctx.t('wiki.protect.level') }} />
      <form method="post" action={`${titleUrl(title)}?action=${action}`} class="stack" novalidate>
        <CsrfField ctx={ctx} />
        {action === 'move' ? <Field ctx={ctx} form={state} name="target" label={ctx.t('wiki.move.target')} /> : null}
        {action === 'protect' ? (
          <div class="field">
            <label for="f-level">{ctx.t('wiki.protect.level')}</label>
            <select id="f-level" name="level">
              <option value="" selected={protectLevel === null}>{ctx.t('wiki.protect.none')}</option>
              {ROLES.filter((r) => r !== 'reader' && r !== 'contributor').map((r) => (
                <option value={r} selected={protectLevel === r}>{ctx.t('wiki.protect.only', { role: ctx.t(`role.${r}`) })}</option>
              ))}
            </select>
          </div>
        ) : null}
        <Field ctx={ctx} form={state} name="reason" label={ctx.t('wiki.reason')} required={false} />
        {action === 'move' ? (
          <>
            <div class="choice"><input type="checkbox" id="f-redirect" name="redirect" value="1" checked={ticked('redirect')} /><label for="f-redirect">{ctx.t('wiki.move.leave_redirect')}</label></div>
            <div class="choice"><input type="checkbox" id="f-talk" name="talk" value="1" checked={ticked('talk')} /><label for="f-talk">{ctx.t('wiki.move.talk')}</label></div>
          </>
        ) : null}
        <SubmitButton>{ctx.t(`wiki.${action}.submit`)}</SubmitButton>
      </form>
    </Layout>
  );
}
