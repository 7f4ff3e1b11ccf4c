import type { ActionModule, ApiCall } from '../context.ts';
import { entryBase, resolvePageSet } from '../query/pageset.ts';
import type { ListModule, MetaModule, PageOut, PropModule } from '../query/types.ts';

/** action=query: meta, prop over titles/pageids/revids, and lists, with one `continue` object. */
export function queryAction(metas: readonly MetaModule[], props: readonly PropModule[], lists: readonly ListModule[]): ActionModule {
  const find = <T extends { name: string }>(all: readonly T[], call: ApiCall, param: string): T[] => {
    const wanted = call.params.multiEnum(param, all.map((m) => m.name));
    return wanted.map((n) => all.find((m) => m.name === n)!);
  };
  return {
    name: 'query',
    parameters: ['prop', 'list', 'meta', 'titles', 'pageids', 'revids', 'redirects', 'indexpageids', 'continue', 'rawcontinue'],
    async execute(call) {
      const query: Record<string, unknown> = {};
      const cont: Record<string, string> = {};
      let propsComplete = true;

      for (const m of find(metas, call, 'meta')) Object.assign(query, await m.run(call, call.params.as(`query+${m.name}`, m.prefix)));

      const set = await resolvePageSet(call);
      const wantedProps = find(props, call, 'prop');
      if (set) {
        if (set.normalized.length) query.normalized = set.normalized;
        if (set.redirects.length) query.redirects = set.redirects;
        if (set.badrevids?.length) query.badrevids = call.fv === 2 ? set.badrevids.map((revid) => ({ revid, missing: true })) : Object.fromEntries(set.badrevids.map((revid) => [revid, { revid }]));
        const pages: PageOut[] = set.entries.map((entry) => ({ entry, out: entryBase(entry) }));
        for (const m of wantedProps) {
          const r = await m.run(call, call.params.as(`query+${m.name}`, m.prefix), pages, set);
          if (r.cont) {
            Object.assign(cont, r.cont);
            propsComplete = false;
          }
        }
        // Pages without an id are numbered -1, -2… as MediaWiki does (the keys of formatversion 1).
        let missing = 0;
        const keys = pages.map((pg) => (pg.entry.kind === 'page' ? String(pg.entry.page.id) : String(-++missing)));
        if (call.params.bool('indexpageids')) query.pageids = keys;
        query.pages = call.fv === 2 ? pages.map((pg) => pg.out) : Object.fromEntries(pages.map((pg, i) => [keys[i], pg.out]));
      } else if (wantedProps.length) {
        call.warnings.add('main', 'Because no titles, page IDs or revision IDs were given, "prop" has no effect.');
      }

      for (const m of find(lists, call, 'list')) {
        const r = await m.run(call, call.params.as(`query+${m.name}`, m.prefix));
        query[m.name] = r.items;
        if (r.extra) Object.assign(query, r.extra);
        if (r.cont) Object.assign(cont, r.cont);
      }

      const out: Record<string, unknown> = {};
      if (propsComplete) out.batchcomplete = true;
      if (Object.keys(cont).length) out.continue = { ...cont, continue: propsComplete ? '-||' : '||' };
      if (Object.keys(query).length) out.query = query;
      return out;
    },
  };
}
