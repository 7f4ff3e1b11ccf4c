import { afterAll, describe, expect, it } from 'vitest';
import { render, resolveLinks, titleFromKey } from '../../markup/index.ts';
import type { RenderJob } from './job.ts';
import { LABELS } from './labels.ts';
import { createRenderPool } from './pool.ts';

describe('render pool (worker threads)', () => {
  const pool = createRenderPool({ size: 2 });
  afterAll(() => pool.close());

  const job: RenderJob = {
    titleKey: 'Guide_des_ateliers',
    content: "== Ateliers ==\n{{Voir|Lutherie}} [[Accueil]] et [[Page absente]] ''fin''\n[[Catégorie:Guides]]",
    model: 'wikitext',
    editSections: true,
    statuses: [['Accueil', 'exists'], ['Page_absente', 'missing']],
    pages: [['Modèle:Voir', 'voir aussi [[{{{1}}}]]']],
  };

  it('renders in a worker exactly as in this thread, deferring the links a template adds', async () => {
    const inWorker = await pool.render(job);
    const env = { title: titleFromKey(job.titleKey)!, linkStatus: new Map(job.statuses), pages: new Map(job.pages), labels: LABELS, editSections: true, deferLinkStatus: true };
    const here = render(job.content, job.model, env);
    expect(inWorker.html).toBe(here.html);
    expect(inWorker.links).toEqual(here.links);
    expect(inWorker.categories).toEqual([{ name: 'Guides', sortKey: '' }]);
    expect(inWorker.templates).toEqual(['Modèle:Voir']);
    expect(inWorker.deferredLinks?.map((t) => t.key)).toEqual(['Lutherie']);
    const done = resolveLinks(inWorker, new Map([['Lutherie', 'exists' as const]]), env);
    expect(done.html).toContain('<a href="/wiki/Lutherie" title="Lutherie">Lutherie</a>');
    expect(done.html).toContain('class="new"');
  });

  it('sends back a render for indexing without its deferred links, which are never resolved', async () => {
    const forIndex = await pool.render({ ...job, forIndex: true });
    expect(forIndex.links).toEqual(expect.arrayContaining(['Accueil', 'Page_absente', 'Lutherie']));
    expect(forIndex.templates).toEqual(['Modèle:Voir']);
    expect(forIndex.deferredLinks).toEqual([]);
  });

  it('spreads concurrent jobs over its workers and reports a bad job as an error', async () => {
    const many = await Promise.all(Array.from({ length: 12 }, (_, i) => pool.render({ ...job, content: `${job.content}\nPage ${i}` })));
    expect(many.map((r) => r.html.includes(`Page ${many.indexOf(r)}`))).toEqual(Array(12).fill(true));
    await expect(pool.render({ ...job, titleKey: '' })).rejects.toThrow(/not a title/);
    expect(pool.broken).toBe(false);
  });
});
