import type { Action } from '../accounts/index.ts';

/**
 * A chantier's life, as the network runs it: ideas are prototyped, pitched to peers, improved
 * with their feedback, then validated by the coordination team; an active chantier may pause and
 * resume; the group closes it when it judges its work done, leaving a legacy to the community.
 */
export const CHANTIER_STATUSES = ['ideation', 'prototype', 'pitch', 'feedback', 'active', 'paused', 'closed'] as const;
export type ChantierStatus = (typeof CHANTIER_STATUSES)[number];

export interface TransitionRule {
  from: ChantierStatus;
  to: ChantierStatus;
  /** Who may: the chantier's members (and the coordination team), or the coordination team only. */
  by: 'members' | 'coordination';
}

export const TRANSITIONS: readonly TransitionRule[] = [
  { from: 'ideation', to: 'prototype', by: 'members' },
  { from: 'prototype', to: 'pitch', by: 'members' },
  { from: 'pitch', to: 'feedback', by: 'members' },
  // Peers' feedback may send the group back to its prototype.
  { from: 'feedback', to: 'prototype', by: 'members' },
  // The coordination team validates a pitched chantier: it becomes official.
  { from: 'feedback', to: 'active', by: 'coordination' },
  { from: 'active', to: 'paused', by: 'members' },
  { from: 'paused', to: 'active', by: 'members' },
  { from: 'active', to: 'closed', by: 'members' },
  { from: 'paused', to: 'closed', by: 'members' },
  // Reopening a closed chantier is a network decision.
  { from: 'closed', to: 'active', by: 'coordination' },
];

export const COORDINATE: Action = 'network.coordinate';
export const CONTRIBUTE: Action = 'network.contribute';

export type TransitionVerdict = 'allowed' | 'invalid' | 'not_member' | 'coordination_only' | 'legacy_required';

/**
 * Whether someone may move a chantier from one status to another. `coordinates`: holds the
 * coordination ability; `contributes`: holds the contribute ability; `member`: is a member of
 * this chantier (followers are not). Closing needs the chantier's legacy written first.
 */
export function judgeTransition(
  from: ChantierStatus, to: ChantierStatus,
  who: { coordinates: boolean; contributes: boolean; member: boolean },
  chantier: { hasLegacy: boolean },
): TransitionVerdict {
  const rule = TRANSITIONS.find((r) => r.from === from && r.to === to);
  if (!rule) return 'invalid';
  if (rule.by === 'coordination' && !who.coordinates) return 'coordination_only';
  if (rule.by === 'members' && !who.coordinates && !(who.contributes && who.member)) return 'not_member';
  if (to === 'closed' && !chantier.hasLegacy) return 'legacy_required';
  return 'allowed';
}

/** The statuses this person may move the chantier to now. */
export function nextStatuses(from: ChantierStatus, who: Parameters<typeof judgeTransition>[2], chantier: { hasLegacy: boolean }): ChantierStatus[] {
  return TRANSITIONS.filter((r) => r.from === from && judgeTransition(from, r.to, who, chantier) === 'allowed').map((r) => r.to);
}

export function isStatus(value: unknown): value is ChantierStatus {
  return typeof value === 'string' && (CHANTIER_STATUSES as readonly string[]).includes(value);
}
