import { once } from 'node:events';
import { markdownToWikitext, NAMESPACES, parseTitle, redirectTarget, titleFromStored, type ContentModel } from '../../markup/index.ts';
import { sha1Base36 } from '../../wiki/index.ts';
import type { TransferDeps } from '../types.ts';

/**
 * Who the dump is for. `mediawiki` (the default): Markdown revisions are converted to wikitext,
 * so MediaWiki's importDump.php accepts every revision (it knows no markdown model).
 * `maillage`: every revision byte for byte in its own model, for Maillage-to-Maillage moves.
 */
export type ExportTarget = 'mediawiki' | 'maillage';
export const EXPORT_TARGETS: readonly ExportTarget[] = ['mediawiki', 'maillage'];

export interface ExportOptions {
  /** Every revision (default), or only each page's latest. */
  history: boolean;
  namespace?: number;
  /** Page titles as written (any namespace prefix, French or English). */
  titles?: string[];
  /** Site name written in <siteinfo>. */
  siteName?: string;
  baseUrl?: string;
  /** Default `mediawiki`. */
  target?: ExportTarget;
}

/** Pages and revisions read per query: memory stays flat whatever the wiki's size. */
const PAGE_BATCH = 100;
const REV_BATCH = 50;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' };
// eslint-disable-next-line no-control-regex -- characters XML 1.0 cannot carry are dropped
const NOT_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;

/** Escapes text and attribute values; \r is written as a reference so parsers keep it. */
export function xmlEscape(s: string): string {
  return s.replace(NOT_XML, '').replace(/[&<>"\r]/g, (c) => XML_ESCAPES[c]!);
}

/** MediaWiki's timestamp form: 2024-01-31T12:00:00Z (seconds). */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

const FORMATS: Record<ContentModel, string> = { wikitext: 'text/x-wiki', markdown: 'text/x-markdown' };

/**
 * Writes a MediaWiki export-0.11 dump to `out`, in the XSD's element order (page: title, ns, id,
 * redirect, revision*; revision: id, parentid, timestamp, contributor, minor, comment, model,
 * format, text, sha1). Streams with back-pressure. Deleted pages are left out.
 * Returns the number of pages and revisions written.
 */
export async function exportDump(deps: TransferDeps, out: NodeJS.WritableStream, o: ExportOptions): Promise<{ pages: number; revisions: number }> {
  const write = async (s: string) => {
    if (!out.write(s)) await once(out as NodeJS.EventEmitter, 'drain');
  };
  await write(siteInfo(o));
  const wanted = titleFilter(o.titles);
  let pages = 0;
  let revisions = 0;
  let after = 0;
  for (;;) {
    let q = deps.db.selectFrom('pages').select(['id', 'namespace', 'title', 'latest_rev_id', 'is_redirect']).where('deleted_at', 'is', null).where('id', '>', after).where('latest_rev_id', 'is not', null);
    if (o.namespace !== undefined) q = q.where('namespace', '=', o.namespace);
    if (wanted) {
      if (wanted.size === 0) break;
      q = q.where((eb) => eb.or([...wanted.values()].map((t) => eb.and([eb('namespace', '=', t.namespace), eb('title', '=', t.title)]))));
    }
    const batch = await q.orderBy('id').limit(PAGE_BATCH).execute();
    if (batch.length === 0) break;
    after = batch.at(-1)!.id;
    for (const p of batch) {
      const title = titleFromStored(p.namespace, p.title);
      if (!title) continue;
      let head = `  <page>\n    <title>${xmlEscape(title.full)}</title>\n    <ns>${p.namespace}</ns>\n    <id>${p.id}</id>\n`;
      let revAfter = 0;
      let first = true;
      for (;;) {
        let rq = deps.db.selectFrom('revisions').selectAll().where('page_id', '=', p.id);
        rq = o.history ? rq.where('id', '>', revAfter).orderBy('id').limit(REV_BATCH) : rq.where('id', '=', p.latest_rev_id!);
        const revs = await rq.execute();
        if (revs.length === 0) break;
        revAfter = revs.at(-1)!.id;
        let chunk = '';
        for (const r of revs) {
          if (first) {
            const latest = r.id === p.latest_rev_id ? r : await deps.db.selectFrom('revisions').select(['content', 'content_model']).where('id', '=', p.latest_rev_id!).executeTakeFirst();
            const target = p.is_redirect === 1 && latest ? redirectTarget(latest.content, latest.content_model as ContentModel) : undefined;
            if (target) head += `    <redirect title="${xmlEscape(target.full)}" />\n`;
            chunk += head;
            first = false;
          }
          chunk += revisionXml(forTarget(r, o.target ?? 'mediawiki'), o.history);
          revisions++;
        }
        await write(chunk);
        if (!o.history) break;
      }
      if (!first) {
        await write('  </page>\n');
        pages++;
      }
    }
  }
  await write('</mediawiki>\n');
  return { pages, revisions };
}

type RevisionRow = { id: number; parent_id: number | null; created_at: number; user_id: number | null; author_name: string; minor: number; summary: string; content_model: string; content: string; size: number; sha1: string };

/** A revision as the target wiki will store it: Markdown becomes wikitext for MediaWiki. */
function forTarget(r: RevisionRow, target: ExportTarget): RevisionRow {
  if (target === 'maillage' || r.content_model !== 'markdown') return r;
  const content = markdownToWikitext(r.content);
  return { ...r, content, content_model: 'wikitext', size: Buffer.byteLength(content, 'utf8'), sha1: sha1Base36(content) };
}

function revisionXml(r: { id: number; parent_id: number | null; created_at: number; user_id: number | null; author_name: string; minor: number; summary: string; content_model: string; content: string; size: number; sha1: string }, history: boolean): string {
  const isIp = /^(\d{1,3}\.){3}\d{1,3}$|^[0-9a-f:]+:[0-9a-f:]*$/i.test(r.author_name);
  const contributor = isIp
    ? `      <contributor>\n        <ip>${xmlEscape(r.author_name)}</ip>\n      </contributor>\n`
    : `      <contributor>\n        <username>${xmlEscape(r.author_name)}</username>\n${r.user_id !== null ? `        <id>${r.user_id}</id>\n` : ''}      </contributor>\n`;
  const model = r.content_model === 'markdown' ? 'markdown' : 'wikitext';
  return '    <revision>\n'
    + `      <id>${r.id}</id>\n`
    + (history && r.parent_id !== null ? `      <parentid>${r.parent_id}</parentid>\n` : '')
    + `      <timestamp>${isoSeconds(r.created_at)}</timestamp>\n`
    + contributor
    + (r.minor ? '      <minor />\n' : '')
    + (r.summary ? `      <comment>${xmlEscape(r.summary)}</comment>\n` : '')
    + `      <model>${model}</model>\n`
    + `      <format>${FORMATS[model]}</format>\n`
    + `      <text bytes="${r.size}" sha1="${r.sha1}" xml:space="preserve">${xmlEscape(r.content)}</text>\n`
    + `      <sha1>${r.sha1}</sha1>\n`
    + '    </revision>\n';
}

function siteInfo(o: ExportOptions): string {
  const ns = NAMESPACES.map((n) => (n.name === '' ? `      <namespace key="${n.id}" case="first-letter" />` : `      <namespace key="${n.id}" case="first-letter">${xmlEscape(n.name)}</namespace>`)).join('\n');
  return '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.mediawiki.org/xml/export-0.11/ http://www.mediawiki.org/xml/export-0.11.xsd" version="0.11" xml:lang="fr">\n'
    + '  <siteinfo>\n'
    + `    <sitename>${xmlEscape(o.siteName ?? 'Maillage')}</sitename>\n`
    + `    <dbname>${xmlEscape((o.siteName ?? 'maillage').toLowerCase().replace(/[^a-z0-9_]+/g, '_'))}</dbname>\n`
    + (o.baseUrl ? `    <base>${xmlEscape(o.baseUrl)}</base>\n` : '')
    + '    <generator>Maillage</generator>\n'
    + '    <case>first-letter</case>\n'
    + `    <namespaces>\n${ns}\n    </namespaces>\n`
    + '  </siteinfo>\n';
}

function titleFilter(titles: string[] | undefined): Map<string, { namespace: number; title: string }> | undefined {
  if (!titles) return undefined;
  const out = new Map<string, { namespace: number; title: string }>();
  for (const raw of titles.slice(0, 5000)) {
    const r = raw.trim() ? parseTitle(raw.trim()) : undefined;
    if (r?.ok && r.title.namespace >= 0) out.set(r.title.key, { namespace: r.title.namespace, title: r.title.text.replace(/ /g, '_') });
  }
  return out;
}
