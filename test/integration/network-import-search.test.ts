import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/core/actor.ts';
import type { TestApp } from '../support/app.ts';
import { startTestApp } from '../support/app.ts';
import { describeEachEngine } from '../support/each-engine.ts';

const ORG = { name: 'Arrimage', kind: 'regional_council', region: '11', sectors: 'Patrimoine vivant', website: 'https://arrimage.example', wikidata: '', text: 'Le conseil des îles.', summary: '' };
const ADMIN: Actor = { kind: 'user', sessionId: 'test', user: { id: 0, name: 'Import', email: '', role: 'admin', locale: null, createdAt: 0 } };

describeEachEngine('network: imported entity pages are found by their fields, like saved ones', (engine) => {
  let source: TestApp;
  let target: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-import-search-'));
    source = await startTestApp(engine);
    const awa = await source.signedIn('agent', 'awa@example.ca');
    expect((await awa.post('/reseau/organisations/nouvelle', ORG)).statusCode).toBe(303);
    const dump = await source.agent().get('/wiki/Sp%C3%A9cial:Exporter?action=submit&for=maillage&pages=Organisation:Arrimage');
    expect(dump.body).toContain('region: 11');
    fs.writeFileSync(path.join(dir, 'dump.xml'), dump.body);
    target = await startTestApp(engine);
  });
  afterAll(async () => {
    await source.close();
    await target.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('indexes the fields of an imported organisation: its region, its kind in both languages, its sectors', async () => {
    const file = path.join(dir, 'dump.xml');
    const importId = await target.m.transfer.createJob({ filePath: file, fileName: 'dump.xml', userId: null, userName: 'test', now: Date.now(), status: 'running' });
    const summary = await target.m.transfer.import({ importId, file, actor: ADMIN });
    expect(summary.pagesRendered).toBe(1);
    const search = async (q: string) => (await target.agent().get(`/wiki/Sp%C3%A9cial:Recherche?q=${encodeURIComponent(q)}`)).body;
    for (const q of ['Madeleine', 'conseil régional de la culture', 'regional council', 'patrimoine vivant']) expect(await search(q), q).toContain('href="/wiki/Organisation:Arrimage"');
    expect(await search('example')).not.toContain('href="/wiki/Organisation:Arrimage"');
  });
});
