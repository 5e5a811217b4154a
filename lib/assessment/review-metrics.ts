import { bankDate } from "@/lib/training/assignment-status";
import { bankDayStart } from "./bank-day";

/** One answer in the daily review, with the mistake that put its question in the queue. */
export type ReviewAnswer = {
  learnerId: string;
  /** The question, e.g. "<chapter slug>/<question id>". */
  questionKey: string;
  /** When the question entered the queue: its latest wrong answer in a check or the exam. */
  mistakeAt: Date;
  answeredAt: Date;
  right: boolean;
};

/** Retention counts the first review this many Beijing calendar days or more after the mistake. */
export const RETENTION_DAYS = 7;

/**
 * Retention: of the mistakes reviewed at least 7 days later, the share answered right on the
 * first such review. `share` is 0…1, null when no mistake has been reviewed that late yet.
 */
export function retention(answers: readonly ReviewAnswer[]): {
  mistakes: number;
  right: number;
  share: number | null;
} {
  const first = new Map<string, ReviewAnswer>();
  for (const a of answers) {
    if (a.answeredAt.getTime() < bankDayStart(a.mistakeAt, RETENTION_DAYS).getTime()) continue;
    const key = `${a.learnerId}\u0000${a.questionKey}\u0000${a.mistakeAt.getTime()}`;
    const seen = first.get(key);
    if (!seen || a.answeredAt.getTime() < seen.answeredAt.getTime()) first.set(key, a);
  }
  const mistakes = first.size;
  const right = [...first.values()].filter((a) => a.right).length;
  return { mistakes, right, share: mistakes === 0 ? null : right / mistakes };
}

/** The review habit looks back over this many Beijing calendar days, today included… */
export const HABIT_WINDOW_DAYS = 14;
/** …and needs reviews on at least this many distinct days of them. */
export const HABIT_MIN_DAYS = 2;

/** Whether a learner has an active review habit: reviews on ≥ 2 distinct Beijing days of the last 14. */
export function hasReviewHabit(reviewedAt: readonly Date[], now: Date): boolean {
  const from = bankDayStart(now, 1 - HABIT_WINDOW_DAYS).getTime();
  const days = new Set(
    reviewedAt
      .filter((at) => at.getTime() >= from && at.getTime() <= now.getTime())
      .map((at) => bankDate(at)),
  );
  return days.size >= HABIT_MIN_DAYS;
}
