/**
 * Decision votes of a chantier: the group decides to continue, revise or close it. A vote states
 * its decision, its pass rule and its deadline before anyone votes; members vote for, against or
 * abstain, and may change their ballot until the deadline. Pure: the rules and the tally.
 */
export const DECISIONS = ['continue', 'revise', 'close'] as const;
export type Decision = (typeof DECISIONS)[number];

/** `majority`: more for than against; `two_thirds`: at least two thirds of the for-and-against votes are for. */
export const PASS_RULES = ['majority', 'two_thirds'] as const;
export type PassRule = (typeof PASS_RULES)[number];

export const CHOICES = ['yes', 'no', 'abstain'] as const;
export type Choice = (typeof CHOICES)[number];

export interface VoteRule {
  rule: PassRule;
  /** Percentage of the chantier's members who must take part (abstentions count); 0 for none. */
  quorum: number;
}

export interface Tally {
  yes: number;
  no: number;
  abstain: number;
  /** Members allowed to vote. */
  eligible: number;
}

export type Outcome = 'open' | 'passed' | 'rejected' | 'no_quorum';

/** Ballots needed for the quorum: the percentage of the members, rounded up. */
export function quorumNeeded(rule: VoteRule, eligible: number): number {
  return rule.quorum > 0 ? Math.ceil((rule.quorum * eligible) / 100) : 0;
}

/**
 * The result by the rule. Abstentions count for the quorum only. A tie is not a majority, and a
 * vote where nobody voted for or against is rejected (nothing was decided).
 */
export function decide(rule: VoteRule, t: Tally): Exclude<Outcome, 'open'> {
  const took = t.yes + t.no + t.abstain;
  if (took < quorumNeeded(rule, t.eligible) || took === 0) return 'no_quorum';
  const cast = t.yes + t.no;
  if (cast === 0) return 'rejected';
  const passed = rule.rule === 'majority' ? t.yes > t.no : 3 * t.yes >= 2 * cast;
  return passed ? 'passed' : 'rejected';
}

/** Open until the deadline or an early closing; then decided by its rule. */
export function outcome(rule: VoteRule, t: Tally, vote: { deadline: number; closedAt: number | null }, now: number): Outcome {
  return vote.closedAt === null && now < vote.deadline ? 'open' : decide(rule, t);
}

export function tally(ballots: ReadonlyArray<{ choice: Choice }>, eligible: number): Tally {
  const count = (c: Choice) => ballots.filter((b) => b.choice === c).length;
  return { yes: count('yes'), no: count('no'), abstain: count('abstain'), eligible };
}

export const isDecision = (v: unknown): v is Decision => typeof v === 'string' && (DECISIONS as readonly string[]).includes(v);
export const isChoice = (v: unknown): v is Choice => typeof v === 'string' && (CHOICES as readonly string[]).includes(v);
export const isPassRule = (v: unknown): v is PassRule => typeof v === 'string' && (PASS_RULES as readonly string[]).includes(v);

const ZONE = 'America/Toronto';

/** The instant of a local (Montréal) date and time, e.g. « 2026-12-01 » « 17:00 »; undefined when invalid. */
export function localInstant(date: string, time: string): number | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!d || !t) return undefined;
  const [y, m, day, h, min] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  if (h > 23 || min > 59) return undefined;
  const guess = Date.UTC(y, m - 1, day, h, min);
  const check = new Date(guess);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== day) return undefined;
  // Shift by the zone's offset at that moment (twice, to settle across a change of offset).
  let at = guess;
  for (let i = 0; i < 2; i++) at = guess - offsetAt(at);
  return at;
}

function offsetAt(ms: number): number {
  const p = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(ms));
  const get = (type: string) => Number(p.find((x) => x.type === type)?.value ?? 0);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - (ms - (ms % 60_000));
}
