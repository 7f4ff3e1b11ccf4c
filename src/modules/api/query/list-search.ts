import { parseTitle } from '../../markup/index.ts';
import { apiErrors } from '../errors.ts';
import { isoTimestamp } from '../params.ts';
import { REAL_NAMESPACES } from './namespaces.ts';
import type { ListModule } from './types.ts';

const PROPS = ['size', 'wordcount', 'timestamp', 'snippet', 'titlesnippet', 'redirecttitle', 'redirectsnippet', 'sectiontitle', 'sectionsnippet', 'isfilematch', 'categorysnippet', 'score', 'hasrelated', 'extensiondata'] as const;
/** The search index answers at most 100 hits per call. */
const MAX = 100;
const MAX_OFFSET = 10_000;

function searchMatch(html: string): string {
  return html.replace(/<mark>/g, '<span class="searchmatch">').replace(/<\/mark>/g, '</span>');
}

function wordCount(text: string): number {
  return text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** list=search: full-text search, with `sroffset` continuation and `searchinfo.totalhits`. */
export const listSearch: ListModule = {
  name: 'search',
  prefix: 'sr',
  parameters: ['search', 'namespace', 'limit', 'offset', 'prop', 'info', 'what', 'sort', 'interwiki', 'enablerewrites', 'qiprofile'],
  async run(call, p) {
    const q = p.required('search');
    if (q.trim() === '') throw apiErrors.missing(p.name('search'));
    const namespaces = p.namespaces('namespace', REAL_NAMESPACES) ?? [0];
    const limit = p.limit('limit', { def: 10, max: MAX, highMax: MAX });
    const offset = p.int('offset', { min: 0, max: MAX_OFFSET }) ?? 0;
    const props = new Set(p.multiEnum('prop', PROPS, ['size', 'wordcount', 'timestamp', 'snippet']));
    const info = new Set(p.multiEnum('info', ['totalhits', 'suggestion', 'rewrittenquery'] as const, ['totalhits', 'suggestion']));
    const result = namespaces.length ? await call.deps.search.search({ q: q.slice(0, 300), namespaces, limit, offset }) : { total: 0, hits: [] };
    const wiki = call.deps.wiki.apiQueries;
    const pages = new Map((await wiki.pagesByIds(result.hits.map((h) => h.pageId))).map((pg) => [pg.id, pg]));
    const needRevs = props.has('timestamp') || props.has('wordcount');
    const revs = needRevs ? new Map((await wiki.revisionsByIds([...pages.values()].map((pg) => pg.latestRevId))).map((r) => [r.pageId, r])) : new Map();
    const items = result.hits.map((h) => {
      const page = pages.get(h.pageId);
      const rev = revs.get(h.pageId);
      const t = parseTitle(h.fullTitle);
      const item: Record<string, unknown> = { ns: h.namespace, title: t.ok ? t.title.full : h.fullTitle, pageid: h.pageId };
      if (props.has('size')) item.size = page?.length ?? 0;
      if (props.has('wordcount')) item.wordcount = rev ? wordCount(rev.content) : 0;
      if (props.has('snippet')) item.snippet = searchMatch(h.snippetHtml);
      if (props.has('titlesnippet')) item.titlesnippet = searchMatch(h.titleHtml);
      if (props.has('timestamp')) item.timestamp = isoTimestamp(rev?.createdAt ?? page?.touchedAt ?? 0);
      if (props.has('score')) item.score = h.score;
      return item;
    });
    const next = offset + result.hits.length;
    const extra: Record<string, unknown> = {};
    if (info.has('totalhits')) extra.searchinfo = { totalhits: result.total };
    return {
      items,
      extra,
      ...(result.hits.length > 0 && next < result.total && next <= MAX_OFFSET ? { cont: { sroffset: String(next) } } : {}),
    };
  },
};
