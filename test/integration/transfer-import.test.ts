import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/core/actor.ts';
import { translate } from '../../src/core/i18n/index.ts';
import type { Maillage } from '../../src/main.ts';
import { htmlToText } from '../../src/modules/search/index.ts';
import { analyze } from '../../src/modules/search/threads.ts';
import { title } from '../../src/modules/markup/testing.ts';
import { TransferError } from '../../src/modules/transfer/index.ts';
import { sha1Base36 } from '../../src/modules/wiki/index.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { readXml, scanDump, type ScannedPage } from '../support/dump.ts';
import { describeEachEngine } from '../support/each-engine.ts';

const CORPUS_1K = '/work/shared/data/corpus/corpus-fr-1000.xml.gz';
const SAMPLE_139 = '/work/shared/data/mediawiki-1.39-export-sample.xml';
const ADMIN: Actor = { kind: 'user', sessionId: 'test', user: { id: 0, name: 'Import', email: '', role: 'admin', locale: null, createdAt: 0 } };

export async function importFile(m: Maillage, file: string, o: { batchRevisions?: number; readerThread?: boolean; prerender?: boolean } = {}) {
  const importId = await m.transfer.createJob({ filePath: file, fileName: path.basename(file), userId: null, userName: 'test', now: Date.now(), status: 'running' });
  return m.transfer.import({ importId, file, actor: ADMIN, ...o });
}

async function count(m: Maillage, table: 'pages' | 'revisions' | 'search_pages' | 'transfer_revisions'): Promise<number> {
  const r = await m.db.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Every revision of the dump is there once, with its author, time, comment, minor flag and exact bytes (same SHA-1). */
async function expectRevisions(m: Maillage, pages: ScannedPage[], source: string) {
  const rows = await m.db.db
    .selectFrom('transfer_revisions as t')
    .innerJoin('revisions as r', 'r.id', 't.rev_id')
    .select(['t.source_rev_id', 'r.author_name', 'r.user_id', 'r.created_at', 'r.summary', 'r.minor', 'r.sha1', 'r.size', 'r.content', 'r.content_model'])
    .where('t.source', '=', source)
    .execute();
  const byId = new Map(rows.map((r) => [Number(r.source_rev_id), r]));
  const revisions = pages.flatMap((p) => p.revisions);
  expect(byId.size).toBe(revisions.length);
  for (const rev of revisions) {
    const row = byId.get(rev.id);
    expect(row, `revision ${rev.id}`).toBeDefined();
    expect({ author: row!.author_name, at: row!.created_at, comment: row!.summary, minor: row!.minor === 1, model: row!.content_model })
      .toEqual({ author: rev.author, at: rev.timestamp, comment: rev.comment, minor: rev.minor, model: 'wikitext' });
    if (rev.sha1) expect(row!.sha1).toBe(rev.sha1);
    // Computed by the reader thread for a dump of 1 MB or more, else while writing: the same.
    expect(row!.sha1).toBe(sha1Base36(rev.text));
    expect(row!.size).toBe(Buffer.byteLength(rev.text, 'utf8'));
    expect(row!.content).toBe(rev.text);
    expect(row!.user_id).toBeNull(); // nobody of the dump has an account here
  }
}

describeEachEngine('transfer: MediaWiki dump import', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t.close();
  });

  it('imports the real MediaWiki 1.39 export: pages, revisions, redirect, authors, parents; a re-run adds nothing', async () => {
    const pages = scanDump(readXml(SAMPLE_139));
    const s = await importFile(t.m, SAMPLE_139);
    expect(s.pages).toBe(pages.length);
    expect(s.revisionsAdded).toBe(pages.reduce((n, p) => n + p.revisions.length, 0));
    await expectRevisions(t.m, pages, 'wiki');
    const live = await t.m.db.db.selectFrom('pages').selectAll().execute();
    expect(live.filter((p) => p.is_redirect === 1).map((p) => p.title)).toEqual(pages.filter((p) => p.redirect).map((p) => p.title.replace(/ /g, '_')));
    const template = live.find((p) => p.namespace === 10);
    expect(template?.title).toBe('Bonjour');
    // Parents: the second revision of "Page test" follows the first.
    const page = (await t.m.wiki.wiki.page({ namespace: 0, text: 'Page test', fragment: '', full: 'Page test', key: 'Page_test' }))!;
    const history = await t.m.wiki.wiki.revisions(page.id, { limit: 10 });
    expect(history).toHaveLength(2);
    expect(history[0]!.parentId).toBe(history[1]!.id);
    expect(page.latestRevId).toBe(history[0]!.id);
    // Viewable, rendered at the latest revision, indexed for search (not the redirect).
    const view = await t.agent().get('/wiki/Page_test');
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain('Ajout.');
    const hits = await t.m.search.search({ q: 'Procédure étape' });
    expect(hits.hits.map((h) => h.fullTitle)).toContain('Maintenance préventive');
    expect((await t.m.search.search({ q: 'Maintenance preventive' })).hits.map((h) => h.fullTitle)).not.toContain('Maintenance preventive');

    const again = await importFile(t.m, SAMPLE_139);
    expect(again.revisionsAdded).toBe(0);
    expect(again.revisionsSkipped).toBe(s.revisionsAdded);
    expect(await count(t.m, 'revisions')).toBe(s.revisionsAdded);
    expect(await count(t.m, 'pages')).toBe(pages.length);
  });

  it.each([false, true])('stops on malformed XML with its line and column, keeps the pages read before, and resumes once fixed (dump read in a thread: %s)', async (readerThread) => {
    const xml = readXml(SAMPLE_139);
    const dbname = `wiki-broken-${readerThread}`;
    const cut = xml.indexOf('<page>\n    <title>Maintenance preventive</title>');
    const broken = `${xml.slice(0, cut)}<page>\n    <title>Cassée</title>\n    <ns>0</ns><id>9</id></revision>\n  </page>\n</mediawiki>\n`;
    const line = broken.slice(0, broken.lastIndexOf('</revision>')).split('\n').length;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-dump-'));
    const file = path.join(dir, 'broken.xml');
    fs.writeFileSync(file, broken.replace(/<dbname>wiki<\/dbname>/, `<dbname>${dbname}</dbname>`));
    const before = await count(t.m, 'pages');
    const err = await importFile(t.m, file, { readerThread }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(TransferError);
    const e = err as TransferError;
    expect(e.key).toBe('transfer.error.malformed');
    expect(e.params.line).toBe(line);
    expect(Number(e.params.column)).toBeGreaterThan(0);
    const fr = translate('fr-CA', e.key, e.params);
    expect(fr).toContain(`ligne ${line}, colonne ${e.params.column}`);
    expect(fr).toContain('relancez');
    expect(translate('en-CA', e.key, e.params)).toContain(`line ${line}, column ${e.params.column}`);
    // The four pages before the fault were imported (their titles exist already: revisions were added to them).
    const kept = await t.m.db.db.selectFrom('transfer_revisions').select('source_rev_id').where('source', '=', dbname).execute();
    expect(kept.map((r) => Number(r.source_rev_id)).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await count(t.m, 'pages')).toBe(before);
    // Fixed file: only what was missing is added.
    fs.writeFileSync(file, xml.replace(/<dbname>wiki<\/dbname>/, `<dbname>${dbname}</dbname>`));
    const fixed = await importFile(t.m, file, { readerThread });
    expect(fixed.revisionsAdded).toBe(1);
    expect(fixed.revisionsSkipped).toBe(6);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('with prerender, stores every page of the import rendered at its latest revision', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-dump-'));
    const file = path.join(dir, 'prerender.xml');
    fs.writeFileSync(file, readXml(SAMPLE_139).replace(/<dbname>wiki<\/dbname>/, '<dbname>wiki-prerender</dbname>').replaceAll('<title>', '<title>Rendue '));
    const s = await importFile(t.m, file, { prerender: true });
    const ids = (await t.m.db.db.selectFrom('transfer_import_pages').select('page_id').where('import_id', '=', s.importId).execute()).map((r) => r.page_id);
    expect(ids.length).toBe(s.pages);
    const rendered = await t.m.db.db.selectFrom('pages').innerJoin('page_renders', (j) => j.onRef('page_renders.page_id', '=', 'pages.id').onRef('page_renders.rev_id', '=', 'pages.latest_rev_id')).select(['pages.id', 'page_renders.html']).where('pages.id', 'in', ids).execute();
    expect(rendered).toHaveLength(ids.length);
    // Full renders (a render for indexing has no mw-parser-output wrapper); the redirect shows its target.
    expect(rendered.map((r) => /^<div class="(mw-parser-output|redirectMsg)">/.exec(r.html)?.[1]).sort()).toEqual(['mw-parser-output', 'mw-parser-output', 'mw-parser-output', 'mw-parser-output', 'redirectMsg']);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports the 1k corpus: pages, revisions, redirects and categories as the XML says, all viewable and indexed', { timeout: 300_000 }, async () => {
    const pages = scanDump(readXml(CORPUS_1K));
    const s = await importFile(t.m, CORPUS_1K);
    const revisions = pages.reduce((n, p) => n + p.revisions.length, 0);
    expect(s.pages).toBe(pages.length);
    expect(s.revisionsAdded).toBe(revisions);
    expect(s.invalidTitles).toBe(0);
    await expectRevisions(t.m, pages, 'mwanchor');
    const db = t.m.db.db;
    const rows = await db.selectFrom('pages').innerJoin('transfer_import_pages as t', 't.page_id', 'pages.id').select(['pages.namespace', 'pages.is_redirect', 'pages.id']).where('t.import_id', '=', s.importId).execute();
    expect(rows).toHaveLength(pages.length);
    expect(rows.filter((r) => r.is_redirect === 1)).toHaveLength(pages.filter((p) => p.redirect).length);
    for (const ns of [0, 1, 10, 14]) expect(rows.filter((r) => r.namespace === ns).length, `namespace ${ns}`).toBe(pages.filter((p) => p.ns === ns).length);
    // Links tables filled and search index complete; no page rendered yet (each renders on its first view).
    const ids = rows.map((r) => r.id);
    const renderedAtLatest = () => db.selectFrom('pages').innerJoin('page_renders', (j) => j.onRef('page_renders.page_id', '=', 'pages.id').onRef('page_renders.rev_id', '=', 'pages.latest_rev_id')).select('pages.id').where('pages.id', 'in', ids).execute();
    expect(await renderedAtLatest()).toHaveLength(0);
    const indexed = await db.selectFrom('search_pages').select(['page_id', 'body']).where('page_id', 'in', ids).execute();
    expect(indexed).toHaveLength(pages.filter((p) => !p.redirect).length);
    const linkRows = async () => ({
      links: (await db.selectFrom('page_links').select(['from_page_id', 'to_namespace', 'to_title']).where('from_page_id', 'in', ids).orderBy('from_page_id').orderBy('to_namespace').orderBy('to_title').execute()),
      templates: (await db.selectFrom('template_links').select(['from_page_id', 'to_namespace', 'to_title']).where('from_page_id', 'in', ids).orderBy('from_page_id').orderBy('to_namespace').orderBy('to_title').execute()),
      categories: (await db.selectFrom('category_links').select(['from_page_id', 'category', 'sort_key']).where('from_page_id', 'in', ids).orderBy('from_page_id').orderBy('category').execute()),
    });
    const fromIndex = await linkRows();
    expect(fromIndex.links.length).toBeGreaterThan(pages.length);
    expect(fromIndex.templates.length).toBeGreaterThan(0);
    expect(fromIndex.categories.length).toBeGreaterThan(0);
    // Rendering every page in full gives the same links tables, and the same indexed words.
    const bodies = new Map(indexed.map((r) => [r.page_id, r.body]));
    let compared = 0;
    await t.m.wiki.wiki.renderLatest(ids, async (_trx, stored) => {
      for (const r of stored) {
        if (r.isRedirect) continue;
        expect(analyze(htmlToText(r.html)), `words of page ${r.title}`).toBe(analyze(bodies.get(r.pageId)!));
        compared++;
      }
    });
    expect(compared).toBe(indexed.length);
    expect(await linkRows()).toEqual(fromIndex);
    expect(await renderedAtLatest()).toHaveLength(pages.length);
    // Each page's latest revision is the dump's last one.
    const latest = await db.selectFrom('pages').innerJoin('transfer_revisions as t', 't.rev_id', 'pages.latest_rev_id').select('t.source_rev_id').where('pages.id', 'in', rows.map((r) => r.id)).execute();
    expect(new Set(latest.map((r) => Number(r.source_rev_id)))).toEqual(new Set(pages.map((p) => p.revisions.at(-1)!.id)));
  });
});

describeEachEngine('transfer: uploads named by a dump', (engine) => {
  let t: TestApp;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-uploads-'));
  beforeAll(async () => {
    t = await startTestApp(engine, { DATA_DIR: dir });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('records every <upload> and stores the file found in the given directory, once', async () => {
    const { png } = await import('../support/files.ts');
    const bytes = await png(64, 32);
    fs.mkdirSync(path.join(dir, 'images'));
    fs.writeFileSync(path.join(dir, 'images', 'Logo_réseau.png'), bytes);
    const upload = (name: string, size: number) => `<upload><timestamp>2024-03-01T10:00:00Z</timestamp><contributor><username>Awa</username><id>3</id></contributor><comment>Logo officiel</comment><filename>${name}</filename><src>https://wiki.example/images/${name}</src><size>${size}</size></upload>`;
    const xml = `<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10" xml:lang="fr"><siteinfo><dbname>images</dbname><namespaces><namespace key="0" /><namespace key="6">File</namespace></namespaces></siteinfo>
<page><title>File:Logo réseau.png</title><ns>6</ns><id>1</id><revision><id>10</id><timestamp>2024-03-01T10:00:00Z</timestamp><contributor><username>Awa</username><id>3</id></contributor><comment>Logo officiel</comment><model>wikitext</model><format>text/x-wiki</format><text xml:space="preserve">Le logo du réseau.</text></revision>${upload('Logo_réseau.png', bytes.length)}</page>
<page><title>File:Absent.jpg</title><ns>6</ns><id>2</id><revision><id>11</id><timestamp>2024-03-01T10:00:00Z</timestamp><contributor><ip>192.0.2.1</ip></contributor><text xml:space="preserve">Absent.</text></revision>${upload('Absent.jpg', 1234)}</page>
</mediawiki>`;
    const file = path.join(dir, 'images.xml');
    fs.writeFileSync(file, xml);
    const admin = await t.m.accounts.operator.createUser({ email: 'admin@example.ca', name: 'Admin', role: 'admin', password: 'correct horse battery' });
    const actor: Actor = { kind: 'user', sessionId: 's', user: { id: admin.id, name: admin.name, email: admin.email, role: 'admin', locale: null, createdAt: 0 } };
    const run = async () => {
      const importId = await t.m.transfer.createJob({ filePath: file, fileName: 'images.xml', userId: admin.id, userName: admin.name, now: Date.now(), status: 'running' });
      return t.m.transfer.import({ importId, file, actor, filesDir: path.join(dir, 'images') });
    };
    const s = await run();
    expect(s).toMatchObject({ pages: 2, revisionsAdded: 2, uploads: 2, uploadsStored: 1 });
    const stored = await t.m.files.current('Logo_réseau.png');
    expect(stored).toMatchObject({ mime: 'image/png', width: 64, height: 32, size: bytes.length });
    const rows = await t.m.db.db.selectFrom('transfer_uploads').selectAll().orderBy('file_name').execute();
    expect(rows.map((r) => [r.file_name, r.user_name, r.comment, Number(r.size), r.version_id !== null])).toEqual([['Absent.jpg', 'Awa', 'Logo officiel', 1234, false], ['Logo_réseau.png', 'Awa', 'Logo officiel', bytes.length, true]]);
    // The description page keeps the imported text (the upload did not write over it).
    expect((await t.agent().get('/wiki/Fichier:Logo_r%C3%A9seau.png?action=raw')).body).toBe('Le logo du réseau.');
    const again = await run();
    expect(again).toMatchObject({ revisionsAdded: 0, uploadsStored: 0 });
    expect(await t.m.files.history('Logo_réseau.png')).toHaveLength(1);
  });
});

describeEachEngine('transfer: pages outside an import', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t.close());

  it('drops the stored render of a page linking to a title the import brings (its red link turns blue), and only that one', async () => {
    await t.signedIn('agent', 'awa@example.ca');
    const actor = await t.m.accounts.operator.actorFor('awa@example.ca');
    const save = async (page: string, text: string) => {
      const r = await t.m.wiki.wiki.save(actor, { title: title(page), text, summary: '', minor: false, baseRevId: null, contentModel: 'wikitext' });
      expect(r.kind).toBe('saved');
    };
    await save('Page locale', 'Voir [[Titre venu d’ailleurs]].');
    await save('Autre page', 'Sans lien vers l’import.');
    const renders = async () => (await t.m.db.db.selectFrom('page_renders').innerJoin('pages', 'pages.id', 'page_renders.page_id').select('pages.title').orderBy('pages.title').execute()).map((r) => r.title);
    expect(await renders()).toEqual(['Autre_page', 'Page_locale']);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-dump-'));
    const file = path.join(dir, 'petit.xml');
    fs.writeFileSync(file, `<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="fr">
  <page>
    <title>Titre venu d’ailleurs</title>
    <ns>0</ns>
    <id>1</id>
    <revision><id>1</id><timestamp>2024-01-01T00:00:00Z</timestamp><contributor><username>Quelqu’un</username><id>1</id></contributor><model>wikitext</model><format>text/x-wiki</format><text xml:space="preserve">Arrivé par importation.</text></revision>
  </page>
</mediawiki>
`);
    try {
      await importFile(t.m, file);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(await renders()).toEqual(['Autre_page']);
  });
});
