/**
 * schema.org descriptions (JSON-LD) of public entity pages, for search engines and other
 * tools: Organization, Event, CreativeWork, and Person on the page of a person who chose a
 * public profile (only while they are public: the page is hidden otherwise).
 */
import { raw, type Raw } from '#jsx/jsx-runtime';
import type { Person } from './person.ts';
import type { OrganisationRow, ProjectRow, RencontreRow } from './store.ts';
import { regionLabel } from './regions.ts';

type JsonLd = Record<string, unknown>;

const CONTEXT = 'https://schema.org';

/** Drops absent values and empty lists, so every property present says something. */
function compact(o: JsonLd): JsonLd {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)));
}

export function organisationJsonLd(o: OrganisationRow, url: string): JsonLd {
  const region = regionLabel(o.region);
  return compact({
    '@context': CONTEXT,
    '@type': 'Organization',
    name: o.name,
    url,
    sameAs: [o.website, o.wikidata ? `https://www.wikidata.org/wiki/${o.wikidata}` : undefined].filter((v): v is string => Boolean(v)),
    address: region ? { '@type': 'PostalAddress', addressRegion: region.replace(/^\d+ – /, ''), addressCountry: 'CA' } : undefined,
    knowsAbout: o.sectors,
  });
}

export function rencontreJsonLd(r: RencontreRow, url: string): JsonLd {
  const location = r.online
    ? compact({ '@type': 'VirtualLocation', url: r.recording ?? url })
    : r.place ? { '@type': 'Place', name: r.place } : undefined;
  return compact({
    '@context': CONTEXT,
    '@type': 'Event',
    name: r.name,
    url,
    startDate: r.start,
    endDate: r.end ?? r.start,
    eventAttendanceMode: `https://schema.org/${r.online ? 'OnlineEventAttendanceMode' : 'OfflineEventAttendanceMode'}`,
    location,
    description: r.objectives.join(' ') || undefined,
    // Sessions without their facilitators: names of people are not described here.
    subEvent: r.programme.map((s) => compact({ '@type': 'Event', name: s.title, startDate: r.start })),
  });
}

export function projectJsonLd(p: ProjectRow, url: string): JsonLd {
  return compact({
    '@context': CONTEXT,
    '@type': 'CreativeWork',
    additionalType: 'https://schema.org/Project',
    name: p.name,
    url,
    contributor: [...p.organisations, ...p.partners].map((name) => ({ '@type': 'Organization', name })),
    keywords: p.axes.join(', ') || undefined,
    temporalCoverage: p.start ? `${p.start}/${p.end ?? '..'}` : undefined,
    isBasedOn: p.chantier,
  });
}

/** A public person: name, role in words, host organisations; `profile` is their directory entry. Never called for a private person. */
export function personJsonLd(p: Person, url: string, jobTitle: string, orgUrl: (title: string) => string, profile: string): JsonLd {
  return compact({
    '@context': CONTEXT,
    '@type': 'Person',
    name: p.name,
    url,
    sameAs: [profile],
    jobTitle,
    worksFor: p.hosts.map((h) => ({ '@type': 'Organization', name: h.name, url: orgUrl(h.title) })),
  });
}

/** The description as a `<script type="application/ld+json">` data block (never executed; `<` escaped). */
export function JsonLdScript({ data }: { data: JsonLd }): Raw {
  const json = JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return raw(`<script type="application/ld+json">${json}</script>`);
}
