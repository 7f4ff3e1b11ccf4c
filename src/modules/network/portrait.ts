import type { MessageKey } from '../../core/i18n/index.ts';
import { CHANTIER_STATUSES } from './lifecycle.ts';
import { REGIONS } from './regions.ts';
import type { NetworkStore } from './store.ts';
import { MANDATE_AXES, MANDATE_SCOPES, ORGANISATION_KINDS, PERSON_ROLES, REFLECTION_AXES } from './types.ts';

/** One category of a chart: a stable code (for the CSV), how to name it, and its count. */
export interface PortraitRow {
  code: string;
  /** A message key, or a literal label (a region's official name, a year). */
  label: { key: MessageKey } | { text: string };
  count: number;
}

export interface PortraitChart {
  /** URL slug: /reseau/portrait/<slug>.csv */
  slug: string;
  title: MessageKey;
  /** Heading of the category column. */
  category: MessageKey;
  /** How many entities were counted (a project with two axes, or running two years, counts once here, once per row it falls in). */
  total: number;
  rows: PortraitRow[];
}

export const PORTRAIT_SLUGS = [
  'organisations-regions', 'organisations-types', 'personnes-roles', 'personnes-portees',
  'projets-axes', 'projets-annees', 'chantiers-etapes', 'apprentissages-axes',
] as const;

const NONE = 'none';
const unspecified: PortraitRow['label'] = { key: 'network.portrait.unspecified' };

function tally<T>(items: readonly T[], codesOf: (item: T) => ReadonlyArray<string | null | undefined>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const codes = codesOf(item);
    for (const code of new Set(codes.length === 0 ? [NONE] : codes.map((c) => c ?? NONE))) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return counts;
}

/** Rows in a fixed vocabulary order (zeros kept: an empty category is information), then « not given » if any. */
function rowsOf(counts: Map<string, number>, codes: readonly string[], label: (code: string) => PortraitRow['label']): PortraitRow[] {
  const rows: PortraitRow[] = codes.map((code) => ({ code, label: label(code), count: counts.get(code) ?? 0 }));
  const other = [...counts].filter(([code]) => !codes.includes(code)).reduce((n, [, c]) => n + c, 0);
  if (other > 0) rows.push({ code: NONE, label: unspecified, count: other });
  return rows;
}

/** The years a project runs, from its start to its end (one year when only one is given; at most 50). */
export function activeYears(start: string | undefined, end: string | undefined): string[] {
  const from = Number((start ?? end)?.slice(0, 4));
  const to = Number((end ?? start)?.slice(0, 4));
  if (!from || !to) return [];
  return Array.from({ length: Math.min(Math.max(to - from + 1, 1), 50) }, (_, i) => String(from + i));
}

const key = (prefix: string) => (code: string): PortraitRow['label'] => ({ key: `${prefix}.${code}` as MessageKey });

/**
 * The network in figures, from the query tables. People are counted whether public or not
 * (aggregate counts reveal no one); their names are never read here.
 */
export async function portrait(store: NetworkStore): Promise<PortraitChart[]> {
  const [orgs, people, projects, chantiers, learnings] = await Promise.all([
    store.organisations(), store.peopleFacets(), store.projects(), store.chantiers(), store.learnings(),
  ]);
  const years = tally(projects, (p) => activeYears(p.start, p.end));
  const yearCodes = [...years.keys()].filter((y) => y !== NONE).sort();
  return [
    { slug: 'organisations-regions', title: 'network.portrait.orgs_by_region', category: 'network.portrait.region', total: orgs.length,
      rows: rowsOf(tally(orgs, (o) => [o.region]), REGIONS.map(([code]) => code), (code) => ({ text: `${code} – ${REGIONS.find(([c]) => c === code)![1]}` })) },
    { slug: 'organisations-types', title: 'network.portrait.orgs_by_kind', category: 'network.org.kind', total: orgs.length,
      rows: rowsOf(tally(orgs, (o) => [o.kind]), ORGANISATION_KINDS, key('network.org.kind')) },
    { slug: 'personnes-roles', title: 'network.portrait.people_by_role', category: 'network.person.role', total: people.length,
      rows: rowsOf(tally(people, (p) => [p.role]), PERSON_ROLES, key('network.person.role')) },
    { slug: 'personnes-portees', title: 'network.portrait.people_by_scope', category: 'network.person.scope', total: people.length,
      rows: rowsOf(tally(people, (p) => [p.scope]), MANDATE_SCOPES, key('network.person.scope')) },
    { slug: 'projets-axes', title: 'network.portrait.projects_by_axis', category: 'network.portrait.axis', total: projects.length,
      rows: rowsOf(tally(projects, (p) => p.axes), MANDATE_AXES, key('network.axis')) },
    { slug: 'projets-annees', title: 'network.portrait.projects_by_year', category: 'network.portrait.year', total: projects.length,
      rows: rowsOf(years, yearCodes, (code) => ({ text: code })) },
    { slug: 'chantiers-etapes', title: 'network.portrait.chantiers_by_stage', category: 'network.portrait.stage', total: chantiers.length,
      rows: rowsOf(tally(chantiers, (c) => [c.status]), CHANTIER_STATUSES, key('network.status')) },
    { slug: 'apprentissages-axes', title: 'network.portrait.learnings_by_axis', category: 'network.learning.axis', total: learnings.length,
      rows: rowsOf(tally(learnings, (l) => [l.axis]), REFLECTION_AXES, key('network.reflection')) },
  ];
}
