import { addMinutes } from "date-fns";
import type { ChapterMeta } from "@/lib/content/types";
import { bankDayStart, startOfBankDay } from "./bank-day";

export type AttemptPolicy = Pick<ChapterMeta, "attemptsPerDay" | "cooldownMinutes">;

/** A learner's earlier attempt at the same check, as the policy reads it. */
export type PastAttempt = { startedAt: Date; closedAt: Date | null; passed: boolean | null };

export type Availability =
  | { canStart: true; attemptsLeftToday: number }
  | {
      canStart: false;
      /** What holds the learner back; when both do, the one that lasts longer. */
      reason: "daily-limit" | "cooldown";
      attemptsLeftToday: number;
      /** When a new attempt may start. */
      opensAt: Date;
    };

/**
 * Whether a learner may start a new attempt now. Attempts count on the Beijing calendar day they
 * were started on (the day turns at 00:00 Asia/Shanghai, 16:00 UTC); after a failed attempt the
 * next waits `cooldownMinutes` from its close. Resume an open attempt before asking: an open
 * attempt is never blocked, and it counts as one started today.
 */
export function attemptAvailability(
  policy: AttemptPolicy,
  attempts: readonly PastAttempt[],
  now: Date,
): Availability {
  const today = startOfBankDay(now).getTime();
  const startedToday = attempts.filter((a) => a.startedAt.getTime() >= today).length;
  const attemptsLeftToday = Math.max(0, policy.attemptsPerDay - startedToday);

  const holds: { reason: "daily-limit" | "cooldown"; opensAt: Date }[] = [];
  if (attemptsLeftToday === 0) holds.push({ reason: "daily-limit", opensAt: bankDayStart(now, 1) });
  const lastFailure = Math.max(
    Number.NEGATIVE_INFINITY,
    ...attempts.flatMap((a) => (a.passed === false && a.closedAt ? [a.closedAt.getTime()] : [])),
  );
  if (Number.isFinite(lastFailure)) {
    const opensAt = addMinutes(new Date(lastFailure), policy.cooldownMinutes);
    if (opensAt.getTime() > now.getTime()) holds.push({ reason: "cooldown", opensAt });
  }
  const binding = holds.sort((a, b) => b.opensAt.getTime() - a.opensAt.getTime())[0];
  if (!binding) return { canStart: true, attemptsLeftToday };
  return { canStart: false, ...binding, attemptsLeftToday };
}
