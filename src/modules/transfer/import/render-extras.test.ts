import { afterAll, describe, expect, it } from 'vitest';
import { resolveLinks, titleFromKey, type RenderResult } from '../../markup/index.ts';
import { analyze, htmlToText } from '../../search/threads.ts';
import { LABELS, type RenderJob } from '../../wiki/threads.ts';
import { createImportRenderPool, type SearchExtras } from './render-extras.ts';

const job: RenderJob = {
  titleKey: 'Atelier_de_médiation',
  content: "== Étapes ==\nLes '''médiatrices''' préparent l'accueil des écoles. {{Voir|Lutherie}}\n* [[Accueil|Première étape]]\n<ref>Une note sur les œuvres</ref>\n<references />",
  model: 'wikitext',
  editSections: true,
  statuses: [['Accueil', 'exists']],
  pages: [['Modèle:Voir', 'voir aussi [[{{{1}}}]]']],
};

describe("the import's render workers", () => {
  const sqlite = createImportRenderPool('sqlite');
  const postgres = createImportRenderPool('postgres');
  afterAll(() => Promise.all([sqlite.close(), postgres.close()]));

  it("give the render's plain text, and for SQLite its analysed form, as the main thread would compute them", async () => {
    const result = (await sqlite.render(job)) as RenderResult & SearchExtras;
    const env = { title: titleFromKey(job.titleKey)!, linkStatus: new Map(job.statuses), pages: new Map(job.pages), labels: LABELS, editSections: true };
    // Computed before the deferred link is filled in; the text must be what the final HTML gives.
    const final = resolveLinks(result, new Map([['Lutherie', 'missing' as const]]), env);
    expect(final.html).not.toBe(result.html);
    expect(result.searchText).toBe(htmlToText(final.html));
    expect(result.searchText).toContain('Première étape');
    expect(result.searchText).toContain('œuvres');
    expect(result.analyzedText).toBe(analyze(htmlToText(final.html)));
    expect(result.analyzedText).toContain('mediatric');
  });

  it('render for indexing: the same links and words, and no HTML sent back', async () => {
    const full = (await sqlite.render(job)) as RenderResult & SearchExtras;
    const index = (await sqlite.render({ ...job, forIndex: true })) as RenderResult & SearchExtras;
    expect(index.html).toBe('');
    expect(index.links).toEqual(full.links);
    expect(index.templates).toEqual(full.templates);
    expect(index.analyzedText).toBe(full.analyzedText);
    expect(index.searchText).toContain('Première étape');
    expect(index.searchText).toBe(full.searchText);
  });

  it('leave the analysis to PostgreSQL', async () => {
    const result = (await postgres.render(job)) as RenderResult & SearchExtras;
    expect(result.searchText).toContain('Première étape');
    expect(result.analyzedText).toBeUndefined();
  });
});
