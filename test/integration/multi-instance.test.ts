import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config.ts';
import { memoryMailer } from '../../src/core/mail/index.ts';
import { buildMaillage, type Maillage } from '../../src/main.ts';
import { createTestDatabase, engineAvailable, type TestDatabase } from '../support/engines.ts';

/** A cookie jar over real HTTP (fetch), shared between two servers as a load balancer would. */
class Browser {
  cookies = new Map<string, string>();
  async fetch(url: string, init: RequestInit = {}) {
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const i = pair.indexOf('=');
      if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(pair.slice(0, i));
      else this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
    return { status: res.status, location: res.headers.get('location'), body: await res.text() };
  }
  async post(base: string, path: string, form: Record<string, string>) {
    // The page with the form: signed in, any page (sign-out form); anonymous, the sign-in page.
    const page = await this.fetch(`${base}${this.cookies.size > 0 && [...this.cookies.keys()].some((k) => k.includes('session')) ? '/' : '/connexion'}`);
    const token = page.body.match(/name="_csrf" value="([^"]+)"/)![1]!;
    return this.fetch(`${base}${path}`, { method: 'POST', body: new URLSearchParams({ _csrf: token, ...form }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }
}

describe.skipIf(!engineAvailable('postgres'))('two app instances on one PostgreSQL database', () => {
  let testDb: TestDatabase;
  let a: Maillage;
  let b: Maillage;
  let urlA = '';
  let urlB = '';

  beforeAll(async () => {
    testDb = await createTestDatabase('postgres');
    if (testDb.database.kind !== 'postgres') throw new Error('expected PostgreSQL');
    // Both instances are configured alike (same public URL, as behind one load balancer); each has its own pool.
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: testDb.database.url, PUBLIC_URL: 'http://127.0.0.1', LOG_LEVEL: 'silent' });
    a = await buildMaillage(config, { mailer: memoryMailer() });
    b = await buildMaillage(config, { mailer: memoryMailer() });
    urlA = await a.app.listen({ host: '127.0.0.1', port: 0 });
    urlB = await b.app.listen({ host: '127.0.0.1', port: 0 });
    await a.accounts.operator.createUser({ email: 'shared@example.ca', name: 'Partagé', role: 'admin', password: 'a long enough secret' });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await testDb?.drop();
  });

  it('logs in on one instance and uses the session on the other', async () => {
    const browser = new Browser();
    const login = await browser.post(urlA, '/connexion', { email: 'shared@example.ca', password: 'a long enough secret' });
    expect(login.status).toBe(303);
    const account = await browser.fetch(`${urlB}/compte`);
    expect(account.status).toBe(200);
    expect(account.body).toContain('shared@example.ca');
    // A form served by B is accepted by A: the CSRF secret is shared through the database.
    const saved = await browser.post(urlB, '/admin', { signup_mode: 'open' });
    expect(saved.status).toBe(303);
    expect((await new Browser().fetch(`${urlA}/inscription`)).body).not.toContain('sur invitation');
    // Logging out on B ends the session on A too.
    expect((await browser.post(urlB, '/deconnexion', {})).status).toBe(303);
    expect((await browser.fetch(`${urlA}/compte`)).status).toBe(303);
  });

  it('shares rate limits between instances', async () => {
    const browser = new Browser();
    let last = 0;
    for (let i = 0; i < 25; i++) {
      const base = i % 2 === 0 ? urlA : urlB;
      last = (await browser.post(base, '/connexion', { email: `nobody${i}@example.ca`, password: 'wrong password' })).status;
    }
    expect(last).toBe(429);
  });
});
