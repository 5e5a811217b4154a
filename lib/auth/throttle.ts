export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;

export interface ThrottleState {
  failures: number;
  windowStartedAt: number;
  lockedUntil: number | null;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAt: number };

export function checkThrottle(state: ThrottleState | undefined, now: number): ThrottleDecision {
  if (state?.lockedUntil && now < state.lockedUntil) return { allowed: false, retryAt: state.lockedUntil };
  return { allowed: true };
}

/** The state after one more failed attempt: a stale window starts over; the fifth failure in a window locks. */
export function recordFailure(state: ThrottleState | undefined, now: number): ThrottleState {
  const lockExpired = state?.lockedUntil != null && now >= state.lockedUntil;
  if (!state || lockExpired || now - state.windowStartedAt >= WINDOW_MS) {
    return { failures: 1, windowStartedAt: now, lockedUntil: null };
  }
  const failures = state.failures + 1;
  return {
    failures,
    windowStartedAt: state.windowStartedAt,
    lockedUntil: failures >= MAX_FAILURES ? now + LOCK_MS : null,
  };
}

/**
 * Sign-in attempts from one client address that may fail within a window, whatever the employee
 * numbers tried: password spraying across many accounts stops here, while a branch whose tellers
 * share one address still has room for their typing slips.
 */
export const ADDRESS_LIMIT = { limit: 20, windowMs: 15 * 60 * 1000 };
