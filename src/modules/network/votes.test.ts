import { describe, expect, it } from 'vitest';
import { decide, localInstant, outcome, quorumNeeded, tally, type VoteRule } from './votes.ts';

const majority: VoteRule = { rule: 'majority', quorum: 0 };
const twoThirds: VoteRule = { rule: 'two_thirds', quorum: 0 };
const t = (yes: number, no: number, abstain = 0, eligible = 10) => ({ yes, no, abstain, eligible });

describe('pass rules', () => {
  it('simple majority: more for than against; a tie does not pass', () => {
    expect(decide(majority, t(3, 2))).toBe('passed');
    expect(decide(majority, t(2, 2))).toBe('rejected');
    expect(decide(majority, t(1, 3))).toBe('rejected');
  });
  it('abstentions do not count as votes cast', () => {
    expect(decide(majority, t(1, 0, 5))).toBe('passed');
    expect(decide(twoThirds, t(2, 1, 6))).toBe('passed');
  });
  it('two thirds: exactly two thirds passes, less does not', () => {
    expect(decide(twoThirds, t(4, 2))).toBe('passed');
    expect(decide(twoThirds, t(3, 2))).toBe('rejected');
    expect(decide(twoThirds, t(2, 1))).toBe('passed');
  });
  it('nobody voting, or only abstaining, decides nothing', () => {
    expect(decide(majority, t(0, 0, 0))).toBe('no_quorum');
    expect(decide(majority, t(0, 0, 3))).toBe('rejected');
  });
  it('a quorum counts every ballot, abstentions included, and rounds up', () => {
    const q: VoteRule = { rule: 'majority', quorum: 50 };
    expect(quorumNeeded(q, 5)).toBe(3);
    expect(quorumNeeded(majority, 5)).toBe(0);
    expect(decide(q, t(2, 0, 0, 5))).toBe('no_quorum');
    expect(decide(q, t(2, 0, 1, 5))).toBe('passed');
    expect(decide({ rule: 'two_thirds', quorum: 100 }, t(3, 0, 0, 4))).toBe('no_quorum');
  });
});

describe('a vote in time', () => {
  const vote = { deadline: 1_000, closedAt: null };
  it('is open before its deadline and decided from it on', () => {
    expect(outcome(majority, t(3, 0), vote, 999)).toBe('open');
    expect(outcome(majority, t(3, 0), vote, 1_000)).toBe('passed');
    expect(outcome(majority, t(0, 3), vote, 5_000)).toBe('rejected');
  });
  it('is decided once closed, even before its deadline', () => {
    expect(outcome(majority, t(1, 0), { deadline: 1_000, closedAt: 500 }, 600)).toBe('passed');
  });
  it('counts a changed ballot once, as its last choice', () => {
    // A member who voted for and then against has one ballot (the store replaces it): the tally sees the last one.
    const ballots = [{ choice: 'yes' as const }, { choice: 'no' as const }, { choice: 'no' as const }];
    expect(tally(ballots, 4)).toEqual({ yes: 1, no: 2, abstain: 0, eligible: 4 });
    expect(decide(majority, tally(ballots, 4))).toBe('rejected');
  });
});

describe('deadline typed in Montréal time', () => {
  it('reads standard and daylight time', () => {
    expect(localInstant('2026-12-01', '17:00')).toBe(Date.UTC(2026, 11, 1, 22, 0));
    expect(localInstant('2026-07-01', '9:30')).toBe(Date.UTC(2026, 6, 1, 13, 30));
  });
  it('refuses impossible dates and times', () => {
    expect(localInstant('2026-02-30', '17:00')).toBeUndefined();
    expect(localInstant('2026-12-01', '24:00')).toBeUndefined();
    expect(localInstant('demain', '17:00')).toBeUndefined();
  });
});
