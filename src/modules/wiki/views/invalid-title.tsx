import type { Raw } from '#jsx/jsx-runtime';
import type { RequestContext } from '../../../core/http/context.ts';
import { Layout } from '../../../core/layout/Layout.tsx';
import type { TitleError } from '../../markup/index.ts';

export function InvalidTitlePage({ ctx, input, error, char }: { ctx: RequestContext; input: string; error: TitleError; char?: string }): Raw {
  return (
    <Layout ctx={ctx} title={ctx.t('wiki.invalid_title')}>
      <h1>{ctx.t('wiki.invalid_title')}</h1>
      <p>{ctx.t(`wiki.${error}`, { char: char ?? '' })}</p>
      <p class="muted"><code>{input}</code></p>
      <p><a href="/">{ctx.t('error.back_home')}</a></p>
    </Layout>
  );
}
