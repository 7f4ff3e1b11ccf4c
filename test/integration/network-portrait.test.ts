import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/demo/load.ts';
import { toCsv } from '../../src/modules/network/index.ts';
import type { TestApp } from '../support/app.ts';
import { startTestApp } from '../support/app.ts';
import { describeEachEngine } from '../support/each-engine.ts';

const SLUGS = ['organisations-regions', 'organisations-types', 'personnes-roles', 'personnes-portees', 'projets-axes', 'projets-annees', 'chantiers-etapes', 'apprentissages-axes'];

/** A CSV of the portrait, parsed (its cells hold no quotes or commas except in labels, which are quoted). */
function parseCsv(csv: string): string[][] {
  return csv.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean).map((line) => [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')));
}

/** The rows of a chart's data table: label → count. */
function tableRows(html: string, slug: string): Map<string, number> {
  const table = html.match(new RegExp(`<table id="portrait-${slug}-table">([\\s\\S]*?)</table>`))?.[1] ?? '';
  return new Map([...table.matchAll(/<tr><th scope="row">([^<]*)<\/th><td class="num">(\d+)<\/td>/g)].map((m) => [m[1]!, Number(m[2])]));
}

function countBy<T>(items: readonly T[], codes: (item: T) => ReadonlyArray<string | null | undefined>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const cs = codes(item);
    for (const c of new Set(cs.length === 0 ? ['none'] : cs.map((x) => x ?? 'none'))) out[c] = (out[c] ?? 0) + 1;
  }
  return out;
}

describeEachEngine('network: the portrait of the network', (engine) => {
  let t: TestApp;
  /** Per chart, the expected count of each category code, computed from the database. */
  let expected: Record<string, Record<string, number>>;
  let privateNames: string[];
  beforeAll(async () => {
    t = await startTestApp(engine);
    const db = t.m.db.db;
    expect(await loadDemo({ db, accounts: t.m.accounts, wiki: t.m.wiki.wiki, network: t.m.network.service })).toBe(true);
    // Two dated projects (the demo's have no period): one over three years, one with a start only.
    const awa = await t.signedIn('agent');
    const P: Array<[string, string]> = [['organisations', 'Culture Laval'], ['collective', 'individual'], ['chantier', ''], ['outcomes', ''], ['learnings', ''], ['partners', ''], ['text', ''], ['summary', ''], ['axes', 'veille']];
    for (const [name, start, end] of [['Veille triennale', '2021-09-01', '2023-06-30'], ['Atelier ponctuel', '2022-02-01', '']] as const) {
      const body = new URLSearchParams([['_csrf', await awa.csrf()], ['name', name], ['start', start], ['end', end], ...P]).toString();
      expect((await awa.request('POST', '/reseau/projets/nouveau', { body, headers: { 'content-type': 'application/x-www-form-urlencoded' } })).statusCode).toBe(303);
    }
    const orgs = await db.selectFrom('network_organisations').select(['region', 'kind']).execute();
    const people = await db.selectFrom('network_people').select(['name', 'role', 'scope', 'public']).execute();
    const projects = (await db.selectFrom('network_projects').select('fields').execute()).map((r) => JSON.parse(r.fields) as { axes: string[]; start?: string; end?: string });
    const chantiers = await db.selectFrom('network_chantiers').select('page_id').execute();
    const transitions = await db.selectFrom('network_chantier_transitions').select(['page_id', 'to_status']).orderBy('id').execute();
    const stage = new Map<number, string>();
    for (const tr of transitions) stage.set(tr.page_id, tr.to_status);
    const learnings = await db.selectFrom('network_learnings').select('axis').execute();
    expected = {
      'organisations-regions': countBy(orgs, (o) => [o.region]),
      'organisations-types': countBy(orgs, (o) => [o.kind]),
      'personnes-roles': countBy(people, (p) => [p.role]),
      'personnes-portees': countBy(people, (p) => [p.scope]),
      'projets-axes': countBy(projects, (p) => p.axes),
      'projets-annees': countBy(projects, (p) => {
        if (!p.start) return [];
        const years: string[] = [];
        for (let y = Number(p.start.slice(0, 4)); y <= Number((p.end ?? p.start).slice(0, 4)); y++) years.push(String(y));
        return years;
      }),
      'chantiers-etapes': countBy(chantiers, (c) => [stage.get(c.page_id) ?? 'ideation']),
      'apprentissages-axes': countBy(learnings, (l) => [l.axis]),
    };
    privateNames = people.filter((p) => p.public !== 1).map((p) => p.name);
    expect(privateNames.length).toBeGreaterThan(0);
    expect(orgs.length * people.length * projects.length * chantiers.length * learnings.length).toBeGreaterThan(0);
  });
  afterAll(() => t.close());

  it('is linked from the network home and draws every chart as an accessible SVG with its table and CSV link', async () => {
    expect((await t.agent().get('/reseau')).body).toContain('href="/reseau/portrait"');
    const res = await t.agent().get('/reseau/portrait');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Portrait du réseau</h1>');
    for (const slug of SLUGS) {
      expect(res.body).toMatch(new RegExp(`<svg [^>]*role="img" aria-labelledby="portrait-${slug}-chart-title portrait-${slug}-chart-desc"`));
      expect(res.body).toContain(`<desc id="portrait-${slug}-chart-desc">Total\u00A0: `);
      expect(res.body).toContain(`href="/reseau/portrait/${slug}.csv"`);
    }
    expect(res.body).toContain('<caption>Données\u00A0: Organismes par région administrative</caption>');
  });

  it('shows the database’s counts in each table and CSV, every category of the vocabulary included', async () => {
    const page = (await t.agent().get('/reseau/portrait')).body;
    for (const slug of SLUGS) {
      const res = await t.agent().get(`/reseau/portrait/${slug}.csv`);
      expect(res.statusCode, slug).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="portrait-${slug}.csv"`);
      const [header, ...rows] = parseCsv(res.body);
      expect(header).toEqual(['code', 'label', 'count', 'total']);
      const fromCsv = Object.fromEntries(rows.filter((r) => r[2] !== '0').map((r) => [r[0], Number(r[2])]));
      expect(fromCsv, slug).toEqual(expected[slug]);
      // The page's table has the same rows, label for label.
      expect(tableRows(page, slug), slug).toEqual(new Map(rows.map((r) => [r[1]!, Number(r[2])])));
    }
    expect(tableRows(page, 'organisations-regions').get('13 – Laval')).toBe(expected['organisations-regions']!['13'] ?? 0);
    // All 17 regions are listed, with zeros.
    expect([...tableRows(page, 'organisations-regions').keys()].filter((l) => /^\d\d – /.test(l))).toHaveLength(17);
    expect(tableRows(page, 'chantiers-etapes').get('Rétroaction des pairs')).toBe(expected['chantiers-etapes']!.feedback);
    // A project counts in each year it runs.
    expect(expected['projets-annees']).toMatchObject({ 2021: 1, 2022: 2, 2023: 1 });
    expect([...tableRows(page, 'projets-annees').keys()].slice(0, 3)).toEqual(['2021', '2022', '2023']);
  });

  it('counts private people without ever naming them, for visitors and members alike', async () => {
    const coord = await t.signedIn('coordination');
    for (const agent of [t.agent(), coord]) {
      const bodies = [(await agent.get('/reseau/portrait')).body];
      for (const slug of SLUGS) bodies.push((await agent.get(`/reseau/portrait/${slug}.csv`)).body);
      for (const body of bodies) for (const name of privateNames) expect(body).not.toContain(name);
    }
    const total = Object.values(expected['personnes-roles']!).reduce((a, b) => a + b, 0);
    expect((await t.agent().get('/reseau/portrait')).body).toContain(`Personnes par rôle</h2><p>Total\u00A0: ${total}.</p>`);
  });

  it('speaks English too, and answers 404 for an unknown chart', async () => {
    const en = await t.agent().get('/reseau/portrait', { 'accept-language': 'en-CA' });
    expect(en.body).toContain('<h1>Network portrait</h1>');
    expect(en.body).toContain('Download the data as CSV: Chantiers by lifecycle stage');
    expect((await t.agent().get('/reseau/portrait/inconnu.csv')).statusCode).toBe(404);
    expect((await t.agent().get('/reseau/portrait/projets-axes.json')).statusCode).toBe(404);
  });
});

describe('portrait CSV', () => {
  it('defuses formulas and quotes labels through the network export', () => {
    expect(toCsv(['code', 'label'], [['x', '=1+1'], ['y', 'a, b']])).toBe('\uFEFFcode,label\r\nx,\'=1+1\r\ny,"a, b"\r\n');
  });
});
