import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Agent, TestApp } from '../support/app.ts';
import { startTestApp } from '../support/app.ts';
import { describeEachEngine } from '../support/each-engine.ts';

describeEachEngine('wiki search through the web', (engine) => {
  let t: TestApp;
  let a: Agent;
  const save = (title: string, text: string) => a.post(`/wiki/${encodeURIComponent(title.replace(/ /g, '_'))}?action=submit`, { text, summary: '', base_rev: '' });

  beforeAll(async () => {
    t = await startTestApp(engine);
    a = await t.signedIn('agent');
    await save('Procédures d’accueil', 'Comment accueillir une nouvelle personne à l’école de musique.');
    await save('Guide du bénévole', 'Les procédures à suivre pour le cœur du bénévolat : accueil, formation, suivi.');
    await save('Aide:Formations', 'Liste des formations numériques offertes aux membres.');
    await save('Page sur la danse', 'Un texte sans rapport avec le reste.');
  });
  afterAll(() => t.close());

  const search = async (q: string, extra = '') => (await t.agent().get(`/wiki/Sp%C3%A9cial:Recherche?q=${encodeURIComponent(q)}${extra}`)).body;

  it('finds words without accents, ligatures or elisions, and ranks title matches first', async () => {
    const body = await search('procedure');
    const first = body.indexOf('href="/wiki/Proc%C3%A9dures_d%E2%80%99accueil" class="search-title"');
    const second = body.indexOf('href="/wiki/Guide_du_b%C3%A9n%C3%A9vole" class="search-title"');
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    expect(await search('coeur')).toContain('Guide du bénévole');
    expect(await search('ecole')).toContain('Proc%C3%A9dures_d%E2%80%99accueil');
    expect(await search('formation')).toContain('<mark>');
  });

  it('filters by namespace and follows "Go" to an exact title', async () => {
    expect(await search('formations', '&ns=12')).toContain('Aide:Formations');
    expect(await search('formations', '&ns=0')).not.toContain('Aide:Formations');
    const go = await t.agent().get('/wiki/Sp%C3%A9cial:Recherche?q=guide+du+b%C3%A9n%C3%A9vole&go=1');
    expect(go.statusCode).toBe(302);
    expect(go.headers.location).toBe('/wiki/Guide_du_b%C3%A9n%C3%A9vole');
    expect(await search('Page absente')).toContain('Créer la page');
  });

  it('suggests titles as you type, accent-insensitive', async () => {
    const res = await t.agent().get('/api/suggest?q=proc');
    const items = JSON.parse(res.body) as Array<{ title: string; url: string }>;
    expect(items.map((i) => i.title)).toContain('Procédures d’accueil');
    const benevole = JSON.parse((await t.agent().get('/api/suggest?q=benev')).body) as Array<{ title: string }>;
    expect(benevole.map((i) => i.title)).toContain('Guide du bénévole');
  });

  it('drops deleted pages from the results', async () => {
    const coord = await t.signedIn('coordination');
    await coord.post('/wiki/Page_sur_la_danse?action=delete', { reason: 'test' });
    expect(await search('rapport')).not.toContain('Page sur la danse');
  });
});
