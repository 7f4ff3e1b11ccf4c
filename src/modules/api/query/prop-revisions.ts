import { getSection } from '../../markup/index.ts';
import type { Revision } from '../../wiki/index.ts';
import { ApiError, apiErrors } from '../errors.ts';
import { isoTimestamp } from '../params.ts';
import { contentFields, sha1Hex } from './content.ts';
import type { PropModule } from './types.ts';

const PROPS = ['ids', 'flags', 'timestamp', 'user', 'userid', 'size', 'slotsize', 'sha1', 'slotsha1', 'contentmodel', 'comment', 'parsedcomment', 'content', 'tags', 'roles'] as const;
type Prop = (typeof PROPS)[number];

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

function printRevision(rev: Revision & { content?: string }, props: ReadonlySet<Prop>, slots: boolean, fv: 1 | 2, section: number | undefined): Record<string, unknown> {
  const r: Record<string, unknown> = {};
  if (props.has('ids')) Object.assign(r, { revid: rev.id, parentid: rev.parentId ?? 0 });
  if (props.has('flags')) r.minor = rev.minor;
  if (props.has('user')) r.user = rev.authorName;
  if (props.has('userid')) r.userid = rev.userId ?? 0;
  if (props.has('timestamp')) r.timestamp = isoTimestamp(rev.createdAt);
  if (props.has('size')) r.size = rev.size;
  if (props.has('sha1')) r.sha1 = sha1Hex(rev.sha1);
  if (props.has('comment')) r.comment = rev.summary;
  if (props.has('parsedcomment')) r.parsedcomment = escapeHtml(rev.summary);
  if (props.has('tags')) r.tags = [];
  const main: Record<string, unknown> = {};
  if (props.has('contentmodel')) main.contentmodel = rev.contentModel;
  if (props.has('content') && rev.content !== undefined) {
    const text = section === undefined ? rev.content : (getSection(rev.content, section, rev.contentModel) ?? '').replace(/\s+$/, '');
    Object.assign(main, contentFields(fv, rev.contentModel, text));
  }
  if (props.has('slotsize')) main.size = rev.size;
  if (props.has('slotsha1')) main.sha1 = sha1Hex(rev.sha1);
  if (Object.keys(main).length === 0) return r;
  if (slots) r.slots = { main };
  else Object.assign(r, main);
  return r;
}

/**
 * prop=revisions: the latest revision of each page, or one page's history with rvlimit/rvdir/
 * rvstart/rvend/rvstartid and `rvcontinue`; or the revisions named by `revids`.
 */
export const propRevisions: PropModule = {
  name: 'revisions',
  prefix: 'rv',
  parameters: ['prop', 'slots', 'limit', 'dir', 'start', 'end', 'startid', 'endid', 'section', 'continue', 'user', 'excludeuser'],
  async run(call, p, pages, set) {
    const props = new Set(p.multiEnum<Prop>('prop', PROPS, ['ids', 'timestamp', 'flags', 'comment', 'user']));
    const slotNames = p.list('slots');
    if (slotNames.some((s) => s !== 'main' && s !== '*')) call.warnings.add(p.module, `Unrecognized value for parameter "rvslots": ${slotNames.filter((s) => s !== 'main' && s !== '*').join(', ').slice(0, 100)}.`);
    const slots = slotNames.length > 0;
    const section = p.int('section', { min: 0 });
    const withContent = props.has('content');
    const q = call.deps.wiki.apiQueries;
    const live = pages.filter((pg) => pg.entry.kind === 'page');

    if (set.revids) {
      const revs = await q.revisionsByIds([...set.revids.values()].flat());
      for (const pg of live) {
        const id = pg.entry.kind === 'page' ? pg.entry.page.id : 0;
        pg.out.revisions = revs.filter((r) => r.pageId === id).sort((a, b) => b.id - a.id).map((r) => printRevision(withContent ? r : { ...r, content: undefined }, props, slots, call.fv, section));
      }
      return {};
    }

    const historyMode = ['limit', 'dir', 'start', 'end', 'startid', 'endid', 'continue'].some((n) => p.has(n));
    if (!historyMode) {
      const latest = await q.revisionsByIds(live.map((pg) => (pg.entry.kind === 'page' ? pg.entry.page.latestRevId : 0)));
      for (const pg of live) {
        const rev = latest.find((r) => pg.entry.kind === 'page' && r.id === pg.entry.page.latestRevId);
        if (rev) pg.out.revisions = [printRevision(withContent ? rev : { ...rev, content: undefined }, props, slots, call.fv, section)];
      }
      return {};
    }

    if (live.length > 1) {
      throw new ApiError('multpages', 'rvlimit, rvdir, rvstart, rvend, rvstartid, rvendid, rvcontinue may only be used with a single page.');
    }
    const page = live[0];
    if (!page || page.entry.kind !== 'page') return {};
    const dir = p.enumOf('dir', ['older', 'newer'] as const, 'older');
    const limit = p.limit('limit', withContent ? { def: 1, max: 50, highMax: 500 } : { def: 1, max: 500, highMax: 5000 });
    let startId = p.int('startid', { min: 0 });
    const cont = p.str('continue');
    if (cont !== undefined) {
      const id = cont.split('|').at(-1) ?? '';
      if (!/^\d{1,15}$/.test(id)) throw apiErrors.badContinue();
      startId = Number(id);
    }
    if (startId !== undefined && !p.has('continue') && !(await q.revisionsByIds([startId])).some((r) => page.entry.kind === 'page' && r.pageId === page.entry.page.id)) {
      throw apiErrors.noSuchRevId(String(startId));
    }
    const endId = p.int('endid', { min: 0 });
    let revs = await q.history(page.entry.page.id, { dir, limit: limit + 1, startId, startAt: p.timestamp('start'), endAt: p.timestamp('end'), content: withContent });
    if (endId !== undefined) revs = revs.filter((r) => (dir === 'older' ? r.id >= endId : r.id <= endId));
    const user = p.str('user');
    const excluded = p.str('excludeuser');
    const next = revs.length > limit ? revs[limit] : undefined;
    const shown = revs.slice(0, limit).filter((r) => (user === undefined || r.authorName === user) && (excluded === undefined || r.authorName !== excluded));
    page.out.revisions = shown.map((r) => printRevision(r, props, slots, call.fv, section));
    return next ? { cont: { rvcontinue: `${isoTimestamp(next.createdAt).replace(/[-:TZ]/g, '')}|${next.id}` } } : {};
  },
};
