/**
 * When a signed-in session ends: after `idleMs` without a request, or `absoluteMs` after signing
 * in, whichever comes first. Both times travel in the signed session token, so every instance
 * decides alike without asking another: `signedInAt` is set once, `lastSeenAt` is refreshed by the
 * proxy at most every `refreshAfterMs` (a minute at the default timeout, so the idle end is exact to
 * within that).
 */
export type SessionTiming = {
  idleMs: number;
  absoluteMs: number;
  /** How stale `lastSeenAt` may get before a request writes a fresh token. */
  refreshAfterMs: number;
  /** How long before the idle end the page warns. */
  warnBeforeMs: number;
};

export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;

export function sessionTiming(idleMinutes: number, absoluteMs = SESSION_ABSOLUTE_MS): SessionTiming {
  const idleMs = Math.round(idleMinutes * 60_000);
  return {
    idleMs,
    absoluteMs,
    refreshAfterMs: Math.min(60_000, Math.floor(idleMs / 10)),
    warnBeforeMs: Math.min(120_000, Math.floor(idleMs / 3)),
  };
}

/** The two times a session token carries (milliseconds); tokens from before them fall back to `iat`. */
export type SessionClock = { signedInAt: number; lastSeenAt: number };

export function clockOf(token: {
  signedInAt?: unknown;
  lastSeenAt?: unknown;
  iat?: unknown;
}): SessionClock | null {
  const issued = typeof token.iat === "number" ? token.iat * 1000 : null;
  const signedInAt = typeof token.signedInAt === "number" ? token.signedInAt : issued;
  const lastSeenAt = typeof token.lastSeenAt === "number" ? token.lastSeenAt : signedInAt;
  return signedInAt === null || lastSeenAt === null ? null : { signedInAt, lastSeenAt };
}

export function sessionEndsAt(clock: SessionClock, timing: SessionTiming): number {
  return Math.min(clock.lastSeenAt + timing.idleMs, clock.signedInAt + timing.absoluteMs);
}

/**
 * What a request does with the session: "ended" (refuse it), "refresh" (serve it and write a token
 * with `lastSeenAt` = now), or "current".
 */
export function sessionState(
  clock: SessionClock,
  timing: SessionTiming,
  now: number,
): "ended" | "refresh" | "current" {
  if (now >= sessionEndsAt(clock, timing)) return "ended";
  return now - clock.lastSeenAt >= timing.refreshAfterMs ? "refresh" : "current";
}
