import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTitle, type Title } from '../../src/modules/markup/index.ts';
import type { Agent, TestApp } from '../support/app.ts';
import { startTestApp } from '../support/app.ts';
import { describeEachEngine } from '../support/each-engine.ts';

function title(s: string): Title {
  const t = parseTitle(s);
  if (!t.ok) throw new Error(`bad title ${s}`);
  return t.title;
}

const baseRev = (html: string) => html.match(/name="base_rev" value="(\d+)"/)?.[1] ?? '';

const CH = { name: 'Almanach culturel', kind: 'mutualisation', definition: 'Réunir les ressources numériques utiles sans doublons.', objectives: 'Recenser 100 ressources d’ici juin', deliverables: '[x] Fiche type\n[~] Recension\nGuide d’usage', needs: 'Un expert en taxonomie', highlight: '', legacy: '', text: 'Notre chantier.', summary: '' };

const ORG = { name: 'Culture Laval', kind: 'regional_council', region: '13', sectors: 'Arts visuels\nMusique', website: 'https://culturelaval.example', wikidata: 'q3551', text: 'Le conseil de la culture de **Laval**.', summary: '' };

describeEachEngine('network: organisations, chantiers, people', (engine) => {
  let t: TestApp;
  let awa: Agent;
  let felix: Agent;
  let coord: Agent;
  let reader: Agent;
  beforeAll(async () => {
    t = await startTestApp(engine);
    awa = await t.signedIn('agent', 'awa@example.ca');
    felix = await t.signedIn('agent', 'felix@example.ca');
    coord = await t.signedIn('coordination', 'mireille@example.ca');
    reader = await t.signedIn('reader', 'lea@example.ca');
  });
  afterAll(() => t.close());

  const anon = () => t.agent();
  const orgList = async (qs = '') => (await anon().get(`/reseau/organisations${qs}`)).body;

  describe('organisations', () => {
    it('creates an organisation page from the form: fields as an infobox, text below, front matter hidden', async () => {
      const res = await awa.post('/reseau/organisations/nouvelle', ORG);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/wiki/Organisation:Culture_Laval?notice=saved');
      const view = await anon().get('/wiki/Organisation:Culture_Laval');
      expect(view.statusCode).toBe(200);
      expect(view.body).toContain('class="infobox"');
      expect(view.body).toContain('Conseil régional de la culture');
      expect(view.body).toContain('13 – Laval');
      expect(view.body).toContain('href="https://www.wikidata.org/wiki/Q3551"');
      expect(view.body).toContain('<strong>Laval</strong>');
      expect(view.body).not.toContain('kind: regional_council');
      const raw = (await anon().get('/wiki/Organisation:Culture_Laval?action=raw')).body;
      expect(raw).toMatch(/^---\nname: Culture Laval\nkind: regional_council\nregion: 13\nsectors: \["Arts visuels", "Musique"\]\nwebsite: https:\/\/culturelaval\.example\nwikidata: Q3551\n---\n\nLe conseil/);
    });

    it('lists and filters organisations by region, type and sector', async () => {
      await awa.post('/reseau/organisations/nouvelle', { ...ORG, name: 'Culture Gaspésie', region: '11', sectors: 'Patrimoine', wikidata: '', website: '' });
      expect(await orgList()).toContain('Culture Gaspésie');
      expect(await orgList('?region=13')).toContain('Culture Laval');
      expect(await orgList('?region=13')).not.toContain('Culture Gaspésie');
      expect(await orgList('?secteur=Patrimoine')).toContain('Culture Gaspésie');
      expect(await orgList('?secteur=Patrimoine')).not.toContain('Culture Laval');
      expect(await orgList('?type=institution')).not.toContain('Culture Laval');
    });

    it('shows the form again with everything typed and a message per field when input is wrong', async () => {
      const res = await awa.post('/reseau/organisations/nouvelle', { ...ORG, name: 'Culture Côte-Nord', region: '42', website: 'pas une adresse', wikidata: 'X12', sectors: 'Cinéma; Danse' });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('<title>Erreur');
      expect(res.body).toContain('value="Culture Côte-Nord"');
      expect(res.body).toContain('value="pas une adresse"');
      expect(res.body).toContain('value="X12"');
      expect(res.body).toContain('Cinéma; Danse</textarea>');
      expect(res.body).toContain('Choisissez une des 17 régions administratives.');
      expect(res.body).toContain('Un identifiant Wikidata s’écrit Q suivi de chiffres');
      expect(res.body).toContain('href="#f-website"');
      expect(await t.m.wiki.wiki.page(title('Organisation:Culture Côte-Nord'))).toBeUndefined();
      const dup = await awa.post('/reseau/organisations/nouvelle', ORG);
      expect(dup.statusCode).toBe(400);
      expect(dup.body).toContain('Une page porte déjà ce nom.');
    });

    it('keeps one history for fields and text; projections follow every edit, and concurrent edits merge', async () => {
      const form = await awa.get('/reseau/organisations/modifier/Culture_Laval');
      expect(form.statusCode).toBe(200);
      const base = baseRev(form.body);
      expect(form.body).toContain('value="https://culturelaval.example"');
      // Meanwhile Félix edits the text in the wiki editor.
      const raw = (await anon().get('/wiki/Organisation:Culture_Laval?action=raw')).body;
      const edit = await felix.post('/wiki/Organisation:Culture_Laval?action=submit', { text: `${raw}\n\nUne table de concertation réunit ses membres.`, summary: 'texte', base_rev: String((await t.m.wiki.wiki.page(title('Organisation:Culture Laval')))!.latestRevId) });
      expect(edit.statusCode).toBe(303);
      // Awa saves the fields form started before Félix's edit: merged, both kept.
      const save = await awa.post('/reseau/organisations/modifier/Culture_Laval', { ...ORG, region: '06', sectors: 'Arts visuels\nMusique\nLittérature', base_rev: base, summary: 'Région corrigée' });
      expect(save.statusCode).toBe(303);
      const after = (await anon().get('/wiki/Organisation:Culture_Laval?action=raw')).body;
      expect(after).toContain('region: 06');
      expect(after).toContain('Une table de concertation');
      expect(await orgList('?region=06')).toContain('Culture Laval');
      expect(await orgList('?region=13')).not.toContain('Culture Laval');
      expect(await orgList('?secteur=Litt%C3%A9rature')).toContain('Culture Laval');
      const history = (await anon().get('/wiki/Organisation:Culture_Laval?action=history')).body;
      expect(history).toContain('Région corrigée');
      expect(history).toContain('texte');
      expect(history.match(/<li[ >]/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
    });

    it('survives fields written wrongly in the source: the row is kept, the reader is told', async () => {
      const page = (await t.m.wiki.wiki.page(title('Organisation:Culture Gaspésie')))!;
      const raw = (await anon().get('/wiki/Organisation:Culture_Gasp%C3%A9sie?action=raw')).body;
      const res = await felix.post('/wiki/Organisation:Culture_Gasp%C3%A9sie?action=submit', { text: raw.replace('region: 11', 'region: 99').replace('kind: regional_council', 'kind: regional_council\nwikidata: pas-un-qid'), summary: '', base_rev: String(page.latestRevId) });
      expect(res.statusCode).toBe(303);
      const view = (await anon().get('/wiki/Organisation:Culture_Gasp%C3%A9sie')).body;
      expect(view).toContain('mal écrits');
      expect(await orgList()).toContain('Culture Gaspésie');
      const json = JSON.parse((await anon().get('/reseau/organisations.json')).body) as Array<{ name: string; region: unknown; wikidata: unknown }>;
      expect(json.find((o) => o.name === 'Culture Gaspésie')).toMatchObject({ region: null, wikidata: null });
    });

    it('lists only pages that open with their fields: a hand-written or wikitext page in the namespace is an ordinary page', async () => {
      await felix.post('/wiki/Organisation:Brouillon?action=submit', { text: 'Une page sans fiche.', summary: '', base_rev: '' });
      expect((await anon().get('/wiki/Organisation:Brouillon')).body).not.toContain('class="infobox"');
      expect(await orgList()).not.toContain('Brouillon');
    });

    it('follows a page moved within the namespace, and drops one moved out of it', async () => {
      await awa.post('/reseau/organisations/nouvelle', { ...ORG, name: 'Culture Mauricie', region: '04', wikidata: '', website: '' });
      const moved = await felix.post('/wiki/Organisation:Culture_Mauricie?action=move', { target: 'Organisation:Conseil de la culture de la Mauricie', reason: 'nom officiel', redirect: '1', talk: '1' });
      expect(moved.statusCode).toBe(303);
      const json = JSON.parse((await anon().get('/reseau/organisations.json?region=04')).body) as Array<{ url: string }>;
      expect(json.map((o) => o.url)).toEqual(['http://maillage.test/wiki/Organisation:Conseil_de_la_culture_de_la_Mauricie']);
      await felix.post('/wiki/Organisation:Conseil_de_la_culture_de_la_Mauricie?action=move', { target: 'Brouillon Mauricie', reason: 'pas une organisation', redirect: '', talk: '1' });
      expect(JSON.parse((await anon().get('/reseau/organisations.json?region=04')).body)).toEqual([]);
    });

    it('exports organisations as JSON and CSV, with the list filters', async () => {
      const json = await anon().get('/reseau/organisations.json?region=06');
      expect(json.headers['content-type']).toContain('application/json');
      expect(JSON.parse(json.body)).toEqual([{
        name: 'Culture Laval', kind: 'regional_council', region: { code: '06', name: 'Montréal' }, sectors: ['Arts visuels', 'Musique', 'Littérature'],
        website: 'https://culturelaval.example', wikidata: 'Q3551', url: 'http://maillage.test/wiki/Organisation:Culture_Laval',
      }]);
      const csv = await anon().get('/reseau/organisations.csv');
      expect(csv.headers['content-type']).toContain('text/csv');
      const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
      expect(lines[0]).toBe('name,kind,region_code,region_name,sectors,website,wikidata,url');
      expect(lines).toContain('Culture Laval,regional_council,06,Montréal,Arts visuels; Musique; Littérature,https://culturelaval.example,Q3551,http://maillage.test/wiki/Organisation:Culture_Laval');
      expect(csv.body.startsWith('\uFEFF')).toBe(true);
    });

    it('refuses the fields form to visitors and readers', async () => {
      const login = await anon().get('/reseau/organisations/nouvelle');
      expect(login.statusCode).toBe(303);
      expect(login.headers.location).toContain('/connexion');
      expect((await reader.get('/reseau/organisations/nouvelle')).statusCode).toBe(403);
      expect((await reader.post('/reseau/organisations/nouvelle', { ...ORG, name: 'Autre' })).statusCode).toBe(403);
    });
  });

  describe('chantiers', () => {
    const key = 'Almanach_culturel';
    const move = (a: Agent, from: string, to: string) => a.post(`/reseau/chantiers/cycle/${key}`, { from, to, note: '' });

    it('creates a chantier page with its deliverables and needs', async () => {
      const res = await awa.post('/reseau/chantiers/nouveau', CH);
      expect(res.statusCode).toBe(303);
      const view = (await anon().get('/wiki/Chantier:Almanach_culturel')).body;
      expect(view).toContain('Mutualisation');
      expect(view).toContain('Idéation');
      expect(view).toContain('Fiche type <span class="muted">(terminé)</span>');
      expect(view).toContain('Recension <span class="muted">(en cours)</span>');
      expect(view).toContain('Un expert en taxonomie');
    });

    it('lets only members (or coordination) move it, and only along the lifecycle', async () => {
      const refused = await move(awa, 'ideation', 'prototype');
      expect(refused.statusCode).toBe(403);
      expect(refused.body).toContain('Seuls les membres du chantier');
      expect((await anon().post(`/reseau/chantiers/cycle/${key}`, { from: 'ideation', to: 'prototype' })).statusCode).toBe(401);
      expect((await awa.post(`/reseau/chantiers/adhesion/${key}`, { action: 'join' })).statusCode).toBe(303);
      const invalid = await move(awa, 'ideation', 'active');
      expect(invalid.statusCode).toBe(400);
      expect(invalid.body).toContain('n’est pas prévu');
      for (const [from, to] of [['ideation', 'prototype'], ['prototype', 'pitch'], ['pitch', 'feedback']] as const) {
        expect((await move(awa, from, to)).statusCode).toBe(303);
      }
      const stale = await move(awa, 'pitch', 'feedback');
      expect(stale.statusCode).toBe(400);
      expect(stale.body).toContain('a changé d’étape');
    });

    it('lets the coordination team validate after the pitch, and the group close it once its legacy is written', async () => {
      const notCoord = await move(awa, 'feedback', 'active');
      expect(notCoord.statusCode).toBe(403);
      expect(notCoord.body).toContain('revient à l’équipe de coordination');
      expect((await move(coord, 'feedback', 'active')).statusCode).toBe(303);
      expect((await anon().get('/reseau/chantiers?statut=active')).body).toContain('Almanach culturel');
      expect((await anon().get('/reseau/chantiers?statut=ideation')).body).not.toContain('Almanach culturel');
      expect((await move(awa, 'active', 'paused')).statusCode).toBe(303);
      expect((await move(awa, 'paused', 'active')).statusCode).toBe(303);
      const noLegacy = await move(awa, 'active', 'closed');
      expect(noLegacy.statusCode).toBe(400);
      expect(noLegacy.body).toContain('Décrivez d’abord le legs');
      const form = await awa.get(`/reseau/chantiers/modifier/${key}`);
      const saved = await awa.post(`/reseau/chantiers/modifier/${key}`, { ...CH, legacy: 'Un répertoire ouvert, tenu par la communauté.', base_rev: baseRev(form.body) });
      expect(saved.statusCode).toBe(303);
      expect((await move(awa, 'active', 'closed')).statusCode).toBe(303);
      expect((await move(awa, 'closed', 'active')).statusCode).toBe(403);
      const page = (await awa.get(`/reseau/chantiers/cycle/${key}`)).body;
      expect(page).toContain('Actif → Fermé');
      expect(page).toContain('Rétroaction des pairs → Actif');
      expect(page).toContain('Test coordination');
      // Visitors see the dates, not who moved it.
      const anonPage = (await anon().get(`/reseau/chantiers/cycle/${key}`)).body;
      expect(anonPage).toContain('un membre');
      expect(anonPage).not.toContain('Test coordination');
      expect((await reader.get(`/reseau/chantiers/cycle/${key}`)).body).not.toContain('Test coordination');
      // Members' names are not shown to visitors either (the member has no public profile).
      const view = (await anon().get('/wiki/Chantier:Almanach_culturel')).body;
      expect(view).not.toContain('Test agent');
      expect(view).toContain('autre(s) personne(s) au profil privé');
      expect((await felix.get('/wiki/Chantier:Almanach_culturel')).body).toMatch(/<li>Test agent \d+<\/li>/);
    });

    it('lets people follow without joining, and leave; members are counted in the list', async () => {
      expect((await reader.post(`/reseau/chantiers/adhesion/${key}`, { action: 'join' })).statusCode).toBe(403);
      expect((await reader.post(`/reseau/chantiers/adhesion/${key}`, { action: 'follow' })).statusCode).toBe(303);
      expect((await felix.post(`/reseau/chantiers/adhesion/${key}`, { action: 'follow' })).statusCode).toBe(303);
      const json = JSON.parse((await anon().get('/reseau/chantiers.json')).body) as Array<Record<string, unknown>>;
      expect(json[0]).toMatchObject({ name: 'Almanach culturel', status: 'closed', members: 1, followers: 2, legacy: 'Un répertoire ouvert, tenu par la communauté.' });
      expect((await felix.post(`/reseau/chantiers/adhesion/${key}`, { action: 'leave' })).statusCode).toBe(303);
      const csv = (await anon().get('/reseau/chantiers.csv')).body.replace(/^\uFEFF/, '').split('\r\n');
      expect(csv[0]).toBe('name,kind,status,definition,objectives,deliverables,needs,highlight,legacy,members,followers,url');
      expect(csv[1]).toContain('Fiche type (done); Recension (in_progress); Guide d’usage (planned)');
      expect(csv[1]).toMatch(/,1,1,http:\/\/maillage\.test\/wiki\/Chantier:Almanach_culturel$/);
    });

    it('shows the chantier form again with what was typed when the definition is missing', async () => {
      const res = await awa.post('/reseau/chantiers/nouveau', { ...CH, name: 'Culture des données', definition: '', kind: 'nope' });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('value="Culture des données"');
      expect(res.body).toContain('[~] Recension');
      expect(res.body).toContain('Choisissez une valeur dans la liste.');
    });
  });

  describe('rencontres', () => {
    const day = (offset: number) => new Date(t.clock.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const R = () => ({
      name: 'Rencontre nationale d’automne', start: day(30), end: day(32), place: 'Trois-Rivières, salle Nomade', online: 'yes',
      objectives: 'Faire le point sur les chantiers\nPartager les bons coups', programme: 'Atelier sur les leviers | Équipe de coordination\nPlénière',
      summaries: '', recording: '', documents: 'https://exemple.qc.ca/programme.pdf', text: 'Trois jours ensemble.', summary: '',
    });

    it('creates a rencontre page with its programme, and lists it by period', async () => {
      expect((await awa.post('/reseau/rencontres/nouvelle', R())).statusCode).toBe(303);
      expect((await awa.post('/reseau/rencontres/nouvelle', { ...R(), name: '4e rencontre', start: '2020-03-10', end: '2020-03-12', place: 'Montréal', online: '' })).statusCode).toBe(303);
      const view = (await anon().get('/wiki/Rencontre:Rencontre_nationale_d%E2%80%99automne')).body;
      expect(view).toMatch(/Atelier sur les leviers<span class="muted"> \(animé par Équipe de coordination\)<\/span>/);
      expect(view).toContain('Trois jours ensemble.');
      const upcoming = (await anon().get('/reseau/rencontres?quand=a-venir')).body;
      expect(upcoming).toContain('Rencontre nationale d’automne');
      expect(upcoming).not.toContain('4e rencontre');
      expect((await anon().get('/reseau/rencontres?quand=passees')).body).toContain('4e rencontre');
      expect((await anon().get('/reseau/rencontres?format=sur-place')).body).not.toContain('automne');
      expect((await anon().get('/reseau/rencontres')).body).toContain('du 10 mars 2020 au 12 mars 2020');
    });

    it('serves upcoming rencontres as a valid iCal feed', async () => {
      const res = await anon().get('/reseau/rencontres.ics');
      expect(res.headers['content-type']).toContain('text/calendar');
      const ics = res.body;
      expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
      expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
      expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      const unfolded = ics.replace(/\r\n /g, '');
      expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(1);
      const page = (await t.m.wiki.wiki.page(title('Rencontre:Rencontre nationale d’automne')))!;
      expect(unfolded).toContain(`UID:rencontre-${page.id}@maillage.test`);
      expect(unfolded).toContain(`DTSTART;VALUE=DATE:${day(30).replace(/-/g, '')}`);
      expect(unfolded).toContain(`DTEND;VALUE=DATE:${day(33).replace(/-/g, '')}`);
      expect(unfolded).toContain('LOCATION:Trois-Rivières\\, salle Nomade · En ligne');
      expect(unfolded).toContain('DESCRIPTION:Faire le point sur les chantiers\\nPartager les bons coups');
      expect(unfolded).not.toContain('4e rencontre');
    });

    it('refuses a rencontre that ends before it starts, keeping what was typed', async () => {
      const res = await awa.post('/reseau/rencontres/nouvelle', { ...R(), name: 'À l’envers', start: '2030-05-02', end: '2030-05-01' });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('La date de fin doit suivre la date de début.');
      expect(res.body).toContain('value="À l’envers"');
      expect(res.body).toContain('Atelier sur les leviers | Équipe de coordination');
    });
  });

  describe('projects and learnings', () => {
    const form = (pairs: Array<[string, string]>) => new URLSearchParams(pairs).toString();
    const post = async (a: Agent, url: string, pairs: Array<[string, string]>) => a.request('POST', url, { body: form([['_csrf', await a.csrf()], ...pairs]), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const P: Array<[string, string]> = [['name', 'Plateforme Signé Laval'], ['organisations', 'Culture Laval'], ['collective', 'individual'], ['chantier', ''], ['start', '2019-09-01'], ['end', ''], ['outcomes', 'Une vitrine commune'], ['learnings', ''], ['partners', 'Ville de Laval'], ['text', ''], ['summary', '']];

    it('creates projects by mandate axis and filters them', async () => {
      expect((await post(awa, '/reseau/projets/nouveau', [...P, ['axes', 'concertation'], ['axes', 'projets']])).statusCode).toBe(303);
      const view = (await anon().get('/wiki/Projet:Plateforme_Sign%C3%A9_Laval')).body;
      expect(view).toContain('Concertation, Projets');
      expect(view).toContain('href="/wiki/Organisation:Culture_Laval"');
      expect((await anon().get('/reseau/projets?axe=concertation')).body).toContain('Plateforme Signé Laval');
      expect((await anon().get('/reseau/projets?axe=veille')).body).not.toContain('Plateforme Signé Laval');
      expect((await anon().get('/reseau/projets?portee=collectif')).body).not.toContain('Plateforme Signé Laval');
      const json = JSON.parse((await anon().get('/reseau/projets.json')).body) as unknown[];
      expect(json).toEqual([expect.objectContaining({ name: 'Plateforme Signé Laval', axes: ['concertation', 'projets'], collective: false, start: '2019-09-01', partners: ['Ville de Laval'] })]);
      const edit = (await awa.get('/reseau/projets/modifier/Plateforme_Sign%C3%A9_Laval')).body;
      expect(edit).toMatch(/value="concertation" checked/);
      expect(edit).toMatch(/value="veille">/);
    });

    it('asks for at least one axis, keeping the boxes and text typed', async () => {
      const res = await post(awa, '/reseau/projets/nouveau', P.map(([k, v]) => [k, k === 'name' ? 'Étude des artisans' : k === 'end' ? '2019-01-01' : v] as [string, string]));
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Cochez au moins un axe du mandat.');
      expect(res.body).toContain('La date de fin doit suivre la date de début.');
      expect(res.body).toContain('value="Étude des artisans"');
      const again = await post(awa, '/reseau/projets/nouveau', [...P.map(([k, v]) => [k, k === 'name' ? '' : v] as [string, string]), ['axes', 'veille']]);
      expect(again.statusCode).toBe(400);
      expect(again.body).toMatch(/value="veille" checked/);
    });

    it('records learnings by reflection axis and kind', async () => {
      const L = { name: 'Un vocabulaire commun', statement: 'Les organisations parlent maintenant du numérique avec les mêmes mots.', axis: 'literacy', kind: 'success', rencontre: 'Rencontre nationale 2021', organisations: 'Culture Laval', text: '', summary: '' };
      expect((await awa.post('/reseau/apprentissages/nouveau', L)).statusCode).toBe(303);
      expect((await awa.post('/reseau/apprentissages/nouveau', { ...L, name: 'Suivre le rythme', statement: 'Le numérique change vite.', axis: 'change', kind: 'challenge' })).statusCode).toBe(303);
      const view = (await anon().get('/wiki/Apprentissage:Un_vocabulaire_commun')).body;
      expect(view).toContain('Compétences et littératie numérique');
      expect(view).toContain('Bon coup');
      expect((await anon().get('/reseau/apprentissages?type=challenge')).body).toContain('Suivre le rythme');
      expect((await anon().get('/reseau/apprentissages?type=challenge')).body).not.toContain('Un vocabulaire commun');
      expect((await anon().get('/reseau/apprentissages?axe=literacy')).body).toContain('Un vocabulaire commun');
      const csv = (await anon().get('/reseau/apprentissages.csv')).body.replace(/^\uFEFF/, '').split('\r\n');
      expect(csv[0]).toBe('name,statement,axis,kind,rencontre,organisations,url');
      const bad = await awa.post('/reseau/apprentissages/nouveau', { ...L, name: 'Sans axe', axis: '' });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('Les organisations parlent maintenant du numérique avec les mêmes mots.</textarea>');
    });
  });

  describe('transfer actions', () => {
    const post = async (a: Agent, url: string, pairs: Array<[string, string]>) => a.request('POST', url, { body: new URLSearchParams([['_csrf', await a.csrf()], ...pairs]).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const baseOf = async (a: Agent, key: string) => (await a.get(`/reseau/transfert/etiqueter/${key}`)).body.match(/name="base_rev" value="(\d+)"/)![1]!;

    it('tags any page with actions; each action’s portal lists what feeds it; field edits keep the tags', async () => {
      const key = 'Chantier:Almanach_culturel';
      expect((await anon().get('/reseau/transfert/diffuser')).body).toContain('Aucune page');
      const res = await post(felix, `/reseau/transfert/etiqueter/${key}`, [['base_rev', await baseOf(felix, key)], ['actions', 'diffuser'], ['actions', 'partager']]);
      expect(res.statusCode).toBe(303);
      expect((await anon().get('/reseau/transfert/diffuser')).body).toContain('Chantier:Almanach culturel');
      expect((await anon().get('/reseau/transfert/documenter')).body).not.toContain('Chantier:Almanach culturel');
      expect((await anon().get('/reseau/transfert')).body).toContain('1 page(s)');
      // A main-namespace page can be tagged too.
      await felix.post('/wiki/Guide_du_r%C3%A9seau?action=submit', { text: 'Un guide.', summary: '', base_rev: '' });
      expect((await post(felix, '/reseau/transfert/etiqueter/Guide_du_r%C3%A9seau', [['base_rev', await baseOf(felix, 'Guide_du_r%C3%A9seau')], ['actions', 'documenter']])).statusCode).toBe(303);
      expect((await anon().get('/reseau/transfert/documenter')).body).toContain('Guide du réseau');
      // The chantier's fields form keeps the body, tags included.
      const form = await awa.get('/reseau/chantiers/modifier/Almanach_culturel');
      const baseRev2 = form.body.match(/name="base_rev" value="(\d+)"/)![1]!;
      expect((await awa.post('/reseau/chantiers/modifier/Almanach_culturel', { ...CH, legacy: 'Un répertoire ouvert, tenu par la communauté.', needs: 'Un nouvel expert', base_rev: baseRev2 })).statusCode).toBe(303);
      expect((await anon().get(`/wiki/${key}?action=raw`)).body).toContain('[[Catégorie:Transfert – partager]]');
      expect((await anon().get('/reseau/transfert/partager')).body).toContain('Chantier:Almanach culturel');
      // Untagging.
      expect((await post(felix, `/reseau/transfert/etiqueter/${key}`, [['base_rev', await baseOf(felix, key)], ['actions', 'partager']])).statusCode).toBe(303);
      expect((await anon().get('/reseau/transfert/diffuser')).body).not.toContain('Chantier:Almanach culturel');
      expect((await reader.get(`/reseau/transfert/etiqueter/${key}`)).statusCode).toBe(403);
    });
  });

  describe('people and privacy', () => {
    let orgId = 0;
    beforeAll(async () => {
      orgId = (await t.m.wiki.wiki.page(title('Organisation:Culture Laval')))!.id;
      const gaspesie = (await t.m.wiki.wiki.page(title('Organisation:Culture Gaspésie')))!.id;
      const make = (form: Record<string, string | string[]>) => coord.request('POST', '/reseau/personnes/nouvelle', { body: new URLSearchParams([...Object.entries(form).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]]))]).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      const csrf = await coord.csrf();
      expect((await make({ _csrf: csrf, name: 'Zoé Confidentielle', role: 'agent', scope: 'double', start_date: '2019-04-01', end_date: '', bio: 'Agente discrète.', hosts: [String(orgId), String(gaspesie)] })).statusCode).toBe(303);
      expect((await make({ _csrf: csrf, name: 'Paul Public', role: 'agent', scope: 'organisational', start_date: '', end_date: '', bio: 'Agent à Laval.', public: 'yes', hosts: String(orgId) })).statusCode).toBe(303);
    });

    it('never shows a private person to visitors: pages, lists, infoboxes, search, exports', async () => {
      const list = (await anon().get('/reseau/personnes')).body;
      expect(list).toContain('Paul Public');
      expect(list).not.toContain('Zoé');
      expect((await anon().get('/reseau/personnes/zoe-confidentielle')).statusCode).toBe(404);
      expect((await anon().get('/reseau/personnes/paul-public')).statusCode).toBe(200);
      const org = (await anon().get('/wiki/Organisation:Culture_Laval')).body;
      expect(org).toContain('Paul Public');
      expect(org).not.toContain('Zoé');
      for (const url of ['/reseau/personnes.json', '/reseau/personnes.csv', '/reseau/organisations.json', '/reseau/organisations.csv', `/reseau/personnes?organisation=${orgId}`]) {
        const body = (await anon().get(url)).body;
        expect(body, url).not.toContain('Zoé');
        expect(body, url).not.toContain('Confidentielle');
      }
      // Search echoes the words asked for; the other half of the name must not come back.
      expect((await anon().get('/wiki/Sp%C3%A9cial:Recherche?q=Zo%C3%A9')).body).not.toContain('Confidentielle');
      const search = (await anon().get('/wiki/Sp%C3%A9cial:Recherche?q=Confidentielle')).body;
      expect(search).not.toContain('Zoé');
      expect(search).toContain('Aucune page');
      // Signed-in readers below agent do not see private people either.
      expect((await reader.get('/reseau/personnes')).body).not.toContain('Zoé');
    });

    it('shows private people to network members, with a shared position', async () => {
      const list = (await awa.get('/reseau/personnes')).body;
      expect(list).toContain('Zoé Confidentielle');
      const page = await awa.get('/reseau/personnes/zoe-confidentielle');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Ce profil est privé');
      expect(page.body).toContain('poste partagé');
      const json = JSON.parse((await awa.get('/reseau/personnes.json?portee=double')).body) as unknown[];
      expect(json).toEqual([{ name: 'Zoé Confidentielle', role: 'agent', scope: 'double', hosts: ['Culture Gaspésie', 'Culture Laval'], start_date: '2019-04-01', end_date: null, url: 'http://maillage.test/reseau/personnes/zoe-confidentielle', public: false }]);
      expect((await awa.get('/wiki/Organisation:Culture_Laval')).body).toContain('Zoé Confidentielle');
    });

    it('opts a person in and out of a public profile', async () => {
      const form = await coord.get('/reseau/personnes/zoe-confidentielle/modifier');
      expect(form.statusCode).toBe(200);
      const values = { name: 'Zoé Confidentielle', role: 'agent', scope: 'double', start_date: '2019-04-01', end_date: '', bio: 'Agente discrète.', hosts: String(orgId) };
      expect((await coord.post('/reseau/personnes/zoe-confidentielle/modifier', { ...values, public: 'yes' })).statusCode).toBe(303);
      expect((await anon().get('/reseau/personnes')).body).toContain('Zoé Confidentielle');
      expect((await coord.post('/reseau/personnes/zoe-confidentielle/modifier', values)).statusCode).toBe(303);
      expect((await anon().get('/reseau/personnes')).body).not.toContain('Zoé');
      expect((await anon().get('/reseau/personnes.csv')).body).not.toContain('Zoé');
      // Nobody but coordination (or the person) edits a record.
      expect((await awa.post('/reseau/personnes/zoe-confidentielle/modifier', { ...values, public: 'yes' })).statusCode).toBe(403);
    });

    it('lets a person linked to an account opt themself in or out, and nobody else', async () => {
      const coordActor = await t.m.accounts.operator.actorFor('mireille@example.ca');
      const awaId = (await t.m.db.db.selectFrom('users').select('id').where('email', '=', 'awa@example.ca').executeTakeFirstOrThrow()).id;
      const input = { name: 'Awa Diallo', role: 'agent' as const, scope: 'double' as const, startDate: undefined, endDate: undefined, bio: '', public: false, hosts: [orgId] };
      const slug = await t.m.network.service.createPerson(coordActor, input, awaId);
      expect((await anon().get(`/reseau/personnes/${slug}`)).statusCode).toBe(404);
      const values = { name: 'Awa Diallo', role: 'agent', scope: 'double', start_date: '', end_date: '', bio: 'Je travaille à Laval.', hosts: String(orgId) };
      expect((await felix.post(`/reseau/personnes/${slug}/modifier`, { ...values, public: 'yes' })).statusCode).toBe(403);
      expect((await awa.get(`/reseau/personnes/${slug}/modifier`)).statusCode).toBe(200);
      expect((await awa.post(`/reseau/personnes/${slug}/modifier`, { ...values, public: 'yes' })).statusCode).toBe(303);
      expect((await anon().get(`/reseau/personnes/${slug}`)).body).toContain('Je travaille à Laval.');
      expect((await awa.post(`/reseau/personnes/${slug}/modifier`, values)).statusCode).toBe(303);
      expect((await anon().get(`/reseau/personnes/${slug}`)).statusCode).toBe(404);
      expect((await reader.get(`/reseau/personnes/${slug}`)).statusCode).toBe(404);
      await expect(t.m.network.service.createPerson(await t.m.accounts.operator.actorFor('awa@example.ca'), { ...input, name: 'Autre' })).rejects.toMatchObject({ code: 'forbidden' });
    });

    it('keeps typed values when the person form has errors', async () => {
      const res = await coord.post('/reseau/personnes/nouvelle', { name: 'Inès Haddad', role: 'agent', scope: '', start_date: '2021-13-40', end_date: '2020-01-01', bio: 'Ma présentation', hosts: String(orgId) });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('value="Inès Haddad"');
      expect(res.body).toContain('value="2021-13-40"');
      expect(res.body).toContain('Ma présentation</textarea>');
      expect(res.body).toMatch(new RegExp(`value="${orgId}" checked`));
      expect(res.body).toContain('Indiquez une date valide');
    });
  });
});
