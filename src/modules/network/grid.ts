/**
 * The continuity grid (« grille de continuité ») of a chantier: four criteria the group and its
 * peers score from 0 to 3 in an evaluation round, to judge whether the chantier should go on.
 * Pure: the criteria, the scale and the aggregation (median and spread).
 */
export const CRITERIA = ['need', 'objectives', 'climate', 'conditions'] as const;
export type Criterion = (typeof CRITERIA)[number];

/** The guidance points shown under each criterion (i18n keys `network.grid.<criterion>.point.<n>`). */
export const GUIDANCE: Readonly<Record<Criterion, number>> = { need: 5, objectives: 1, climate: 5, conditions: 3 };

export const SCORES = [0, 1, 2, 3] as const;
export type Score = (typeof SCORES)[number];

/** Whether the scorer belongs to the chantier (member) or is a peer from elsewhere in the network. */
export type ScorerKind = 'member' | 'peer';
export const SCORER_GROUPS = ['member', 'peer', 'all'] as const;
export type ScorerGroup = (typeof SCORER_GROUPS)[number];

export interface ScoreRow {
  userId: number;
  scorer: ScorerKind;
  criterion: Criterion;
  score: Score;
  comment: string;
}

export interface Spread {
  count: number;
  median: number;
  min: number;
  max: number;
}

/** Median (mean of the two middle values for an even count), min, max and count; undefined when empty. */
export function spread(values: readonly number[]): Spread | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { count: sorted.length, median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

export type GridSummary = Record<Criterion, Record<ScorerGroup, Spread | undefined>>;

/** Per criterion, the spread of the members' scores, of the peers' scores, and of everyone's. */
export function summarize(rows: readonly ScoreRow[]): GridSummary {
  const out = {} as GridSummary;
  for (const c of CRITERIA) {
    const of = rows.filter((r) => r.criterion === c);
    out[c] = {
      member: spread(of.filter((r) => r.scorer === 'member').map((r) => r.score)),
      peer: spread(of.filter((r) => r.scorer === 'peer').map((r) => r.score)),
      all: spread(of.map((r) => r.score)),
    };
  }
  return out;
}

/** How many people scored (each person scores the four criteria at once), by group. */
export function scorerCounts(rows: readonly ScoreRow[]): Record<ScorerGroup, number> {
  const people = new Map<number, ScorerKind>();
  for (const r of rows) people.set(r.userId, r.scorer);
  const kinds = [...people.values()];
  return { member: kinds.filter((k) => k === 'member').length, peer: kinds.filter((k) => k === 'peer').length, all: kinds.length };
}

export function isCriterion(value: unknown): value is Criterion {
  return typeof value === 'string' && (CRITERIA as readonly string[]).includes(value);
}
