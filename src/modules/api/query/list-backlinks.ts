import { apiErrors } from '../errors.ts';
import { noSuchPage, printTitle, REAL_NAMESPACES, requireOne, titleParam } from './namespaces.ts';
import type { ListModule } from './types.ts';

/** list=backlinks: pages linking to a title, by page id, `blcontinue` = "ns|title|page id". */
export const listBacklinks: ListModule = {
  name: 'backlinks',
  prefix: 'bl',
  parameters: ['title', 'pageid', 'continue', 'namespace', 'dir', 'filterredir', 'limit', 'redirect'],
  async run(call, p) {
    const q = call.deps.wiki.apiQueries;
    let target;
    if (requireOne(p, ['title', 'pageid']) === 'title') target = titleParam(p, 'title')!;
    else {
      const id = p.int('pageid', { min: 0 }) ?? 0;
      const page = (await q.pagesByIds([id]))[0];
      if (!page) throw noSuchPage(id);
      target = page.title;
    }
    const filter = p.enumOf('filterredir', ['all', 'redirects', 'nonredirects'] as const, 'all');
    const limit = p.limit('limit', { def: 10, max: 500, highMax: 5000 });
    let fromId: number | undefined;
    const cont = p.str('continue');
    if (cont !== undefined) {
      const m = /\|(\d{1,15})$/.exec(cont);
      if (!m) throw apiErrors.badContinue();
      fromId = Number(m[1]);
    }
    const rows = await q.backlinks({ target, namespaces: p.namespaces('namespace', REAL_NAMESPACES), redirects: filter === 'all' ? undefined : filter === 'redirects', fromId, limit: limit + 1 });
    const next = rows.length > limit ? rows[limit] : undefined;
    return {
      items: rows.slice(0, limit).map((r) => ({ pageid: r.id, ...printTitle(r.title), ...(r.isRedirect ? { redirect: true } : {}) })),
      ...(next ? { cont: { blcontinue: `${target.namespace}|${target.text.replace(/ /g, '_')}|${next.id}` } } : {}),
    };
  },
};
