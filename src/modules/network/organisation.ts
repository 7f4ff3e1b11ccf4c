import { z } from 'zod';
import { requiredText, text } from '../../core/validation.ts';
import { httpUrl as url, joinPage, listFromText, optional, readPage } from './fields.ts';
import { REGION_CODES } from './regions.ts';
import { ORGANISATION_KINDS, type OrganisationKind } from './types.ts';

/** An organisation's fields, as kept in the front matter of its Organisation: page. */
export interface OrganisationFields {
  name: string;
  kind: OrganisationKind;
  region?: string;
  sectors: string[];
  website?: string;
  wikidata?: string;
}

const qid = z.string().regex(/^Q[1-9]\d{0,11}$/, { error: 'network.error.wikidata' });

/** What the form accepts; messages are i18n keys. */
export const organisationForm = z.object({
  name: requiredText().max(200, { error: 'network.error.too_long' }),
  kind: z.enum(ORGANISATION_KINDS, { error: 'network.error.choice' }),
  region: optional(z.enum(REGION_CODES, { error: 'network.error.region' })),
  sectors: text().transform((v) => listFromText(v, /[\n;]/)),
  website: optional(url),
  wikidata: optional(text().toUpperCase().pipe(qid)),
});

/** Reads an organisation page leniently: a field written wrongly in the source is left out, never fatal. */
export function readOrganisation(source: string, titleText: string): { fields: OrganisationFields; body: string; problems: string[] } {
  const { raw, body, problems, pick } = readPage(source);
  const fields: OrganisationFields = {
    name: pick(z.string().trim().min(1), raw.name, titleText),
    kind: pick(z.enum(ORGANISATION_KINDS), raw.kind, 'other'),
    region: pick(z.enum(REGION_CODES).optional(), raw.region === undefined ? undefined : String(raw.region).padStart(2, '0'), undefined),
    sectors: pick(z.array(z.string().trim().min(1)), typeof raw.sectors === 'string' ? listFromText(raw.sectors, /;/) : raw.sectors, []),
    website: pick(url.optional(), raw.website, undefined),
    wikidata: pick(qid.optional(), raw.wikidata, undefined),
  };
  return { fields, body, problems };
}

export function organisationSource(f: OrganisationFields, body: string): string {
  return joinPage({ name: f.name, kind: f.kind, region: f.region, sectors: f.sectors, website: f.website, wikidata: f.wikidata }, body);
}

/** The form's values for these fields (lists one per line). */
export function organisationValues(f: OrganisationFields): Record<string, string> {
  return { name: f.name, kind: f.kind, region: f.region ?? '', sectors: f.sectors.join('\n'), website: f.website ?? '', wikidata: f.wikidata ?? '' };
}
