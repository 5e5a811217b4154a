import { describe, expect, it } from "vitest";
import {
  clockOf,
  SESSION_ABSOLUTE_MS,
  sessionEndsAt,
  sessionState,
  sessionTiming,
} from "@/lib/auth/session-clock";

const MIN = 60_000;

describe("session timing", () => {
  it("at the default 30 minutes: refreshed at most every minute, warned two minutes before", () => {
    expect(sessionTiming(30)).toEqual({
      idleMs: 30 * MIN,
      absoluteMs: SESSION_ABSOLUTE_MS,
      refreshAfterMs: MIN,
      warnBeforeMs: 2 * MIN,
    });
  });
  it("scales both for a short timeout, as the end-to-end test configures", () => {
    expect(sessionTiming(0.25)).toMatchObject({ idleMs: 15_000, refreshAfterMs: 1500, warnBeforeMs: 5000 });
  });
});

describe("a session's state", () => {
  const timing = sessionTiming(30);
  const t0 = 1_800_000_000_000;
  it("is current just after a request and due for a refresh once lastSeenAt is a minute old", () => {
    const clock = { signedInAt: t0, lastSeenAt: t0 };
    expect(sessionState(clock, timing, t0 + 59_999)).toBe("current");
    expect(sessionState(clock, timing, t0 + MIN)).toBe("refresh");
  });
  it("ends 30 minutes after the last request", () => {
    const clock = { signedInAt: t0, lastSeenAt: t0 + 10 * MIN };
    expect(sessionEndsAt(clock, timing)).toBe(t0 + 40 * MIN);
    expect(sessionState(clock, timing, t0 + 40 * MIN - 1)).toBe("refresh");
    expect(sessionState(clock, timing, t0 + 40 * MIN)).toBe("ended");
  });
  it("ends 12 hours after signing in however active it is", () => {
    const clock = { signedInAt: t0, lastSeenAt: t0 + SESSION_ABSOLUTE_MS - MIN };
    expect(sessionEndsAt(clock, timing)).toBe(t0 + SESSION_ABSOLUTE_MS);
    expect(sessionState(clock, timing, t0 + SESSION_ABSOLUTE_MS)).toBe("ended");
  });
  it("reads the clock from a token, falling back to its issue time for tokens from before", () => {
    expect(clockOf({ signedInAt: 1, lastSeenAt: 2, iat: 9 })).toEqual({ signedInAt: 1, lastSeenAt: 2 });
    expect(clockOf({ iat: 1_800_000_000 })).toEqual({ signedInAt: t0, lastSeenAt: t0 });
    expect(clockOf({})).toBeNull();
  });
});
