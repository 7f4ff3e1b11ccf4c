import { apiErrors } from '../errors.ts';
import { isoTimestamp, mwTimestamp } from '../params.ts';
import { REAL_NAMESPACES, titleParam } from './namespaces.ts';
import type { ListModule } from './types.ts';

const PROPS = ['user', 'userid', 'comment', 'parsedcomment', 'flags', 'timestamp', 'title', 'ids', 'sizes', 'redirect', 'patrolled', 'loginfo', 'tags', 'sha1'] as const;
const SHOW = ['minor', '!minor', 'bot', '!bot', 'anon', '!anon', 'redirect', '!redirect', 'patrolled', '!patrolled', 'unpatrolled', 'autopatrolled', '!autopatrolled'] as const;
const TYPES = ['edit', 'new', 'log', 'external', 'categorize'] as const;

/** list=recentchanges: newest first (rcdir=older) or oldest first, `rccontinue` = "timestamp|rcid". */
export const listRecentChanges: ListModule = {
  name: 'recentchanges',
  prefix: 'rc',
  parameters: ['start', 'end', 'namespace', 'user', 'excludeuser', 'tag', 'prop', 'show', 'limit', 'type', 'toponly', 'title', 'continue', 'dir', 'generaterevisions', 'slot'],
  async run(call, p) {
    const props = new Set(p.multiEnum('prop', PROPS, ['title', 'timestamp', 'ids']));
    const show = new Set(p.multiEnum('show', SHOW));
    if (['minor', 'bot', 'anon'].some((f) => show.has(f as 'minor') && show.has(`!${f}` as '!minor'))) throw apiErrors.badValue(p.name('show'), p.str('show') ?? '');
    const kinds = p.multiEnum('type', TYPES, ['edit', 'new', 'log']).filter((k): k is 'edit' | 'new' | 'log' => k === 'edit' || k === 'new' || k === 'log');
    const dir = p.enumOf('dir', ['older', 'newer'] as const, 'older');
    const limit = p.limit('limit', { def: 10, max: 500, highMax: 5000 });
    let fromId: number | undefined;
    const cont = p.str('continue');
    if (cont !== undefined) {
      const m = /^(\d{14})\|(\d{1,15})$/.exec(cont);
      if (!m) throw apiErrors.badContinue();
      fromId = Number(m[2]);
    }
    if (kinds.length === 0) return { items: [] };
    const rows = await call.deps.wiki.apiQueries.recentChanges({
      namespaces: p.namespaces('namespace', REAL_NAMESPACES),
      kinds,
      user: p.str('user'),
      title: titleParam(p, 'title'),
      anon: show.has('anon') ? true : show.has('!anon') ? false : undefined,
      minor: show.has('minor') ? true : show.has('!minor') ? false : undefined,
      bot: show.has('bot') ? true : show.has('!bot') ? false : undefined,
      dir,
      startAt: p.timestamp('start'),
      endAt: p.timestamp('end'),
      fromId,
      limit: limit + 1,
    });
    const excluded = p.str('excludeuser');
    const next = rows.length > limit ? rows[limit] : undefined;
    const items = rows
      .slice(0, limit)
      .filter((r) => excluded === undefined || r.authorName !== excluded)
      .map((r) => {
        const item: Record<string, unknown> = { type: r.kind };
        if (props.has('title')) Object.assign(item, { ns: r.title.namespace, title: r.title.full });
        if (props.has('ids')) Object.assign(item, { pageid: r.pageId ?? 0, revid: r.revId ?? 0, old_revid: r.oldRevId ?? 0, rcid: r.id });
        if (props.has('user')) item.user = r.authorName;
        if (props.has('userid')) item.userid = r.userId ?? 0;
        if (props.has('flags')) Object.assign(item, { new: r.kind === 'new', minor: r.minor, bot: r.bot });
        if (props.has('sizes')) Object.assign(item, { oldlen: r.oldSize ?? 0, newlen: r.newSize ?? 0 });
        if (props.has('timestamp')) item.timestamp = isoTimestamp(r.createdAt);
        if (props.has('comment')) item.comment = r.summary;
        if (props.has('loginfo') && r.kind === 'log') Object.assign(item, { logtype: r.logType ?? '', logaction: r.logAction ?? '' });
        if (props.has('tags')) item.tags = [];
        return item;
      });
    return { items, ...(next ? { cont: { rccontinue: `${mwTimestamp(next.createdAt)}|${next.id}` } } : {}) };
  },
};
