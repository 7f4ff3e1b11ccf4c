import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Agent, TestApp } from '../support/app.ts';
import { startTestApp } from '../support/app.ts';
import { describeEachEngine } from '../support/each-engine.ts';

const CH = { name: 'Veille partagée', kind: 'collaboration', definition: 'Une veille commune des plateformes.', objectives: '', deliverables: '', needs: '', highlight: '', legacy: '', text: '', summary: '' };
const KEY = 'Veille_partag%C3%A9e';
const GRID = `/reseau/chantiers/grille/${KEY}`;
const scores = (need: string, objectives: string, climate: string, conditions: string, extra: Record<string, string> = {}) =>
  ({ action: 'score', score_need: need, score_objectives: objectives, score_climate: climate, score_conditions: conditions, ...extra });

describeEachEngine('network: a continuity round’s aggregated results as JSON and CSV', (engine) => {
  let t: TestApp;
  let awa: Agent;
  let noemie: Agent;
  let felix: Agent;
  let round = '';
  beforeAll(async () => {
    t = await startTestApp(engine);
    awa = await t.signedIn('agent', 'awa@example.ca');
    noemie = await t.signedIn('agent', 'noemie@example.ca');
    felix = await t.signedIn('agent', 'felix@example.ca');
    expect((await awa.post('/reseau/chantiers/nouveau', CH)).statusCode).toBe(303);
    for (const a of [awa, noemie]) expect((await a.post(`/reseau/chantiers/adhesion/${KEY}`, { action: 'join' })).statusCode).toBe(303);
    expect((await awa.post(GRID, { action: 'open' })).statusCode).toBe(303);
    round = (await awa.get(GRID)).body.match(/name="round" value="(\d+)"/)![1]!;
    expect((await awa.post(GRID, { round, ...scores('3', '2', '2', '1') })).statusCode).toBe(303);
    expect((await noemie.post(GRID, { round, ...scores('2', '1', '3', '1') })).statusCode).toBe(303);
    expect((await felix.post(GRID, { round, ...scores('0', '1', '2', '3', { comment_need: 'Félix trouve que ce besoin est déjà couvert.' }) })).statusCode).toBe(303);
  });
  afterAll(() => t.close());

  it('links the downloads from the grid page', async () => {
    const page = (await t.agent().get(GRID)).body;
    expect(page).toContain(`href="/reseau/chantiers/resultats-grille/${round}.json"`);
    expect(page).toContain(`href="/reseau/chantiers/resultats-grille/${round}.csv"`);
  });

  it('gives medians, min, max and counts per criterion for members, peers and everyone, in JSON', async () => {
    const res = await t.agent().get(`/reseau/chantiers/resultats-grille/${round}.json`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    const data = JSON.parse(res.body) as { chantier: { name: string }; round: { status: string }; scorers: unknown; criteria: Array<Record<string, unknown>> };
    expect(data.chantier.name).toBe('Veille partagée');
    expect(data.round.status).toBe('open');
    expect(data.scorers).toEqual({ member: 2, peer: 1, all: 3 });
    expect(data.criteria.map((c) => c.criterion)).toEqual(['need', 'objectives', 'climate', 'conditions']);
    expect(data.criteria[0]).toEqual({
      criterion: 'need', label: 'Le chantier répond à un besoin partagé',
      member: { median: 2.5, min: 2, max: 3, count: 2 }, peer: { median: 0, min: 0, max: 0, count: 1 }, all: { median: 2, min: 0, max: 3, count: 3 },
    });
    expect(data.criteria[3]).toMatchObject({ member: { median: 1, min: 1, max: 1, count: 2 }, all: { median: 1, min: 1, max: 3, count: 3 } });
  });

  it('gives the same figures in CSV, one line per criterion and group', async () => {
    const res = await t.agent().get(`/reseau/chantiers/resultats-grille/${round}.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('chantier,round,opened,closed,criterion,label,group,median,min,max,count');
    expect(lines).toHaveLength(1 + 4 * 3);
    expect(lines.filter((l) => l.includes(',need,'))).toEqual([
      expect.stringMatching(/,need,Le chantier répond à un besoin partagé,member,2\.5,2,3,2$/),
      expect.stringMatching(/,need,Le chantier répond à un besoin partagé,peer,0,0,0,1$/),
      expect.stringMatching(/,need,Le chantier répond à un besoin partagé,all,2,0,3,3$/),
    ]);
  });

  it('never names a scorer nor carries their comments', async () => {
    for (const ext of ['json', 'csv']) {
      const body = (await t.agent().get(`/reseau/chantiers/resultats-grille/${round}.${ext}`)).body;
      for (const word of ['Test agent', 'awa', 'noemie', 'felix', 'Félix', 'déjà couvert']) expect(body, `${ext}: ${word}`).not.toContain(word);
    }
    expect((await t.agent().get('/reseau/chantiers/resultats-grille/999999.json')).statusCode).toBe(404);
    expect((await t.agent().get(`/reseau/chantiers/resultats-grille/${round}.xml`)).statusCode).toBe(404);
  });
});
