import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Agent, TestApp } from '../support/app.ts';
import { startTestApp } from '../support/app.ts';
import { describeEachEngine } from '../support/each-engine.ts';

const CH = { name: 'Compétences numériques', kind: 'expertise', definition: 'Un référentiel en langage simple.', objectives: '', deliverables: '', needs: 'Un regard externe sur le référentiel', highlight: '', legacy: '', text: '', summary: '' };
const KEY = 'Comp%C3%A9tences_num%C3%A9riques';
const baseRev = (html: string) => html.match(/name="base_rev" value="(\d+)"/)?.[1] ?? '';

describeEachEngine('network: a chantier sends its needs to the coordination team', (engine) => {
  let t: TestApp;
  let awa: Agent;
  let coord: Agent;
  let felix: Agent;
  beforeAll(async () => {
    t = await startTestApp(engine);
    coord = await t.signedIn('coordination', 'mireille@example.ca');
    awa = await t.signedIn('agent', 'awa@example.ca');
    felix = await t.signedIn('agent', 'felix@example.ca');
  });
  afterAll(() => t.close());

  const needNotices = async (a: Agent) => ((await a.get('/wiki/Sp%C3%A9cial:Notifications')).body.match(/a transmis un nouveau besoin/g) ?? []).length;
  const edit = async (a: Agent, fields: Partial<typeof CH>) => {
    const form = await a.get(`/reseau/chantiers/modifier/${KEY}`);
    return a.post(`/reseau/chantiers/modifier/${KEY}`, { ...CH, ...fields, base_rev: baseRev(form.body) });
  };

  it('notifies the coordination team of a new need, not of other edits, and never the editor', async () => {
    expect((await awa.post('/reseau/chantiers/nouveau', CH)).statusCode).toBe(303);
    expect(await needNotices(coord)).toBe(1);
    expect((await coord.get('/wiki/Sp%C3%A9cial:Notifications')).body).toContain(`href="/wiki/Chantier:${KEY}?diff=`);
    expect(await needNotices(felix)).toBe(0);
    expect((await edit(awa, { definition: 'Un référentiel des compétences, en langage simple.' })).statusCode).toBe(303);
    expect(await needNotices(coord)).toBe(1);
    expect((await edit(awa, { definition: 'Un référentiel des compétences, en langage simple.', needs: `${CH.needs}\nUn budget de traduction` })).statusCode).toBe(303);
    expect(await needNotices(coord)).toBe(2);
    // Removing a need sends nothing; the coordination team's own edits do not notify itself.
    expect((await edit(coord, { needs: 'Un budget de traduction\nUne graphiste' })).statusCode).toBe(303);
    expect(await needNotices(coord)).toBe(2);
  });
});
