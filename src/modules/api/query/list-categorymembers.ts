import { NS_FILE } from '../../markup/index.ts';
import { apiErrors } from '../errors.ts';
import { isoTimestamp } from '../params.ts';
import { noSuchPage, printTitle, REAL_NAMESPACES, requireOne, titleParam } from './namespaces.ts';
import type { ListModule } from './types.ts';

const NS_CATEGORY = 14;
const PROPS = ['ids', 'title', 'sortkey', 'sortkeyprefix', 'type', 'timestamp'] as const;
const TYPES = ['page', 'subcat', 'file'] as const;

const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');

function typeOf(ns: number): 'page' | 'subcat' | 'file' {
  return ns === NS_CATEGORY ? 'subcat' : ns === NS_FILE ? 'file' : 'page';
}

/** list=categorymembers: by sort key, `cmcontinue` = "type|hex sort key|page id" as MediaWiki. */
export const listCategoryMembers: ListModule = {
  name: 'categorymembers',
  prefix: 'cm',
  parameters: ['title', 'pageid', 'prop', 'namespace', 'type', 'continue', 'limit', 'sort', 'dir'],
  async run(call, p) {
    const q = call.deps.wiki.apiQueries;
    let category: string;
    if (requireOne(p, ['title', 'pageid']) === 'title') {
      const t = titleParam(p, 'title')!;
      if (t.namespace !== NS_CATEGORY) throw apiErrors.invalidCategory();
      category = t.text.replace(/ /g, '_');
    } else {
      const id = p.int('pageid', { min: 0 }) ?? 0;
      const page = (await q.pagesByIds([id]))[0];
      if (!page) throw noSuchPage(id);
      if (page.title.namespace !== NS_CATEGORY) throw apiErrors.invalidCategory();
      category = page.title.text.replace(/ /g, '_');
    }
    const props = new Set(p.multiEnum('prop', PROPS, ['ids', 'title']));
    const types = new Set(p.multiEnum('type', TYPES, TYPES));
    let namespaces = p.namespaces('namespace', REAL_NAMESPACES) ?? [...REAL_NAMESPACES];
    namespaces = namespaces.filter((ns) => types.has(typeOf(ns)));
    const limit = p.limit('limit', { def: 10, max: 500, highMax: 5000 });
    let after: { sortKey: string; pageId: number } | undefined;
    const cont = p.str('continue');
    if (cont !== undefined) {
      const m = /^(?:page|subcat|file)\|([0-9a-f]*)\|(\d{1,15})$/.exec(cont);
      if (!m || m[1]!.length % 2 === 1) throw apiErrors.badContinue();
      after = { sortKey: Buffer.from(m[1]!, 'hex').toString('utf8'), pageId: Number(m[2]) };
    }
    if (namespaces.length === 0) return { items: [] };
    const rows = await q.categoryMembers({ category, namespaces, after, limit: limit + 1 });
    const next = rows.length > limit ? rows[limit] : undefined;
    const needTime = props.has('timestamp');
    const added = needTime ? new Map((await q.pagesByIds(rows.map((r) => r.id))).map((pg) => [pg.id, pg.touchedAt])) : new Map<number, number>();
    const items = rows.slice(0, limit).map((r) => {
      const item: Record<string, unknown> = {};
      if (props.has('ids')) item.pageid = r.id;
      if (props.has('title')) Object.assign(item, printTitle(r.title));
      if (props.has('sortkey')) item.sortkey = hex(r.sortKey);
      if (props.has('sortkeyprefix')) item.sortkeyprefix = r.sortKey;
      if (props.has('type')) item.type = typeOf(r.title.namespace);
      if (needTime) item.timestamp = isoTimestamp(added.get(r.id) ?? 0);
      return item;
    });
    return { items, ...(next ? { cont: { cmcontinue: `${typeOf(next.title.namespace)}|${hex(next.sortKey)}|${next.id}` } } : {}) };
  },
};
