import { describe, expect, it } from 'vitest';
import { CHANTIER_STATUSES, judgeTransition, nextStatuses, type ChantierStatus } from './lifecycle.ts';

const member = { coordinates: false, contributes: true, member: true };
const outsider = { coordinates: false, contributes: true, member: false };
const follower = { coordinates: false, contributes: false, member: false };
const coordination = { coordinates: true, contributes: true, member: false };
const legacy = { hasLegacy: true };

describe('chantier lifecycle', () => {
  it.each([
    ['ideation', 'prototype', member, 'allowed'],
    ['prototype', 'pitch', member, 'allowed'],
    ['pitch', 'feedback', member, 'allowed'],
    ['feedback', 'prototype', member, 'allowed'],
    ['feedback', 'active', member, 'coordination_only'],
    ['feedback', 'active', coordination, 'allowed'],
    ['active', 'paused', member, 'allowed'],
    ['paused', 'active', member, 'allowed'],
    ['active', 'closed', member, 'allowed'],
    ['paused', 'closed', coordination, 'allowed'],
    ['closed', 'active', member, 'coordination_only'],
    ['closed', 'active', coordination, 'allowed'],
    ['ideation', 'prototype', outsider, 'not_member'],
    ['ideation', 'prototype', follower, 'not_member'],
    ['ideation', 'prototype', coordination, 'allowed'],
    ['ideation', 'active', coordination, 'invalid'],
    ['pitch', 'active', coordination, 'invalid'],
    ['closed', 'paused', coordination, 'invalid'],
    ['active', 'active', member, 'invalid'],
  ] as const)('%s → %s', (from, to, who, verdict) => {
    expect(judgeTransition(from, to, who, legacy)).toBe(verdict);
  });

  it('needs a legacy before closing', () => {
    expect(judgeTransition('active', 'closed', member, { hasLegacy: false })).toBe('legacy_required');
    expect(judgeTransition('active', 'closed', coordination, { hasLegacy: false })).toBe('legacy_required');
  });

  it('offers each person only the moves they may make', () => {
    const offered = (who: typeof member, from: ChantierStatus) => nextStatuses(from, who, legacy);
    expect(offered(member, 'feedback')).toEqual(['prototype']);
    expect(offered(coordination, 'feedback')).toEqual(['prototype', 'active']);
    expect(offered(outsider, 'active')).toEqual([]);
    expect(offered(member, 'active')).toEqual(['paused', 'closed']);
    // Every status can be left, and every status but ideation can be reached.
    for (const s of CHANTIER_STATUSES) expect(offered(coordination, s).length).toBeGreaterThan(0);
  });
});
