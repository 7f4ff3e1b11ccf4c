import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/modules/accounts/index.ts';
import { Agent, startTestApp, type TestApp } from '../support/app.ts';
import { describeEachEngine } from '../support/each-engine.ts';

type Who = 'anonymous' | Role;
const WHO: Who[] = ['anonymous', ...ROLES];

interface Route {
  method: 'GET' | 'POST';
  url: string;
  form?: Record<string, string>;
  /** The weakest role allowed; anonymous visitors are never allowed on these routes. */
  min: Role;
  /** Status of an allowed request. */
  ok: number;
}

const rank = (w: Who) => (w === 'anonymous' ? -1 : ROLES.indexOf(w));

describeEachEngine('roles × protected routes', (engine) => {
  let t: TestApp;
  const agents = new Map<Who, Agent>();
  let targetId = 0;
  const routes = (): Route[] => [
    { method: 'GET', url: '/compte', min: 'reader', ok: 200 },
    { method: 'GET', url: '/admin/utilisateurs', min: 'coordination', ok: 200 },
    { method: 'GET', url: '/admin/invitations', min: 'coordination', ok: 200 },
    { method: 'POST', url: '/admin/invitations', form: { email: `inv-${Math.random().toString(36).slice(2)}@example.ca`, role: 'contributor' }, min: 'coordination', ok: 201 },
    { method: 'GET', url: '/admin', min: 'admin', ok: 200 },
    { method: 'POST', url: '/admin', form: { signup_mode: 'invite' }, min: 'admin', ok: 303 },
    { method: 'POST', url: `/admin/utilisateurs/${targetId}/role`, form: { role: 'agent' }, min: 'admin', ok: 303 },
  ];

  beforeAll(async () => {
    t = await startTestApp(engine);
    agents.set('anonymous', t.agent('198.51.100.200'));
    for (const role of ROLES) agents.set(role, await t.signedIn(role));
    const target = await t.m.accounts.operator.createUser({ email: 'target@example.ca', name: 'Target', role: 'contributor' });
    targetId = target.id;
  });
  afterAll(() => t.close());

  for (const who of WHO) {
    it(`applies the policy for ${who} on every protected route`, async () => {
      const a = agents.get(who)!;
      for (const r of routes()) {
        const allowed = rank(who) >= rank(r.min) && who !== 'anonymous';
        const res = r.method === 'GET' ? await a.get(r.url) : await a.post(r.url, r.form ?? {});
        const label = `${who} ${r.method} ${r.url}`;
        if (allowed) expect(res.statusCode, label).toBe(r.ok);
        else if (who === 'anonymous' && r.method === 'GET') {
          expect(res.statusCode, label).toBe(303);
          expect(String(res.headers.location), label).toMatch(/^\/connexion\?retour=/);
        } else {
          expect(res.statusCode, label).toBe(who === 'anonymous' ? 401 : 403);
          expect(res.body, label).toContain(who === 'anonymous' ? 'Connexion requise' : 'Accès refusé');
        }
      }
    });
  }

  it('shows each role only the navigation it may use', async () => {
    const nav = async (who: Who) => (await agents.get(who)!.get('/')).body;
    expect(await nav('contributor')).not.toContain('href="/admin/utilisateurs"');
    expect(await nav('coordination')).toContain('href="/admin/utilisateurs"');
    expect(await nav('coordination')).not.toContain('href="/admin"');
    expect(await nav('admin')).toContain('href="/admin"');
  });

  it('keeps at least one administrator', async () => {
    const admin = agents.get('admin')!;
    const admins = await t.m.db.db.selectFrom('users').select('id').where('role', '=', 'admin').execute();
    expect(admins).toHaveLength(1);
    const last = admins[0]!.id;
    const res = await admin.post(`/admin/utilisateurs/${last}/role`, { role: 'agent' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('au moins un administrateur');
    const row = await t.m.db.db.selectFrom('users').select('role').where('id', '=', last).executeTakeFirstOrThrow();
    expect(row.role).toBe('admin');
  });

  it('refuses an unknown role with a message, and an unknown user with 404', async () => {
    const admin = agents.get('admin')!;
    const bad = await admin.post(`/admin/utilisateurs/${targetId}/role`, { role: 'emperor' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Choisissez un rôle dans la liste.');
    expect((await admin.post('/admin/utilisateurs/999999/role', { role: 'agent' })).statusCode).toBe(404);
    expect((await admin.post('/admin/utilisateurs/abc/role', { role: 'agent' })).statusCode).toBe(404);
  });
});
