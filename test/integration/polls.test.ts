import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseTitle } from '../../src/modules/markup/index.ts';
import type { Agent, TestApp } from '../support/app.ts';
import { csrfIn, startTestApp } from '../support/app.ts';
import { describeEachEngine } from '../support/each-engine.ts';

const codeOf = (location: unknown) => String(location).match(/^\/sondage\/([A-Z0-9]{6})\/gerer/)?.[1];

describeEachEngine('polls: creating, answering, closing, archiving', (engine) => {
  let t: TestApp;
  let coord: Agent;
  let agent: Agent;
  beforeAll(async () => {
    t = await startTestApp(engine);
    coord = await t.signedIn('coordination', 'coord@example.ca');
    agent = await t.signedIn('agent', 'agent@example.ca');
  });
  afterAll(() => t.close());

  async function create(form: Record<string, string>): Promise<string> {
    const res = await coord.post('/sondages', { kind: 'single', options: '', scale_max: '5', page: '', context: '', ...form });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    const code = codeOf(res.headers.location);
    expect(code).toBeDefined();
    return code!;
  }

  /** Answers as a phone would: load the page (its form's token), then post. */
  async function answer(device: Agent, code: string, form: Record<string, string>) {
    const page = await device.get(`/sondage/${code}`);
    return device.post(`/sondage/${code}`, form, { csrf: csrfIn(page.body) });
  }

  it('lets only coordination create, open and close polls', async () => {
    expect((await t.agent().get('/sondages/nouveau')).statusCode).toBe(303); // to the login page
    expect((await agent.get('/sondages/nouveau')).statusCode).toBe(403);
    expect((await agent.post('/sondages', { question: 'Q ?', kind: 'single', options: 'A\nB' })).statusCode).toBe(403);
    expect((await coord.get('/sondages/nouveau')).statusCode).toBe(200);
    const code = await create({ question: 'Quel atelier ?', options: 'Veille\nFormation' });
    expect((await agent.post(`/sondage/${code}/gerer/ouvrir`, {})).statusCode).toBe(403);
    expect((await t.agent().post(`/sondage/${code}/gerer/ouvrir`, {})).statusCode).toBe(401);
    // A draft is invisible to participants.
    expect((await t.agent().get(`/sondage/${code}`)).statusCode).toBe(404);
    expect((await coord.post(`/sondage/${code}/gerer/ouvrir`, {})).statusCode).toBe(303);
    expect((await t.agent().get(`/sondage/${code}`)).statusCode).toBe(200);
    expect((await coord.post(`/sondage/${code}/gerer/fermer`, {})).statusCode).toBe(303);
    const manage = await coord.get(`/sondage/${code}/gerer`);
    expect(manage.body).toContain('Rouvrir le sondage');
  });

  it('shows the creation form again with what was typed when it is wrong', async () => {
    const res = await coord.post('/sondages', { question: 'Une question gardée', kind: 'single', options: 'Un seul choix', scale_max: '5', page: 'Page qui n’existe pas', context: '' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('value="Une question gardée"');
    expect(res.body).toContain('Inscrivez de 2 à 12 choix');
    expect(res.body).toContain('Aucune page du wiki ne porte ce titre.');
  });

  it('takes one answer per device from two phones, and a second answer replaces the first', async () => {
    const code = await create({ question: 'Quelle portée ?', options: 'Double\nOrganisationnelle\nSectorielle', open: '1' });
    const phoneA = t.agent('192.0.2.1');
    const phoneB = t.agent('192.0.2.2');
    const a = await answer(phoneA, code, { choice: '0' });
    expect(a.statusCode).toBe(303);
    expect(a.headers.location).toBe(`/sondage/${code}?envoye=1`);
    const device = [...phoneA.jar].find(([k]) => k.endsWith('maillage_device'));
    expect(device).toBeDefined();
    expect(String(a.headers['set-cookie'])).toMatch(/maillage_device=[^;]+;.*HttpOnly/i);
    expect((await answer(phoneB, code, { choice: '1' })).statusCode).toBe(303);
    let results = await t.agent().get(`/sondage/${code}/resultats`);
    expect(results.body).toContain('2 réponse(s).');
    expect(results.body).toContain('<th scope="row">Double</th><td class="num">1</td>');
    // Phone A changes its mind: still two respondents.
    const again = await phoneA.get(`/sondage/${code}`);
    expect(again.body).toContain('Vous avez déjà répondu depuis cet appareil');
    expect(again.body).toMatch(/value="0" checked/);
    expect((await answer(phoneA, code, { choice: '2' })).statusCode).toBe(303);
    results = await t.agent().get(`/sondage/${code}/resultats`);
    expect(results.body).toContain('2 réponse(s).');
    expect(results.body).toContain('<th scope="row">Double</th><td class="num">0</td>');
    expect(results.body).toContain('<th scope="row">Sectorielle</th><td class="num">1</td>');
    const rows = await t.m.db.db.selectFrom('poll_answers').select('device').execute();
    // Only hashes of the device cookies are stored.
    expect(rows.some((r) => r.device === device![1])).toBe(false);
  });

  it('checks answers: a choice is required, one only for single choice, none once closed', async () => {
    const code = await create({ question: 'Un seul choix ?', options: 'Oui\nNon', open: '1' });
    const phone = t.agent('192.0.2.3');
    const none = await answer(phone, code, {});
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Choisissez une réponse.');
    const page = await phone.get(`/sondage/${code}`);
    const two = await phone.request('POST', `/sondage/${code}`, { body: `_csrf=${encodeURIComponent(csrfIn(page.body)!)}&choice=0&choice=1`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(two.statusCode).toBe(400);
    expect(two.body).toContain('Choisissez une seule réponse.');
    await coord.post(`/sondage/${code}/gerer/fermer`, {});
    const closed = await answer(phone, code, { choice: '0' });
    expect(closed.body).toContain('Ce sondage est fermé');
    const late = await phone.post(`/sondage/${code}`, { choice: '0' }, { csrf: csrfIn(closed.body) });
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain('Ce sondage n’est pas ouvert aux réponses.');
  });

  it('accepts several choices for a multiple-choice poll and a scale', async () => {
    const multi = await create({ question: 'Quels axes ?', kind: 'multiple', options: 'Concertation\nFormation\nVeille\nProjets', open: '1' });
    const phone = t.agent('192.0.2.4');
    const page = await phone.get(`/sondage/${multi}`);
    const res = await phone.request('POST', `/sondage/${multi}`, { body: `_csrf=${encodeURIComponent(csrfIn(page.body)!)}&choice=1&choice=2`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.statusCode).toBe(303);
    const results = await phone.get(`/sondage/${multi}/resultats`);
    expect(results.body).toContain('<th scope="row">Veille</th><td class="num">1</td><td class="num">100\u00A0%</td>');
    const scale = await create({ question: 'Votre aisance ?', kind: 'scale', scale_max: '4', open: '1' });
    expect((await answer(phone, scale, { choice: '3' })).statusCode).toBe(303);
    expect((await phone.get(`/sondage/${scale}/resultats`)).body).toContain('<th scope="row">4</th><td class="num">1</td>');
  });

  it('groups the words of a word cloud', async () => {
    const code = await create({ question: 'Vos défis ?', kind: 'words', open: '1' });
    for (const [i, words] of ['Formations', 'la formation continue', 'Formation, formations et temps', 'le temps'].entries()) {
      expect((await answer(t.agent(`192.0.2.${10 + i}`), code, { words })).statusCode).toBe(303);
    }
    const results = await t.agent().get(`/sondage/${code}/resultats`);
    expect(results.body).toContain('<th scope="row">formation</th><td class="num">3</td>');
    expect(results.body).toContain('<th scope="row">temps</th><td class="num">2</td>');
    expect(results.body).not.toMatch(/<th scope="row">(la|le|et)<\/th>/);
    expect(results.body).toMatch(/<svg [^>]*class="poll-cloud" role="img"/);
  });

  it('finds a poll by its code, typed loosely', async () => {
    const code = await create({ question: 'Par code ?', options: 'A\nB', open: '1' });
    const typed = `${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`;
    const res = await t.agent().get(`/sondage?code=${encodeURIComponent(typed)}`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/sondage/${code}`);
    expect((await t.agent().get('/sondage?code=ZZZZZZ')).statusCode).toBe(404);
    expect((await t.agent().get(`/sondage/${code.toLowerCase()}`)).headers.location).toBe(`/sondage/${code}`);
  });

  it('limits answers per IP address', async () => {
    const code = await create({ question: 'Trop ?', options: 'A\nB', open: '1' });
    const phone = t.agent('192.0.2.99');
    const token = csrfIn((await phone.get(`/sondage/${code}`)).body);
    for (let i = 0; i < 60; i++) expect((await phone.post(`/sondage/${code}`, { choice: String(i % 2) }, { csrf: token })).statusCode).toBe(303);
    const refused = await phone.post(`/sondage/${code}`, { choice: '0' }, { csrf: token });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(refused.body).toContain('trop de tentatives');
    // Another address is not affected.
    expect((await answer(t.agent('192.0.2.98'), code, { choice: '1' })).statusCode).toBe(303);
  });

  it('archives closed polls on their rencontre page, with the SVG chart and the table', async () => {
    const edit = await coord.get('/wiki/Rencontre:Rencontre_d%E2%80%99automne?action=edit');
    const saved = await coord.post('/wiki/Rencontre:Rencontre_d%E2%80%99automne?action=submit', { text: 'Programme de la rencontre.', summary: 'création', base_rev: '' }, { csrf: csrfIn(edit.body) });
    expect(saved.statusCode).toBe(303);
    const code = await create({ question: 'Portée du mandat ?', options: 'Double\nOrganisationnelle', page: 'Rencontre:Rencontre d’automne', context: 'Plénière', open: '1' });
    await answer(t.agent('192.0.2.50'), code, { choice: '0' });
    let page = await t.agent().get('/wiki/Rencontre:Rencontre_d%E2%80%99automne');
    expect(page.body).toContain(`/sondage/${code}`); // open: a link to answer
    expect(page.body).not.toContain('class="poll-chart"');
    await coord.post(`/sondage/${code}/gerer/fermer`, {});
    page = await t.agent().get('/wiki/Rencontre:Rencontre_d%E2%80%99automne');
    expect(page.body).toContain('Sondages de la rencontre');
    expect(page.body).toMatch(/<svg [^>]*class="poll-chart" role="img"/);
    expect(page.body).toContain('<th scope="row">Double</th><td class="num">1</td><td class="num">100\u00A0%</td>');
    const title = parseTitle('Rencontre:Rencontre d’automne');
    if (!title.ok) throw new Error('bad title');
    expect((await t.m.polls.pollsFor(title.title)).map((p) => p.code)).toEqual([code]);
    // The public archive lists closed polls only.
    const archive = await t.agent().get('/sondages');
    expect(archive.body).toContain('Portée du mandat ?');
    expect(archive.body).not.toContain('Par code ?');
  });
});
