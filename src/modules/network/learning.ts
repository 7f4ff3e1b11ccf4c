import { z } from 'zod';
import { requiredText, text } from '../../core/validation.ts';
import { joinPage, listFromText, readPage } from './fields.ts';
import { LEARNING_KINDS, REFLECTION_AXES, type LearningKind, type ReflectionAxis } from './types.ts';

/** A learning of the community: a bon coup or a défi, on one of the five reflection axes. */
export interface LearningFields {
  name: string;
  statement: string;
  axis?: ReflectionAxis;
  kind?: LearningKind;
  /** The rencontre it came from, by name. */
  rencontre?: string;
  organisations: string[];
}

export const learningForm = z.object({
  name: requiredText().max(200, { error: 'network.error.too_long' }),
  statement: requiredText().max(2000, { error: 'network.error.too_long' }),
  axis: z.enum(REFLECTION_AXES, { error: 'network.error.choice' }),
  kind: z.enum(LEARNING_KINDS, { error: 'network.error.choice' }),
  rencontre: text().max(200, { error: 'network.error.too_long' }).transform((v) => (v === '' ? undefined : v)),
  organisations: text().transform((v) => listFromText(v)),
});

export function readLearning(source: string, titleText: string): { fields: LearningFields; body: string; problems: string[] } {
  const { raw, body, problems, pick } = readPage(source);
  return {
    fields: {
      name: pick(z.string().trim().min(1), raw.name, titleText),
      statement: pick(z.string(), raw.statement, ''),
      axis: pick(z.enum(REFLECTION_AXES).optional(), raw.axis, undefined),
      kind: pick(z.enum(LEARNING_KINDS).optional(), raw.kind, undefined),
      rencontre: pick(z.string().trim().min(1).optional(), raw.rencontre, undefined),
      organisations: pick(z.array(z.string().trim().min(1)), raw.organisations, []),
    },
    body,
    problems,
  };
}

export function learningSource(f: LearningFields, body: string): string {
  return joinPage({ name: f.name, statement: f.statement, axis: f.axis, kind: f.kind, rencontre: f.rencontre, organisations: f.organisations }, body);
}

export function learningValues(f: LearningFields): Record<string, string> {
  return { name: f.name, statement: f.statement, axis: f.axis ?? '', kind: f.kind ?? '', rencontre: f.rencontre ?? '', organisations: f.organisations.join('\n') };
}
