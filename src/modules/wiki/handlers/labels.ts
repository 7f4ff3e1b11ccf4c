import type { RequestContext } from '../../../core/http/context.ts';

/** Interface text swapped into stored renders for the reader's language. */
export function renderLabels(ctx: RequestContext) {
  return { editSection: ctx.t('wiki.edit_section'), redLink: ctx.t('wiki.red_link_hint'), toc: ctx.t('wiki.toc'), redirectTo: ctx.t('wiki.redirect_to') };
}

export function intParam(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,15}$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 ? n : undefined;
}
