import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildMaillage, type Maillage } from '../../src/main.ts';
import type { Agent, TestApp } from '../support/app.ts';
import { startTestApp } from '../support/app.ts';
import { describeEachEngine } from '../support/each-engine.ts';
import { fetchBytes, pdf, png, tempDataDir, upload } from '../support/files.ts';

describeEachEngine('files: file pages, history, embedding', (engine) => {
  let t: TestApp;
  let awa: Agent;
  const data = tempDataDir();
  beforeAll(async () => {
    t = await startTestApp(engine, { DATA_DIR: data.dir });
    awa = await t.signedIn('agent', 'awa@example.ca');
  });
  afterAll(async () => {
    await t.close();
    data.remove();
  });

  async function save(page: string, text: string) {
    const url = `/wiki/${encodeURIComponent(page.replace(/ /g, '_'))}`;
    const form = await awa.get(`${url}?action=edit`);
    const base = form.body.match(/name="base_rev" value="(\d*)"/)?.[1] ?? '';
    const res = await awa.post(`${url}?action=submit`, { text, summary: 'test', base_rev: base });
    expect(res.statusCode).toBe(303);
  }

  it('shows the file, its description and its history, which grows with each new version', async () => {
    expect((await upload(t.app, awa, { description: 'Carte des **régions**.', comment: 'v1' }, { name: 'Carte.png', bytes: await png(800, 600) })).statusCode).toBe(303);
    const first = await t.agent().get('/wiki/Fichier:Carte.png');
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('<strong>régions</strong>');
    expect(first.body).toMatch(/<img src="\/fichiers\/vignettes\/640\/\d+\/Carte.png" width="640" height="480" alt="Carte.png"/);
    expect(first.body).toContain('800 × 600 pixels');

    const v2 = await upload(t.app, awa, { destination: 'Carte.png', comment: 'v2 plus grande' }, { name: 'carte-2.png', bytes: await png(1024, 512, '#a4161a') });
    expect(v2.statusCode).toBe(303);
    const same = await upload(t.app, awa, { destination: 'Carte.png' }, { name: 'carte-2.png', bytes: await png(1024, 512, '#a4161a') });
    expect(same.statusCode).toBe(400);
    expect(same.body).toContain('identique à la version actuelle');

    const page = await t.agent().get('/wiki/Fichier:Carte.png');
    const history = page.body.slice(page.body.indexOf('id="filehistory"'));
    expect(history.match(/<tr[ >]/g)).toHaveLength(3); // header + two versions
    expect(history).toMatch(/1\s024 × 512/);
    expect(history).toContain('800 × 600');
    expect(history).toContain('v2 plus grande');
    expect(history).toContain('(actuelle)');
    expect(history).toContain('Test agent');
    // The description was kept (no new description given) and the upload log has both entries.
    expect(page.body).toContain('<strong>régions</strong>');
    const log = await t.agent().get('/wiki/Sp%C3%A9cial:Journal?type=upload');
    expect(log.body).toContain('(journal upload : upload)');
    expect(log.body).toContain('(journal upload : overwrite)');
    const versions = await t.m.files.history('Carte.png');
    expect(versions.map((v) => v.comment)).toEqual(['v2 plus grande', 'v1']);
    // Old versions stay reachable at their own URL.
    expect((await fetchBytes(t.app, `/fichiers/${versions[1]!.id}/Carte.png`)).statusCode).toBe(200);
    const en = await t.agent().get('/wiki/Fichier:Carte.png?uselang=en');
    expect(en.body).toContain('File history');
  });

  it('embeds images as MediaWiki does, and a missing file as a red link to the upload form', async () => {
    const current = (await t.m.files.current('Carte.png'))!;
    await save('Galerie', [
      'Intro.',
      '',
      '[[Fichier:Carte.png|vignette|droite|La carte des [[Régions]]]]',
      '',
      'Petit : [[File:Carte.png|320px|alt=Carte du réseau]] et [[Fichier:Plan.png|gauche|Plan à venir]].',
    ].join('\n'));
    const html = (await t.agent().get('/wiki/Galerie')).body;
    expect(html).toContain('<figure class="mw-file mw-file-thumb mw-halign-right mw-default-size"><a href="/wiki/Fichier:Carte.png" class="mw-file-description">');
    expect(html).toContain(`<img src="/fichiers/vignettes/220/${current.id}/Carte.png"`);
    expect(html).toMatch(/width="220" height="110" loading="lazy"/);
    expect(html).toMatch(/<figcaption>La carte des <a href="\/wiki\/R%C3%A9gions\?action=edit&amp;redlink=1" class="new"/);
    expect(html).toMatch(new RegExp(`<img src="/fichiers/vignettes/320/${current.id}/Carte.png"[^>]* alt="Carte du réseau" width="320" height="160"`));
    expect(html).toContain('href="/wiki/Sp%C3%A9cial:T%C3%A9l%C3%A9verser?wpDestFile=Plan.png" class="new"');
    expect(html).not.toMatch(/<p>\s*<figure/);
    // File usage is recorded as links: Pages liées lists the page.
    const linked = await t.agent().get('/wiki/Sp%C3%A9cial:Pages_li%C3%A9es/Fichier:Carte.png');
    expect(linked.body).toContain('Galerie');
  });

  it('turns the red embed into an image once uploaded, and shows the new version after a re-upload', async () => {
    expect((await upload(t.app, awa, {}, { name: 'Plan.png', bytes: await png(400, 300) })).statusCode).toBe(303);
    const plan = (await t.m.files.current('Plan.png'))!;
    let html = (await t.agent().get('/wiki/Galerie')).body;
    expect(html).not.toContain('wpDestFile=Plan.png');
    expect(html).toMatch(new RegExp(`<figure class="mw-file mw-halign-left mw-default-size"><a href="/wiki/Fichier:Plan.png" class="mw-file-description" title="Plan à venir"><img src="/fichiers/${plan.id}/Plan.png"`));

    expect((await upload(t.app, awa, { destination: 'Carte.png', comment: 'v3' }, { name: 'c.png', bytes: await png(600, 600) })).statusCode).toBe(303);
    const v3 = (await t.m.files.current('Carte.png'))!;
    html = (await t.agent().get('/wiki/Galerie')).body;
    expect(html).toContain(`<img src="/fichiers/vignettes/220/${v3.id}/Carte.png"`);
    expect(html).toMatch(/width="220" height="220"/);
  });

  it('links an embedded PDF to the document, and lists the files', async () => {
    expect((await upload(t.app, awa, {}, { name: 'Guide.pdf', bytes: pdf() })).statusCode).toBe(303);
    await save('Documents', '[[Fichier:Guide.pdf|vignette|Le guide]]');
    const html = (await t.agent().get('/wiki/Documents')).body;
    const guide = (await t.m.files.current('Guide.pdf'))!;
    expect(html).toContain(`<a href="/fichiers/${guide.id}/Guide.pdf" class="mw-file-link" type="application/pdf">Guide.pdf</a><figcaption>Le guide</figcaption>`);
    const page = (await t.agent().get('/wiki/Fichier:Guide.pdf')).body;
    expect(page).toContain('Télécharger Guide.pdf');
    expect(page).toMatch(/<td>PDF<\/td>/);
    const list = await t.agent().get('/wiki/Sp%C3%A9cial:Liste_des_fichiers');
    expect(list.body).toContain('Fichier:Guide.pdf');
    expect(list.body).toContain('Fichier:Carte.png');
  });
});

describeEachEngine('files: two instances sharing the database store', (engine) => {
  let t: TestApp;
  let second: Maillage;
  beforeAll(async () => {
    t = await startTestApp(engine, { FILE_STORAGE: 'database' });
    second = await buildMaillage(t.config, { db: t.testDb.open(), migrate: false });
  });
  afterAll(async () => {
    await second.close();
    await second.db.destroy();
    await t.close();
  });

  it('serves on one instance a file uploaded on the other, thumbnails included', async () => {
    const a = await t.signedIn('contributor');
    const bytes = await png(700, 350);
    expect((await upload(t.app, a, {}, { name: 'Partagé.png', bytes })).statusCode).toBe(303);
    const got = await fetchBytes(second.app, '/fichiers/Partag%C3%A9.png');
    expect(got.statusCode).toBe(200);
    expect(got.bytes.equals(bytes)).toBe(true);
    expect((await fetchBytes(second.app, '/fichiers/vignettes/320/Partag%C3%A9.png')).statusCode).toBe(200);
    const blobs = await t.m.db.db.selectFrom('blobs').select('key').execute();
    expect(blobs.map((b) => b.key.split('/')[0]).sort()).toEqual(['o', 't']);
    expect((await second.app.inject({ method: 'GET', url: '/wiki/Fichier:Partag%C3%A9.png' })).body).toContain('filehistory');
  });
});
