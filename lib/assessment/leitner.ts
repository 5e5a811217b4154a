import { bankDayStart } from "./bank-day";

/** Days until the next review for boxes 1–4; a right answer in the last box leaves the queue. */
export const LEITNER_DAYS = [1, 3, 7, 21] as const;
/** How many due questions one daily review offers. */
export const DAILY_REVIEW_SIZE = 5;

/** A question in a learner's review queue: its box (1–4) and from when it is due. */
export type ReviewCard = { box: number; dueAt: Date };

/** Due at 00:00 Beijing time, the box's number of days after the day of `now`. */
function dueFrom(box: number, now: Date): ReviewCard {
  return { box, dueAt: bankDayStart(now, LEITNER_DAYS[box - 1] ?? 1) };
}

/** A question answered wrong (in a check, the exam or a review) enters, or goes back to, box 1: due tomorrow. */
export function afterMistake(now: Date): ReviewCard {
  return dueFrom(1, now);
}

/** After a review answer: right moves to the next box, wrong back to box 1; null when it leaves the queue. */
export function afterReview(card: ReviewCard, right: boolean, now: Date): ReviewCard | null {
  if (!right) return afterMistake(now);
  if (card.box >= LEITNER_DAYS.length) return null;
  return dueFrom(card.box + 1, now);
}

export function isDue(card: ReviewCard, now: Date): boolean {
  return card.dueAt.getTime() <= now.getTime();
}

/** Today's review: up to `limit` due cards, the longest overdue first, then the lowest box. */
export function dueToday<T extends { card: ReviewCard }>(
  entries: readonly T[],
  now: Date,
  limit = DAILY_REVIEW_SIZE,
): T[] {
  return entries
    .filter((e) => isDue(e.card, now))
    .sort((a, b) => a.card.dueAt.getTime() - b.card.dueAt.getTime() || a.card.box - b.card.box)
    .slice(0, limit);
}
