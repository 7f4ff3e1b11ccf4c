import { parseTitle, redirectTarget, type ContentModel, type Title } from '../../markup/index.ts';
import type { ActionModule, ApiCall } from '../context.ts';
import { ApiError, apiErrors } from '../errors.ts';

const PROPS = ['text', 'langlinks', 'categories', 'categorieshtml', 'links', 'templates', 'images', 'externallinks', 'sections', 'revid', 'displaytitle', 'subtitle', 'headhtml', 'modules', 'jsconfigvars', 'encodedjsconfigvars', 'indicators', 'iwlinks', 'wikitext', 'properties', 'limitreportdata', 'limitreporthtml', 'parsetree', 'parsewarnings', 'parsewarningshtml', 'headitems'] as const;
const DEFAULT_PROPS = ['text', 'langlinks', 'categories', 'links', 'templates', 'images', 'externallinks', 'sections', 'revid', 'displaytitle', 'iwlinks', 'properties', 'parsewarnings'] as const;
const MODELS = ['wikitext', 'markdown'] as const;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

interface Source {
  title: Title;
  text: string;
  model: ContentModel;
  pageid?: number;
  revid?: number;
  redirects: Array<{ from: string; to: string }>;
}

/** The text to parse: `text` (with `title`, `contentmodel`), or a page by `page`, `pageid` or `oldid`. */
async function source(call: ApiCall): Promise<Source> {
  const p = call.params;
  const q = call.deps.wiki.apiQueries;
  const given = (['text', 'page', 'pageid', 'oldid'] as const).filter((n) => p.has(n));
  if (given.length > 1) throw apiErrors.onlyOne(given);
  const modelParam = p.enumOf('contentmodel', MODELS);
  if (p.has('oldid')) {
    const id = p.int('oldid', { min: 0 }) ?? 0;
    const rev = (await q.revisionsByIds([id]))[0];
    const page = rev ? (await q.pagesByIds([rev.pageId]))[0] : undefined;
    if (!rev || !page) throw apiErrors.noSuchRevId(String(id));
    return { title: page.title, text: rev.content, model: rev.contentModel, pageid: page.id, revid: rev.id, redirects: [] };
  }
  if (p.has('page') || p.has('pageid')) {
    if (p.has('page') && p.has('pageid')) throw apiErrors.onlyOne(['page', 'pageid']);
    let page;
    if (p.has('pageid')) {
      const id = p.int('pageid', { min: 0 }) ?? 0;
      page = (await q.pagesByIds([id]))[0];
      if (!page) throw apiErrors.noSuchPageId(String(id));
    } else {
      const raw = p.str('page')!;
      const r = parseTitle(raw);
      if (!r.ok || r.title.namespace < 0) throw apiErrors.invalidTitle(raw);
      page = (await q.pagesByTitles([r.title]))[0];
      if (!page) throw new ApiError('missingtitle', "The page you specified doesn't exist.");
    }
    const redirects: Array<{ from: string; to: string }> = [];
    let rev = (await q.revisionsByIds([page.latestRevId]))[0];
    if (p.bool('redirects') && page.isRedirect && rev) {
      const target = redirectTarget(rev.content, rev.contentModel);
      const next = target && target.namespace >= 0 ? (await q.pagesByTitles([target]))[0] : undefined;
      if (next) {
        redirects.push({ from: page.title.full, to: next.title.full });
        page = next;
        rev = (await q.revisionsByIds([page.latestRevId]))[0];
      }
    }
    if (!rev) throw apiErrors.missingTitle();
    return { title: page.title, text: rev.content, model: rev.contentModel, pageid: page.id, revid: rev.id, redirects };
  }
  const rawTitle = p.str('title') ?? 'API';
  const r = parseTitle(rawTitle);
  if (!r.ok) throw apiErrors.invalidTitle(rawTitle);
  const existing = p.has('title') && r.title.namespace >= 0 ? (await q.pagesByTitles([r.title]))[0] : undefined;
  const text = p.str('text');
  if (text === undefined) {
    if (existing) return { ...(await sourceOfPage(call, existing.latestRevId)), title: existing.title, pageid: existing.id, redirects: [] };
    throw apiErrors.oneOf(['text', 'page', 'pageid', 'oldid']);
  }
  return { title: r.title, text, model: modelParam ?? existing?.contentModel ?? 'wikitext', pageid: existing?.id, redirects: [] };
}

async function sourceOfPage(call: ApiCall, revId: number): Promise<{ text: string; model: ContentModel; revid: number }> {
  const rev = (await call.deps.wiki.apiQueries.revisionsByIds([revId]))[0];
  if (!rev) throw apiErrors.missingTitle();
  return { text: rev.content, model: rev.contentModel, revid: rev.id };
}

/** action=parse: renders text or a page with the wiki's renderer (no section edit links). */
export const parseAction: ActionModule = {
  name: 'parse',
  parameters: ['title', 'text', 'revid', 'summary', 'page', 'pageid', 'redirects', 'oldid', 'prop', 'wrapoutputclass', 'pst', 'onlypst', 'section', 'sectiontitle', 'disablelimitreport', 'disableeditsection', 'disablestylededuplication', 'preview', 'sectionpreview', 'disabletoc', 'useskin', 'contentformat', 'contentmodel'],
  async execute(call) {
    const p = call.params;
    const src = await source(call);
    const props = new Set(p.multiEnum('prop', PROPS, DEFAULT_PROPS));
    const ctx = call.request.ctx;
    const labels = { editSection: ctx.t('wiki.edit_section'), redLink: ctx.t('wiki.red_link_hint'), toc: ctx.t('wiki.toc'), redirectTo: ctx.t('wiki.redirect_to') };
    const r = await call.deps.wiki.wiki.renderTransient(src.title, src.text, src.model, labels);
    const fv = call.fv;
    const out: Record<string, unknown> = { title: src.title.full, pageid: src.pageid ?? 0 };
    if (props.has('revid') && src.revid !== undefined) out.revid = src.revid;
    if (src.redirects.length) out.redirects = src.redirects;
    if (props.has('text')) {
      const wrap = p.str('wrapoutputclass') ?? 'mw-parser-output';
      const toc = p.bool('disabletoc') ? '' : r.toc;
      const html = `<div class="${escapeHtml(wrap)}">${toc}${r.html}</div>`;
      out.text = fv === 2 ? html : { '*': html };
    }
    if (props.has('displaytitle')) out.displaytitle = r.displayTitle ?? escapeHtml(src.title.full);
    const linkKeys = r.links.map((k) => parseTitle(k)).flatMap((t) => (t.ok ? [t.title] : []));
    const categoryTitles = r.categories.flatMap((c) => {
      const t = parseTitle(`Catégorie:${c.name}`);
      return t.ok ? [{ c, t: t.title }] : [];
    });
    const wantedLookups = [...(props.has('links') ? linkKeys : []), ...(props.has('categories') ? categoryTitles.map((x) => x.t) : [])];
    const existing = new Set((await call.deps.wiki.apiQueries.pagesByTitles(wantedLookups.slice(0, 5000))).map((pg) => pg.title.key));
    if (props.has('links')) {
      out.links = linkKeys.filter((t) => t.namespace >= 0).map((t) => (fv === 2 ? { ns: t.namespace, title: t.full, exists: existing.has(t.key) } : { ns: t.namespace, ...(existing.has(t.key) ? { exists: true } : {}), '*': t.full }));
    }
    if (props.has('categories')) {
      out.categories = categoryTitles.map(({ c, t }) => {
        const name = c.name.replace(/ /g, '_');
        const missing = !existing.has(t.key);
        return fv === 2 ? { sortkey: c.sortKey, category: name, ...(missing ? { missing: true } : {}) } : { sortkey: c.sortKey, ...(missing ? { missing: true } : {}), '*': name };
      });
    }
    if (props.has('templates')) {
      out.templates = r.templates.flatMap((k) => {
        const t = parseTitle(k);
        return t.ok ? [fv === 2 ? { ns: t.title.namespace, title: t.title.full, exists: true } : { ns: t.title.namespace, exists: true, '*': t.title.full }] : [];
      });
    }
    if (props.has('externallinks')) out.externallinks = r.externalLinks;
    if (props.has('images')) out.images = [];
    if (props.has('langlinks')) out.langlinks = [];
    if (props.has('iwlinks')) out.iwlinks = [];
    if (props.has('properties')) out.properties = fv === 2 ? {} : [];
    if (props.has('parsewarnings')) out.parsewarnings = [];
    if (props.has('sections')) {
      out.sections = r.headings.map((h, i) => ({
        toclevel: Math.max(1, h.level - (Math.min(...r.headings.map((x) => x.level)) - 1)),
        level: String(h.level),
        line: escapeHtml(h.text),
        number: String(i + 1),
        index: String(h.section),
        fromtitle: src.title.key,
        byteoffset: null,
        anchor: h.anchor,
        linkAnchor: h.anchor,
      }));
    }
    if (props.has('wikitext')) out.wikitext = fv === 2 ? src.text : { '*': src.text };
    return { parse: out };
  },
};
