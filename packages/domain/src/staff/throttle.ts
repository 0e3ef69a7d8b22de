/**
 * Per-account login throttling: 5 failed attempts (password or second factor) within a minute
 * lock that account for a minute. Other accounts are never affected. The state lives in the
 * database so every API instance sees the same count; these rules only decide.
 */
export const LOGIN_THROTTLE = { maxFailures: 5, windowMs: 60_000, lockMs: 60_000 } as const;

export interface ThrottleState {
  failureCount: number;
  windowStartedAt: string;
  lockedUntil: string | null;
}

export type ThrottleCheck = { isLocked: false } | { isLocked: true; retryAfterMs: number };

export function checkThrottle(state: ThrottleState | null, now: string): ThrottleCheck {
  if (!state?.lockedUntil) return { isLocked: false };
  const remaining = Date.parse(state.lockedUntil) - Date.parse(now);
  return remaining > 0 ? { isLocked: true, retryAfterMs: remaining } : { isLocked: false };
}

/** The state after one more failure: a new window once the last one (or a lock) is over. */
export function afterFailure(state: ThrottleState | null, now: string): ThrottleState {
  const t = Date.parse(now);
  const isFresh =
    state === null ||
    t - Date.parse(state.windowStartedAt) >= LOGIN_THROTTLE.windowMs ||
    (state.lockedUntil !== null && Date.parse(state.lockedUntil) <= t);
  const failureCount = isFresh ? 1 : state.failureCount + 1;
  return {
    failureCount,
    windowStartedAt: isFresh ? now : state.windowStartedAt,
    lockedUntil:
      failureCount >= LOGIN_THROTTLE.maxFailures
        ? new Date(t + LOGIN_THROTTLE.lockMs).toISOString()
        : null,
  };
}
