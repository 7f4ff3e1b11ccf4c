import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemo } from '../../src/demo/load.ts';
import type { TestApp } from '../support/app.ts';
import { startTestApp } from '../support/app.ts';
import { describeEachEngine } from '../support/each-engine.ts';

describeEachEngine('network: the demo network', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
    const target = { db: t.m.db.db, accounts: t.m.accounts, wiki: t.m.wiki.wiki, network: t.m.network.service };
    expect(await loadDemo(target)).toBe(true);
    expect(await loadDemo(target)).toBe(false);
  });
  afterAll(() => t.close());

  it('shows every chantier named by the network, at its stage, with the 2021 mandate scopes as people data', async () => {
    const chantiers = JSON.parse((await t.agent().get('/reseau/chantiers.json')).body) as Array<{ name: string; status: string; kind: string }>;
    expect(chantiers.map((c) => c.name).sort()).toEqual([
      'Almanach culturel', 'Autoroute / Liaison', 'Codéveloppement', 'Compétences numériques', 'Culture des données',
      'Engagement des publics minoritaires', 'Stratégie marketing d’engagement', 'Écoresponsabilité et numérique',
    ].sort());
    expect(chantiers.find((c) => c.name === 'Écoresponsabilité et numérique')).toMatchObject({ status: 'feedback', kind: 'expertise' });
    expect(chantiers.find((c) => c.name === 'Stratégie marketing d’engagement')?.status).toBe('closed');
    const coord = await t.signedIn('coordination');
    const agents = JSON.parse((await coord.get('/reseau/personnes.json?role=agent')).body) as Array<{ scope: string }>;
    const share = (scopes: string[]) => Math.round((100 * agents.filter((a) => scopes.includes(a.scope)).length) / agents.length);
    expect([share(['double']), share(['organisational']), share(['sectoral', 'territorial'])]).toEqual([46, 33, 21]);
  });

  it('keeps private demo people private and shows shared positions', async () => {
    const list = (await t.agent().get('/reseau/personnes')).body;
    expect(list).toContain('Awa Diallo');
    expect(list).not.toContain('Samuel Lévesque');
    const ines = (await t.agent().get('/reseau/personnes/ines-haddad')).body;
    expect(ines).toContain('Union des écrivaines et des écrivains québécois');
    expect(ines).toContain('poste partagé');
    // Her chantiers, from the membership rows (member of two, following none).
    expect(ines).toContain('href="/wiki/Chantier:Autoroute_/_Liaison"');
    expect(ines).toContain('href="/wiki/Chantier:%C3%89coresponsabilit%C3%A9_et_num%C3%A9rique"');
    const noemie = (await t.agent().get('/reseau/personnes/noemie-bouchard')).body;
    expect(noemie).toMatch(/Écoresponsabilité et numérique<\/a> \(butine\)/);
  });

  it('serves entity pages whose titles hold a slash, with their forms and lifecycle', async () => {
    const page = await t.agent().get('/wiki/Chantier:Autoroute_/_Liaison');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('class="infobox"');
    const agent = await t.signedIn('agent');
    // Every link of the infobox leads somewhere, slash in the title included.
    const signedView = (await agent.get('/wiki/Chantier:Autoroute_/_Liaison')).body;
    const links = [...signedView.matchAll(/href="(\/reseau\/chantiers\/[^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    expect(links.length).toBeGreaterThanOrEqual(2);
    for (const href of links) expect((await agent.get(href)).statusCode, href).toBe(200);
    const form = await agent.get('/reseau/chantiers/modifier/Autoroute_/_Liaison');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="Autoroute / Liaison"');
    expect((await t.agent().get('/reseau/chantiers/cycle/Autoroute_/_Liaison')).body).toContain('Rétroaction des pairs → Actif');
    expect((await t.agent().get('/reseau/organisations?region=11')).body).toContain('Arrimage, Corporation culturelle des Îles-de-la-Madeleine');
    expect((await t.agent().get('/reseau/rencontres.ics')).body).toContain('SUMMARY:Rencontre d’automne 2027');
    // Projects cover the four mandate axes; learnings the five reflection axes of 2021.
    const projects = JSON.parse((await t.agent().get('/reseau/projets.json')).body) as Array<{ axes: string[] }>;
    expect(new Set(projects.flatMap((p) => p.axes))).toEqual(new Set(['concertation', 'formation', 'veille', 'projets']));
    const learnings = JSON.parse((await t.agent().get('/reseau/apprentissages.json')).body) as Array<{ axis: string; kind: string }>;
    expect(new Set(learnings.map((l) => l.axis))).toEqual(new Set(['literacy', 'members', 'business', 'change', 'networking']));
    expect(new Set(learnings.map((l) => l.kind))).toEqual(new Set(['success', 'challenge']));
    // Every transfer action is fed by some demo page.
    for (const action of ['diffuser', 'documenter', 'valoriser', 'partager']) expect((await t.agent().get(`/reseau/transfert/${action}`)).body).not.toContain('Aucune page');
  });

  it('shows a chantier evaluated with the continuity grid, and the decision its members voted', async () => {
    const grid = (await t.agent().get('/reseau/chantiers/grille/Almanach_culturel')).body;
    expect(grid).toContain('Ont noté : 2 membre(s) et 3 pair(s).'.replace(' :', '\u00A0:'));
    expect(grid).toContain('Aucun tour d’évaluation n’est ouvert.');
    expect(grid).toMatch(/besoin partagé<\/th><td><strong>3<\/strong> \(de 3 à 3, 2 note\(s\)\)/);
    const decision = (await t.agent().get('/reseau/chantiers/decision/Almanach_culturel')).body;
    expect(decision).toContain('2 pour, 0 contre, 0 abstention(s), 2 membre(s)');
    expect(decision).toContain('<strong>adoptée</strong>');
    const infobox = (await t.agent().get('/wiki/Chantier:Almanach_culturel')).body;
    expect(infobox).toContain('poursuivre le chantier, adoptée');
    // The last round's medians (need: 3, 3, 2, 2, 3; objectives: 2, 1, 2, 1, 2).
    expect(infobox).toContain('Besoin partagé\u00A0: médiane 3 sur 3');
    expect(infobox).toContain('Objectifs SMART\u00A0: médiane 2 sur 3');
  });
});
