import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/core/actor.ts';
import { parseTitle, type Title } from '../../src/modules/markup/index.ts';
import type { TestApp } from '../support/app.ts';
import { startTestApp } from '../support/app.ts';
import { renderPages } from '../../src/modules/wiki/commands/import-revisions.ts';
import { createRenderPool } from '../../src/modules/wiki/index.ts';
import { describeEachEngine } from '../support/each-engine.ts';

function title(s: string): Title {
  const t = parseTitle(s);
  if (!t.ok) throw new Error(`bad title ${s}`);
  return t.title;
}

/** Wikitext pages inside the wiki: templates fetched from the database, re-rendered when they change. */
describeEachEngine('wiki: wikitext pages and templates', (engine) => {
  let t: TestApp;
  let actor: Actor;
  beforeAll(async () => {
    t = await startTestApp(engine);
    await t.signedIn('agent', 'awa@example.ca');
    actor = await t.m.accounts.operator.actorFor('awa@example.ca');
  });
  afterAll(() => t.close());

  async function save(page: string, text: string) {
    const current = await t.m.wiki.wiki.page(title(page));
    const r = await t.m.wiki.wiki.save(actor, { title: title(page), text, summary: 'test', minor: false, baseRevId: current?.latestRevId ?? null, contentModel: 'wikitext' });
    expect(r.kind).toBe('saved');
  }

  it('expands templates from the wiki, nested, and records them as transclusions', async () => {
    await save('Modèle:Salut', "Bonjour {{{1|monde}}} ! {{Signature}}");
    await save('Modèle:Signature', "''L'équipe''");
    await save('Rencontre 2021', "{{Salut|Awa}}\n\nVoir [[Chantiers]].");
    const view = await t.agent().get('/wiki/Rencontre_2021');
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain('<div class="mw-parser-output">');
    expect(view.body).toMatch(/Bonjour Awa(\s|&#160;|\u00a0)!/);
    expect(view.body).toContain("<i>L'équipe</i>");
    const page = await t.m.wiki.wiki.page(title('Rencontre 2021'));
    const used = await t.m.db.db.selectFrom('template_links').select(['to_namespace', 'to_title']).where('from_page_id', '=', page!.id).orderBy('to_title').execute();
    expect(used).toEqual([{ to_namespace: 10, to_title: 'Salut' }, { to_namespace: 10, to_title: 'Signature' }]);
  });

  it('renders a batch in worker threads as in this thread, templates named by expansion and #ifexist included', async () => {
    await save('Modèle:Cachet', "'''Vu''' [[Ateliers]]");
    await save('Ateliers', 'Les ateliers.');
    // {{ {{#if:…}} }}: a template name only expansion gives; the first page makes the batch fetch it, the second finds it in the shared lookups.
    const text = "{{ {{#if:x|Cachet}} }} {{#ifexist:Ateliers|existe|absent}} [[Page absente]]";
    await save('Lot un', text);
    await save('Lot deux', text);
    const ids = [(await t.m.wiki.wiki.page(title('Lot un')))!.id, (await t.m.wiki.wiki.page(title('Lot deux')))!.id];
    const here = await renderPages(t.m.wiki.wiki.deps, ids, true);
    const pool = createRenderPool({ size: 2 });
    try {
      const inPool = await renderPages(t.m.wiki.wiki.deps, ids, true, pool);
      expect(inPool.map((r) => r.page.html)).toEqual(here.map((r) => r.page.html));
    } finally {
      await pool.close();
    }
    for (const r of here) {
      expect(r.page.html).toContain('<b>Vu</b> <a href="/wiki/Ateliers" title="Ateliers">Ateliers</a>');
      expect(r.page.html).toContain('existe');
      expect(r.page.html).toContain('class="new"');
    }
  });

  it('shows the new text of a template on the pages using it, also through another template', async () => {
    await save('Modèle:Signature', "'''La coordination'''");
    const view = await t.agent().get('/wiki/Rencontre_2021');
    expect(view.body).toContain('<b>La coordination</b>');
    expect(view.body).not.toContain("L'équipe");
  });

  it('links a missing template in red, and renders it once created', async () => {
    await save('Portrait', '{{Carte des régions}}');
    expect((await t.agent().get('/wiki/Portrait')).body).toContain('redlink=1');
    await save('Modèle:Carte des régions', 'Dix-sept régions');
    const view = await t.agent().get('/wiki/Portrait');
    expect(view.body).toContain('Dix-sept régions');
  });

  it('adds a new section with a wikitext heading to a wikitext page', async () => {
    const page = await t.m.wiki.wiki.page(title('Portrait'));
    const r = await t.m.wiki.wiki.save(actor, { title: title('Portrait'), text: 'Ajouté.', summary: '', minor: false, baseRevId: page!.latestRevId, section: 'new', sectionTitle: 'Régions' });
    expect(r.kind).toBe('saved');
    expect((await t.m.wiki.wiki.revision(r.kind === 'saved' ? r.revision.id : 0))?.content).toBe('{{Carte des régions}}\n\n== Régions ==\n\nAjouté.');
    expect((await t.agent().get('/wiki/Portrait')).body).toMatch(/<h2[^>]*>.*Régions/);
  });

  it('signs talk-page messages (~~~~) and completes the pipe trick on save, as MediaWiki does', async () => {
    await save('Discussion:Portrait', "Bonne idée. ~~~~\n\nVoir [[Rencontre (2021)|]].");
    const page = await t.m.wiki.wiki.page(title('Discussion:Portrait'));
    const text = (await t.m.wiki.wiki.revision(page!.latestRevId))!.content;
    expect(text).toMatch(/^Bonne idée\. \[\[Utilisateur:Test agent \d+\|Test agent \d+\]\] \(\[\[Discussion utilisateur:Test agent \d+\|discuter\]\]\) \d/);
    expect(text).toContain('[[Rencontre (2021)|Rencontre]]');
  });

  it('replaces {{subst:…}} by the template\'s text on save (its own calls kept), fetching the template', async () => {
    await save('Essai subst', 'Début. {{subst:Salut|Félix}}');
    const page = await t.m.wiki.wiki.page(title('Essai subst'));
    expect((await t.m.wiki.wiki.revision(page!.latestRevId))!.content).toBe('Début. Bonjour Félix ! {{Signature}}');
    expect((await t.agent().get('/wiki/Essai_subst')).body).toContain('<b>La coordination</b>');
  });

  it('shows the reference list of a page with refs, ids and classes kept (Cite)', async () => {
    await save('Modèle:Source', '{{#tag:ref|{{{1}}}|name={{{nom}}}}}');
    await save('Historique', "== Origines<ref>Archives</ref> ==\nFondée en 1998.{{Source|Registre, p. 4|nom=registre}} Reprise en 2004.{{Source|Registre, p. 4|nom=registre}}\n\n== Notes ==\n<references />");
    const view = await t.agent().get('/wiki/Historique');
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain('<sup id="cite_ref-registre_2-1" class="reference"><a href="#cite_note-registre-2">');
    expect(view.body).toContain('<div class="mw-references-wrap"><ol class="references">');
    expect(view.body).toContain('<li id="cite_note-1"><span class="mw-cite-backlink"><a href="#cite_ref-1">↑</a></span> <span class="reference-text">Archives</span>');
    expect(view.body).toContain('<li id="cite_note-registre-2"><span class="mw-cite-backlink">↑ <sup><a href="#cite_ref-registre_2-0">a</a></sup> et <sup><a href="#cite_ref-registre_2-1">b</a></sup></span> <span class="reference-text">Registre, p. 4</span>');
  });

  it('sends MediaWiki index.php URLs on to the page URLs', async () => {
    const edit = await t.agent().get('/index.php?title=Rencontre_2021&action=edit&redlink=1');
    expect(edit.statusCode).toBe(301);
    expect(edit.headers.location).toBe('/wiki/Rencontre_2021?action=edit&redlink=1');
    const search = await t.agent().get('/index.php?search=atelier');
    expect(search.headers.location).toBe('/wiki/Sp%C3%A9cial:Recherche?q=atelier');
    expect((await t.agent().get('/index.php')).headers.location).toBe('/wiki/Accueil');
    expect((await t.agent().get('/index.php?title=A%7CB')).statusCode).toBe(400);
  });
});
