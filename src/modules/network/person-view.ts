import type { RequestContext } from '../../core/http/context.ts';
import { titleFromStored } from '../markup/index.ts';
import type { NetworkDeps } from './service.ts';

/** The rendered latest text of a person's hidden wiki page, for the coordination team's eyes (the wiki itself no longer serves it). */
export async function hiddenPageHtml(deps: NetworkDeps, pageId: number, ctx: RequestContext): Promise<string | undefined> {
  const page = await deps.db.selectFrom('pages').select(['namespace', 'title', 'latest_rev_id']).where('id', '=', pageId).executeTakeFirst();
  const title = page && titleFromStored(page.namespace, page.title);
  const rev = page?.latest_rev_id ? await deps.wiki.revision(page.latest_rev_id) : undefined;
  if (!title || !rev) return undefined;
  const labels = { editSection: ctx.t('wiki.edit_section'), redLink: ctx.t('wiki.red_link_hint'), toc: ctx.t('wiki.toc'), redirectTo: ctx.t('wiki.redirect_to') };
  return (await deps.wiki.renderTransient(title, rev.content, rev.contentModel, labels)).html;
}
