import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Agent, TestApp } from '../support/app.ts';
import { startTestApp } from '../support/app.ts';
import { describeEachEngine } from '../support/each-engine.ts';
import { tempDataDir } from '../support/files.ts';

const SAMPLE_139 = '/work/shared/data/mediawiki-1.39-export-sample.xml';

/** Posts the import form as a browser would: multipart, the CSRF token as its first field. */
async function postDump(t: TestApp, agent: Agent, file: { name: string; bytes: Buffer } | undefined, o: { csrf?: string | false; url?: string } = {}) {
  const form = new FormData();
  const token = o.csrf === false ? undefined : (o.csrf ?? (await agent.csrf('/admin/importation')));
  if (token) form.set('_csrf', token);
  if (file) form.set('file', new Blob([new Uint8Array(file.bytes)], { type: 'application/octet-stream' }), file.name);
  const request = new Request('http://maillage.test/admin/importation', { method: 'POST', body: form });
  const payload = Buffer.from(await request.arrayBuffer());
  const cookie = [...agent.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await t.app.inject({ method: 'POST', url: o.url ?? '/admin/importation', payload, remoteAddress: agent.ip, headers: { cookie, 'content-type': request.headers.get('content-type')!, ...(agent.lang ? { 'accept-language': agent.lang } : {}) } });
  return { statusCode: res.statusCode, headers: res.headers, body: res.body };
}

async function finished(t: TestApp, agent: Agent, url: string) {
  for (let i = 0; i < 200; i++) {
    await t.m.transfer.runner.runPending();
    const res = await agent.get(url, { accept: 'application/json' });
    const job = JSON.parse(res.body) as { status: string };
    if (job.status === 'done' || job.status === 'failed') return job as { status: string; pages: number; revisionsAdded: number; bytesRead: number; bytesTotal: number; error: string | null };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import job did not finish');
}

describeEachEngine('transfer: admin import page (upload -> background job -> progress)', (engine) => {
  let t: TestApp;
  let admin: Agent;
  const data = tempDataDir();
  const uploads = () => (fs.existsSync(`${data.dir}/imports`) ? fs.readdirSync(`${data.dir}/imports`) : []);
  beforeAll(async () => {
    t = await startTestApp(engine, { DATA_DIR: data.dir });
    admin = await t.signedIn('admin');
  });
  afterAll(async () => {
    await t.close();
    data.remove();
  });

  it('is for administrators only', async () => {
    expect((await t.agent().get('/admin/importation')).statusCode).toBe(303);
    const contributor = await t.signedIn('contributor');
    expect((await contributor.get('/admin/importation')).statusCode).toBe(403);
    const refused = await postDump(t, contributor, { name: 'dump.xml', bytes: fs.readFileSync(SAMPLE_139) }, { csrf: await contributor.csrf('/') });
    expect(refused.statusCode).toBe(403);
    expect(uploads()).toEqual([]);
    const page = await admin.get('/admin/importation');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Importer une sauvegarde MediaWiki');
    expect(page.body).toMatch(/<form[^>]*action="\/admin\/importation"[^>]*enctype="multipart\/form-data"[\s\S]*name="_csrf"[\s\S]*type="file"/);
  });

  it('refuses an upload without the CSRF token, and keeps no file of it', async () => {
    const res = await postDump(t, admin, { name: 'dump.xml', bytes: fs.readFileSync(SAMPLE_139) }, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(await t.m.transfer.jobs()).toEqual([]);
    expect(uploads()).toEqual([]);
    const none = await postDump(t, admin, undefined);
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Choisissez un fichier de sauvegarde XML');
  });

  it('imports an uploaded .xml.gz in the background and shows its progress, in French and in English', async () => {
    const res = await postDump(t, admin, { name: 'sauvegarde.xml.gz', bytes: zlib.gzipSync(fs.readFileSync(SAMPLE_139)) });
    expect(res.statusCode).toBe(303);
    const url = String(res.headers.location);
    expect(url).toMatch(/^\/admin\/importation\/\d+$/);
    const job = await finished(t, admin, url);
    expect(job).toMatchObject({ status: 'done', pages: 5, revisionsAdded: 7, error: null });
    expect(job.bytesRead).toBe(job.bytesTotal);
    const page = await admin.get(url);
    expect(page.body).toContain('sauvegarde.xml.gz');
    expect(page.body).toContain('Terminée');
    expect(page.body).toMatch(/100\s%\sdu fichier lu\s: 5 pages, 7 révisions ajoutées, 0 déjà présentes/);
    admin.lang = 'en';
    const en = await admin.get(url);
    expect(en.body).toContain('Finished');
    expect(en.body).toContain('100% of the file read: 5 pages, 7 revisions added, 0 already there');
    admin.lang = undefined;
    expect((await t.agent().get('/wiki/Maintenance_pr%C3%A9ventive')).body).toContain('Étape 3');
    // The uploaded copy lived as long as the job might need it: gone once it is done.
    expect(uploads()).toEqual([]);
  });

  it('reports malformed XML with its line and column, and the job can be resumed once the cause is gone', async () => {
    const xml = fs.readFileSync(SAMPLE_139, 'utf8').replace('<dbname>wiki</dbname>', '<dbname>autre</dbname>');
    const broken = xml.replace('<title>Maintenance preventive</title>', '<title>Maintenance preventive</titre>');
    const line = broken.split('\n').findIndex((l) => l.includes('</titre>')) + 1;
    const res = await postDump(t, admin, { name: 'cassé.xml', bytes: Buffer.from(broken) });
    const url = String(res.headers.location);
    const job = await finished(t, admin, url);
    expect(job).toMatchObject({ status: 'failed', error: 'transfer.error.malformed' });
    const page = await admin.get(url);
    expect(page.body).toContain(`ligne ${line}, colonne`);
    expect(page.body).toContain('Reprendre l’importation');
    admin.lang = 'en';
    expect((await admin.get(url)).body).toContain(`line ${line}, column`);
    admin.lang = undefined;
    // What came before the fault is there: 6 revisions of the 4 first pages.
    const kept = await t.m.db.db.selectFrom('transfer_revisions').select('source_rev_id').where('source', '=', 'autre').execute();
    expect(kept).toHaveLength(6);
    // Resuming without the CSRF token is refused; with it, the job runs again (and fails again: same file).
    expect((await admin.post(`${url}/reprendre`, {}, { csrf: false })).statusCode).toBe(403);
    // A failed job keeps its file (to resume from); here the cause goes away.
    const jobRow = (await t.m.transfer.jobs()).find((j) => url.endsWith(`/${j.id}`))!;
    expect(uploads()).toEqual([path.basename(jobRow.file_path)]);
    fs.writeFileSync(jobRow.file_path, xml);
    const resumed = await admin.post(`${url}/reprendre`, {}, { csrf: await admin.csrf(url) });
    expect(resumed.statusCode).toBe(303);
    expect(await finished(t, admin, url)).toMatchObject({ status: 'done', revisionsAdded: 1 });
    expect(uploads()).toEqual([]);
  });
});

describeEachEngine('transfer: import jobs survive restarts and are claimed once', (engine) => {
  let t: TestApp;
  const data = tempDataDir();
  beforeAll(async () => {
    t = await startTestApp(engine, { DATA_DIR: data.dir });
  });
  afterAll(async () => {
    await t.close();
    data.remove();
  });

  it('takes over a job whose instance stopped reporting, not a live one nor a CLI run, and claims a queued job once', async () => {
    const { claimImportJob } = await import('../../src/modules/transfer/jobs.ts');
    const admin = await t.m.accounts.operator.createUser({ email: 'root@example.ca', name: 'Root', role: 'admin', password: 'correct horse battery' });
    const file = `${data.dir}/dump.xml`;
    fs.copyFileSync(SAMPLE_139, file);
    const now = t.clock.now();
    const job = (o: { status: 'queued' | 'running'; claimedBy?: string; at: number }) =>
      t.m.transfer.createJob({ filePath: file, fileName: 'dump.xml', userId: admin.id, userName: admin.name, now: o.at, status: o.status, claimedBy: o.claimedBy });
    const dead = await job({ status: 'running', claimedBy: 'crashed-instance', at: now - 120_000 });
    const live = await job({ status: 'running', claimedBy: 'busy-instance', at: now - 5_000 });
    const cli = await job({ status: 'running', claimedBy: 'cli', at: now - 120_000 });
    await t.m.transfer.runner.runPending();
    expect((await t.m.transfer.job(dead))).toMatchObject({ status: 'done', pages_done: 5, revisions_added: 7 });
    expect((await t.m.transfer.job(live))?.status).toBe('running');
    expect((await t.m.transfer.job(cli))?.status).toBe('running');

    const queued = await job({ status: 'queued', at: now });
    const claims = await Promise.all([claimImportJob(t.m.db.db, 'a', now), claimImportJob(t.m.db.db, 'b', now), claimImportJob(t.m.db.db, 'c', now)]);
    expect(claims.filter((c) => c?.id === queued)).toHaveLength(1);
  });
});
