import { z } from 'zod';
import { requiredText } from '../../core/validation.ts';
import { isoDate, joinPage, lines, optional, readPage } from './fields.ts';
import { MANDATE_AXES, type MandateAxis } from './types.ts';

/** A project of one agent (individual) or several (collective), by mandate axis. */
export interface ProjectFields {
  name: string;
  organisations: string[];
  axes: MandateAxis[];
  collective: boolean;
  /** The chantier it grew from or feeds, by name. */
  chantier?: string;
  start?: string;
  end?: string;
  outcomes: string[];
  learnings: string[];
  partners: string[];
}


export const projectForm = z
  .object({
    name: requiredText().max(200, { error: 'network.error.too_long' }),
    organisations: lines(),
    axes: z.union([z.string(), z.array(z.string())]).optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
      .pipe(z.array(z.enum(MANDATE_AXES, { error: 'network.error.choice' })).min(1, { error: 'network.error.axes' })),
    collective: z.enum(['individual', 'collective'], { error: 'network.error.choice' }).transform((v) => v === 'collective'),
    chantier: optional(z.string().max(200, { error: 'network.error.too_long' })),
    start: optional(isoDate),
    end: optional(isoDate),
    outcomes: lines(),
    learnings: lines(),
    partners: lines(),
  })
  .superRefine((v, ctx) => {
    if (v.start && v.end && v.end < v.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'network.error.end_before_start' });
  })
  .transform((v): ProjectFields => ({ ...v, axes: [...new Set(v.axes)] }));

export function readProject(source: string, titleText: string): { fields: ProjectFields; body: string; problems: string[] } {
  const { raw, body, problems, pick } = readPage(source);
  const strings = z.array(z.string().trim().min(1));
  return {
    fields: {
      name: pick(z.string().trim().min(1), raw.name, titleText),
      organisations: pick(strings, raw.organisations, []),
      axes: pick(z.array(z.enum(MANDATE_AXES)), raw.axes, []),
      collective: raw.collective === 'yes' || raw.collective === true,
      chantier: pick(z.string().trim().min(1).optional(), raw.chantier, undefined),
      start: pick(isoDate.optional(), raw.start, undefined),
      end: pick(isoDate.optional(), raw.end, undefined),
      outcomes: pick(strings, raw.outcomes, []),
      learnings: pick(strings, raw.learnings, []),
      partners: pick(strings, raw.partners, []),
    },
    body,
    problems,
  };
}

export function projectSource(f: ProjectFields, body: string): string {
  return joinPage({
    name: f.name, organisations: f.organisations, axes: f.axes, collective: f.collective ? 'yes' : 'no', chantier: f.chantier, start: f.start, end: f.end,
    outcomes: f.outcomes, learnings: f.learnings, partners: f.partners,
  }, body);
}

export function projectValues(f: ProjectFields): Record<string, string> {
  return {
    name: f.name, organisations: f.organisations.join('\n'), collective: f.collective ? 'collective' : 'individual', chantier: f.chantier ?? '',
    start: f.start ?? '', end: f.end ?? '', outcomes: f.outcomes.join('\n'), learnings: f.learnings.join('\n'), partners: f.partners.join('\n'),
  };
}
