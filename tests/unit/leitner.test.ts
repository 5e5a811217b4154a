import { describe, expect, it } from "vitest";
import { afterMistake, afterReview, dueToday, isDue, type ReviewCard } from "@/lib/assessment/leitner";
import { hasReviewHabit, type ReviewAnswer, retention } from "@/lib/assessment/review-metrics";

const t = (iso: string) => new Date(iso);
// 2 March, 20:00 Beijing time.
const mistake = t("2026-03-02T12:00:00Z");

describe("the Leitner schedule", () => {
  it("a mistake enters box 1, due at 00:00 Beijing time the next day", () => {
    expect(afterMistake(mistake)).toEqual({ box: 1, dueAt: t("2026-03-02T16:00:00Z") });
    // 23:30 Beijing on 2 March is still the 2nd: due from 00:00 on the 3rd, half an hour later.
    expect(afterMistake(t("2026-03-02T15:30:00Z")).dueAt).toEqual(t("2026-03-02T16:00:00Z"));
    // 00:30 Beijing on the 3rd: due on the 4th.
    expect(afterMistake(t("2026-03-02T16:30:00Z")).dueAt).toEqual(t("2026-03-03T16:00:00Z"));
  });

  it("right answers move through boxes 1, 3, 7, 21 days and then leave the queue", () => {
    let card: ReviewCard | null = afterMistake(mistake);
    const review = t("2026-03-03T01:00:00Z"); // 09:00 Beijing on the 3rd
    card = afterReview(card, true, review);
    expect(card).toEqual({ box: 2, dueAt: t("2026-03-05T16:00:00Z") }); // the 6th, 3 days on
    card = afterReview(card as ReviewCard, true, review);
    expect(card).toEqual({ box: 3, dueAt: t("2026-03-09T16:00:00Z") }); // 7 days on
    card = afterReview(card as ReviewCard, true, review);
    expect(card).toEqual({ box: 4, dueAt: t("2026-03-23T16:00:00Z") }); // 21 days on
    expect(afterReview(card as ReviewCard, true, review)).toBeNull();
  });

  it("a wrong answer sends the question back to box 1", () => {
    const review = t("2026-03-10T01:00:00Z");
    expect(afterReview({ box: 3, dueAt: review }, false, review)).toEqual({
      box: 1,
      dueAt: t("2026-03-10T16:00:00Z"),
    });
  });

  it("offers up to 5 due questions, the longest overdue first", () => {
    const now = t("2026-03-10T02:00:00Z");
    const entries = [
      { id: "late-box-2", card: { box: 2, dueAt: t("2026-03-05T16:00:00Z") } },
      { id: "not-yet", card: { box: 1, dueAt: t("2026-03-10T16:00:00Z") } },
      ...[1, 2, 3, 4, 5].map((n) => ({
        id: `today-${n}`,
        card: { box: n === 1 ? 2 : 1, dueAt: t("2026-03-09T16:00:00Z") },
      })),
    ];
    expect(isDue(entries[1]?.card as ReviewCard, now)).toBe(false);
    expect(dueToday(entries, now).map((e) => e.id)).toEqual([
      "late-box-2",
      "today-2",
      "today-3",
      "today-4",
      "today-5",
    ]);
  });
});

describe("retention and the review habit", () => {
  const answer = (
    questionKey: string,
    answeredAt: string,
    right: boolean,
    learnerId = "u1",
  ): ReviewAnswer => ({
    learnerId,
    questionKey,
    mistakeAt: mistake,
    answeredAt: t(answeredAt),
    right,
  });

  it("retention: the share right on the first review at least 7 Beijing days after the mistake", () => {
    // The mistake was on 2 March (Beijing); 7 days on is 9 March 00:00 Beijing = 8 March 16:00 UTC.
    const answers = [
      answer("c/q1", "2026-03-03T01:00:00Z", false), // too early: not counted
      answer("c/q1", "2026-03-08T16:00:00Z", true), // first at 7 days: right
      answer("c/q1", "2026-03-20T01:00:00Z", false), // a later review: not counted
      answer("c/q2", "2026-03-08T15:59:59Z", true), // a second too early
      answer("c/q2", "2026-03-12T01:00:00Z", false), // first at 7 days: wrong
      answer("c/q1", "2026-03-10T01:00:00Z", false, "u2"), // another learner's mistake: wrong
      answer("c/q3", "2026-03-04T01:00:00Z", true), // never reviewed 7 days on
    ];
    expect(retention(answers)).toEqual({ mistakes: 3, right: 1, share: 1 / 3 });
    expect(retention([])).toEqual({ mistakes: 0, right: 0, share: null });
  });

  it("habit: reviews on at least 2 distinct Beijing days of the last 14", () => {
    const now = t("2026-03-20T04:00:00Z"); // 20 March, noon in Beijing
    // 7 March, 00:00 Beijing, is the first day of the 14 (7–20 March).
    expect(hasReviewHabit([t("2026-03-06T16:00:00Z"), t("2026-03-20T01:00:00Z")], now)).toBe(true);
    expect(hasReviewHabit([t("2026-03-06T15:59:59Z"), t("2026-03-20T01:00:00Z")], now)).toBe(false);
    // 09:00 and 23:00 Beijing on 18 March are one day; 23:00 on the 18th and 01:00 on the 19th are two.
    expect(hasReviewHabit([t("2026-03-18T01:00:00Z"), t("2026-03-18T15:00:00Z")], now)).toBe(false);
    expect(hasReviewHabit([t("2026-03-18T15:00:00Z"), t("2026-03-18T17:00:00Z")], now)).toBe(true);
  });
});
