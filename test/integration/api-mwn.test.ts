import { Mwn, type ApiPage, type ApiResponse } from 'mwn';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Agent, TestApp } from '../support/app.ts';
import { startTestApp } from '../support/app.ts';
import { createBotPassword, listenForApi } from '../support/api.ts';
import { describeEachEngine } from '../support/each-engine.ts';

const PASSWORD = 'correct horse battery';

/** The latest revision mwn read, or a failure. */
function latest(page: ApiPage): { content: string; timestamp: string } {
  const rev = page.revisions?.[0];
  if (!rev?.content || !rev.timestamp) throw new Error(`no revision read for ${page.title}`);
  return { content: rev.content, timestamp: rev.timestamp };
}

/** The items of list=`key` across the responses of a continued query. */
function items<T>(responses: ApiResponse[], key: string): T[] {
  return responses.flatMap((r) => ((r.query as Record<string, unknown> | undefined)?.[key] ?? []) as T[]);
}

describeEachEngine('api.php with the real mwn client', (engine) => {
  let t: TestApp;
  let apiUrl = '';
  let owner: Agent;
  let ownerName = '';
  let secret = '';
  let bot: Mwn;
  let human: Mwn;
  /** Revisions saved in the same second share a timestamp: each step moves the clock on. */
  const tick = () => t.clock.advance(2000);
  const client = (opts: { username?: string; password?: string } = {}) => new Mwn({ apiUrl, userAgent: 'maillage-tests', silent: true, retryPause: 20, maxRetries: 3, suppressAPIWarnings: true, ...opts });

  beforeAll(async () => {
    t = await startTestApp(engine);
    apiUrl = await listenForApi(t);
    owner = await t.signedIn('agent', 'robotiste@example.ca');
    ownerName = (await t.m.accounts.credentials.userByLogin('robotiste@example.ca'))!.name;
    secret = await createBotPassword(owner, 'Importateur', ['highvolume', 'editpage', 'createeditmovepage']);
    await t.m.accounts.operator.createUser({ email: 'humaine@example.ca', name: 'Humaine', role: 'contributor', password: PASSWORD });
    bot = client({ username: `${ownerName}@Importateur`, password: secret });
    human = client({ username: 'humaine@example.ca', password: PASSWORD });
  });
  afterAll(() => t.close());

  it('signs in with a bot password, with the rights of its grants', async () => {
    const login = await bot.login();
    expect(login.result).toBe('Success');
    expect(login.lgusername).toBe(ownerName);
    const info = await bot.userinfo({ uiprop: ['rights', 'groups'] });
    expect(info.rights).toEqual(expect.arrayContaining(['read', 'edit', 'createpage', 'bot', 'apihighlimits']));
    expect(info.rights).not.toContain('delete');
    expect(info.groups).toContain('bot');
  });

  it('signs in with the main account too (MediaWiki deprecates it but accepts it)', async () => {
    const login = await human.login();
    expect(login.result).toBe('Success');
    expect(login.lgusername).toBe('Humaine');
    expect((await human.userinfo()).name).toBe('Humaine');
  });

  it('answers siteinfo without signing in, enough for mwn titles', async () => {
    const anon = client();
    await anon.getSiteInfo();
    expect(new anon.Title('Aide:Premiers pas').getNamespaceId()).toBe(12);
    expect(new anon.Title('Help:Premiers pas').getNamespaceId()).toBe(12);
    expect(new anon.Title('Utilisatrice:Awa').getNamespaceId()).toBe(2);
    const r = await anon.query({ meta: 'siteinfo', siprop: 'general' });
    expect(r.query?.general).toMatchObject({ sitename: 'Maillage', lang: 'fr', articlepath: '/wiki/$1', generator: expect.stringMatching(/^Maillage /) });
  });

  it('creates a page (wikitext by default), refuses to create it twice, and reads it', async () => {
    tick();
    const created = await bot.create('Guide API', 'Première ligne.\n\nDeuxième ligne.\n\nTroisième ligne.', 'création');
    expect(created).toMatchObject({ result: 'Success', title: 'Guide API', contentmodel: 'wikitext', oldrevid: 0, new: true });
    await expect(bot.create('Guide API', 'encore', 'doublon')).rejects.toMatchObject({ code: 'articleexists' });
    const page = latest(await bot.read('Guide API'));
    expect(page.content).toBe('Première ligne.\n\nDeuxième ligne.\n\nTroisième ligne.');
    expect(page.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const missing = await bot.read('Page absente');
    expect(missing.missing).toBe(true);
  });

  it('edits with mwn edit() (base timestamp), and says when nothing changed', async () => {
    tick();
    const r = await bot.edit('Guide API', (rev) => ({ text: `${rev.content}\n\nAjout par le robot.`, summary: 'ajout', minor: true }));
    expect(r).toMatchObject({ result: 'Success', title: 'Guide API' });
    expect(r.newrevid).toBeGreaterThan(r.oldrevid);
    expect(latest(await bot.read('Guide API')).content).toContain('Ajout par le robot.');
    tick();
    const same = await bot.edit('Guide API', (rev) => rev.content);
    expect(same.nochange).toBe(true);
  });

  it('merges a concurrent edit that does not overlap, and reports one that does', async () => {
    const base = latest(await bot.read('Guide API'));
    tick();
    await human.save('Guide API', base.content.replace('Première ligne.', 'Première ligne, revue par Humaine.'), 'relecture');
    tick();
    const merged = await bot.request({ action: 'edit', title: 'Guide API', text: base.content.replace('Troisième ligne.', 'Troisième ligne, revue par le robot.'), basetimestamp: base.timestamp, starttimestamp: base.timestamp, nocreate: true, token: bot.csrfToken });
    expect(merged.edit.result).toBe('Success');
    const after = latest(await bot.read('Guide API')).content;
    expect(after).toContain('Première ligne, revue par Humaine.');
    expect(after).toContain('Troisième ligne, revue par le robot.');

    const base2 = latest(await bot.read('Guide API'));
    tick();
    await human.save('Guide API', base2.content.replace('Deuxième ligne.', 'Deuxième ligne selon Humaine.'), 'avis');
    tick();
    await expect(
      bot.request({ action: 'edit', title: 'Guide API', text: base2.content.replace('Deuxième ligne.', 'Deuxième ligne selon le robot.'), basetimestamp: base2.timestamp, token: bot.csrfToken }),
    ).rejects.toMatchObject({ code: 'editconflict' });
    expect(latest(await bot.read('Guide API')).content).toContain('Deuxième ligne selon Humaine.');
  });

  it('lets mwn edit() recover from a conflict by reading again', async () => {
    let calls = 0;
    const r = await bot.edit('Guide API', async (rev) => {
      calls++;
      if (calls === 1) {
        tick();
        await human.save('Guide API', rev.content.replace(/Deuxième ligne[^\n]*/, 'Deuxième ligne, dernière version humaine.'), 'course');
        tick();
      }
      return rev.content.replace(/Deuxième ligne[^\n]*/, `Deuxième ligne, version robot ${calls}.`);
    });
    expect(r.result).toBe('Success');
    expect(calls).toBe(2);
    expect(latest(await bot.read('Guide API')).content).toContain('Deuxième ligne, version robot 2.');
  });

  it('adds a new section with a wikitext heading', async () => {
    tick();
    const r = await bot.newSection('Guide API', 'Questions', 'Une question ?');
    expect(r.result).toBe('Success');
    expect(latest(await bot.read('Guide API')).content).toMatch(/\n\n== Questions ==\n\nUne question \?$/);
  });

  it('parses wikitext and pages', async () => {
    const html = await bot.parseWikitext("Un lien vers [[Guide API]] et du '''gras'''.");
    expect(typeof html).toBe('string');
    expect(html).toContain('mw-parser-output');
    expect(html).toContain('Guide');
    const page = await bot.parseTitle('Guide API');
    expect(page).toContain('Ajout par le robot.');
  });

  it('searches, with size, word count and timestamp', async () => {
    const hits = await bot.search('robot', 10, ['size', 'wordcount', 'timestamp', 'snippet']);
    const hit = hits.find((h) => h.title === 'Guide API');
    expect(hit).toMatchObject({ ns: 0, pageid: expect.any(Number), size: expect.any(Number), wordcount: expect.any(Number), timestamp: expect.stringMatching(/Z$/) });
    expect(hit?.wordcount).toBeGreaterThan(5);
  });

  it('lists recent changes with continuation', async () => {
    for (let i = 1; i <= 5; i++) {
      tick();
      await bot.save(`Journal ${i}`, `Entrée ${i}`, `entrée ${i}`);
    }
    const responses = await bot.continuedQuery({ action: 'query', list: 'recentchanges', rcprop: 'title|timestamp|user|comment|ids|sizes', rclimit: 3 }, 20);
    expect(responses.length).toBeGreaterThan(2);
    const changes = items<{ rcid: number }>(responses, 'recentchanges');
    const ids = changes.map((c) => c.rcid);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const total = await t.m.db.db.selectFrom('recent_changes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(changes.length).toBe(Number(total.n));
    expect(changes[0]).toMatchObject({ type: 'new', ns: 0, title: 'Journal 5', user: ownerName, comment: 'entrée 5', oldlen: 0, newlen: expect.any(Number), old_revid: 0 });
  });

  it('lists all pages, category members and backlinks with continuation', async () => {
    for (let i = 1; i <= 5; i++) {
      tick();
      await bot.save(`Fiche ${i}`, `Voir [[Cible commune]].\n\n[[Catégorie:Fiches]]`, 'fiche', { contentmodel: 'markdown' });
    }
    const all = items<{ title: string }>(await bot.continuedQuery({ action: 'query', list: 'allpages', apprefix: 'Fiche', aplimit: 2 }, 10), 'allpages').map((p) => p.title);
    expect(all).toEqual(['Fiche 1', 'Fiche 2', 'Fiche 3', 'Fiche 4', 'Fiche 5']);
    const members = items<{ title: string }>(await bot.continuedQuery({ action: 'query', list: 'categorymembers', cmtitle: 'Catégorie:Fiches', cmlimit: 2 }, 10), 'categorymembers').map((p) => p.title);
    expect([...members].sort()).toEqual(all);
    const viaEnglish = await bot.query({ list: 'categorymembers', cmtitle: 'Category:Fiches', cmlimit: 'max' });
    expect(viaEnglish.query?.categorymembers).toHaveLength(5);
    const links = items<{ title: string }>(await bot.continuedQuery({ action: 'query', list: 'backlinks', bltitle: 'Cible commune', bllimit: 2 }, 10), 'backlinks').map((p) => p.title);
    expect([...links].sort()).toEqual(all);
  });

  it('saves long pages (mwn switches to multipart) and reads several pages at once (by POST)', async () => {
    const long = Array.from({ length: 400 }, (_, i) => `Ligne ${i} d’un long document.`).join('\n');
    expect(long.length).toBeGreaterThan(8000);
    tick();
    expect((await bot.save('Long document', long, 'long')).result).toBe('Success');
    const pages = await bot.read(['Long document', 'Guide API', 'Absente']);
    expect(pages).toHaveLength(3);
    const byTitle = new Map(pages.map((pg) => [pg.title, pg]));
    expect(latest(byTitle.get('Long document')!).content).toBe(long);
    expect(byTitle.get('Absente')?.missing).toBe(true);
  });

  it('recovers from a bad token (paraminfo, then fresh tokens)', async () => {
    bot.csrfToken = 'périmé+\\';
    tick();
    const r = await bot.save('Guide jeton', 'Texte après un jeton périmé.', 'jeton');
    expect(r.result).toBe('Success');
    expect(bot.csrfToken).not.toBe('périmé+\\');
  });

  it('accepts maxlag on every request (one database: no lag)', async () => {
    const r = await bot.request({ action: 'query', meta: 'siteinfo', maxlag: 0 });
    expect(r.query?.general?.sitename).toBe('Maillage');
  });

  it('logs out', async () => {
    await bot.logout();
    const info = await bot.userinfo();
    expect(info.anon).toBe(true);
    await human.logout();
    expect((await human.userinfo()).anon).toBe(true);
  });
});
