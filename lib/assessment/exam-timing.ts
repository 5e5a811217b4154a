import { addHours, addMinutes } from "date-fns";
import type { Answers } from "@/lib/training/score-check";

/** When an exam started at `startedAt` must close: the server's deadline, stored with the attempt. */
export function examDeadline(startedAt: Date, timeLimitMinutes: number): Date {
  return addMinutes(startedAt, timeLimitMinutes);
}

/** Whole seconds left before the deadline, never below zero: what a resumed page counts down from. */
export function remainingSeconds(deadline: Date, now: Date): number {
  return Math.max(0, Math.floor((deadline.getTime() - now.getTime()) / 1000));
}

/**
 * Whether an autosave is taken: only before the deadline. An accepted autosave replaces the saved
 * answers with the whole validated set the browser sent (so a repeated save changes nothing).
 */
export function acceptsAutosave(deadline: Date, now: Date): boolean {
  return now.getTime() < deadline.getTime();
}

export type ExamClosing = {
  /** The submission's time, or the deadline when it closes by time (lazily, or on a late submission). */
  closedAt: Date;
  reason: "submitted" | "deadline";
  /** What is scored: the submission before the deadline; the saved answers after it. */
  answers: Answers;
};

/**
 * How an open exam attempt closes now, or null while it stays open. A submission before the
 * deadline closes it with the submitted answers; at or after the deadline, with or without a
 * submission, it closes at the deadline with what was saved before it, so a late submission
 * scores only what was saved in time, and any later request closes it the same way.
 */
export function examClosing({
  deadline,
  saved,
  submitted,
  now,
}: {
  deadline: Date;
  saved: Answers;
  submitted?: Answers;
  now: Date;
}): ExamClosing | null {
  if (now.getTime() >= deadline.getTime()) return { closedAt: deadline, reason: "deadline", answers: saved };
  if (submitted) return { closedAt: now, reason: "submitted", answers: submitted };
  return null;
}

/** When the next exam attempt may start: `retakeAfterHours` after the previous one started. */
export function examRetakeOpensAt(previousStartedAt: Date, retakeAfterHours: number): Date {
  return addHours(previousStartedAt, retakeAfterHours);
}

/** The remaining times (seconds) the exam page announces to screen readers: 5 minutes and 1 minute. */
export const ANNOUNCE_AT = [300, 60] as const;

/**
 * Which announcement falls between two readings of the remaining seconds (`before` > `after`):
 * the smallest threshold crossed, so a page that wakes up late says only the latest; null when
 * none was crossed.
 */
export function announcementBetween(before: number, after: number): (typeof ANNOUNCE_AT)[number] | null {
  const crossed = ANNOUNCE_AT.filter((t) => before > t && after <= t);
  return crossed.at(-1) ?? null;
}
