import type { FastifyReply } from 'fastify';
import { REGIONS } from './regions.ts';
import type { Person } from './person.ts';
import type { ChantierRow, LearningRow, OrganisationRow, ProjectRow, RencontreRow } from './store.ts';
import { chantierUrl, learningUrl, orgUrl, personUrl, projectUrl, rencontreUrl } from './views/urls.ts';

type Cell = string | number | boolean | undefined | null;

/**
 * RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote or line break. A UTF-8
 * byte-order mark first, so spreadsheet software reads the accents. A cell that a spreadsheet
 * would take for a formula (= + - @ tab) is prefixed with an apostrophe (OWASP CSV injection).
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  const cell = (v: Cell): string => {
    let s = v === undefined || v === null ? '' : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

const REGION_NAMES = new Map<string, string>(REGIONS);

export function organisationRecords(rows: OrganisationRow[], base: string) {
  return rows.map((o) => ({
    name: o.name, kind: o.kind, region: o.region ? { code: o.region, name: REGION_NAMES.get(o.region) } : null, sectors: o.sectors,
    website: o.website ?? null, wikidata: o.wikidata ?? null, url: base + orgUrl(o.title),
  }));
}

export function organisationCsv(rows: OrganisationRow[], base: string): string {
  return toCsv(['name', 'kind', 'region_code', 'region_name', 'sectors', 'website', 'wikidata', 'url'],
    rows.map((o) => [o.name, o.kind, o.region, o.region ? REGION_NAMES.get(o.region) : '', o.sectors.join('; '), o.website, o.wikidata, base + orgUrl(o.title)]));
}

export function chantierRecords(rows: ChantierRow[], base: string) {
  return rows.map((c) => ({
    name: c.name, kind: c.kind, status: c.status, definition: c.definition, objectives: c.objectives, deliverables: c.deliverables, needs: c.needs,
    highlight: c.highlight ?? null, legacy: c.legacy ?? null, members: c.members, followers: c.followers, url: base + chantierUrl(c.title),
  }));
}

export function chantierCsv(rows: ChantierRow[], base: string): string {
  return toCsv(['name', 'kind', 'status', 'definition', 'objectives', 'deliverables', 'needs', 'highlight', 'legacy', 'members', 'followers', 'url'],
    rows.map((c) => [c.name, c.kind, c.status, c.definition, c.objectives.join('; '), c.deliverables.map((d) => `${d.title} (${d.status})`).join('; '), c.needs.join('; '), c.highlight, c.legacy, c.members, c.followers, base + chantierUrl(c.title)]));
}

export function rencontreRecords(rows: RencontreRow[], base: string) {
  return rows.map((r) => ({
    name: r.name, start: r.start ?? null, end: r.end ?? r.start ?? null, place: r.place ?? null, online: r.online, objectives: r.objectives,
    programme: r.programme, summaries: r.summaries, recording: r.recording ?? null, documents: r.documents, url: base + rencontreUrl(r.title),
  }));
}

export function rencontreCsv(rows: RencontreRow[], base: string): string {
  return toCsv(['name', 'start', 'end', 'place', 'online', 'objectives', 'programme', 'recording', 'url'],
    rows.map((r) => [r.name, r.start, r.end ?? r.start, r.place, r.online ? 'yes' : 'no', r.objectives.join('; '), r.programme.map((s) => (s.facilitators ? `${s.title} (${s.facilitators})` : s.title)).join('; '), r.recording, base + rencontreUrl(r.title)]));
}

export function projectRecords(rows: ProjectRow[], base: string) {
  return rows.map((p) => ({
    name: p.name, organisations: p.organisations, axes: p.axes, collective: p.collective, chantier: p.chantier ?? null, start: p.start ?? null, end: p.end ?? null,
    outcomes: p.outcomes, learnings: p.learnings, partners: p.partners, url: base + projectUrl(p.title),
  }));
}

export function projectCsv(rows: ProjectRow[], base: string): string {
  return toCsv(['name', 'organisations', 'axes', 'collective', 'chantier', 'start', 'end', 'outcomes', 'learnings', 'partners', 'url'],
    rows.map((p) => [p.name, p.organisations.join('; '), p.axes.join('; '), p.collective ? 'yes' : 'no', p.chantier, p.start, p.end, p.outcomes.join('; '), p.learnings.join('; '), p.partners.join('; '), base + projectUrl(p.title)]));
}

export function learningRecords(rows: LearningRow[], base: string) {
  return rows.map((l) => ({ name: l.name, statement: l.statement, axis: l.axis ?? null, kind: l.kind ?? null, rencontre: l.rencontre ?? null, organisations: l.organisations, url: base + learningUrl(l.title) }));
}

export function learningCsv(rows: LearningRow[], base: string): string {
  return toCsv(['name', 'statement', 'axis', 'kind', 'rencontre', 'organisations', 'url'],
    rows.map((l) => [l.name, l.statement, l.axis, l.kind, l.rencontre, l.organisations.join('; '), base + learningUrl(l.title)]));
}

/** People as exported: `withVisibility` adds the public flag (for members who see private people too). */
export function personRecords(rows: Person[], base: string, withVisibility: boolean) {
  return rows.map((p) => ({
    name: p.name, role: p.role, scope: p.scope, hosts: p.hosts.map((h) => h.name), start_date: p.startDate, end_date: p.endDate,
    url: base + personUrl(p.slug), ...(withVisibility ? { public: p.public } : {}),
  }));
}

export function personCsv(rows: Person[], base: string, withVisibility: boolean): string {
  return toCsv(['name', 'role', 'scope', 'hosts', 'start_date', 'end_date', 'url', ...(withVisibility ? ['public'] : [])],
    rows.map((p) => [p.name, p.role, p.scope, p.hosts.map((h) => h.name).join('; '), p.startDate, p.endDate, base + personUrl(p.slug), ...(withVisibility ? [p.public ? 'yes' : 'no'] : [])]));
}

export function sendJson(reply: FastifyReply, name: string, data: unknown): FastifyReply {
  return reply.type('application/json; charset=utf-8').header('cache-control', 'no-store').header('content-disposition', `inline; filename="${name}.json"`).send(JSON.stringify(data, null, 2));
}

export function sendCsv(reply: FastifyReply, name: string, csv: string): FastifyReply {
  return reply.type('text/csv; charset=utf-8; header=present').header('cache-control', 'no-store').header('content-disposition', `attachment; filename="${name}.csv"`).send(csv);
}
