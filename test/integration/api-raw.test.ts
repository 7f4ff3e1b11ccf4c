import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTitle, type Title } from '../../src/modules/markup/index.ts';
import type { Agent, TestApp } from '../support/app.ts';
import { startTestApp } from '../support/app.ts';
import { apiCall, createBotPassword, type ApiJson } from '../support/api.ts';
import { describeEachEngine } from '../support/each-engine.ts';

const PASSWORD = 'correct horse battery';
const J = { format: 'json', formatversion: '2' };

function title(text: string): Title {
  const r = parseTitle(text);
  if (!r.ok) throw new Error(`bad title ${text}`);
  return r.title;
}

describeEachEngine('api.php over raw HTTP', (engine) => {
  let t: TestApp;
  let editor: Agent;
  let token = '';
  let n = 0;

  /** Signs an agent in through action=login with its main account; returns its csrf token. */
  async function apiLogin(a: Agent, login: string, password = PASSWORD): Promise<{ token: string; login: ApiJson; warnings: unknown }> {
    const lt = (await apiCall(a, 'GET', { ...J, action: 'query', meta: 'tokens', type: 'login' })).json.query.tokens.logintoken as string;
    const r = await apiCall(a, 'POST', { ...J, action: 'login', lgname: login, lgpassword: password, lgtoken: lt });
    const csrf = (await apiCall(a, 'GET', { ...J, action: 'query', meta: 'tokens' })).json.query.tokens.csrftoken as string;
    return { token: csrf, login: r.json.login, warnings: r.json.warnings };
  }
  async function user(role: 'reader' | 'contributor' | 'agent' | 'coordination') {
    const email = `api-${role}-${++n}@example.ca`;
    await t.m.accounts.operator.createUser({ email, name: `Api ${role} ${n}`, role, password: PASSWORD });
    const a = t.agent(`192.0.2.${n}`);
    return { a, email, ...(await apiLogin(a, email)) };
  }
  const edit = (a: Agent, params: Record<string, string>, tok = token) => apiCall(a, 'POST', { ...J, action: 'edit', ...params, token: tok });

  beforeAll(async () => {
    t = await startTestApp(engine);
    const u = await user('contributor');
    editor = u.a;
    token = u.token;
  });
  afterAll(() => t.close());

  describe('errors', () => {
    it('are HTTP 200 in MediaWiki’s shape, per formatversion and errorformat', async () => {
      const v2 = await apiCall(t.agent(), 'GET', { ...J, action: 'nope' });
      expect(v2.status).toBe(200);
      expect(v2.headers['mediawiki-api-error']).toBe('unknown_action');
      expect(v2.json.error).toEqual({ code: 'unknown_action', info: 'Unrecognized value for parameter "action": nope.', docref: expect.stringContaining('api.php') });
      const v1 = await apiCall(t.agent(), 'GET', { format: 'json', action: 'nope' });
      expect(v1.json.error['*']).toContain('api.php');
      const plain = await apiCall(t.agent(), 'GET', { ...J, action: 'nope', errorformat: 'plaintext' });
      expect(plain.json.errors[0]).toMatchObject({ code: 'unknown_action', text: expect.stringContaining('nope'), module: 'main' });
    });

    it('name missing parameters as MediaWiki does', async () => {
      expect((await apiCall(t.agent(), 'GET', { ...J, action: 'query', list: 'search' })).json.error.code).toBe('nosrsearch');
      expect((await edit(editor, { text: 'x' })).json.error).toMatchObject({ code: 'missingparam', info: 'One of the parameters "title" and "pageid" is required.' });
      expect((await edit(editor, { title: 'X' })).json.error.code).toBe('missingparam');
      expect((await apiCall(t.agent(), 'GET', { ...J, action: 'query', list: 'allpages', aplimit: 'beaucoup' })).json.error.code).toBe('badinteger');
      expect((await apiCall(t.agent(), 'GET', { ...J, action: 'query', list: 'recentchanges', rccontinue: 'n’importe quoi' })).json.error.code).toBe('badcontinue');
    });

    it('answers unreadable or oversized bodies in the API’s shape, and ignores bodies of other types', async () => {
      const broken = await t.agent().request('POST', '/api.php?format=json', { body: '{', headers: { 'content-type': 'application/json' } });
      expect(broken.statusCode).toBe(400);
      expect(JSON.parse(broken.body).error.code).toBe('badrequest');
      const huge = await t.agent().request('POST', '/api.php?format=json', { body: `action=query&text=${'x'.repeat(5 * 1024 * 1024)}`, headers: { 'content-type': 'text/x-unknown' } });
      expect(huge.statusCode).toBe(413);
      expect(JSON.parse(huge.body).error.code).toBe('contenttoobig');
      const other = await t.agent().request('POST', '/api.php?format=json&formatversion=2&action=query&meta=siteinfo', { body: 'whatever', headers: { 'content-type': 'application/octet-stream' } });
      expect(JSON.parse(other.body).query.general.sitename).toBe('Maillage');
    });

    it('answers maxlag when the outbox lags behind, with Retry-After', async () => {
      const ok = await apiCall(t.agent(), 'GET', { ...J, action: 'query', meta: 'siteinfo', maxlag: '5' });
      expect(ok.json.query.general.sitename).toBe('Maillage');
      const lagged = await apiCall(t.agent(), 'GET', { ...J, action: 'query', meta: 'siteinfo', maxlag: '-1' });
      expect(lagged.json.error).toMatchObject({ code: 'maxlag', lag: 0 });
      expect(lagged.headers['retry-after']).toBe('5');
    });
  });

  describe('tokens and CSRF', () => {
    it('refuses writes over GET, tokens in the query string, missing or foreign tokens', async () => {
      expect((await apiCall(editor, 'GET', { ...J, action: 'edit', title: 'Jeton', text: 'x', token })).json.error.code).toBe('mustbeposted');
      expect((await apiCall(editor, 'POST', { ...J, action: 'edit', title: 'Jeton', text: 'x' }, { token })).json.error.code).toBe('mustposttoken');
      expect((await apiCall(editor, 'POST', { ...J, action: 'edit', title: 'Jeton', text: 'x' })).json.error.code).toBe('notoken');
      expect((await edit(editor, { title: 'Jeton', text: 'x' }, 'abc+\\')).json.error).toMatchObject({ code: 'badtoken', info: 'Invalid CSRF token.' });
      const other = await user('contributor');
      expect((await edit(editor, { title: 'Jeton', text: 'x' }, other.token)).json.error.code).toBe('badtoken');
      expect(await t.m.wiki.wiki.page(title('Jeton'))).toBeUndefined();
    });

    it('does not take the web form token, and a web session alone authorises no write', async () => {
      const web = await t.signedIn('contributor');
      const formToken = await web.csrf();
      expect((await edit(web, { title: 'Formulaire', text: 'x' }, formToken)).json.error.code).toBe('badtoken');
      expect((await apiCall(web, 'POST', { ...J, action: 'edit', title: 'Formulaire', text: 'x', _csrf: formToken })).json.error.code).toBe('notoken');
      // With the API token of the same session, the web session may write (as in MediaWiki).
      const apiToken = (await apiCall(web, 'GET', { ...J, action: 'query', meta: 'tokens' })).json.query.tokens.csrftoken as string;
      expect(apiToken).toMatch(/\+\\$/);
      expect((await edit(web, { title: 'Formulaire', text: 'x' }, apiToken)).json.edit.result).toBe('Success');
    });

    it('gives anonymous users "+\\" and no right to edit', async () => {
      const anon = t.agent('198.18.0.1');
      const tok = (await apiCall(anon, 'GET', { ...J, action: 'query', meta: 'tokens', type: 'csrf|login' })).json.query.tokens;
      expect(tok.csrftoken).toBe('+\\');
      expect(tok.logintoken).toMatch(/.+\+\\$/);
      expect((await edit(anon, { title: 'Anonyme', text: 'x' }, '+\\')).json.error.code).toBe('permissiondenied');
    });

    it('keeps the rest of the site under the form CSRF check', async () => {
      const web = await t.signedIn('contributor');
      const res = await web.post('/wiki/Sans_jeton?action=submit', { text: 'x', summary: '', base_rev: '' }, { csrf: false });
      expect(res.statusCode).toBe(403);
    });
  });

  describe('login', () => {
    it('accepts the main account with MediaWiki’s deprecation warning, by e-mail or name', async () => {
      const u = await user('agent');
      expect(u.login).toMatchObject({ result: 'Success', lgusername: `Api agent ${n}` });
      expect(JSON.stringify(u.warnings)).toContain('deprecated');
      const byName = await apiLogin(t.agent('192.0.2.200'), `Api agent ${n}`);
      expect(byName.login.result).toBe('Success');
    });

    it('refuses a wrong password, a wrong login token, and too many attempts', async () => {
      const a = t.agent('192.0.2.250');
      expect((await apiLogin(a, 'personne@example.ca', 'mauvais')).login).toEqual({ result: 'Failed', reason: 'Incorrect username or password entered. Please try again.' });
      const wrong = await apiCall(a, 'POST', { ...J, action: 'login', lgname: 'x', lgpassword: 'y', lgtoken: 'faux+\\' });
      expect(wrong.json.login.result).toBe('WrongToken');
      let last: ApiJson = {};
      for (let i = 0; i < 22; i++) last = (await apiLogin(a, 'personne@example.ca', `mauvais ${i}`)).login;
      expect(last.reason).toMatch(/too many recent login attempts/);
    });

    it('signs bots in with their grants only, on api.php only; revoking ends their sessions', async () => {
      const owner = await t.signedIn('agent', 'proprio@example.ca');
      const name = (await t.m.accounts.credentials.userByLogin('proprio@example.ca'))!.name;
      const secret = await createBotPassword(owner, 'Lecteur', []);
      const botAgent = t.agent('192.0.2.201');
      const b = await apiLogin(botAgent, `${name}@Lecteur`, secret);
      expect(b.login).toMatchObject({ result: 'Success', lgusername: name });
      expect(b.warnings).toBeUndefined();
      const rights = (await apiCall(botAgent, 'GET', { ...J, action: 'query', meta: 'userinfo', uiprop: 'rights' })).json.query.userinfo.rights as string[];
      expect(rights).toContain('read');
      expect(rights).not.toContain('edit');
      expect((await edit(botAgent, { title: 'Robot', text: 'x' }, b.token)).json.error.code).toBe('permissiondenied');
      // The bot cookie does not sign anyone in on the website.
      expect((await botAgent.get('/wiki/Sp%C3%A9cial:Mots_de_passe_de_robots')).statusCode).toBe(303);
      expect((await apiLogin(t.agent('192.0.2.202'), `${name}@Lecteur`, 'pas le secret')).login.result).toBe('Failed');
      // Revoke it from the special page: the bot's session ends.
      const list = await owner.get('/wiki/Sp%C3%A9cial:Mots_de_passe_de_robots');
      const id = /name="id" value="(\d+)"/.exec(list.body)![1]!;
      expect((await owner.post('/mots-de-passe-de-robots/revoquer', { id }, { csrf: await owner.csrf('/wiki/Sp%C3%A9cial:Mots_de_passe_de_robots') })).statusCode).toBe(303);
      expect((await apiCall(botAgent, 'GET', { ...J, action: 'query', meta: 'userinfo', assert: 'user' })).json.error.code).toBe('assertuserfailed');
    });

    it('lets a bot with "editpage" only edit existing pages, not create them', async () => {
      const owner = await t.signedIn('contributor', 'correcteur@example.ca');
      const name = (await t.m.accounts.credentials.userByLogin('correcteur@example.ca'))!.name;
      const secret = await createBotPassword(owner, 'Correcteur', ['editpage']);
      const b = t.agent('192.0.2.203');
      const { token: tok } = await apiLogin(b, `${name}@Correcteur`, secret);
      await edit(editor, { title: 'À corriger', text: 'Une fote.' });
      expect((await edit(b, { title: 'À corriger', text: 'Une faute.' }, tok)).json.edit.result).toBe('Success');
      expect((await edit(b, { title: 'Nouvelle page du robot', text: 'x' }, tok)).json.error.code).toBe('cantcreate');
      const info = (await apiCall(b, 'GET', { ...J, action: 'query', titles: 'À corriger', prop: 'info', inprop: 'url|protection' })).json.query.pages[0];
      expect(info).toMatchObject({ fullurl: 'http://maillage.test/wiki/%C3%80_corriger', protection: [] });
    });

    it('flags edits of a bot with the high-volume grant as bot edits, hidden by the bot filter', async () => {
      const owner = await t.signedIn('agent', 'robotique@example.ca');
      const name = (await t.m.accounts.credentials.userByLogin('robotique@example.ca'))!.name;
      const secret = await createBotPassword(owner, 'Bot', ['highvolume', 'editpage', 'createeditmovepage']);
      const b = t.agent('192.0.2.204');
      const { token: tok } = await apiLogin(b, `${name}@Bot`, secret);
      expect((await edit(b, { title: 'Page du robot', text: 'x', bot: '1' }, tok)).json.edit.result).toBe('Success');
      const rc = (await apiCall(b, 'GET', { ...J, action: 'query', list: 'recentchanges', rcprop: 'title|flags', rclimit: '5' })).json.query.recentchanges as Array<{ title: string; bot: boolean }>;
      expect(rc.find((r) => r.title === 'Page du robot')).toMatchObject({ bot: true });
      expect((await t.agent().get('/wiki/Sp%C3%A9cial:Modifications_r%C3%A9centes')).body).not.toContain('Page du robot');
      expect((await t.agent().get('/wiki/Sp%C3%A9cial:Modifications_r%C3%A9centes?hidebots=0')).body).toContain('Page du robot');
    });

    it('refuses a second bot password with the same name, and a bad name', async () => {
      const owner = await t.signedIn('contributor');
      await createBotPassword(owner, 'Double', ['editpage']);
      await expect(createBotPassword(owner, 'Double', ['editpage'])).rejects.toThrow();
      await expect(createBotPassword(owner, 'a@b', ['editpage'])).rejects.toThrow();
    });
  });

  describe('permissions', () => {
    it('lets readers read but not edit; protected pages need the role', async () => {
      const reader = await user('reader');
      expect((await edit(reader.a, { title: 'Lecture', text: 'x' }, reader.token)).json.error).toMatchObject({ code: 'permissiondenied' });
      expect((await apiCall(reader.a, 'GET', { ...J, action: 'query', list: 'allpages' })).json.query.allpages).toBeInstanceOf(Array);
      await edit(editor, { title: 'Protégée', text: 'Texte.' });
      const coordination = await t.m.accounts.credentials.userByLogin((await user('coordination')).email);
      await t.m.wiki.wiki.protect({ kind: 'user', user: coordination!, sessionId: 'x' }, title('Protégée'), 'coordination', 'test');
      expect((await edit(editor, { title: 'Protégée', text: 'Autre.' })).json.error.code).toBe('protectedpage');
    });
  });

  describe('editing', () => {
    it('creates wikitext by default, honours contentmodel, createonly, nocreate, md5, append and prepend', async () => {
      expect((await edit(editor, { title: 'Modèle par défaut', text: "''x''" })).json.edit.contentmodel).toBe('wikitext');
      expect((await edit(editor, { title: 'En Markdown', text: '*x*', contentmodel: 'markdown' })).json.edit.contentmodel).toBe('markdown');
      expect((await edit(editor, { title: 'Mauvais modèle', text: 'x', contentmodel: 'json' })).json.error.code).toBe('badvalue');
      expect((await edit(editor, { title: 'En Markdown', text: 'y', createonly: '1' })).json.error.code).toBe('articleexists');
      expect((await edit(editor, { title: 'Inexistante', text: 'y', nocreate: '1' })).json.error.code).toBe('missingtitle');
      expect((await edit(editor, { title: 'En Markdown', text: 'y', md5: '0123' })).json.error.code).toBe('badmd5');
      await edit(editor, { title: 'Liste', text: 'milieu' });
      await edit(editor, { title: 'Liste', appendtext: '\nfin' });
      const r = await edit(editor, { title: 'Liste', prependtext: 'début\n', md5: '0ae7c2f3a0ee8e7ab1fbfb0c3b9d6fe2' });
      expect(r.json.error.code).toBe('badmd5');
      const ok = await edit(editor, { title: 'Liste', prependtext: 'début\n' });
      expect(ok.json.edit).toMatchObject({ result: 'Success', title: 'Liste', contentmodel: 'wikitext', oldrevid: expect.any(Number), newrevid: expect.any(Number), newtimestamp: expect.stringMatching(/Z$/) });
      const read = await apiCall(editor, 'GET', { ...J, action: 'query', prop: 'revisions', rvprop: 'content', rvslots: 'main', titles: 'Liste' });
      expect(read.json.query.pages[0].revisions[0].slots.main.content).toBe('début\nmilieu\nfin');
      const same = await edit(editor, { title: 'Liste', text: 'début\nmilieu\nfin' });
      expect(same.json.edit.nochange).toBe(true);
    });

    it('edits one section', async () => {
      await edit(editor, { title: 'Sections', text: 'Intro\n\n== Un ==\nA\n\n== Deux ==\nB' });
      expect((await edit(editor, { title: 'Sections', section: '2', text: '== Deux ==\nB modifié' })).json.edit.result).toBe('Success');
      expect((await edit(editor, { title: 'Sections', section: '9', text: 'x' })).json.error.code).toBe('nosuchsection');
      const read = await apiCall(editor, 'GET', { ...J, action: 'query', prop: 'revisions', rvprop: 'content', rvslots: 'main', titles: 'Sections', rvsection: '1' });
      expect(read.json.query.pages[0].revisions[0].slots.main.content).toBe('== Un ==\nA');
    });

    it('accepts multipart bodies (mwn’s choice for values over 8,000 characters)', async () => {
      const long = `${'Un paragraphe assez long. '.repeat(400)}`.trim();
      const boundary = '----maillage-test';
      const fields = { ...J, action: 'edit', title: 'Longue', text: long, token };
      const body = `${Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('')}--${boundary}--\r\n`;
      const res = await editor.request('POST', '/api.php', { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
      expect(JSON.parse(res.body).edit.result).toBe('Success');
    });
  });

  describe('queries', () => {
    beforeAll(async () => {
      await edit(editor, { title: 'Destination', text: 'La cible.' });
      await edit(editor, { title: 'Ancien nom', text: '#REDIRECT [[Destination]]' });
      for (let i = 1; i <= 3; i++) {
        t.clock.advance(1000);
        await edit(editor, { title: 'Historique', text: `version ${i}`, summary: `v${i}` });
      }
    });

    it('prints pages as an array (formatversion 2) or keyed by id with "*" (formatversion 1)', async () => {
      const q = { action: 'query', prop: 'revisions|info', rvprop: 'content|ids|timestamp|user|comment|size|sha1', titles: 'Destination|Page absente' };
      const v2 = (await apiCall(t.agent(), 'GET', { ...J, ...q, rvslots: 'main' })).json;
      expect(v2.batchcomplete).toBe(true);
      const [present, absent] = v2.query.pages;
      expect(absent).toMatchObject({ ns: 0, title: 'Page absente', missing: true });
      expect(present).toMatchObject({ ns: 0, title: 'Destination', contentmodel: 'wikitext', length: 9, lastrevid: expect.any(Number) });
      expect(present.revisions[0]).toMatchObject({ user: 'Api contributor 1', size: 9, sha1: expect.stringMatching(/^[0-9a-f]{40}$/), slots: { main: { contentmodel: 'wikitext', contentformat: 'text/x-wiki', content: 'La cible.' } } });
      const v1 = (await apiCall(t.agent(), 'GET', { format: 'json', ...q })).json;
      expect(v1.batchcomplete).toBe('');
      expect(v1.query.pages['-1']).toMatchObject({ title: 'Page absente', missing: '' });
      const page = v1.query.pages[String(present.pageid)];
      expect(page.revisions[0]['*']).toBe('La cible.');
      expect(page.revisions[0].sha1).toBe(present.revisions[0].sha1);
    });

    it('resolves titles as MediaWiki: normalized, redirects, invalid, special, missing page ids', async () => {
      const r = (await apiCall(t.agent(), 'GET', { ...J, action: 'query', titles: 'ancien_nom|Spécial:Recherche|Mauvais[titre', redirects: '1' })).json.query;
      expect(r.normalized).toEqual([{ fromencoded: false, from: 'ancien_nom', to: 'Ancien nom' }]);
      expect(r.redirects).toEqual([{ from: 'Ancien nom', to: 'Destination' }]);
      expect(r.pages).toEqual(expect.arrayContaining([
        expect.objectContaining({ title: 'Destination', pageid: expect.any(Number) }),
        expect.objectContaining({ ns: -1, title: 'Spécial:Recherche', special: true }),
        expect.objectContaining({ title: 'Mauvais[titre', invalid: true, invalidreason: expect.stringContaining('[') }),
      ]));
      const ids = (await apiCall(t.agent(), 'GET', { ...J, action: 'query', pageids: '999999' })).json.query.pages;
      expect(ids).toEqual([{ pageid: 999999, missing: true }]);
      expect((await apiCall(t.agent(), 'GET', { ...J, action: 'query', titles: 'A', pageids: '1' })).json.error.code).toBe('invalidparammix');
    });

    it('walks one page’s history with rvlimit and rvcontinue, and adds curtimestamp', async () => {
      const first = (await apiCall(t.agent(), 'GET', { ...J, action: 'query', prop: 'revisions', titles: 'Historique', rvlimit: '2', rvprop: 'ids|comment', curtimestamp: '1' })).json;
      expect(first.query.pages[0].revisions.map((r: { comment: string }) => r.comment)).toEqual(['v3', 'v2']);
      expect(first.continue).toMatchObject({ rvcontinue: expect.any(String), continue: '||' });
      expect(first.batchcomplete).toBeUndefined();
      expect(first.curtimestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      const next = (await apiCall(t.agent(), 'GET', { ...J, action: 'query', prop: 'revisions', titles: 'Historique', rvlimit: '2', rvprop: 'ids|comment', ...first.continue })).json;
      expect(next.query.pages[0].revisions.map((r: { comment: string }) => r.comment)).toEqual(['v1']);
      expect(next.continue).toBeUndefined();
      const newer = (await apiCall(t.agent(), 'GET', { ...J, action: 'query', prop: 'revisions', titles: 'Historique', rvlimit: 'max', rvdir: 'newer', rvprop: 'comment' })).json;
      expect(newer.query.pages[0].revisions.map((r: { comment: string }) => r.comment)).toEqual(['v1', 'v2', 'v3']);
    });

    it('parses text with formatversion 1 and 2, and describes modules for paraminfo', async () => {
      const v2 = (await apiCall(t.agent(), 'POST', { ...J, action: 'parse', text: 'Un [[Destination|lien]] et un [[Lien rouge]].', contentmodel: 'markdown', prop: 'text|links' })).json.parse;
      expect(typeof v2.text).toBe('string');
      expect(v2.links).toEqual([{ ns: 0, title: 'Destination', exists: true }, { ns: 0, title: 'Lien rouge', exists: false }]);
      const v1 = (await apiCall(t.agent(), 'POST', { format: 'json', action: 'parse', text: 'Bonjour', contentmodel: 'markdown', title: 'Essai' })).json.parse;
      expect(v1.text['*']).toContain('Bonjour');
      expect(v1.title).toBe('Essai');
      const info = (await apiCall(t.agent(), 'GET', { ...J, action: 'paraminfo', modules: 'edit|logout|query+recentchanges' })).json.paraminfo.modules;
      expect(info[0].parameters.find((p: { name: string }) => p.name === 'token').tokentype).toBe('csrf');
      expect(info[2]).toMatchObject({ name: 'recentchanges', prefix: 'rc', group: 'list' });
    });

    it('lists with limit=max, and lowers a limit over the maximum with a warning', async () => {
      const r = (await apiCall(t.agent(), 'GET', { ...J, action: 'query', list: 'allpages', aplimit: '100000' })).json;
      expect(r.query.allpages.length).toBeGreaterThan(3);
      expect(JSON.stringify(r.warnings)).toContain('may not be over 500');
      const info = (await apiCall(t.agent(), 'GET', { ...J, action: 'query', meta: 'siteinfo', siprop: 'namespaces|namespacealiases' })).json.query;
      expect(info.namespaces['14']).toMatchObject({ id: 14, name: 'Catégorie', canonical: 'Category', case: 'first-letter', content: false });
      expect(info.namespacealiases).toEqual(expect.arrayContaining([{ id: 2, alias: 'Utilisatrice' }]));
    });
  });

  describe('more of MediaWiki’s behaviour', () => {
    it('edits the target of a redirect with redirect=1, and refuses undo for now', async () => {
      await edit(editor, { title: 'Cible du renvoi', text: 'Avant.' });
      await edit(editor, { title: 'Renvoi', text: '#REDIRECT [[Cible du renvoi]]' });
      const r = await edit(editor, { title: 'Renvoi', appendtext: '\nAprès.', redirect: '1' });
      expect(r.json.edit.title).toBe('Cible du renvoi');
      expect((await edit(editor, { title: 'Renvoi', undo: '1' })).json.error.code).toBe('undofailure');
    });

    it('filters recent changes by title and by anonymous or not', async () => {
      const byTitle = (await apiCall(t.agent(), 'GET', { ...J, action: 'query', list: 'recentchanges', rctitle: 'Cible du renvoi', rcprop: 'title|comment' })).json.query.recentchanges;
      expect(byTitle.map((c: { title: string }) => c.title)).toEqual(['Cible du renvoi', 'Cible du renvoi']);
      const anon = (await apiCall(t.agent(), 'GET', { ...J, action: 'query', list: 'recentchanges', rcshow: 'anon' })).json.query.recentchanges;
      expect(anon).toEqual([]);
      expect((await apiCall(t.agent(), 'GET', { ...J, action: 'query', list: 'recentchanges', rcshow: 'bot|!bot' })).json.error.code).toBe('badvalue');
    });

    it('checks assert and assertuser, and answers a bare /api.php with help', async () => {
      expect((await apiCall(t.agent(), 'GET', { ...J, action: 'query', assert: 'user' })).json.error.code).toBe('assertuserfailed');
      expect((await apiCall(editor, 'GET', { ...J, action: 'query', assert: 'bot' })).json.error.code).toBe('assertbotfailed');
      expect((await apiCall(editor, 'GET', { ...J, action: 'query', assertuser: 'Quelqu’un' })).json.error.code).toBe('assertnameduserfailed');
      expect((await apiCall(editor, 'GET', { ...J, action: 'query', assert: 'user', assertuser: 'Api contributor 1' })).json.batchcomplete).toBe(true);
      const help = await t.agent().get('/api.php');
      expect(help.statusCode).toBe(200);
      expect(JSON.parse(help.body).help.help).toContain('list=search');
    });

    it('prints errors as HTML when asked, and refuses an unknown format', async () => {
      const html = (await apiCall(t.agent(), 'GET', { ...J, action: '<b>', errorformat: 'html' })).json;
      expect(html.errors[0].html).toContain('&lt;b&gt;');
      expect((await apiCall(t.agent(), 'GET', { format: 'xml', action: 'query' })).json.error.code).toBe('badvalue');
    });
  });

  it('never answers 500 to random parameters', async () => {
    const keys = ['action', 'format', 'formatversion', 'titles', 'pageids', 'revids', 'prop', 'list', 'meta', 'rvprop', 'rvslots', 'rvlimit', 'rvdir', 'rvcontinue', 'rvsection', 'rvstart',
      'title', 'text', 'section', 'summary', 'basetimestamp', 'appendtext', 'contentmodel', 'md5', 'createonly', 'nocreate', 'redirects', 'page', 'pageid', 'oldid',
      'srsearch', 'srlimit', 'sroffset', 'rcstart', 'rclimit', 'rccontinue', 'rcnamespace', 'rcdir', 'apfrom', 'apcontinue', 'aplimit', 'apnamespace', 'cmtitle', 'cmcontinue', 'cmtype',
      'bltitle', 'blcontinue', 'blnamespace', 'maxlag', 'assert', 'errorformat', 'siprop', 'uiprop', 'type', 'modules', 'lgname', 'lgpassword', 'lgtoken', 'curtimestamp'];
    const values = fc.oneof(
      fc.constantFrom('query', 'edit', 'parse', 'login', 'logout', 'paraminfo', 'revisions|info', 'search', 'recentchanges', 'allpages', 'categorymembers', 'backlinks', 'tokens|siteinfo|userinfo',
        'max', '0', '-1', '1', '2', '99999999999999999', 'Destination', 'Catégorie:Fiches', 'new', '\x1fa|b\x1fc', '', '|', 'content|ids', '2026-11-21T12:00:00Z', 'wikitext', 'markdown'),
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
    );
    const params = fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 8 })), values, { maxKeys: 8 });
    await fc.assert(
      fc.asyncProperty(params, fc.boolean(), fc.boolean(), async (p, post, withToken) => {
        const all = withToken ? { ...p, token } : p;
        const res = post
          ? await editor.request('POST', '/api.php', { body: new URLSearchParams(all).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } })
          : await editor.request('GET', `/api.php?${new URLSearchParams(all)}`);
        expect(res.statusCode).toBeLessThan(500);
        const body = JSON.parse(res.body) as ApiJson;
        expect(String(body.error?.code ?? body.errors?.[0]?.code ?? '')).not.toMatch(/^internal_api_error/);
      }),
      { numRuns: 150 },
    );
  });
});
