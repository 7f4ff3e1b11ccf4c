import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/each-engine.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/engines.ts';
import type { DbHandle } from '../../core/db/index.ts';
import { CORPUS } from './corpus.fixture.ts';
import { createSearchIndex, type SearchIndex } from './index.ts';

describeEachEngine('search', (engine) => {
  let tdb: TestDatabase;
  let h: DbHandle;
  let index: SearchIndex;
  const ids = async (q: string, namespaces?: number[]) => (await index.search({ q, namespaces, limit: 100 })).hits.map((hit) => hit.pageId);
  const idSet = async (q: string, namespaces?: number[]) => [...(await ids(q, namespaces))].sort((a, b) => a - b);
  const hit = async (q: string, pageId: number) => (await index.search({ q, limit: 100 })).hits.find((x) => x.pageId === pageId);

  beforeAll(async () => {
    tdb = await createTestDatabase(engine);
    h = tdb.open();
    index = createSearchIndex(h.db, engine);
    for (const doc of CORPUS) await index.upsert(doc);
  });
  afterAll(async () => {
    await h.destroy();
    await tdb.drop();
  });

  describe('French folding and stemming', () => {
    it('finds accented words typed without accents, and plurals from the singular', async () => {
      expect(await idSet('procedure')).toEqual([1, 2, 28]);
      expect(await idSet('PROCÉDURES')).toEqual([1, 2, 28]);
    });

    it('expands ligatures both ways: coeur finds cœur, sœur finds soeur', async () => {
      expect(await idSet('coeur')).toEqual([3]);
      expect(await idSet('cœur')).toEqual([3]);
      expect(await idSet('soeurs')).toEqual([18]);
      expect(await idSet('oeuvre')).toEqual([13, 30]);
    });

    it("splits elisions with ' and ’ in text and query", async () => {
      expect(await idSet('ecole')).toEqual([4, 10, 30]);
      expect(await idSet("l'école")).toEqual([4, 10, 30]);
      expect(await idSet('l’ecole')).toEqual([4, 10, 30]);
    });

    it('matches singular and plural through stemming', async () => {
      expect(await idSet('formation')).toEqual([5, 7]);
      expect(await idSet('formations')).toEqual([5, 7]);
      const numeric = [6, 7, 9, 11, 14, 17, 25, 26];
      expect(await idSet('numerique')).toEqual(numeric);
      expect(await idSet('numériques')).toEqual(numeric);
    });
  });

  describe('query semantics', () => {
    it('requires every word (AND)', async () => {
      expect(await idSet('competences numeriques')).toEqual([6, 25, 26]);
      expect(await idSet('musique numérique')).toEqual([]);
    });

    it('matches a quoted phrase only when its words are adjacent and in order', async () => {
      expect(await idSet('"compétences numériques"')).toEqual([6, 25]);
      expect(await idSet('« compétences numériques » diagnostic')).toEqual([6]);
    });

    it('returns nothing for empty, blank, punctuation-only and stop-word-only queries', async () => {
      for (const q of ['', '   ', '""', '!!! ???', 'le la de des', "l' d’"]) {
        expect(await index.search({ q })).toEqual({ total: 0, hits: [] });
      }
    });
  });

  describe('ranking and filters', () => {
    it('ranks title matches first, even against a body full of the word', async () => {
      await index.upsert({ pageId: 40, namespace: 0, title: 'Répétitions', fullTitle: 'Répétitions', text: Array(30).fill('chantier').join(' ') });
      try {
        const { hits } = await index.search({ q: 'chantiers' });
        expect(hits[0]).toMatchObject({ pageId: 8, titleMatch: true });
        expect(hits.slice(1).map((x) => x.titleMatch)).toEqual(hits.slice(1).map(() => false));
        expect(hits.map((x) => x.pageId).sort((a, b) => a - b)).toEqual([8, 9, 21, 23, 40]);
      } finally {
        await index.remove(40);
      }
    });

    it('orders every title match before every body-only match, scores descending within each', async () => {
      const { hits } = await index.search({ q: 'numérique' });
      expect(hits.filter((x) => x.titleMatch).map((x) => x.pageId).sort((a, b) => a - b)).toEqual([6, 7, 11, 25]);
      const flags = hits.map((x) => x.titleMatch);
      expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
      for (const group of [hits.filter((x) => x.titleMatch), hits.filter((x) => !x.titleMatch)]) {
        const scores = group.map((x) => x.score);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
      }
    });

    it('filters by namespace', async () => {
      expect(await idSet('procedure', [12])).toEqual([2]);
      expect(await idSet('procedure', [0])).toEqual([1]);
      expect(await idSet('procedure', [0, 4])).toEqual([1, 28]);
      expect(await idSet('procedure', [])).toEqual([1, 2, 28]);
    });

    it('pages results with a stable total', async () => {
      const all = await ids('numerique');
      const pages = await Promise.all([0, 3, 6].map((offset) => index.search({ q: 'numerique', limit: 3, offset })));
      expect(pages.map((p) => p.total)).toEqual([8, 8, 8]);
      expect(pages.flatMap((p) => p.hits.map((x) => x.pageId))).toEqual(all);
      expect(await index.search({ q: 'numerique', limit: 3, offset: 20 })).toEqual({ total: 8, hits: [] });
      expect((await index.search({ q: 'numerique', limit: 0 })).hits).toHaveLength(1);
      expect((await index.search({ q: 'numerique' })).hits).toHaveLength(8);
    });
  });

  describe('highlighting', () => {
    it('marks the original accented word in title and snippet', async () => {
      const school = await hit('ecoles', 4);
      expect(school?.titleHtml).toBe('Rentrée à l&#39;<mark>école</mark> de musique');
      expect(school?.snippetHtml).toContain('L’<mark>école</mark> de musique');
      expect((await hit('coeur', 3))?.snippetHtml).toContain('Au <mark>cœur</mark> de la démarche');
      expect((await hit('procedure', 1))?.titleHtml).toBe('<mark>Procédures</mark> d&#39;accueil des bénévoles');
    });

    it('escapes HTML in titles and snippets', async () => {
      const tarifs = await hit('reserve', 29);
      expect(tarifs?.titleHtml).toBe('Tarifs &lt;spéciaux&gt; &amp; &quot;offres&quot;');
      expect(tarifs?.snippetHtml).toContain('&lt;b&gt;<mark>réservé</mark>&lt;/b&gt;');
      expect(tarifs?.snippetHtml).not.toContain('<b>');
    });

    it('gives a snippet of the page start when only the title matches', async () => {
      const { hits } = await index.search({ q: 'gouvernance', namespaces: [0] });
      const gouv = hits.find((x) => x.pageId === 16);
      expect(gouv?.titleHtml).toBe('<mark>Gouvernance</mark> des données');
      expect(gouv?.snippetHtml).toBe('Les données ouvertes exigent des règles claires : qui publie, sous quelle licence, à quelle fréquence.');
    });
  });

  describe('writes', () => {
    it('replaces a page on upsert and is idempotent', async () => {
      const first = { pageId: 50, namespace: 0, title: 'Fiche temporaire', fullTitle: 'Fiche temporaire', text: 'Le mot zorglub apparaît ici.' };
      await index.upsert(first);
      await index.upsert(first);
      expect(await index.search({ q: 'zorglub' })).toMatchObject({ total: 1 });
      await index.upsert({ ...first, title: 'Fiche modifiée', fullTitle: 'Fiche modifiée', text: 'Un quiproquo a remplacé le texte.' });
      expect((await index.search({ q: 'zorglub' })).total).toBe(0);
      expect((await index.search({ q: 'temporaire' })).total).toBe(0);
      expect(await ids('quiproquo')).toEqual([50]);
      expect((await index.suggest('fiche')).map((s) => s.fullTitle)).toEqual(['Fiche modifiée']);
    });

    it('removes a page from search and suggestions', async () => {
      await index.upsert({ pageId: 51, namespace: 0, title: 'Page éphémère', fullTitle: 'Page éphémère', text: 'Contenu xylophone.' });
      expect(await ids('xylophone')).toEqual([51]);
      await index.remove(51);
      await index.remove(51);
      await index.remove(424242);
      expect(await ids('xylophone')).toEqual([]);
      expect(await index.suggest('page eph')).toEqual([]);
    });
  });

  describe('suggest', () => {
    const titles = async (prefix: string, opts?: { namespaces?: number[]; limit?: number }) => (await index.suggest(prefix, opts)).map((s) => s.fullTitle);

    it('folds accents and case; title starts first, shortest first, then word starts', async () => {
      const expected = ['École', 'Économie sociale et culture', 'Écoresponsabilité et numérique', "Rentrée à l'école de musique"];
      expect(await titles('eco')).toEqual(expected);
      expect(await titles('ÉCO')).toEqual(expected);
      expect(await titles('proc')).toEqual(['Aide:Procédures', 'Maillage:Procédure de relecture', "Procédures d'accueil des bénévoles"]);
    });

    it('matches on any word of the title, elisions split', async () => {
      const num = await index.suggest('num');
      expect(num[0]?.fullTitle).toBe('Culture et numérique');
      expect(num.map((s) => s.pageId).sort((a, b) => a - b)).toEqual([6, 7, 11, 25]);
      expect(await titles('l’éco')).toEqual(["Rentrée à l'école de musique"]);
      expect(await titles('economie soc')).toEqual(['Économie sociale et culture']);
    });

    it('matches the full title with its namespace prefix, filters namespaces, honours limit', async () => {
      expect(await titles('Aide:proc')).toEqual(['Aide:Procédures']);
      expect(await titles('proc', { namespaces: [0] })).toEqual(["Procédures d'accueil des bénévoles"]);
      expect(await titles('e', { limit: 2 })).toHaveLength(2);
      expect(await titles('')).toEqual([]);
      expect(await titles(' !? ')).toEqual([]);
    });
  });
});
