import { z } from 'zod';
import { requiredText, text } from '../../core/validation.ts';
import { httpUrl as url, isoDate, joinPage, listFromText, optional, readPage } from './fields.ts';

export interface Session {
  title: string;
  /** Who leads it, as written (names of facilitators or organisations). */
  facilitators: string;
}

/** A rencontre (meeting) of the network, kept in the front matter of its Rencontre: page. */
export interface RencontreFields {
  name: string;
  /** First and last day, YYYY-MM-DD (the last inclusive). */
  start?: string;
  end?: string;
  place?: string;
  online: boolean;
  objectives: string[];
  programme: Session[];
  /** Plenary summaries, one short text each (the long story goes in the page's text). */
  summaries: string[];
  recording?: string;
  documents: string[];
}

/** « Titre | animé par » lines: the part after the last vertical bar names the facilitators. */
export function sessionsFromText(value: string): Session[] {
  return listFromText(value).map((line) => {
    const bar = line.lastIndexOf('|');
    return bar === -1 ? { title: line, facilitators: '' } : { title: line.slice(0, bar).trim(), facilitators: line.slice(bar + 1).trim() };
  }).filter((s) => s.title !== '');
}

export function sessionsText(list: readonly Session[]): string {
  return list.map((s) => (s.facilitators ? `${s.title} | ${s.facilitators}` : s.title)).join('\n');
}

export const rencontreForm = z
  .object({
    name: requiredText().max(200, { error: 'network.error.too_long' }),
    start: text().pipe(isoDate),
    end: optional(isoDate),
    place: optional(z.string().max(300, { error: 'network.error.too_long' })),
    online: z.string().optional().transform((v) => v === 'yes'),
    objectives: text().transform((v) => listFromText(v)),
    programme: text().transform(sessionsFromText),
    summaries: text().transform((v) => listFromText(v)),
    recording: optional(url),
    documents: text().transform((v) => listFromText(v)),
  })
  .superRefine((v, ctx) => {
    if (v.end && v.end < v.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'network.error.end_before_start' });
  });

export function readRencontre(source: string, titleText: string): { fields: RencontreFields; body: string; problems: string[] } {
  const { raw, body, problems, pick } = readPage(source);
  const strings = z.array(z.string().trim().min(1));
  const start = pick(isoDate.optional(), raw.start, undefined);
  const end = pick(isoDate.optional(), raw.end, undefined);
  return {
    fields: {
      name: pick(z.string().trim().min(1), raw.name, titleText),
      start, end: end && start && end < start ? undefined : end,
      place: pick(z.string().trim().min(1).optional(), raw.place, undefined),
      online: raw.online === 'yes' || raw.online === true,
      objectives: pick(strings, raw.objectives, []),
      programme: pick(z.array(z.object({ title: z.string().trim().min(1), facilitators: z.string().catch('') })), raw.programme, []),
      summaries: pick(strings, raw.summaries, []),
      recording: pick(url.optional(), raw.recording, undefined),
      documents: pick(strings, raw.documents, []),
    },
    body,
    problems,
  };
}

export function rencontreSource(f: RencontreFields, body: string): string {
  return joinPage({
    name: f.name, start: f.start, end: f.end, place: f.place, online: f.online ? 'yes' : undefined, objectives: f.objectives,
    programme: f.programme.map((s) => ({ title: s.title, facilitators: s.facilitators })), summaries: f.summaries, recording: f.recording, documents: f.documents,
  }, body);
}

export function rencontreValues(f: RencontreFields): Record<string, string> {
  return {
    name: f.name, start: f.start ?? '', end: f.end ?? '', place: f.place ?? '', online: f.online ? 'yes' : '', objectives: f.objectives.join('\n'),
    programme: sessionsText(f.programme), summaries: f.summaries.join('\n'), recording: f.recording ?? '', documents: f.documents.join('\n'),
  };
}
