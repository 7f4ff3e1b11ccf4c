import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/core/actor.ts';
import type { Maillage } from '../../src/main.ts';
import { markdownToWikitext, parseTitle } from '../../src/modules/markup/index.ts';
import { sha1Base36 } from '../../src/modules/wiki/index.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { scanDump } from '../support/dump.ts';
import { describeEachEngine } from '../support/each-engine.ts';

const SAMPLE_139 = '/work/shared/data/mediawiki-1.39-export-sample.xml';
const ADMIN: Actor = { kind: 'user', sessionId: 'test', user: { id: 0, name: 'Import', email: '', role: 'admin', locale: null, createdAt: 0 } };

async function importFile(m: Maillage, file: string) {
  const importId = await m.transfer.createJob({ filePath: file, fileName: path.basename(file), userId: null, userName: 'test', now: Date.now(), status: 'running' });
  return m.transfer.import({ importId, file, actor: ADMIN });
}

async function exportXml(m: Maillage, o: Parameters<Maillage['transfer']['export']>[1]): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await m.transfer.export(out, o);
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

/** The export-0.11 XSD's sequences (docs/export-0.11.xsd): element order within each parent. */
const SEQUENCES: Record<string, Array<[string, 'one' | 'optional' | 'many']>> = {
  mediawiki: [['siteinfo', 'optional'], ['page', 'many'], ['logitem', 'many']],
  siteinfo: [['sitename', 'optional'], ['dbname', 'optional'], ['base', 'optional'], ['generator', 'optional'], ['case', 'optional'], ['namespaces', 'optional']],
  page: [['title', 'one'], ['ns', 'one'], ['id', 'one'], ['redirect', 'optional'], ['restrictions', 'optional'], ['revision', 'many'], ['discussionthreadinginfo', 'optional']],
  revision: [['id', 'one'], ['parentid', 'optional'], ['timestamp', 'one'], ['contributor', 'one'], ['minor', 'optional'], ['comment', 'optional'], ['model', 'one'], ['format', 'one'], ['text', 'one'], ['sha1', 'one']],
  contributor: [['username', 'optional'], ['id', 'optional'], ['ip', 'optional']],
};

/** Checks every element's children against its XSD sequence; returns the violations. */
function xsdOrderErrors(xml: string): string[] {
  const errors: string[] = [];
  const stack: Array<{ name: string; children: string[] }> = [];
  const parser = new SaxesParser();
  parser.on('error', (e) => errors.push(e.message));
  parser.on('opentag', (tag) => {
    stack.at(-1)?.children.push(tag.name);
    stack.push({ name: tag.name, children: [] });
    if (tag.name === 'mediawiki' && (tag.attributes.version !== '0.11' || tag.attributes.xmlns !== 'http://www.mediawiki.org/xml/export-0.11/')) errors.push('root version');
  });
  parser.on('closetag', () => {
    const el = stack.pop()!;
    const seq = SEQUENCES[el.name];
    if (!seq) return;
    let i = 0;
    for (const [name, occurs] of seq) {
      let n = 0;
      while (el.children[i] === name) { i++; n++; }
      if (occurs === 'one' && n !== 1) errors.push(`${el.name}: expected one <${name}>, got ${n}`);
      if (occurs === 'optional' && n > 1) errors.push(`${el.name}: more than one <${name}>`);
    }
    if (i !== el.children.length) errors.push(`${el.name}: unexpected <${el.children[i]}> in ${el.children.join(',')}`);
  });
  parser.write(xml).close();
  return errors;
}

describeEachEngine('transfer: export (export-0.11) and round trip', (engine) => {
  let a: TestApp;
  let b: TestApp;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-export-'));
  beforeAll(async () => {
    a = await startTestApp(engine);
    b = await startTestApp(engine);
    await importFile(a.m, SAMPLE_139);
    // Local pages: Markdown, a signed-in author, a minor edit, characters XML must escape.
    const user = await a.m.accounts.operator.createUser({ email: 'awa@example.ca', name: 'Awa Diallo', role: 'contributor', password: 'correct horse battery' });
    const actor: Actor = { kind: 'user', sessionId: 's', user: { id: user.id, name: user.name, email: user.email, role: 'contributor', locale: null, createdAt: 0 } };
    const parsed = parseTitle('Aide:Échanges et citations');
    if (!parsed.ok) throw new Error('bad title');
    const title = parsed.title;
    const first = await a.m.wiki.wiki.save(actor, { title, text: 'Texte avec & < > " \' et\ttab, émoji 🎉, espace insécable\u00A0!\n\n[[Page test]]', summary: 'Création <b>&</b>', minor: false, baseRevId: null });
    if (first.kind !== 'saved') throw new Error('not saved');
    a.clock.advance(1500);
    await a.m.wiki.wiki.save(actor, { title, text: 'Texte avec & < > " \' et\ttab, émoji 🎉.\n\nDeuxième ligne.', summary: 'Retouche', minor: true, baseRevId: first.revision.id });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes export-0.11 XML in the XSD order, with bytes and sha1, that reads back as the same revisions', async () => {
    const xml = await exportXml(a.m, { history: true, target: 'maillage' });
    expect(xsdOrderErrors(xml)).toEqual([]);
    expect(xml).toContain('<namespace key="14" case="first-letter">Catégorie</namespace>');
    expect(xml).toContain('<redirect title="Maintenance préventive" />');
    const pages = scanDump(xml);
    const local = await a.m.db.db.selectFrom('revisions').selectAll().orderBy('id').execute();
    expect(pages.flatMap((p) => p.revisions).map((r) => r.id)).toEqual(local.map((r) => r.id));
    for (const r of pages.flatMap((p) => p.revisions)) {
      const row = local.find((l) => l.id === r.id)!;
      expect(r.text).toBe(row.content);
      expect(r.sha1).toBe(row.sha1);
    }
    const markdown = pages.find((p) => p.title === 'Aide:Échanges et citations')!;
    expect(markdown.revisions.map((r) => [r.author, r.comment, r.minor])).toEqual([['Awa Diallo', 'Création <b>&</b>', false], ['Awa Diallo', 'Retouche', true]]);
    expect(xml).toMatch(/<contributor>\s*<username>Awa Diallo<\/username>\s*<id>\d+<\/id>/);
  });

  it('round trip: export then import elsewhere keeps every revision byte for byte, with authors, times, comments, flags', async () => {
    const file = path.join(dir, 'all.xml');
    fs.writeFileSync(file, await exportXml(a.m, { history: true, target: 'maillage' }));
    const s = await importFile(b.m, file);
    const src = await a.m.db.db.selectFrom('revisions').innerJoin('pages', 'pages.id', 'revisions.page_id').select(['revisions.id', 'revisions.content', 'revisions.sha1', 'revisions.created_at', 'revisions.author_name', 'revisions.summary', 'revisions.minor', 'revisions.content_model', 'revisions.size', 'pages.namespace', 'pages.title']).orderBy('revisions.id').execute();
    expect(s.revisionsAdded).toBe(src.length);
    const dst = await b.m.db.db.selectFrom('transfer_revisions as t').innerJoin('revisions as r', 'r.id', 't.rev_id').innerJoin('pages', 'pages.id', 'r.page_id')
      .select(['t.source_rev_id', 'r.content', 'r.sha1', 'r.created_at', 'r.author_name', 'r.summary', 'r.minor', 'r.content_model', 'r.size', 'pages.namespace', 'pages.title']).execute();
    const byId = new Map(dst.map((r) => [Number(r.source_rev_id), r]));
    for (const r of src) {
      const d = byId.get(r.id)!;
      expect(d, `revision ${r.id}`).toBeDefined();
      expect(Buffer.from(d.content).equals(Buffer.from(r.content))).toBe(true);
      expect({ sha1: d.sha1, size: d.size, at: d.created_at, author: d.author_name, summary: d.summary, minor: d.minor, model: d.content_model, ns: d.namespace, title: d.title })
        .toEqual({ sha1: r.sha1, size: r.size, at: Math.floor(r.created_at / 1000) * 1000, author: r.author_name, summary: r.summary, minor: r.minor, model: r.content_model, ns: r.namespace, title: r.title });
    }
    // Exported again from the copy, the dump says the same (page and revision ids aside).
    const strip = (x: string) => scanDump(x).map((p) => ({ ...p, revisions: p.revisions.map(({ id: _i, parentId: _p, ...rest }) => rest) }));
    expect(strip(await exportXml(b.m, { history: true, target: 'maillage' }))).toEqual(strip(fs.readFileSync(file, 'utf8')));
  });

  it('for MediaWiki (the default): only the wikitext model, Markdown converted, bytes and sha1 of what is written; wikitext kept byte for byte', async () => {
    const xml = await exportXml(a.m, { history: true });
    expect(xsdOrderErrors(xml)).toEqual([]);
    expect([...xml.matchAll(/<model>([^<]*)<\/model>/g)].map((m) => m[1])).toSatisfy((models: string[]) => models.length > 0 && models.every((m) => m === 'wikitext'));
    expect(xml).not.toContain('markdown');
    const local = await a.m.db.db.selectFrom('revisions').selectAll().orderBy('id').execute();
    for (const r of [...xml.matchAll(/<revision>([\s\S]*?)<\/revision>/g)].map((m) => m[1]!)) {
      const text = scanDump(`<page><title>x</title><revision>${r}</revision></page>`)[0]!.revisions[0]!;
      const row = local.find((l) => l.id === text.id)!;
      expect(r).toContain(`bytes="${Buffer.byteLength(text.text)}" sha1="${sha1Base36(text.text)}"`);
      expect(text.sha1).toBe(sha1Base36(text.text));
      if (row.content_model === 'wikitext') expect(text.text).toBe(row.content);
      else expect(text.text).toBe(markdownToWikitext(row.content));
    }
    const page = scanDump(xml).find((p) => p.title === 'Aide:Échanges et citations')!;
    expect(page.revisions[0]!.text).toBe('Texte avec & &lt; &gt; " \' et\ttab, émoji 🎉, espace insécable\u00A0!\n\n[[Page test]]');
    // Imported back, the converted pages are wikitext pages that render the same words.
    const file = path.join(dir, 'for-mediawiki.xml');
    fs.writeFileSync(file, xml);
    const c = await startTestApp(engine);
    try {
      await importFile(c.m, file);
      const models = await c.m.db.db.selectFrom('revisions').select('content_model').distinct().execute();
      expect(models.map((m) => m.content_model)).toEqual(['wikitext']);
    } finally {
      await c.close();
    }
  });

  it('Spécial:Exporter offers both destinations (MediaWiki checked by default) and honours `for=maillage`', async () => {
    const reader = a.agent();
    const form = await reader.get('/wiki/Sp%C3%A9cial:Exporter');
    expect(form.body).toMatch(/<input type="radio" id="f-for-0" name="for" value="mediawiki" checked/);
    expect(form.body).toContain('Pour MediaWiki');
    const forMediaWiki = await reader.get('/wiki/Sp%C3%A9cial:Exporter?action=submit&pages=Aide:%C3%89changes_et_citations');
    expect(forMediaWiki.body).toContain('<model>wikitext</model>');
    expect(forMediaWiki.body).not.toContain('<model>markdown</model>');
    const forMaillage = await reader.get('/wiki/Sp%C3%A9cial:Exporter?action=submit&for=maillage&pages=Aide:%C3%89changes_et_citations');
    expect(forMaillage.body).toContain('<model>markdown</model>');
    const row = await a.m.db.db.selectFrom('revisions').innerJoin('pages', 'pages.id', 'revisions.page_id').select('content').where('pages.title', '=', 'Échanges_et_citations').orderBy('revisions.id', 'desc').executeTakeFirstOrThrow();
    expect(scanDump(forMaillage.body)[0]!.revisions[0]!.text).toBe(row.content);
  });

  it('exports the latest revisions only, a namespace, or a list of titles; Spécial:Exporter serves it to readers', async () => {
    const latest = scanDump(await exportXml(a.m, { history: false }));
    expect(latest.every((p) => p.revisions.length === 1)).toBe(true);
    expect(scanDump(await exportXml(a.m, { history: true, namespace: 10 })).map((p) => p.title)).toEqual(['Modèle:Bonjour']);
    expect(scanDump(await exportXml(a.m, { history: true, titles: ['Page test', 'Help:Échanges et citations', 'Nulle part'] })).map((p) => p.title)).toEqual(['Page test', 'Aide:Échanges et citations']);

    const reader = a.agent();
    const form = await reader.get('/wiki/Sp%C3%A9cial:Exporter');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Exporter des pages');
    const one = await reader.get('/wiki/Sp%C3%A9cial:Exporter?action=submit&pages=Page%20test');
    expect(one.statusCode).toBe(200);
    expect(one.headers['content-type']).toContain('application/xml');
    expect(one.headers['content-disposition']).toMatch(/^attachment; filename="maillage-\d{8}\.xml"/);
    expect(scanDump(one.body)[0]!.revisions).toHaveLength(1);
    const history = await reader.get('/wiki/Special:Export/Page_test?history=1');
    expect(scanDump(history.body)[0]!.revisions).toHaveLength(2);
    const empty = await reader.get('/wiki/Sp%C3%A9cial:Exporter?action=submit&pages=');
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Indiquez au moins un titre');
    reader.lang = 'en';
    expect((await reader.get('/wiki/Special:Export?action=submit')).body).toContain('Give at least one title');
  });
});
