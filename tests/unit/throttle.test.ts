import { describe, expect, it } from "vitest";
import { checkThrottle, LOCK_MS, recordFailure, type ThrottleState, WINDOW_MS } from "@/lib/auth/throttle";

const T0 = 1_800_000_000_000;
const fail = (times: number, start = T0, step = 1000) => {
  let state: ThrottleState | undefined;
  for (let i = 0; i < times; i++) state = recordFailure(state, start + i * step);
  return state;
};

describe("login throttling", () => {
  it("allows sign-in when there is no history", () => {
    expect(checkThrottle(undefined, T0)).toEqual({ allowed: true });
  });
  it("still allows the fifth attempt after four failures", () => {
    expect(checkThrottle(fail(4), T0 + 5000)).toEqual({ allowed: true });
  });
  it("locks for 15 minutes after the fifth failure within the window", () => {
    const state = fail(5);
    expect(state?.lockedUntil).toBe(T0 + 4000 + LOCK_MS);
    expect(checkThrottle(state, T0 + 5000)).toEqual({ allowed: false, retryAt: T0 + 4000 + LOCK_MS });
  });
  it("lifts the lock once it has run out and starts counting afresh", () => {
    const state = fail(5);
    const after = T0 + 4000 + LOCK_MS;
    expect(checkThrottle(state, after)).toEqual({ allowed: true });
    expect(recordFailure(state, after)).toEqual({ failures: 1, windowStartedAt: after, lockedUntil: null });
  });
  it("does not lock when the failures are spread beyond the 15-minute window", () => {
    const state = fail(5, T0, WINDOW_MS / 4);
    expect(state?.lockedUntil).toBeNull();
    expect(checkThrottle(state, T0 + WINDOW_MS * 2)).toEqual({ allowed: true });
  });
});
