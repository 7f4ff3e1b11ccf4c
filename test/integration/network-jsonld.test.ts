import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemo } from '../../src/demo/load.ts';
import { parseTitle, titleUrl } from '../../src/modules/markup/index.ts';
import type { TestApp } from '../support/app.ts';
import { startTestApp } from '../support/app.ts';
import { describeEachEngine } from '../support/each-engine.ts';

/**
 * The part of the schema.org vocabulary our descriptions use (schema.org 29): each type's
 * properties (inherited ones included) and, for properties holding things, the types allowed.
 */
const THING = ['name', 'url', 'sameAs', 'description', 'additionalType', 'alternateName', 'identifier', 'image'];
const TYPES: Record<string, string[]> = {
  Organization: [...THING, 'address', 'knowsAbout', 'member', 'location', 'foundingDate'],
  PostalAddress: [...THING, 'addressRegion', 'addressCountry', 'addressLocality', 'postalCode', 'streetAddress'],
  Event: [...THING, 'startDate', 'endDate', 'eventAttendanceMode', 'eventStatus', 'location', 'subEvent', 'superEvent', 'organizer', 'performer'],
  Place: [...THING, 'address', 'geo'],
  VirtualLocation: [...THING],
  CreativeWork: [...THING, 'contributor', 'keywords', 'temporalCoverage', 'isBasedOn', 'about', 'author', 'dateCreated'],
  Person: [...THING, 'jobTitle', 'worksFor'],
};
const RANGES: Record<string, string[]> = {
  address: ['PostalAddress'], location: ['Place', 'VirtualLocation', 'PostalAddress'], subEvent: ['Event'], contributor: ['Organization', 'Person'],
  organizer: ['Organization', 'Person'], worksFor: ['Organization'],
};
const ATTENDANCE = ['https://schema.org/OnlineEventAttendanceMode', 'https://schema.org/OfflineEventAttendanceMode', 'https://schema.org/MixedEventAttendanceMode'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Problems of a JSON-LD node against the vocabulary above ([] when valid). */
function problems(node: Record<string, unknown>, path = '$', expected?: string[]): string[] {
  const out: string[] = [];
  const type = node['@type'];
  if (typeof type !== 'string' || !TYPES[type]) return [`${path}: unknown @type ${String(type)}`];
  if (expected && !expected.includes(type)) out.push(`${path}: ${type} where ${expected.join('|')} is expected`);
  for (const [key, value] of Object.entries(node)) {
    if (key === '@type' || key === '@context') continue;
    if (!TYPES[type]!.includes(key)) out.push(`${path}.${key}: not a property of ${type}`);
    for (const [i, v] of (Array.isArray(value) ? value : [value]).entries()) {
      const at = Array.isArray(value) ? `${path}.${key}[${i}]` : `${path}.${key}`;
      if (v === null || v === '' || v === undefined) out.push(`${at}: empty`);
      else if (typeof v === 'object') out.push(...problems(v as Record<string, unknown>, at, RANGES[key]));
      else if (typeof v !== 'string') out.push(`${at}: not text`);
      else if ((key === 'startDate' || key === 'endDate') && !DATE.test(v)) out.push(`${at}: not an ISO date`);
      else if (key === 'eventAttendanceMode' && !ATTENDANCE.includes(v)) out.push(`${at}: not an EventAttendanceModeEnumeration member`);
      else if ((key === 'url' || key === 'sameAs' || key === 'additionalType') && !/^https?:\/\//.test(v)) out.push(`${at}: not an absolute URL`);
    }
  }
  return out;
}

function pageUrl(namespace: string, name: string): string {
  const t = parseTitle(`${namespace}:${name}`);
  if (!t.ok) throw new Error(`bad title ${name}`);
  return titleUrl(t.title);
}

function jsonLdOf(html: string): Array<Record<string, unknown>> {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
}

describeEachEngine('network: schema.org JSON-LD on public pages', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
    await loadDemo({ db: t.m.db.db, accounts: t.m.accounts, wiki: t.m.wiki.wiki, network: t.m.network.service });
  });
  afterAll(() => t.close());

  const pagesOf = async (list: string) => (JSON.parse((await t.agent().get(`/reseau/${list}.json`)).body) as Array<{ name: string; url?: string; page?: string; title?: string }>);

  it('describes every organisation, rencontre and project page with a valid schema.org node of its type', async () => {
    const cases: Array<[string, string, string]> = [['organisations', 'Organisation', 'Organization'], ['rencontres', 'Rencontre', 'Event'], ['projets', 'Projet', 'CreativeWork']];
    for (const [list, namespace, type] of cases) {
      const entities = await pagesOf(list);
      expect(entities.length).toBeGreaterThan(0);
      for (const e of entities) {
        const path = pageUrl(namespace, e.name);
        const res = await t.agent().get(path);
        expect(res.statusCode, path).toBe(200);
        const nodes = jsonLdOf(res.body);
        expect(nodes, path).toHaveLength(1);
        const node = nodes[0]!;
        expect(node['@context']).toBe('https://schema.org');
        expect(node['@type']).toBe(type);
        expect(node.name).toBe(e.name);
        expect(node.url).toBe(`http://maillage.test${path}`);
        expect(problems(node), `${path}: ${JSON.stringify(node)}`).toEqual([]);
      }
    }
  });

  it('describes the wiki page of every public person as a Person, and no private person has one', async () => {
    const people = await pagesOf('personnes');
    expect(people.length).toBeGreaterThan(0);
    for (const p of people) {
      const path = pageUrl('Personne', p.name);
      const res = await t.agent().get(path);
      expect(res.statusCode, path).toBe(200);
      const nodes = jsonLdOf(res.body);
      expect(nodes, path).toHaveLength(1);
      expect(nodes[0]).toMatchObject({ '@context': 'https://schema.org', '@type': 'Person', name: p.name, url: `http://maillage.test${path}` });
      expect(problems(nodes[0]!), `${path}: ${JSON.stringify(nodes[0])}`).toEqual([]);
    }
    const coord = await t.signedIn('coordination');
    const visible = new Set(people.map((p) => p.name));
    for (const p of JSON.parse((await coord.get('/reseau/personnes.json')).body) as Array<{ name: string }>) {
      if (!visible.has(p.name)) expect((await t.agent().get(pageUrl('Personne', p.name))).statusCode, p.name).toBe(404);
    }
  });

  it('never names a private person in any description', async () => {
    const coord = await t.signedIn('coordination');
    const everyone = (JSON.parse((await coord.get('/reseau/personnes.json')).body) as Array<{ name: string }>).map((p) => p.name);
    const visible = new Set((JSON.parse((await t.agent().get('/reseau/personnes.json')).body) as Array<{ name: string }>).map((p) => p.name));
    const hidden = everyone.filter((n) => !visible.has(n));
    expect(hidden.length).toBeGreaterThan(0);
    let described = '';
    for (const [list, namespace] of [['organisations', 'Organisation'], ['rencontres', 'Rencontre'], ['projets', 'Projet']] as const) {
      for (const e of await pagesOf(list)) {
        const res = await t.agent().get(pageUrl(namespace, e.name));
        described += JSON.stringify(jsonLdOf(res.body));
      }
    }
    for (const name of hidden) expect(described).not.toContain(name);
    expect(described).not.toContain('"@type":"Person"');
  });

  it('finds what the checker must refuse', () => {
    expect(problems({ '@type': 'Event', name: 'x', startDate: '21 mai', eventAttendanceMode: 'online', colour: 'blue' })).toEqual([
      '$.startDate: not an ISO date', '$.eventAttendanceMode: not an EventAttendanceModeEnumeration member', '$.colour: not a property of Event',
    ]);
    expect(problems({ '@type': 'Organization', address: { '@type': 'Event', name: 'x' } })).toEqual(['$.address: Event where PostalAddress is expected']);
  });
});
