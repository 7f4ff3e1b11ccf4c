import { afterAll, beforeAll, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors.ts';
import { loadDemo } from '../../src/demo/load.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { describeEachEngine } from '../support/each-engine.ts';

describeEachEngine('web shell: language, errors, health, demo', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
    // A route that fails unexpectedly, to check what an internal error shows.
    t.app.get('/__boom', async () => {
      throw new Error('secret internal detail');
    });
    t.app.get('/__teapot', async () => {
      throw new AppError('forbidden');
    });
  });
  afterAll(() => t.close());

  it('serves French by default and English from Accept-Language, a cookie, or ?uselang', async () => {
    const a = t.agent();
    const fr = await a.get('/connexion');
    expect(fr.body).toContain('<html lang="fr-CA"');
    expect(fr.headers['content-language']).toBe('fr-CA');
    const en = await a.get('/connexion', { 'accept-language': 'en-US,en;q=0.8,fr;q=0.5' });
    expect(en.body).toContain('<html lang="en-CA"');
    expect(en.body).toContain('Log in');
    expect((await a.get('/connexion?uselang=en')).body).toContain('<html lang="en-CA"');
    const sw = await a.post('/langue', { lang: 'en-CA', retour: '/connexion' });
    expect(sw.statusCode).toBe(303);
    expect(sw.headers.location).toBe('/connexion');
    expect((await a.get('/connexion')).body).toContain('<html lang="en-CA"');
    await a.post('/langue', { lang: 'fr-CA', retour: 'https://evil.example/' });
    expect((await a.get('/connexion', { 'accept-language': 'en' })).body).toContain('<html lang="fr-CA"');
  });

  it('lets an anonymous visitor switch language by a GET form, so read pages need no CSRF token or cookie', async () => {
    const a = t.agent();
    const home = await a.get('/');
    expect(home.body).toContain('<form method="get" action="/langue" class="lang-switch">');
    expect(home.body).not.toContain('name="_csrf"');
    expect(String(home.headers['set-cookie'] ?? '')).not.toContain('maillage_csrf');
    const sw = await a.get('/langue?lang=en-CA&retour=%2Fconnexion');
    expect(sw.statusCode).toBe(303);
    expect(sw.headers.location).toBe('/connexion');
    const login = await a.get('/connexion');
    expect(login.body).toContain('<html lang="en-CA"');
    // A page with a form makes the token, and sets the cookie it is bound to.
    expect(login.body).toContain('name="_csrf"');
    expect(String(login.headers['set-cookie'] ?? '')).toContain('maillage_csrf=');
    expect((await a.get('/langue?lang=xx&retour=https%3A%2F%2Fevil.example%2F')).headers.location).toBe('/');
  });

  it('remembers a signed-in user’s language on the account', async () => {
    const a = await t.signedIn('agent', 'lang@example.ca');
    await a.post('/langue', { lang: 'en-CA', retour: '/' });
    const row = await t.m.db.db.selectFrom('users').select('locale').where('email', '=', 'lang@example.ca').executeTakeFirstOrThrow();
    expect(row.locale).toBe('en-CA');
  });

  it('applies French typography to interface text', async () => {
    const res = await t.agent().get('/mot-de-passe/oubli');
    expect(res.body).toContain('Entrez votre courriel\u00A0:');
  });

  it('answers unknown pages with a translated 404, never a stack trace', async () => {
    const fr = await t.agent().get('/nulle-part');
    expect(fr.statusCode).toBe(404);
    expect(fr.body).toContain('Page introuvable');
    const en = await t.agent().get('/nowhere', { 'accept-language': 'en' });
    expect(en.body).toContain('Page not found');
  });

  it('hides internal errors behind a reference, logs them, and never shows a stack', async () => {
    const res = await t.agent().get('/__boom');
    expect(res.statusCode).toBe(500);
    expect(res.body).toContain('Erreur interne');
    expect(res.body).toMatch(/Référence\u00A0: [\w-]+/);
    expect(res.body).not.toContain('secret internal detail');
    expect(res.body).not.toMatch(/\.ts:\d+/);
    expect((await t.agent().get('/__teapot')).statusCode).toBe(403);
  });

  it('turns malformed requests into clear 4xx pages', async () => {
    const a = t.agent();
    const token = await a.csrf();
    const big = await a.request('POST', '/connexion', { form: { _csrf: token, email: 'x'.repeat(2 * 1024 * 1024) } });
    expect(big.statusCode).toBe(413);
    expect(big.body).toContain('Envoi trop volumineux');
    const media = await a.request('POST', '/connexion', { body: '<x/>', headers: { 'content-type': 'application/xml' } });
    expect(media.statusCode).toBe(415);
    expect(media.body).toContain('Format non pris en charge');
    const badUrl = await a.get('/%E0%A4%A');
    expect(badUrl.statusCode).toBe(400);
    const arrays = await a.request('POST', '/connexion', { body: `_csrf=${token}&email=a@b.ca&email=c@d.ca&password=x`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(arrays.statusCode).toBe(400);
  });

  it('reports health and readiness', async () => {
    const a = t.agent();
    expect(JSON.parse((await a.get('/healthz')).body)).toEqual({ status: 'ok' });
    const ready = await a.get('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(JSON.parse(ready.body)).toEqual({ status: 'ready', engine });
  });

  it('loads the demo network once, with its facts, and opens sign-up', async () => {
    expect(await loadDemo({ db: t.m.db.db, accounts: t.m.accounts, wiki: t.m.wiki.wiki })).toBe(true);
    expect(await loadDemo({ db: t.m.db.db, accounts: t.m.accounts, wiki: t.m.wiki.wiki })).toBe(false);
    const home = (await t.agent().get('/')).body;
    for (const fact of ['Concertation', 'Formation', 'Veille', 'Projets', 'Almanach culturel', 'Codéveloppement', 'Culture des données', 'Écoresponsabilité et numérique', 'Culture Laval']) {
      expect(home).toContain(fact);
    }
    expect(home).toContain('46\u00A0%');
    expect(home).toContain('33\u00A0%');
    expect(home).toContain('21\u00A0%');
    expect((await t.agent().get('/inscription')).body).not.toContain('sur invitation');
    const wikiHome = await t.agent().get('/wiki/Accueil');
    expect(wikiHome.statusCode).toBe(200);
    expect(wikiHome.body).toContain('Les quatre axes du mandat');
    const rencontre = await t.agent().get('/wiki/Rencontre_nationale_de_mai_2021');
    expect(rencontre.body).toMatch(/46(&#160;|\u00A0)%/);
    // A chantier named in the list but not yet written shows as a red link.
    expect((await t.agent().get('/wiki/Chantiers')).body).toMatch(/class="new"[^>]*>Compétences numériques|Compétences_num%C3%A9riques\?action=edit&amp;redlink=1/);
  });
});
