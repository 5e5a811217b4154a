/** Extended time, an accessibility accommodation the learner can choose, doubles every limit. */
export const EXTENDED_TIME_FACTOR = 2;
/** Allowance for the network between the browser's countdown and the server's clock. */
export const GRACE_MS = 1500;

export function timeAllowedMs(timeLimitSeconds: number | null, extendedTime: boolean): number | null {
  if (timeLimitSeconds === null) return null;
  return timeLimitSeconds * 1000 * (extendedTime ? EXTENDED_TIME_FACTOR : 1);
}

/** A choice sent after the allowed time plus grace counts as no answer: the time ran out. */
export function isLate(startedAt: number, now: number, allowedMs: number | null): boolean {
  return allowedMs !== null && now - startedAt > allowedMs + GRACE_MS;
}
