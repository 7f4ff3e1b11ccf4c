import type { FastifyInstance } from 'fastify';
import { manualClock } from '../../src/core/clock.ts';
import { loadConfig, type Config } from '../../src/core/config.ts';
import type { Engine } from '../../src/core/db/index.ts';
import { memoryMailer, type MemoryMailer } from '../../src/core/mail/index.ts';
import { buildMaillage, type Maillage } from '../../src/main.ts';
import type { Role } from '../../src/modules/accounts/index.ts';
import { createTestDatabase, type TestDatabase } from './engines.ts';

export const PUBLIC_URL = 'http://maillage.test';

export interface TestApp {
  engine: Engine;
  m: Maillage;
  app: FastifyInstance;
  mailer: MemoryMailer;
  clock: ReturnType<typeof manualClock>;
  config: Config;
  testDb: TestDatabase;
  agent(ip?: string): Agent;
  /** Creates a user with a password and returns a signed-in agent for it. */
  signedIn(role: Role, email?: string): Promise<Agent>;
  close(): Promise<void>;
}

export async function startTestApp(engine: Engine, env: Record<string, string> = {}): Promise<TestApp> {
  const testDb = await createTestDatabase(engine);
  const db = testDb.open();
  const mailer = memoryMailer();
  const clock = manualClock(Date.now());
  const config = loadConfig({ NODE_ENV: 'test', PUBLIC_URL, LOG_LEVEL: 'silent', ...env });
  const m = await buildMaillage(config, { db, mailer, clock, migrate: false });
  let n = 0;
  const t: TestApp = {
    engine, m, app: m.app, mailer, clock, config, testDb,
    agent: (ip) => new Agent(m.app, ip),
    async signedIn(role, address) {
      const i = ++n;
      const email = address ?? `user${i}-${role}@example.ca`;
      await m.accounts.operator.createUser({ email, name: `Test ${role} ${i}`, role, password: 'correct horse battery' });
      const a = new Agent(m.app, `198.51.100.${n % 250}`);
      const res = await a.post('/connexion', { email, password: 'correct horse battery' });
      if (res.statusCode !== 303) throw new Error(`login failed for ${email}: ${res.statusCode}`);
      return a;
    },
    async close() {
      await m.close();
      await db.destroy();
      await testDb.drop();
    },
  };
  return t;
}

export interface Res {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

/** A browser-like client over app.inject: keeps cookies, fetches CSRF tokens like a page would. */
export class Agent {
  readonly jar = new Map<string, string>();
  lang: string | undefined;

  constructor(private readonly app: FastifyInstance, readonly ip = '203.0.113.10') {}

  private cookieHeader(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Res) {
    const set = res.headers['set-cookie'];
    for (const c of Array.isArray(set) ? set : set ? [String(set)] : []) {
      const [pair = ''] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(c) || value === '') this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  async request(method: string, url: string, opts: { form?: Record<string, string>; headers?: Record<string, string>; body?: string } = {}): Promise<Res> {
    const headers: Record<string, string> = { cookie: this.cookieHeader(), ...(this.lang ? { 'accept-language': this.lang } : {}), ...opts.headers };
    let payload = opts.body;
    if (opts.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      payload = new URLSearchParams(opts.form).toString();
    }
    const res = await this.app.inject({ method: method as 'GET', url, headers, payload, remoteAddress: this.ip });
    const out: Res = { statusCode: res.statusCode, headers: res.headers, body: res.body };
    this.keep(out);
    return out;
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request('GET', url, { headers });
  }

  /**
   * The CSRF token a page with a form served to this client would carry. By default the home
   * page (signed in, its header has the sign-out form) or else the sign-in page (anonymous
   * visitors' pages carry no form, hence no token).
   */
  async csrf(page?: string): Promise<string> {
    for (const p of page ? [page] : ['/', '/connexion']) {
      const res = await this.get(p);
      const token = csrfIn(res.body);
      if (token) return token;
      if (page) throw new Error(`no CSRF token on ${page} (${res.statusCode})`);
    }
    throw new Error('no CSRF token on / nor /connexion');
  }

  async post(url: string, form: Record<string, string>, opts: { csrf?: string | false; headers?: Record<string, string> } = {}) {
    const token = opts.csrf === false ? undefined : (opts.csrf ?? (await this.csrf()));
    return this.request('POST', url, { form: token ? { _csrf: token, ...form } : form, headers: opts.headers });
  }
}

export function csrfIn(html: string): string | undefined {
  return html.match(/name="_csrf" value="([^"]+)"/)?.[1];
}

/** The value of an input named `name` in a page, or undefined. */
export function inputValue(html: string, name: string): string | undefined {
  const tag = html.match(new RegExp(`<input[^>]*name="${name}"[^>]*>`))?.[0];
  return tag?.match(/value="([^"]*)"/)?.[1];
}
