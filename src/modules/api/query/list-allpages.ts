import { namespaceParam, printTitle, storedTitleText } from './namespaces.ts';
import type { ListModule } from './types.ts';

/** list=allpages: titles of one namespace in order, `apcontinue` = the next title. */
export const listAllPages: ListModule = {
  name: 'allpages',
  prefix: 'ap',
  parameters: ['from', 'continue', 'to', 'prefix', 'namespace', 'filterredir', 'limit', 'dir'],
  async run(call, p) {
    const namespace = namespaceParam(p, 'namespace', 0);
    const dir = p.enumOf('dir', ['ascending', 'descending'] as const, 'ascending');
    const filter = p.enumOf('filterredir', ['all', 'redirects', 'nonredirects'] as const, 'all');
    const limit = p.limit('limit', { def: 10, max: 500, highMax: 5000 });
    const from = p.str('continue') ?? p.str('from');
    const rows = await call.deps.wiki.apiQueries.allPages({
      namespace,
      from: from === undefined ? undefined : storedTitleText(from),
      to: p.has('to') ? storedTitleText(p.str('to')!) : undefined,
      prefix: p.has('prefix') ? storedTitleText(p.str('prefix')!) : undefined,
      dir,
      redirects: filter === 'all' ? undefined : filter === 'redirects',
      limit: limit + 1,
    });
    const next = rows.length > limit ? rows[limit] : undefined;
    return {
      items: rows.slice(0, limit).map((r) => ({ pageid: r.id, ...printTitle(r.title) })),
      ...(next ? { cont: { apcontinue: next.sortKey } } : {}),
    };
  },
};
