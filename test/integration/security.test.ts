import { afterAll, beforeAll, expect, it } from 'vitest';
import { LIMITS } from '../../src/modules/accounts/index.ts';
import { csrfIn, inputValue, startTestApp, type TestApp } from '../support/app.ts';
import { describeEachEngine } from '../support/each-engine.ts';

const PASSWORD = 'a long enough secret';

describeEachEngine('security: CSRF, rate limits, lockout, headers', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
    await t.m.accounts.operator.createUser({ email: 'lock@example.ca', name: 'Lock', role: 'agent', password: PASSWORD });
  });
  afterAll(() => t.close());

  it('rejects a form without a CSRF token, and offers the typed values back without the password', async () => {
    const a = t.agent('192.0.2.1');
    await a.get('/');
    const res = await a.post('/connexion', { email: 'lock@example.ca', password: PASSWORD, retour: '/compte' }, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Formulaire expiré');
    expect(res.body).toContain('csrf_failed');
    expect(inputValue(res.body, 'email')).toBe('lock@example.ca');
    expect(res.body).toContain('name="retour" value="/compte"');
    expect(res.body).not.toContain(PASSWORD);
    // The page carries a fresh token: sending again (with the password) works.
    const again = await a.post('/connexion', { email: 'lock@example.ca', password: PASSWORD }, { csrf: csrfIn(res.body)! });
    expect(again.statusCode).toBe(303);
  });

  it('rejects a wrong token, a token of another browser, and a cross-site origin', async () => {
    const a = t.agent('192.0.2.2');
    const b = t.agent('192.0.2.3');
    const tokenB = await b.csrf();
    expect((await a.post('/mot-de-passe/oubli', { email: 'x@example.ca' }, { csrf: 'forged' })).statusCode).toBe(403);
    expect((await a.post('/mot-de-passe/oubli', { email: 'x@example.ca' }, { csrf: tokenB })).statusCode).toBe(403);
    const cross = await a.post('/mot-de-passe/oubli', { email: 'x@example.ca' }, { headers: { origin: 'https://evil.example' } });
    expect(cross.statusCode).toBe(403);
    const fetchSite = await a.post('/mot-de-passe/oubli', { email: 'x@example.ca' }, { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(fetchSite.statusCode).toBe(403);
    const same = await a.post('/mot-de-passe/oubli', { email: 'x@example.ca' }, { headers: { origin: 'http://maillage.test' } });
    expect(same.statusCode).toBe(200);
  });

  it('binds the token to the session: a token from before login stops working after it', async () => {
    const a = t.agent('192.0.2.4');
    const before = await a.csrf();
    await a.post('/connexion', { email: 'lock@example.ca', password: PASSWORD });
    expect((await a.post('/deconnexion', {}, { csrf: before })).statusCode).toBe(403);
    expect((await a.post('/deconnexion', {})).statusCode).toBe(303);
  });

  it('answers JSON clients with a JSON error in their language', async () => {
    const a = t.agent('192.0.2.5');
    a.lang = 'en';
    const res = await a.request('POST', '/connexion', { form: { email: 'x' }, headers: { accept: 'application/json' } });
    expect(res.statusCode).toBe(403);
    const body = JSON.parse(res.body);
    expect(body.error.code).toBe('csrf_failed');
    expect(body.error.message).toContain('For your security');
  });

  it('locks an account after repeated failures, even for the right password, until the lock expires', async () => {
    for (let i = 1; i < LIMITS.lockAfter; i++) {
      const res = await t.agent(`192.0.2.${10 + i}`).post('/connexion', { email: 'lock@example.ca', password: 'wrong guess' });
      expect(res.statusCode).toBe(400);
    }
    const locking = await t.agent('192.0.2.20').post('/connexion', { email: 'lock@example.ca', password: 'wrong guess' });
    expect(locking.statusCode).toBe(429);
    expect(locking.body).toContain('Trop de tentatives de connexion ont échoué');
    const right = await t.agent('192.0.2.21').post('/connexion', { email: 'lock@example.ca', password: PASSWORD });
    expect(right.statusCode).toBe(429);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    expect(inputValue(right.body, 'email')).toBe('lock@example.ca');
    t.clock.advance(LIMITS.lockForMs + 1000);
    expect((await t.agent('192.0.2.22').post('/connexion', { email: 'lock@example.ca', password: PASSWORD })).statusCode).toBe(303);
  });

  it('limits login attempts per address, across accounts, and says when to retry', async () => {
    const a = t.agent('192.0.2.99');
    const statuses: number[] = [];
    for (let i = 0; i < LIMITS.loginPerIp.limit + 1; i++) {
      const res = await a.post('/connexion', { email: `nobody${i}@example.ca`, password: 'whatever it is' });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, LIMITS.loginPerIp.limit).every((s) => s === 400)).toBe(true);
    const last = await a.post('/connexion', { email: 'lock@example.ca', password: PASSWORD });
    expect(last.statusCode).toBe(429);
    expect(last.body).toContain('Vous avez fait trop de tentatives');
    expect(last.headers['retry-after']).toBeDefined();
    expect((await t.agent('192.0.2.98').post('/connexion', { email: 'lock@example.ca', password: PASSWORD })).statusCode).toBe(303);
    t.clock.advance(LIMITS.loginPerIp.windowMs + 1);
    expect((await a.post('/connexion', { email: 'lock@example.ca', password: PASSWORD })).statusCode).toBe(303);
  });

  it('sets session cookies HttpOnly and SameSite=Lax, and security headers with a strict CSP', async () => {
    const res = await t.agent('192.0.2.30').post('/connexion', { email: 'lock@example.ca', password: PASSWORD });
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] as string[]);
    const session = cookies.find((c) => c.startsWith('maillage_session='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(session).not.toMatch(/Secure/i);
    const page = await t.agent().get('/connexion');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(page.body).not.toMatch(/\sstyle="/);
  });

  it('stores only a hash of session tokens', async () => {
    const a = t.agent('192.0.2.31');
    await a.post('/connexion', { email: 'lock@example.ca', password: PASSWORD });
    const token = [...a.jar].find(([k]) => k.endsWith('maillage_session'))![1];
    const rows = await t.m.db.db.selectFrom('sessions').select('id').execute();
    expect(rows.some((r) => r.id === token)).toBe(false);
    expect(rows.length).toBeGreaterThan(0);
  });
});

describeEachEngine('security: behind TLS', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine, { PUBLIC_URL: 'https://maillage.example' });
    await t.m.accounts.operator.createUser({ email: 'tls@example.ca', name: 'TLS', role: 'agent', password: PASSWORD });
  });
  afterAll(() => t.close());

  it('marks cookies Secure with the __Host- prefix and sends HSTS', async () => {
    const a = t.agent();
    const res = await a.post('/connexion', { email: 'tls@example.ca', password: PASSWORD }, { headers: { origin: 'https://maillage.example' } });
    expect(res.statusCode).toBe(303);
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] as string[]);
    const session = cookies.find((c) => c.startsWith('__Host-maillage_session='))!;
    expect(session).toMatch(/; Secure/i);
    expect(session).toMatch(/Path=\//);
    expect(res.headers['strict-transport-security']).toContain('max-age=');
  });
});
