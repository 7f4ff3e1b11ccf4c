import { z } from 'zod';
import { requiredText, text } from '../../core/validation.ts';
import { joinPage, listFromText, readPage } from './fields.ts';
import { CHANTIER_KINDS, DELIVERABLE_STATUSES, type ChantierKind, type DeliverableStatus } from './types.ts';

export interface Deliverable {
  title: string;
  status: DeliverableStatus;
}

/**
 * A chantier's fields, as kept in the front matter of its Chantier: page. Its status is not a
 * field: it changes only through the lifecycle's rules (lifecycle.ts), with who and when.
 */
export interface ChantierFields {
  name: string;
  kind: ChantierKind;
  definition: string;
  objectives: string[];
  deliverables: Deliverable[];
  /** Needs sent to the coordination team (experts, funding, technical help…). */
  needs: string[];
  /** The élément-phare: the strong moment, tool or learning the chantier puts forward. */
  highlight?: string;
  /** What the chantier leaves to the community when it closes. */
  legacy?: string;
}

const MARKS: Record<string, DeliverableStatus> = { ' ': 'planned', '': 'planned', '~': 'in_progress', x: 'done', X: 'done' };
const MARK_OF: Record<DeliverableStatus, string> = { planned: '[ ]', in_progress: '[~]', done: '[x]' };

/** Deliverables typed one per line, like task lists: « [x] done », « [~] in progress », « [ ] planned ». */
export function deliverablesFromText(value: string): Deliverable[] {
  return listFromText(value).map((line) => {
    const m = /^\[([ xX~]?)\]\s*(.*)$/.exec(line);
    return m ? { title: m[2]!.trim(), status: MARKS[m[1]!] ?? 'planned' } : { title: line, status: 'planned' as const };
  }).filter((d) => d.title !== '');
}

export function deliverablesText(list: readonly Deliverable[]): string {
  return list.map((d) => `${MARK_OF[d.status]} ${d.title}`).join('\n');
}

const optionalText = (max: number) => text().max(max, { error: 'network.error.too_long' }).transform((v) => (v === '' ? undefined : v));

export const chantierForm = z.object({
  name: requiredText().max(200, { error: 'network.error.too_long' }),
  kind: z.enum(CHANTIER_KINDS, { error: 'network.error.choice' }),
  definition: requiredText().max(2000, { error: 'network.error.too_long' }),
  objectives: text().transform((v) => listFromText(v)),
  deliverables: text().transform(deliverablesFromText),
  needs: text().transform((v) => listFromText(v)),
  highlight: optionalText(2000),
  legacy: optionalText(2000),
});

const deliverable = z.object({ title: z.string().trim().min(1), status: z.enum(DELIVERABLE_STATUSES).catch('planned') });

/** Reads a chantier page leniently: a field written wrongly in the source is left out, never fatal. */
export function readChantier(source: string, titleText: string): { fields: ChantierFields; body: string; problems: string[] } {
  const { raw, body, problems, pick } = readPage(source);
  const strings = z.array(z.string().trim().min(1));
  return {
    fields: {
      name: pick(z.string().trim().min(1), raw.name, titleText),
      kind: pick(z.enum(CHANTIER_KINDS), raw.kind, 'collaboration'),
      definition: pick(z.string(), raw.definition, ''),
      objectives: pick(strings, raw.objectives, []),
      deliverables: pick(z.array(deliverable), raw.deliverables, []),
      needs: pick(strings, raw.needs, []),
      highlight: pick(z.string().trim().min(1).optional(), raw.highlight, undefined),
      legacy: pick(z.string().trim().min(1).optional(), raw.legacy, undefined),
    },
    body,
    problems,
  };
}

export function chantierSource(f: ChantierFields, body: string): string {
  return joinPage({
    name: f.name, kind: f.kind, definition: f.definition, objectives: f.objectives,
    deliverables: f.deliverables.map((d) => ({ title: d.title, status: d.status })), needs: f.needs, highlight: f.highlight, legacy: f.legacy,
  }, body);
}

export function chantierValues(f: ChantierFields): Record<string, string> {
  return {
    name: f.name, kind: f.kind, definition: f.definition, objectives: f.objectives.join('\n'),
    deliverables: deliverablesText(f.deliverables), needs: f.needs.join('\n'), highlight: f.highlight ?? '', legacy: f.legacy ?? '',
  };
}
