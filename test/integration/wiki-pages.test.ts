import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseTitle, type Title } from '../../src/modules/markup/index.ts';
import type { Agent, TestApp } from '../support/app.ts';
import { startTestApp } from '../support/app.ts';
import { describeEachEngine } from '../support/each-engine.ts';

function title(s: string): Title {
  const t = parseTitle(s);
  if (!t.ok) throw new Error(`bad title ${s}`);
  return t.title;
}

const revOf = (html: string) => Number(html.match(/name="base_rev" value="(\d*)"/)?.[1] ?? 0) || null;

describeEachEngine('wiki: pages, revisions, links, conflicts', (engine) => {
  let t: TestApp;
  let awa: Agent;
  let felix: Agent;
  beforeAll(async () => {
    t = await startTestApp(engine);
    awa = await t.signedIn('agent', 'awa@example.ca');
    felix = await t.signedIn('contributor', 'felix@example.ca');
  });
  afterAll(() => t.close());

  async function save(a: Agent, page: string, text: string, extra: Record<string, string> = {}) {
    const form = await a.get(`/wiki/${encodeURIComponent(page.replace(/ /g, '_'))}?action=edit${extra.section ? `&section=${extra.section}` : ''}`);
    expect(form.statusCode).toBe(200);
    const base = extra.base_rev ?? String(revOf(form.body) ?? '');
    return a.post(`/wiki/${encodeURIComponent(page.replace(/ /g, '_'))}?action=submit`, { text, summary: extra.summary ?? 'test', base_rev: base, ...(extra.section ? { section: extra.section } : {}) });
  }

  it('creates a page, shows it, and keeps each revision with its metadata', async () => {
    const res = await save(awa, 'Chantier Almanach', '# Almanach\n\nUn répertoire des [[Ressources numériques]].\n\n[[Catégorie:Chantiers]]', { summary: 'Création' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/wiki/Chantier_Almanach?notice=saved');
    const view = await t.agent().get('/wiki/Chantier_Almanach');
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain('Un répertoire des');
    expect(view.body).toMatch(/<a [^>]*href="\/wiki\/Ressources_num%C3%A9riques\?action=edit&amp;redlink=1"[^>]*class="new"|class="new"[^>]*href="\/wiki\/Ressources_num%C3%A9riques\?action=edit&amp;redlink=1"/);
    expect(view.body).toContain('(page inexistante)');
    expect(view.body).toContain('Chantiers');
    const page = await t.m.wiki.wiki.page(title('Chantier Almanach'));
    const rev = await t.m.wiki.wiki.revision(page!.latestRevId);
    expect(rev).toMatchObject({ authorName: expect.stringContaining('Test agent'), summary: 'Création', minor: false, contentModel: 'markdown', parentId: null });
    expect(rev!.size).toBe(Buffer.byteLength(rev!.content));
    expect(rev!.sha1).toMatch(/^[0-9a-z]{31}$/);
  });

  it('turns a red link blue when its target is created, and red again when deleted', async () => {
    await save(felix, 'Ressources numériques', 'Liste de ressources.');
    const blue = await t.agent().get('/wiki/Chantier_Almanach');
    expect(blue.body).not.toContain('redlink=1');
    expect(blue.body).toMatch(/href="\/wiki\/Ressources_num%C3%A9riques"/);
    const coord = await t.signedIn('coordination');
    const del = await coord.post('/wiki/Ressources_num%C3%A9riques?action=delete', { reason: 'doublon' }, { csrf: await coord.csrf('/wiki/Ressources_num%C3%A9riques?action=delete') });
    expect(del.statusCode).toBe(303);
    expect((await t.agent().get('/wiki/Chantier_Almanach')).body).toContain('redlink=1');
    expect((await t.agent().get('/wiki/Ressources_num%C3%A9riques')).statusCode).toBe(404);
    const undel = await coord.post('/wiki/Ressources_num%C3%A9riques?action=undelete', { reason: 'erreur' }, { csrf: await coord.csrf('/wiki/Ressources_num%C3%A9riques?action=undelete') });
    expect(undel.statusCode).toBe(303);
    expect((await t.agent().get('/wiki/Chantier_Almanach')).body).not.toContain('redlink=1');
    const log = await t.agent().get('/wiki/Sp%C3%A9cial:Journal?type=delete');
    expect(log.body).toContain('doublon');
    expect(log.body).toContain('erreur');
  });

  it('merges an edit made from an old revision when the changes do not overlap', async () => {
    await save(awa, 'Rencontre 2021', 'Ligne un\nLigne deux\nLigne trois\nLigne quatre\nLigne cinq');
    const base = String((await t.m.wiki.wiki.page(title('Rencontre 2021')))!.latestRevId);
    expect((await save(awa, 'Rencontre 2021', 'Ligne UN\nLigne deux\nLigne trois\nLigne quatre\nLigne cinq', { base_rev: base })).statusCode).toBe(303);
    const merged = await save(felix, 'Rencontre 2021', 'Ligne un\nLigne deux\nLigne trois\nLigne quatre\nLigne CINQ', { base_rev: base });
    expect(merged.statusCode).toBe(303);
    expect(merged.headers.location).toContain('notice=merged');
    const raw = await t.agent().get('/wiki/Rencontre_2021?action=raw');
    expect(raw.body).toBe('Ligne UN\nLigne deux\nLigne trois\nLigne quatre\nLigne CINQ');
  });

  it('shows a real conflict without saving, keeping the user text and a diff', async () => {
    const base = String((await t.m.wiki.wiki.page(title('Rencontre 2021')))!.latestRevId);
    await save(awa, 'Rencontre 2021', 'Ligne UN (Awa)\nLigne deux\nLigne trois\nLigne quatre\nLigne CINQ', { base_rev: base });
    const before = await t.m.wiki.wiki.page(title('Rencontre 2021'));
    const conflict = await save(felix, 'Rencontre 2021', 'Ligne UN (Félix)\nLigne deux\nLigne trois\nLigne quatre\nLigne CINQ', { base_rev: base });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.body).toContain('Conflit de modification');
    expect(conflict.body).toContain('Ligne UN (Félix)');
    expect(conflict.body).toContain('Ligne UN (Awa)');
    expect(conflict.body).toMatch(/<del class="diffchange">|<ins class="diffchange">/);
    expect((await t.m.wiki.wiki.page(title('Rencontre 2021')))!.latestRevId).toBe(before!.latestRevId);
    // Saving again from the conflict form (base = current) publishes the user's text.
    const again = await felix.post('/wiki/Rencontre_2021?action=submit', { text: 'Ligne UN (Awa et Félix)\nLigne deux\nLigne trois\nLigne quatre\nLigne CINQ', summary: 'fusion', base_rev: String(before!.latestRevId) });
    expect(again.statusCode).toBe(303);
  });

  it('merges edits of two different sections made from the same revision', async () => {
    await save(awa, 'Sections', 'Intro\n\n## Un\n\nTexte un\n\n## Deux\n\nTexte deux');
    const base = String((await t.m.wiki.wiki.page(title('Sections')))!.latestRevId);
    expect((await save(awa, 'Sections', '## Un\n\nTexte un modifié', { section: '1', base_rev: base })).statusCode).toBe(303);
    expect((await save(felix, 'Sections', '## Deux\n\nTexte deux modifié', { section: '2', base_rev: base })).statusCode).toBe(303);
    const raw = (await t.agent().get('/wiki/Sections?action=raw')).body;
    expect(raw).toContain('Texte un modifié');
    expect(raw).toContain('Texte deux modifié');
    expect(raw.startsWith('Intro')).toBe(true);
  });

  it('refuses an empty new page and keeps the summary typed', async () => {
    const res = await awa.post('/wiki/Vide?action=submit', { text: '   ', summary: 'mon résumé', base_rev: '' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Une nouvelle page ne peut pas être vide.');
    expect(res.body).toContain('value="mon résumé"');
  });

  it('paginates history, diffs two revisions word by word, undoes and reverts', async () => {
    for (let i = 1; i <= 4; i++) await save(awa, 'Historique', `Version ${i} du texte commun`);
    const page = await t.m.wiki.wiki.page(title('Historique'));
    const revs = await t.m.wiki.wiki.revisions(page!.id, { limit: 10 });
    expect(revs).toHaveLength(4);
    const hist = await t.agent().get('/wiki/Historique?action=history');
    expect(hist.statusCode).toBe(200);
    expect(hist.body.match(/name="oldid"/g)).toHaveLength(4);
    const diff = await t.agent().get(`/wiki/Historique?diff=${revs[0]!.id}&oldid=${revs[3]!.id}`);
    expect(diff.body).toContain('<del class="diffchange">1</del>');
    expect(diff.body).toContain('<ins class="diffchange">4</ins>');
    const undo = await awa.get(`/wiki/Historique?action=edit&undo=${revs[0]!.id}&undoafter=${revs[1]!.id}`);
    expect(undo.body).toContain('Version 3 du texte commun');
    const revert = await awa.get(`/wiki/Historique?action=edit&oldid=${revs[3]!.id}`);
    expect(revert.body).toContain('Version 1 du texte commun');
    expect(revert.body).toContain('Retour à la version');
  });

  it('moves a page with its history, leaves a redirect that is followed, and logs it', async () => {
    await save(awa, 'Ancien titre', 'Contenu à déplacer');
    await save(awa, 'Pointeur', 'Voir [[Ancien titre]].');
    const res = await awa.post('/wiki/Ancien_titre?action=move', { target: 'Nouveau titre', reason: 'clarté', redirect: '1', talk: '1' }, { csrf: await awa.csrf('/wiki/Ancien_titre?action=move') });
    expect(res.statusCode).toBe(303);
    const follow = await t.agent().get('/wiki/Ancien_titre');
    expect(follow.statusCode).toBe(302);
    expect(follow.headers.location).toBe('/wiki/Nouveau_titre?rdfrom=Ancien_titre');
    const landed = await t.agent().get('/wiki/Nouveau_titre?rdfrom=Ancien_titre');
    expect(landed.body).toContain('Redirigé depuis');
    expect(landed.body).toContain('Contenu à déplacer');
    expect((await t.agent().get('/wiki/Ancien_titre?redirect=no')).body).toContain('redirectText');
    expect((await t.agent().get('/wiki/Pointeur')).body).toContain('mw-redirect');
    const page = await t.m.wiki.wiki.page(title('Nouveau titre'));
    expect(await t.m.wiki.wiki.revisions(page!.id, { limit: 10 })).toHaveLength(2);
    expect((await t.agent().get('/wiki/Sp%C3%A9cial:Journal?type=move')).body).toContain('Nouveau titre');
  });

  it('enforces protection by role', async () => {
    await save(awa, 'Charte', 'Texte officiel');
    const coord = await t.signedIn('coordination');
    const p = await coord.post('/wiki/Charte?action=protect', { level: 'coordination', reason: 'stable' }, { csrf: await coord.csrf('/wiki/Charte?action=protect') });
    expect(p.statusCode).toBe(303);
    const denied = await awa.get('/wiki/Charte?action=edit');
    expect(denied.statusCode).toBe(403);
    expect(denied.body).toContain('Page protégée');
    expect((await coord.get('/wiki/Charte?action=edit')).statusCode).toBe(200);
    expect((await t.agent().get('/wiki/Charte?action=edit')).statusCode).toBe(303);
  });

  it('serves anonymous readers from the page cache, fresh after an edit, with no CSRF token or cookie to make', async () => {
    await save(awa, 'Cache', 'Première version');
    const one = t.agent('192.0.2.71');
    const two = t.agent('192.0.2.72');
    const a1 = await one.get('/wiki/Cache');
    const b1 = await two.get('/wiki/Cache');
    expect(a1.body).toContain('Première version');
    expect(b1.body).toContain('Première version');
    // The second reader got the cached bytes: a read page has no form needing a token, so nobody's token is in it.
    expect(b1.body).toBe(a1.body);
    expect(a1.body).not.toContain('name="_csrf"');
    expect(String(b1.headers['set-cookie'] ?? '')).not.toContain('csrf');
    await save(awa, 'Cache', 'Deuxième version');
    expect((await one.get('/wiki/Cache')).body).toContain('Deuxième version');
    // A cached category page shows a new member as soon as a page joins the category.
    await save(awa, 'Catégorie:Mis en cache', 'Une catégorie.');
    expect((await one.get('/wiki/Cat%C3%A9gorie:Mis_en_cache')).body).not.toContain('Membre tardif');
    await save(awa, 'Membre tardif', 'Texte.\n\n[[Catégorie:Mis en cache]]');
    expect((await one.get('/wiki/Cat%C3%A9gorie:Mis_en_cache')).body).toContain('Membre tardif');
  });

  it('normalises titles in URLs and rejects invalid ones with a message', async () => {
    const r = await t.agent().get('/wiki/chantier_Almanach');
    expect(r.statusCode).toBe(301);
    expect(r.headers.location).toBe('/wiki/Chantier_Almanach');
    const bad = await t.agent().get('/wiki/A%7CB');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('caractère interdit');
    expect((await t.agent().get('/wiki/Page_inexistante')).statusCode).toBe(404);
  });

  it('lists recent changes with filters and as an Atom feed', async () => {
    const rc = await t.agent().get('/wiki/Sp%C3%A9cial:Modifications_r%C3%A9centes');
    expect(rc.statusCode).toBe(200);
    expect(rc.body).toContain('Chantier Almanach');
    const byUser = await t.agent().get(`/wiki/Sp%C3%A9cial:Modifications_r%C3%A9centes?user=${encodeURIComponent('Test contributor 2')}`);
    expect(byUser.body).not.toContain('Chantier Almanach');
    const atom = await t.agent().get('/wiki/Special:RecentChanges?feed=atom');
    expect(atom.headers['content-type']).toContain('application/atom+xml');
    expect(atom.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(atom.body).toContain('<title>Chantier Almanach</title>');
  });

  it('notifies watchers of changes made by others', async () => {
    const w = await awa.post('/wiki/Chantier_Almanach?action=watch', {});
    expect(w.statusCode).toBe(303);
    expect((await awa.get('/wiki/Chantier_Almanach')).body).toContain('Ne plus suivre');
    await save(felix, 'Chantier Almanach', '# Almanach\n\nMis à jour par Félix.');
    await save(awa, 'Chantier Almanach', '# Almanach\n\nMis à jour par Awa.');
    const notes = await awa.get('/wiki/Sp%C3%A9cial:Notifications');
    expect(notes.body).toContain('a modifié');
    expect(notes.body.match(/class="unread"/g)).toHaveLength(1);
  });

  it('serves the special pages', async () => {
    await save(awa, 'Codéveloppement', 'Cellules d’entraide.\n\n[[Catégorie:Chantiers|Codev]]');
    const cat = await t.agent().get('/wiki/Cat%C3%A9gorie:Chantiers');
    expect(cat.statusCode).toBe(404);
    expect(cat.body).toContain('Codéveloppement');
    await save(awa, 'Catégorie:Chantiers', 'Les groupes de travail du réseau.');
    const catPage = await t.agent().get('/wiki/Cat%C3%A9gorie:Chantiers');
    expect(catPage.statusCode).toBe(200);
    expect(catPage.body).toContain('Les groupes de travail du réseau.');
    expect(catPage.body).toMatch(/Pages dans la catégorie[\s\S]*Codéveloppement/);
    const pages: Array<[string, string]> = [
      ['/wiki/Sp%C3%A9cial:Toutes_les_pages', 'Chantier Almanach'],
      ['/wiki/Special:WhatLinksHere/Nouveau_titre', 'Pointeur'],
      ['/wiki/Sp%C3%A9cial:Cat%C3%A9gories', 'Chantiers'],
      ['/wiki/Sp%C3%A9cial:Pages_demand%C3%A9es', ''],
      ['/wiki/Sp%C3%A9cial:Pages_orphelines', 'Historique'],
      ['/wiki/Sp%C3%A9cial:Statistiques', 'Modifications'],
      [`/wiki/Sp%C3%A9cial:Contributions/${encodeURIComponent('Test agent 1')}`, 'Chantier Almanach'],
    ];
    for (const [url, text] of pages) {
      const res = await t.agent().get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain(text);
    }
    expect((await t.agent().get('/wiki/Sp%C3%A9cial:Page_au_hasard')).statusCode).toBe(302);
    // A new account appears in the user-creation log once its event is processed.
    await t.m.accounts.operator.createUser({ email: 'journal@example.ca', name: 'Nouvelle Personne', role: 'contributor' });
    await t.m.events.drain();
    const newusers = await t.agent().get('/wiki/Sp%C3%A9cial:Journal?type=newusers');
    expect(newusers.body).toContain('Utilisateur:Nouvelle Personne');
    expect((await t.agent().get('/wiki/Sp%C3%A9cial:Nexiste_pas')).statusCode).toBe(404);
  });
});
