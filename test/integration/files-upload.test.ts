import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Agent, TestApp } from '../support/app.ts';
import { startTestApp } from '../support/app.ts';
import { describeEachEngine } from '../support/each-engine.ts';
import { elf, fetchBytes, jpeg, pdf, pe, png, svg, tempDataDir, upload } from '../support/files.ts';

const UPLOAD_PAGE = '/wiki/Sp%C3%A9cial:T%C3%A9l%C3%A9verser';

describeEachEngine('files: upload, refusals, serving, thumbnails', (engine) => {
  let t: TestApp;
  let felix: Agent;
  const data = tempDataDir();
  beforeAll(async () => {
    // 0.25 MB limit so the size checks are cheap; disk storage on SQLite, database on PostgreSQL (the defaults).
    t = await startTestApp(engine, { DATA_DIR: data.dir, UPLOAD_MAX_MB: '0.25' });
    felix = await t.signedIn('contributor', 'felix@example.ca');
  });
  afterAll(async () => {
    await t.close();
    data.remove();
  });

  it('shows the upload form to contributors, with the CSRF token as a multipart field', async () => {
    const form = await felix.get(`${UPLOAD_PAGE}?wpDestFile=Logo.png`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('enctype="multipart/form-data"');
    expect(form.body).toMatch(/<form[^>]*action="\/fichiers"[\s\S]*name="_csrf"[\s\S]*type="file"/);
    expect(form.body).toContain('value="Logo.png"');
    expect((await felix.get('/wiki/Special:Upload')).statusCode).toBe(200);
  });

  it('uploads a PNG under its normalised name and serves it with its sniffed type', async () => {
    const bytes = await png(800, 600);
    const res = await upload(t.app, felix, { description: 'Le logo du réseau.', comment: 'Première version' }, { name: 'logo maillage.png', bytes, type: 'image/png' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/wiki/Fichier:Logo_maillage.png?notice=uploaded');
    const v = (await t.m.files.current('Logo_maillage.png'))!;
    expect(v).toMatchObject({ mime: 'image/png', width: 800, height: 600, size: bytes.length, comment: 'Première version', userName: expect.stringContaining('Test contributor') });
    const got = await fetchBytes(t.app, '/fichiers/Logo_maillage.png');
    expect(got.statusCode).toBe(200);
    expect(got.bytes.equals(bytes)).toBe(true);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-security-policy']).toBe("sandbox; default-src 'none'; style-src 'unsafe-inline'");
    expect(got.headers['content-disposition']).toMatch(/^inline; filename="Logo_maillage.png"/);
    expect(got.headers['cache-control']).toBe('no-cache');
    expect(got.headers.etag).toBe(`"${v.sha1}"`);
    expect((await fetchBytes(t.app, '/fichiers/Logo_maillage.png', { 'if-none-match': `"${v.sha1}"` })).statusCode).toBe(304);
    const pinned = await fetchBytes(t.app, `/fichiers/${v.id}/Logo_maillage.png`);
    expect(pinned.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await fetchBytes(t.app, `/fichiers/${v.id}/Autre.png`)).statusCode).toBe(404);
    // The description became the file page's text, saved as a wiki revision.
    expect((await t.agent().get('/wiki/Fichier:Logo_maillage.png?action=raw')).body).toBe('Le logo du réseau.');
  });

  it('uploads a JPEG, a PDF (served as an attachment) and an SVG (cleaned, sandboxed)', async () => {
    expect((await upload(t.app, felix, {}, { name: 'Photo.JPG', bytes: await jpeg() })).statusCode).toBe(303);
    expect((await t.m.files.current('Photo.JPG'))?.mime).toBe('image/jpeg');

    expect((await upload(t.app, felix, { destination: 'Rapport annuel.pdf' }, { name: 'x.pdf', bytes: pdf() })).statusCode).toBe(303);
    const doc = await fetchBytes(t.app, '/fichiers/Rapport_annuel.pdf');
    expect(doc.headers['content-type']).toBe('application/pdf');
    expect(doc.headers['content-disposition']).toMatch(/^attachment; filename="Rapport_annuel.pdf"/);
    expect((await t.m.files.current('Rapport_annuel.pdf'))).toMatchObject({ width: null, height: null });

    const drawing = svg('<metadata>Inkscape</metadata><rect width="120" height="60" fill="url(https://tracker.example/p.png)"/><circle cx="30" cy="30" r="20" fill="#1d4f91"/>');
    expect((await upload(t.app, felix, {}, { name: 'Schéma.svg', bytes: drawing })).statusCode).toBe(303);
    const served = await fetchBytes(t.app, '/fichiers/Sch%C3%A9ma.svg');
    expect(served.headers['content-type']).toBe('image/svg+xml');
    expect(served.headers['content-security-policy']).toContain('sandbox');
    const text = served.bytes.toString('utf8');
    expect(text).toContain('<circle');
    expect(text).not.toContain('tracker.example');
    expect(text).not.toContain('Inkscape');
    expect(await t.m.files.current('Schéma.svg')).toMatchObject({ width: 120, height: 60 });
  });

  it('refuses an executable renamed .png, whatever its name says, with a message in French', async () => {
    for (const bytes of [elf(), pe()]) {
      const res = await upload(t.app, felix, { destination: 'Vacances.png', comment: 'photo' }, { name: 'photo.png', bytes, type: 'image/png' });
      expect(res.statusCode).toBe(415);
      expect(res.body).toContain('Ce type de fichier n’est pas accepté');
      expect(res.body).toContain('value="Vacances.png"');
    }
    expect(await t.m.files.current('Vacances.png')).toBeUndefined();
    expect((await t.agent().get('/wiki/Fichier:Vacances.png')).statusCode).toBe(404);
  });

  it('refuses an SVG carrying a script or an event handler', async () => {
    for (const body of ['<script>alert(document.cookie)</script>', '<rect width="5" height="5" onclick="alert(1)"/>', '<a href="javascript:alert(1)"><text>x</text></a>']) {
      const res = await upload(t.app, felix, {}, { name: 'Piège.svg', bytes: svg(body) });
      expect(res.statusCode).toBe(415);
      expect(res.body).toContain('contenu actif');
    }
    expect(await t.m.files.current('Piège.svg')).toBeUndefined();
  });

  it('refuses a name whose extension does not fit the content, and files over the size limit', async () => {
    const wrong = await upload(t.app, felix, { destination: 'Logo.jpg' }, { name: 'logo.png', bytes: await png(40, 40) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('ne correspond pas au contenu du fichier');
    const big = await upload(t.app, felix, {}, { name: 'Gros.png', bytes: Buffer.concat([await png(20, 20), Buffer.alloc(300 * 1024)]) });
    expect(big.statusCode).toBe(413);
    expect(big.body).toContain('dépasse la taille maximale permise (256 Ko)');
    // Far above the limit, the body is not even read: same message.
    const huge = await upload(t.app, felix, {}, { name: 'Énorme.png', bytes: Buffer.alloc(2 * 1024 * 1024) });
    expect(huge.statusCode).toBe(413);
    expect(huge.body).toContain('dépasse la taille maximale permise');
    felix.lang = 'en-CA';
    const english = await upload(t.app, felix, {}, { name: 'x.png', bytes: elf() });
    felix.lang = undefined;
    expect(english.body).toContain('This type of file is not accepted');
  });

  it('lets only contributors and up upload', async () => {
    const sample = { name: 'Anonyme.png', bytes: await png(30, 30) };
    const anon = t.agent();
    expect((await anon.get(UPLOAD_PAGE)).statusCode).toBe(303);
    expect((await upload(t.app, anon, {}, sample)).statusCode).toBe(401);
    const reader = await t.signedIn('reader');
    expect((await reader.get(UPLOAD_PAGE)).statusCode).toBe(403);
    const refused = await upload(t.app, reader, {}, sample);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Accès refusé');
    expect((await upload(t.app, felix, {}, sample, { csrf: 'forged' })).statusCode).toBe(403);
    expect(await t.m.files.current('Anonyme.png')).toBeUndefined();
  });

  it('makes thumbnails at the allowed widths only, and caches them', async () => {
    const v = (await t.m.files.current('Logo_maillage.png'))!;
    for (const width of [120, 320, 640]) {
      const thumb = await fetchBytes(t.app, `/fichiers/vignettes/${width}/${v.id}/Logo_maillage.png`);
      expect(thumb.statusCode).toBe(200);
      expect(thumb.headers['content-type']).toBe('image/png');
      expect(thumb.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const meta = await sharp(thumb.bytes).metadata();
      expect([meta.width, meta.height]).toEqual([width, Math.round((600 * width) / 800)]);
    }
    const again = await fetchBytes(t.app, '/fichiers/vignettes/320/Logo_maillage.png');
    expect(again.statusCode).toBe(200);
    expect(again.headers['cache-control']).toBe('no-cache');
    for (const bad of ['300', '5000', '0', 'abc']) expect((await fetchBytes(t.app, `/fichiers/vignettes/${bad}/Logo_maillage.png`)).statusCode).toBe(404);
    // Documents have no thumbnail; SVG thumbnails are PNG.
    expect((await fetchBytes(t.app, '/fichiers/vignettes/120/Rapport_annuel.pdf')).statusCode).toBe(404);
    const svgThumb = await fetchBytes(t.app, '/fichiers/vignettes/220/Sch%C3%A9ma.svg');
    expect(svgThumb.headers['content-type']).toBe('image/png');
    expect((await sharp(svgThumb.bytes).metadata()).width).toBe(220);
    const jpegThumb = await fetchBytes(t.app, '/fichiers/vignettes/220/Photo.JPG');
    expect(jpegThumb.headers['content-type']).toBe('image/jpeg');
  });
});
