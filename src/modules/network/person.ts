import { z } from 'zod';
import { requiredText, text } from '../../core/validation.ts';
import { MANDATE_SCOPES, PERSON_ROLES, type MandateScope, type PersonRole } from './types.ts';

/**
 * A person of the network. Personal information (Loi 25): kept in rows only, never in page
 * revisions, so it can be corrected or erased for good. Private by default: only members with
 * `network.people.view` see a person who has not opted in to a public profile.
 */
export interface Person {
  id: number;
  slug: string;
  userId: number | null;
  name: string;
  role: PersonRole;
  scope: MandateScope | null;
  startDate: string | null;
  endDate: string | null;
  bio: string;
  public: boolean;
  /** The person's `Personne:` wiki page, made when they opted in; hidden (not removed) while they are private. */
  pageId: number | null;
  /** That page's title (key form, without namespace) while it is live, that is while the person is public. */
  pageTitle: string | null;
  /** Host organisations (two or more: a shared position). */
  hosts: Array<{ pageId: number; title: string; name: string }>;
}

export interface PersonInput {
  name: string;
  role: PersonRole;
  scope: MandateScope | undefined;
  startDate: string | undefined;
  endDate: string | undefined;
  bio: string;
  public: boolean;
  hosts: number[];
}

const date = text()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'network.error.date' }).refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), { error: 'network.error.date' }).optional());

export const personForm = z
  .object({
    name: requiredText().max(120, { error: 'network.error.too_long' }),
    role: z.enum(PERSON_ROLES, { error: 'network.error.choice' }),
    scope: text().transform((v) => (v === '' ? undefined : v)).pipe(z.enum(MANDATE_SCOPES, { error: 'network.error.choice' }).optional()),
    start_date: date,
    end_date: date,
    bio: text().max(4000, { error: 'network.error.too_long' }),
    public: z.string().optional().transform((v) => v === 'yes'),
    hosts: z.union([z.string(), z.array(z.string())]).optional().transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map(Number).filter((n) => Number.isInteger(n) && n > 0)),
  })
  .superRefine((v, ctx) => {
    if (v.start_date && v.end_date && v.end_date < v.start_date) ctx.addIssue({ code: 'custom', path: ['end_date'], message: 'network.error.end_before_start' });
  })
  .transform((v): PersonInput => ({ name: v.name, role: v.role, scope: v.scope, startDate: v.start_date, endDate: v.end_date, bio: v.bio, public: v.public, hosts: [...new Set(v.hosts)] }));

export function personValues(p: Person): Record<string, string> {
  return { name: p.name, role: p.role, scope: p.scope ?? '', start_date: p.startDate ?? '', end_date: p.endDate ?? '', bio: p.bio, public: p.public ? 'yes' : '' };
}

/** A URL slug from a name: « Awa Diallo » → « awa-diallo ». */
export function slugify(name: string): string {
  const s = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return s.slice(0, 60) || 'personne';
}
