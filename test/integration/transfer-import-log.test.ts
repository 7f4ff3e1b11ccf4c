import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/core/actor.ts';
import type { Maillage } from '../../src/main.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { readXml, scanDump, type ScannedPage } from '../support/dump.ts';
import { describeEachEngine } from '../support/each-engine.ts';

const SAMPLE_139 = '/work/shared/data/mediawiki-1.39-export-sample.xml';

async function importFile(m: Maillage, actor: Actor, file: string, batchRevisions?: number) {
  const importId = await m.transfer.createJob({ filePath: file, fileName: path.basename(file), userId: null, userName: 'test', now: Date.now(), status: 'running' });
  return m.transfer.import({ importId, file, actor, batchRevisions });
}

function importLogs(m: Maillage) {
  return m.db.db.selectFrom('logs').selectAll().where('type', '=', 'import').orderBy('id').execute();
}

describeEachEngine('transfer: imports leave one import/upload log entry per page, as MediaWiki', (engine) => {
  let a: TestApp;
  let admin: Actor;
  let pages: ScannedPage[];
  beforeAll(async () => {
    a = await startTestApp(engine);
    const user = await a.m.accounts.operator.createUser({ email: 'admin@example.ca', name: 'Awa Admin', role: 'admin', password: 'correct horse battery' });
    admin = { kind: 'user', sessionId: 's', user: { id: user.id, name: user.name, email: user.email, role: 'admin', locale: null, createdAt: 0 } };
    pages = scanDump(readXml(SAMPLE_139));
    // Batches of one revision: pages with several are cut across batches, and still get one entry.
    await importFile(a.m, admin, SAMPLE_139, 1);
  });
  afterAll(async () => {
    await a.close();
  });

  it('writes one entry per page with its revision count, by the importing admin; recent changes get one log line per page and no imported revision', async () => {
    expect(pages.some((p) => p.revisions.length > 1)).toBe(true);
    const logs = await importLogs(a.m);
    expect(logs).toHaveLength(pages.length);
    for (const p of pages) {
      const dbTitle = (p.ns === 0 ? p.title : p.title.slice(p.title.indexOf(':') + 1)).replace(/ /g, '_');
      const entry = logs.find((l) => l.namespace === p.ns && l.title === dbTitle)!;
      expect(entry, p.title).toBeDefined();
      expect(entry.page_id).toBe((await a.m.db.db.selectFrom('pages').select('id').where('namespace', '=', p.ns).where('title', '=', dbTitle).executeTakeFirstOrThrow()).id);
      const n = p.revisions.length;
      expect({ action: entry.action, author: entry.author_name, user: entry.user_id, params: JSON.parse(entry.params), comment: entry.comment })
        .toEqual({ action: 'upload', author: 'Awa Admin', user: admin.kind === 'user' ? admin.user.id : null, params: { revisions: n }, comment: n === 1 ? '1 révision importée' : `${n} révisions importées` });
    }
    const rc = await a.m.db.db.selectFrom('recent_changes').select(['kind', 'log_id', 'summary']).execute();
    expect(rc.filter((r) => r.kind !== 'log')).toEqual([]);
    expect(rc.map((r) => r.log_id).sort((x, y) => x! - y!)).toEqual(logs.map((l) => l.id));
    expect(rc.map((r) => r.summary).sort()).toEqual(logs.map((l) => l.comment).sort());
  });

  it('a re-run adds no entry (its revisions are all there); a dump with new revisions logs only those', async () => {
    const before = await importLogs(a.m);
    const again = await importFile(a.m, admin, SAMPLE_139);
    expect(again.revisionsAdded).toBe(0);
    expect(await importLogs(a.m)).toEqual(before);
    expect(Number((await a.m.db.db.selectFrom('recent_changes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(before.length);

    // The same wiki's dump later, with one more revision of its first page.
    const xml = readXml(SAMPLE_139);
    const end = xml.indexOf('</page>');
    const last = xml.slice(0, end).lastIndexOf('<revision>');
    const revision = xml.slice(last, xml.indexOf('</revision>', last) + '</revision>'.length)
      .replace(/<id>\d+<\/id>/, '<id>990001</id>').replace(/<parentid>\d+<\/parentid>\s*/, '')
      .replace(/<timestamp>[^<]+<\/timestamp>/, '<timestamp>2030-01-01T00:00:00Z</timestamp>').replace(/(<text[^>]*>)/, '$1Ajout. ');
    const later = path.join(os.tmpdir(), `maillage-import-log-${process.pid}-${engine}.xml`);
    fs.writeFileSync(later, `${xml.slice(0, end)}${revision}\n${xml.slice(end)}`);
    try {
      expect((await importFile(a.m, admin, later)).revisionsAdded).toBe(1);
    } finally {
      fs.rmSync(later, { force: true });
    }
    const after = await importLogs(a.m);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((l) => [`${l.namespace}:${l.title}`, l.comment])).toEqual([[`${pages[0]!.ns}:${pages[0]!.title.replace(/ /g, '_')}`, '1 révision importée']]);
  });

  it('Spécial:Journal shows the import log (filter by type), in French and English; recent changes show one line per page', async () => {
    const reader = a.agent();
    const journal = await reader.get('/wiki/Sp%C3%A9cial:Journal?type=import');
    expect(journal.statusCode).toBe(200);
    expect(journal.body).toContain('<option value="import" selected>Journal des importations</option>');
    expect(journal.body).toMatch(/Awa Admin <span>a importé <a href="\/wiki\/[^"]+">[^<]+<\/a> par téléversement de fichier<\/span>/);
    expect(journal.body).toMatch(/révisions? importées?/);
    // One per page, and the later import of one more revision (previous test).
    expect((journal.body.match(/a importé/g) ?? []).length).toBe(pages.length + 1);
    const deletions = await reader.get('/wiki/Sp%C3%A9cial:Journal?type=delete');
    expect(deletions.body).not.toContain('a importé');
    reader.lang = 'en';
    const english = await reader.get('/wiki/Special:Log/import');
    expect(english.body).toContain('Import log');
    expect(english.body).toMatch(/<span>imported <a href="\/wiki\/[^"]+">[^<]+<\/a> by file upload<\/span>/);
    reader.lang = undefined;
    const rc = await reader.get('/wiki/Sp%C3%A9cial:Modifications_r%C3%A9centes?limit=500');
    expect((rc.body.match(/\(Journal des importations\) <span>a importé/g) ?? []).length).toBe(pages.length + 1);
  });
});
