/** Abuse limits. Counters live in the database, so they hold across app instances. */
export const LIMITS = {
  loginPerIp: { limit: 20, windowMs: 15 * 60_000 },
  signupPerIp: { limit: 10, windowMs: 3600_000 },
  resetPerIp: { limit: 5, windowMs: 3600_000 },
  resetPerEmail: { limit: 3, windowMs: 3600_000 },
  /** Consecutive failed logins that lock an account, and for how long. */
  lockAfter: 5,
  lockForMs: 15 * 60_000,
  resetTtlMs: 3600_000,
  inviteTtlMs: 14 * 24 * 3600_000,
  setupTtlMs: 7 * 24 * 3600_000,
} as const;

export function minutesLeft(ms: number): number {
  return Math.max(1, Math.ceil(ms / 60_000));
}
