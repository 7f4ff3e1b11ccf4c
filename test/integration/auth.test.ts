import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { setSetting } from '../../src/core/settings.ts';
import { SIGNUP_MODE_KEY } from '../../src/modules/accounts/index.ts';
import { inputValue, startTestApp, type TestApp } from '../support/app.ts';
import { describeEachEngine } from '../support/each-engine.ts';

const PASSWORD = 'a long enough secret';

describeEachEngine('accounts: sign-up, login, logout, reset, setup', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t.close());
  beforeEach(() => setSetting(t.m.db.db, SIGNUP_MODE_KEY, 'open'));

  it('signs up with an open sign-up, starts a session and shows the user in the header', async () => {
    const a = t.agent('203.0.113.1');
    const res = await a.post('/inscription', { name: 'Awa Diallo', email: 'Awa@Example.CA', password: PASSWORD, password_confirm: PASSWORD });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/?notice=welcome');
    const home = await a.get('/?notice=welcome');
    expect(home.body).toContain('Awa Diallo');
    expect(home.body).toContain('Bienvenue!');
    const row = await t.m.db.db.selectFrom('users').selectAll().where('email', '=', 'awa@example.ca').executeTakeFirstOrThrow();
    expect(row.role).toBe('contributor');
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses sign-up when invite-only and keeps what was typed', async () => {
    await setSetting(t.m.db.db, SIGNUP_MODE_KEY, 'invite');
    const a = t.agent('203.0.113.2');
    const page = await a.get('/inscription');
    expect(page.body).toContain('sur invitation');
    const res = await a.post('/inscription', { name: 'Félix', email: 'felix@example.ca', password: PASSWORD, password_confirm: PASSWORD });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('sur invitation');
    expect(await t.m.db.db.selectFrom('users').select('id').where('email', '=', 'felix@example.ca').executeTakeFirst()).toBeUndefined();
  });

  it('shows every field error at once, in French, and keeps the typed values but never passwords', async () => {
    const a = t.agent('203.0.113.3');
    const res = await a.post('/inscription', { name: 'Noémie « N » Bouchard', email: 'not-an-email', password: 'short', password_confirm: 'other' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Entrez une adresse courriel valide');
    expect(res.body).toContain('au moins 8 caractères');
    expect(res.body).toContain('ne sont pas identiques');
    expect(inputValue(res.body, 'name')).toBe('Noémie « N » Bouchard');
    expect(inputValue(res.body, 'email')).toBe('not-an-email');
    expect(inputValue(res.body, 'password')).toBeUndefined();
    expect(res.body).toContain('aria-invalid="true"');
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses a second account with the same email (case-insensitive)', async () => {
    const a = t.agent('203.0.113.4');
    await a.post('/inscription', { name: 'Samuel', email: 'samuel@example.ca', password: PASSWORD, password_confirm: PASSWORD });
    const b = t.agent('203.0.113.4');
    const res = await b.post('/inscription', { name: 'Samuel 2', email: 'SAMUEL@example.ca', password: PASSWORD, password_confirm: PASSWORD });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Un compte existe déjà');
  });

  it('logs in, logs out, and the old session cookie no longer works', async () => {
    await t.m.accounts.operator.createUser({ email: 'ines@example.ca', name: 'Inès Haddad', role: 'agent', password: PASSWORD });
    const a = t.agent('203.0.113.5');
    const login = await a.post('/connexion', { email: 'ines@example.ca', password: PASSWORD, retour: '/compte' });
    expect(login.statusCode).toBe(303);
    expect(login.headers.location).toBe('/compte');
    const cookie = [...a.jar].find(([k]) => k.includes('session'));
    expect(cookie).toBeDefined();
    expect((await a.get('/compte')).statusCode).toBe(200);
    const logout = await a.post('/deconnexion', {});
    expect(logout.statusCode).toBe(303);
    expect((await a.get('/compte')).statusCode).toBe(303);
    const replay = t.agent('203.0.113.5');
    replay.jar.set(cookie![0], cookie![1]);
    const res = await replay.get('/compte');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toContain('/connexion');
  });

  it('rejects a wrong password with a message in the user language and keeps the email', async () => {
    const a = t.agent('203.0.113.6');
    const fr = await a.post('/connexion', { email: 'ines@example.ca', password: 'wrong password' });
    expect(fr.statusCode).toBe(400);
    expect(fr.body).toContain('Courriel ou mot de passe incorrect.');
    expect(inputValue(fr.body, 'email')).toBe('ines@example.ca');
    a.lang = 'en-CA,en;q=0.9';
    const en = await a.post('/connexion', { email: 'ines@example.ca', password: 'wrong password' });
    expect(en.body).toContain('Incorrect email or password.');
  });

  it('never redirects off-site after login', async () => {
    await t.m.accounts.operator.createUser({ email: 'olivier@example.ca', name: 'Olivier', role: 'contributor', password: PASSWORD });
    const a = t.agent('203.0.113.7');
    const res = await a.post('/connexion', { email: 'olivier@example.ca', password: PASSWORD, retour: '//evil.example/x' });
    expect(res.headers.location).toBe('/');
  });

  it('resets a password by a mailed one-time token, and signs out other sessions', async () => {
    await t.m.accounts.operator.createUser({ email: 'mireille@example.ca', name: 'Mireille', role: 'coordination', password: PASSWORD });
    const other = t.agent('203.0.113.8');
    await other.post('/connexion', { email: 'mireille@example.ca', password: PASSWORD });
    expect((await other.get('/compte')).statusCode).toBe(200);

    const a = t.agent('203.0.113.9');
    const unknown = await a.post('/mot-de-passe/oubli', { email: 'nobody@example.ca' });
    const known = await a.post('/mot-de-passe/oubli', { email: 'mireille@example.ca' });
    expect(unknown.statusCode).toBe(200);
    expect(known.statusCode).toBe(200);
    expect(unknown.body).toContain('Si un compte existe');
    expect(t.mailer.lastTo('nobody@example.ca')).toBeUndefined();
    const mail = t.mailer.lastTo('mireille@example.ca');
    expect(mail?.subject).toContain('Réinitialisation');
    const link = mail!.text.match(/https?:\/\/\S+/)![0];
    const path = link.replace('http://maillage.test', '');
    expect((await a.get(path)).statusCode).toBe(200);

    const mismatch = await a.post(path, { password: 'new secret phrase', password_confirm: 'typo secret phrase' });
    expect(mismatch.statusCode).toBe(400);
    const done = await a.post(path, { password: 'new secret phrase', password_confirm: 'new secret phrase' });
    expect(done.statusCode).toBe(303);
    expect((await other.get('/compte')).statusCode).toBe(303);
    expect((await a.get(path)).statusCode).toBe(400);
    const again = await a.post(path, { password: 'another secret 1', password_confirm: 'another secret 1' });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('invalide, a expiré ou a déjà servi');
    expect((await t.agent('203.0.113.11').post('/connexion', { email: 'mireille@example.ca', password: 'new secret phrase' })).statusCode).toBe(303);
  });

  it('expires reset links after an hour', async () => {
    const a = t.agent('203.0.113.12');
    await a.post('/mot-de-passe/oubli', { email: 'olivier@example.ca' });
    const path = t.mailer.lastTo('olivier@example.ca')!.text.match(/https?:\/\/\S+/)![0].replace('http://maillage.test', '');
    t.clock.advance(61 * 60_000);
    expect((await a.get(path)).statusCode).toBe(400);
  });

  it('changes the password from the account page after checking the current one', async () => {
    const a = await t.signedIn('agent', 'change@example.ca');
    const wrong = await a.post('/compte/mot-de-passe', { current_password: 'nope', password: 'brand new secret', password_confirm: 'brand new secret' }, { csrf: await a.csrf('/compte') });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Le mot de passe actuel est incorrect.');
    const ok = await a.post('/compte/mot-de-passe', { current_password: 'correct horse battery', password: 'brand new secret', password_confirm: 'brand new secret' }, { csrf: await a.csrf('/compte') });
    expect(ok.statusCode).toBe(303);
    expect((await a.get('/compte')).statusCode).toBe(200);
  });
});

describeEachEngine('accounts: first-run setup link', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t.close());

  it('creates the first administrator through a one-time link', async () => {
    const link = await t.m.accounts.auth.setupLinkIfNeeded();
    expect(link).toMatch(/^http:\/\/maillage\.test\/installation\?jeton=/);
    const path = link!.replace('http://maillage.test', '');
    const a = t.agent();
    expect((await a.get(path)).statusCode).toBe(200);
    const res = await a.post(path, { name: 'Admin', email: 'admin@example.ca', password: PASSWORD, password_confirm: PASSWORD });
    expect(res.statusCode).toBe(303);
    expect((await a.get('/admin')).statusCode).toBe(200);
    expect(await t.m.accounts.auth.setupLinkIfNeeded()).toBeUndefined();
    const b = t.agent();
    expect((await b.get(path)).statusCode).toBe(400);
    const reuse = await b.post(path, { name: 'Intruder', email: 'x@example.ca', password: PASSWORD, password_confirm: PASSWORD });
    expect(reuse.statusCode).toBe(400);
    expect(await t.m.db.db.selectFrom('users').select('id').where('email', '=', 'x@example.ca').executeTakeFirst()).toBeUndefined();
  });

  it('lets an invited person sign up with the role of the invitation, even when invite-only', async () => {
    await setSetting(t.m.db.db, SIGNUP_MODE_KEY, 'invite');
    const coord = await t.signedIn('coordination');
    const res = await coord.post('/admin/invitations', { email: 'agent@example.ca', role: 'agent' }, { csrf: await coord.csrf('/admin/invitations') });
    expect(res.statusCode).toBe(201);
    const mail = t.mailer.lastTo('agent@example.ca')!;
    const path = mail.text.match(/https?:\/\/\S+/)![0].replace('http://maillage.test', '');
    const token = new URL(`http://x${path}`).searchParams.get('invitation')!;
    const a = t.agent('203.0.113.20');
    const form = await a.get(path);
    expect(inputValue(form.body, 'email')).toBe('agent@example.ca');
    const wrongEmail = await a.post('/inscription', { name: 'A', email: 'someone@example.ca', password: PASSWORD, password_confirm: PASSWORD, invitation: token });
    expect(wrongEmail.statusCode).toBe(400);
    const ok = await a.post('/inscription', { name: 'Agent', email: 'agent@example.ca', password: PASSWORD, password_confirm: PASSWORD, invitation: token });
    expect(ok.statusCode).toBe(303);
    const row = await t.m.db.db.selectFrom('users').select('role').where('email', '=', 'agent@example.ca').executeTakeFirstOrThrow();
    expect(row.role).toBe('agent');
    expect((await t.agent().get(path)).statusCode).toBe(400);
  });

  it('does not let coordination invite an administrator', async () => {
    const coord = await t.signedIn('coordination');
    const res = await coord.post('/admin/invitations', { email: 'boss@example.ca', role: 'admin' }, { csrf: await coord.csrf('/admin/invitations') });
    expect(res.statusCode).toBe(400);
    expect(t.mailer.lastTo('boss@example.ca')).toBeUndefined();
  });
});
