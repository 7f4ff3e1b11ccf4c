import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Agent, TestApp } from '../support/app.ts';
import { startTestApp } from '../support/app.ts';
import { apiCall } from '../support/api.ts';
import { describeEachEngine } from '../support/each-engine.ts';

const NAME = 'Léa Tremblay-Visible';
const KEY = encodeURIComponent('Léa_Tremblay-Visible');
const PAGE = `/wiki/Personne:${KEY}`;
const TALK = `/wiki/Discussion_personne:${KEY}`;
const SLUG = 'lea-tremblay-visible';
const PERSON = { name: NAME, role: 'agent', scope: 'territorial', start_date: '2020-09-01', end_date: '', bio: 'Léa anime des ateliers de littératie numérique au Kamouraska.' };

describeEachEngine('network: a public person has a wiki page with history, hidden when private, purged when erased', (engine) => {
  let t: TestApp;
  let coord: Agent;
  let awa: Agent;
  const anon = () => t.agent();
  const editPage = async (a: Agent, url: string, text: string) => {
    const form = await a.get(`${url}?action=edit`);
    return a.post(`${url}?action=submit`, { text, summary: 'test', base_rev: form.body.match(/name="base_rev" value="(\d*)"/)?.[1] ?? '' });
  };
  const setPublic = (on: boolean) => coord.post(`/reseau/personnes/${SLUG}/modifier`, { ...PERSON, ...(on ? { public: 'yes' } : {}) });
  const pageIds = async () => (await t.m.db.db.selectFrom('pages').select('id').where('namespace', 'in', [104, 105]).where('title', '=', 'Léa_Tremblay-Visible').execute()).map((r) => r.id);
  const revisionsOf = async (ids: number[]) => (ids.length === 0 ? 0 : (await t.m.db.db.selectFrom('revisions').select('id').where('page_id', 'in', ids).execute()).length);

  beforeAll(async () => {
    t = await startTestApp(engine);
    coord = await t.signedIn('coordination', 'mireille@example.ca');
    awa = await t.signedIn('agent', 'awa@example.ca');
  });
  afterAll(() => t.close());

  it('opting in makes the page: free text with history, the fields as an infobox, JSON-LD Person, links from the directory', async () => {
    expect((await coord.post('/reseau/personnes/nouvelle', { ...PERSON, public: 'yes' })).statusCode).toBe(303);
    const view = await anon().get(PAGE);
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain('Kamouraska');
    expect(view.body).toContain('Fiche de la personne');
    expect(view.body).toContain('Territoriale');
    const ld = JSON.parse(view.body.match(/<script type="application\/ld\+json">(.*?)<\/script>/)![1]!) as Record<string, unknown>;
    expect(ld).toMatchObject({ '@type': 'Person', name: NAME, jobTitle: 'Agent de développement numérique', url: `http://maillage.test${PAGE}` });
    expect((await anon().get('/reseau/personnes')).body).toContain(`href="${PAGE}"`);
    expect((await anon().get(`/reseau/personnes/${SLUG}`)).body).toContain(`href="${PAGE}"`);
    // The person (or coordination) writes on the page; anyone who edits may use its talk page; others may not edit the page.
    expect((await editPage(coord, PAGE, 'Léa anime des ateliers au Kamouraska et au Témiscouata.')).statusCode).toBe(303);
    const refused = await editPage(awa, PAGE, 'Autre chose.');
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Seules la personne elle-même et l’équipe de coordination modifient cette page');
    expect((await editPage(awa, TALK, 'Bravo pour les ateliers!')).statusCode).toBe(303);
    expect((await anon().get(`${PAGE}?action=history`)).body.match(/<li/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it('opting out hides the page and its talk page from everyone but coordination: view, search, lists, recent changes, api.php, export', async () => {
    const revId = (await t.m.db.db.selectFrom('pages').select('latest_rev_id').where('namespace', '=', 104).where('title', '=', 'Léa_Tremblay-Visible').executeTakeFirstOrThrow()).latest_rev_id!;
    expect((await setPublic(false)).statusCode).toBe(303);
    for (const url of [PAGE, TALK, `${PAGE}?action=history`, `${PAGE}?oldid=${revId}`, `${PAGE}?action=raw`]) expect((await anon().get(url)).statusCode, url).toBe(404);
    const hidden = [
      '/wiki/Sp%C3%A9cial:Recherche?q=T%C3%A9miscouata',
      '/wiki/Sp%C3%A9cial:Toutes_les_pages?namespace=104',
      '/wiki/Sp%C3%A9cial:Toutes_les_pages?namespace=105',
      '/wiki/Sp%C3%A9cial:Modifications_r%C3%A9centes',
      '/api.php?action=query&list=allpages&apnamespace=104&format=json',
      '/api.php?action=query&list=recentchanges&rclimit=500&format=json',
      `/api.php?action=query&prop=revisions&revids=${revId}&rvprop=content&format=json`,
    ];
    for (const url of hidden) {
      const body = (await anon().get(url)).body;
      expect(body, url).not.toContain('Tremblay-Visible');
      expect(body, url).not.toContain('Kamouraska');
    }
    // Asked for by title, the page is missing: the answer only echoes the title asked for.
    const byTitle = JSON.parse((await anon().get(`/api.php?action=query&prop=revisions&titles=Personne:${KEY}&rvprop=content&format=json&formatversion=2`)).body) as { query: { pages: Array<Record<string, unknown>> } };
    expect(byTitle.query.pages[0]).toMatchObject({ missing: true });
    const xml = (await anon().get(`/wiki/Sp%C3%A9cial:Exporter?action=submit&history=1&pages=Personne:${KEY}`)).body;
    expect(xml).toContain('<mediawiki');
    expect(xml).not.toContain('<page>');
    expect(xml).not.toContain('Kamouraska');
    expect((await anon().get(`/reseau/personnes/${SLUG}`)).statusCode).toBe(404);
    // Nobody writes there while the person is private, coordination included; coordination still reads the hidden text.
    const refused = await editPage(coord, PAGE, 'Recréée à la main.');
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Une page de l’espace Personne n’existe que pour une personne du réseau qui a choisi un profil public');
    expect((await coord.get(`/reseau/personnes/${SLUG}`)).body).toContain('Témiscouata');
    expect((await awa.get(`/reseau/personnes/${SLUG}`)).body).not.toContain('Témiscouata');
    // Opting in again brings the page back whole, history and talk page included.
    expect((await setPublic(true)).statusCode).toBe(303);
    expect((await anon().get(PAGE)).body).toContain('Témiscouata');
    expect((await anon().get(TALK)).body).toContain('Bravo pour les ateliers');
    // A page the moderators deleted stays deleted when the (still public) person's entry is saved again.
    expect((await coord.post(`${PAGE}?action=delete`, { reason: 'modération' })).statusCode).toBe(303);
    expect((await setPublic(true)).statusCode).toBe(303);
    expect((await anon().get(PAGE)).statusCode).toBe(404);
    expect((await coord.post(`${PAGE}?action=undelete`, { reason: 'modération levée' })).statusCode).toBe(303);
    expect((await anon().get(PAGE)).statusCode).toBe(200);
  });

  it('refuses a Personne: page written by hand for someone who is not public', async () => {
    expect((await coord.post('/reseau/personnes/nouvelle', { ...PERSON, name: 'Zoé Confidentielle', bio: '' })).statusCode).toBe(303);
    for (const title of ['Personne:Zo%C3%A9_Confidentielle', 'Discussion_personne:Zo%C3%A9_Confidentielle', 'Personne:Quelqu%E2%80%99un_d%E2%80%99autre']) {
      const res = await editPage(coord, `/wiki/${title}`, 'Une page sur elle.');
      expect(res.statusCode, title).toBe(400);
      expect(res.body).toContain('la page ne peut être ni créée ni modifiée');
    }
    // The edit form says so before anything is typed.
    expect((await coord.get('/wiki/Personne:Zo%C3%A9_Confidentielle?action=edit')).body).toContain('la page ne peut être ni créée ni modifiée');
    // Through api.php too, as MediaWiki reports an edit an extension refused.
    const token = (await apiCall(coord, 'GET', { action: 'query', meta: 'tokens', format: 'json' })).json.query.tokens.csrftoken as string;
    const api = await apiCall(coord, 'POST', { action: 'edit', title: 'Personne:Zoé Confidentielle', text: 'Une page sur elle.', token, format: 'json' });
    expect(api.json.error.code).toBe('hookaborted');
    expect(await t.m.db.db.selectFrom('pages').select('id').where('namespace', 'in', [104, 105]).where('title', 'like', 'Zo%').execute()).toEqual([]);
  });

  it('erasure purges the page, its talk page and every revision, and logs it without naming anyone', async () => {
    const ids = await pageIds();
    expect(ids).toHaveLength(2);
    expect(await revisionsOf(ids)).toBeGreaterThanOrEqual(3);
    expect((await awa.post(`/reseau/personnes/${SLUG}/effacer`, {})).statusCode).toBe(403);
    expect((await coord.get(`/reseau/personnes/${SLUG}/effacer`)).body).toContain('Effacer définitivement');
    const res = await coord.post(`/reseau/personnes/${SLUG}/effacer`, {});
    expect(res.statusCode).toBe(303);
    expect(await pageIds()).toEqual([]);
    expect(await revisionsOf(ids)).toBe(0);
    expect(await t.m.db.db.selectFrom('recent_changes').select('id').where('page_id', 'in', ids).execute()).toEqual([]);
    expect((await coord.get(`/reseau/personnes/${SLUG}`)).statusCode).toBe(404);
    const log = (await anon().get('/wiki/Sp%C3%A9cial:Journal?type=delete')).body;
    expect(log).toContain('Fiche effacée');
    expect(log).not.toContain('Tremblay-Visible');
    expect((await coord.get(PAGE)).statusCode).toBe(404);
    for (const url of ['/wiki/Sp%C3%A9cial:Modifications_r%C3%A9centes', '/wiki/Sp%C3%A9cial:Recherche?q=Kamouraska']) expect((await coord.get(url)).body, url).not.toContain('Tremblay-Visible');
  });
});
