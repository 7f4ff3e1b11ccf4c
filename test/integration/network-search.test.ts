import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Agent, TestApp } from '../support/app.ts';
import { startTestApp } from '../support/app.ts';
import { describeEachEngine } from '../support/each-engine.ts';

const ORG = { name: 'Arrimage', kind: 'regional_council', region: '11', sectors: 'Patrimoine vivant', website: 'https://arrimage.example', wikidata: '', text: 'Le conseil des îles.', summary: '' };
const CH = { name: 'Almanach culturel', kind: 'mutualisation', definition: 'Réunir les ressources numériques inspirantes.', objectives: 'Recenser cent ressources', deliverables: '', needs: 'Un spécialiste en taxonomie', highlight: '', legacy: '', text: '', summary: '' };

describeEachEngine('network: entity fields in full-text search', (engine) => {
  let t: TestApp;
  let awa: Agent;
  beforeAll(async () => {
    t = await startTestApp(engine);
    awa = await t.signedIn('agent', 'awa@example.ca');
    expect((await awa.post('/reseau/organisations/nouvelle', ORG)).statusCode).toBe(303);
    expect((await awa.post('/reseau/chantiers/nouveau', CH)).statusCode).toBe(303);
  });
  afterAll(() => t.close());

  const search = async (q: string) => (await t.agent().get(`/wiki/Sp%C3%A9cial:Recherche?q=${encodeURIComponent(q)}`)).body;

  it('finds an organisation by its region, its kind (either language) and its sectors, none of them in its text', async () => {
    expect(await search('Madeleine')).toContain('href="/wiki/Organisation:Arrimage"');
    expect(await search('conseil régional')).toContain('href="/wiki/Organisation:Arrimage"');
    expect(await search('regional council')).toContain('href="/wiki/Organisation:Arrimage"');
    expect(await search('patrimoine vivant')).toContain('href="/wiki/Organisation:Arrimage"');
    // Addresses are not words anyone searches for.
    expect(await search('example')).not.toContain('href="/wiki/Organisation:Arrimage"');
  });

  it('finds a chantier by its type, definition, objectives and needs; the page still shows no front matter', async () => {
    for (const q of ['mutualisation', 'inspirantes', 'recenser', 'taxonomie']) expect(await search(q), q).toContain('href="/wiki/Chantier:Almanach_culturel"');
    expect((await t.agent().get('/wiki/Chantier:Almanach_culturel')).body).not.toContain('kind: mutualisation');
  });
});
