import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/core/i18n/en-CA.ts';
import { fr } from '../../src/core/i18n/fr-CA.ts';
import type { Agent, TestApp } from '../support/app.ts';
import { startTestApp } from '../support/app.ts';
import { describeEachEngine } from '../support/each-engine.ts';

const CH = { name: 'Données ouvertes', kind: 'collaboration', definition: 'Publier les données culturelles.', objectives: '', deliverables: '', needs: '', highlight: '', legacy: '', text: '', summary: '' };
const KEY = 'Donn%C3%A9es_ouvertes';

describeEachEngine('network: joining, following or leaving a chantier says it was saved', (engine) => {
  let t: TestApp;
  let awa: Agent;
  beforeAll(async () => {
    t = await startTestApp(engine);
    awa = await t.signedIn('agent', 'awa@example.ca');
    expect((await awa.post('/reseau/chantiers/nouveau', CH)).statusCode).toBe(303);
  });
  afterAll(() => t.close());

  it('shows the notice after each membership change, in the reader’s language', async () => {
    for (const action of ['join', 'follow', 'leave']) {
      const res = await awa.post(`/reseau/chantiers/adhesion/${KEY}`, { action });
      expect(res.statusCode, action).toBe(303);
      const location = String(res.headers.location);
      expect(location).toBe(`/wiki/Chantier:${KEY}?notice=network.membership.saved`);
      expect((await awa.get(location)).body, action).toContain('Votre participation au chantier est enregistrée.');
    }
    const english = await t.agent().request('GET', `/wiki/Chantier:${KEY}?notice=network.membership.saved`, { headers: { 'accept-language': 'en-CA' } });
    expect(english.body).toContain('Your participation in the chantier is saved.');
  });
});

/** Every literal notice a route redirects with (`redirectWithNotice(…, 'key')`) has its `notice.<key>` message in both catalogs. */
describe('notices after a redirect', () => {
  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
  it('all have a message in fr-CA and en-CA', () => {
    const keys = new Set<string>();
    for (const f of files(path.resolve('src'))) for (const m of readFileSync(f, 'utf8').matchAll(/redirectWithNotice\([^;]*?,\s*'([a-z_.]+)'\)/g)) keys.add(m[1]!);
    expect(keys).toContain('network.membership.saved');
    const missing = [...keys].flatMap((k) => [fr, en].filter((catalog) => !(`notice.${k}` in catalog)).map((c) => `${c === fr ? 'fr-CA' : 'en-CA'}: notice.${k}`));
    expect(missing).toEqual([]);
  });
});
