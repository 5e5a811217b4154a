import { describe, expect, it } from "vitest";
import type { AttemptScore } from "@/lib/assessment/score";
import { type ItemSums, itemStatistics, itemSumsDeltas } from "@/lib/reports/item-stats";

/**
 * Five attempts drew the question. Their percents x and whether the question was fully correct:
 *   x:        90  80  60  50  20
 *   correct:   1   1   0   1   0
 * n = 5, n₁ = 3, Σx = 300, Σx² = 8100 + 6400 + 3600 + 2500 + 400 = 21000, Σx(correct) = 90 + 80 + 50 = 220.
 * facility p = 3/5 = 0.6.
 * mean m = 300/5 = 60; variance = 21000/5 − 60² = 4200 − 3600 = 600; s = √600.
 * M₁ = 220/3 = 73.33…; M₀ = (300 − 220)/2 = 40; M₁ − M₀ = 100/3.
 * r = (100/3)/√600 · √(0.6 · 0.4) = (100/3) · √(0.24/600) = (100/3) · √0.0004 = (100/3) · 0.02 = 2/3.
 */
const five: ItemSums = {
  drawn: 5,
  correct: 3,
  sumPercent: 300,
  sumPercentSquared: 21000,
  sumPercentCorrect: 220,
  picks: [
    { optionId: "a", count: 3 },
    { optionId: "b", count: 2 },
  ],
};
/** The same five attempts four times over: n = 20, the same facility and discrimination. */
const times4 = (s: ItemSums): ItemSums => ({
  drawn: s.drawn * 4,
  correct: s.correct * 4,
  sumPercent: s.sumPercent * 4,
  sumPercentSquared: s.sumPercentSquared * 4,
  sumPercentCorrect: s.sumPercentCorrect * 4,
  picks: s.picks.map((p) => ({ ...p, count: p.count * 4 })),
});

describe("item statistics", () => {
  it("computes facility, point-biserial discrimination and option shares as worked out by hand", () => {
    const stats = itemStatistics(five);
    expect(stats.drawn).toBe(5);
    expect(stats.facility).toBe(0.6);
    expect(stats.discrimination).toBeCloseTo(2 / 3, 10);
    expect(stats.options).toEqual([
      { optionId: "a", share: 0.6 },
      { optionId: "b", share: 0.4 },
    ]);
  });

  it("flags nothing below the minimum sample of 20 draws", () => {
    const easy = { ...five, correct: 5, sumPercentCorrect: 300 };
    expect(itemStatistics(easy).flags).toEqual([]);
    expect(itemStatistics(times4(easy)).flags).toEqual(["too-easy"]);
    expect(itemStatistics(times4(five))).toMatchObject({ facility: 0.6, flags: [] });
    expect(itemStatistics(times4(five)).discrimination).toBeCloseTo(2 / 3, 10);
  });

  it("flags a negative discrimination: the weaker attempts get it right", () => {
    // The same x, correct = 0 0 1 0 1: n₁ = 2, Σx(correct) = 60 + 20 = 80; M₁ = 40, M₀ = 220/3;
    // r = (40 − 73.33…)/√600 · √(0.4 · 0.6) = −2/3.
    const inverted = times4({ ...five, correct: 2, sumPercentCorrect: 80 });
    const stats = itemStatistics(inverted);
    expect(stats.facility).toBe(0.4);
    expect(stats.discrimination).toBeCloseTo(-2 / 3, 10);
    expect(stats.flags).toEqual(["negative-discrimination"]);
  });

  it("flags too hard below 0.30 and too easy above 0.95, not at them", () => {
    // 20 draws, 5 correct (0.25); the correct ones scored 100, the rest 0: r = 1.
    const hard: ItemSums = {
      drawn: 20,
      correct: 5,
      sumPercent: 500,
      sumPercentSquared: 50000,
      sumPercentCorrect: 500,
      picks: [],
    };
    expect(itemStatistics(hard)).toMatchObject({ facility: 0.25, flags: ["too-hard"] });
    expect(itemStatistics(hard).discrimination).toBeCloseTo(1, 10);
    expect(
      itemStatistics({
        ...hard,
        correct: 6,
        sumPercent: 600,
        sumPercentSquared: 60000,
        sumPercentCorrect: 600,
      }).flags,
    ).toEqual([]);
    const atEasy: ItemSums = {
      ...hard,
      correct: 19,
      sumPercent: 1900,
      sumPercentSquared: 190000,
      sumPercentCorrect: 1900,
    };
    expect(itemStatistics(atEasy)).toMatchObject({ facility: 0.95, flags: [] });
  });

  it("has no discrimination when everyone or no one got it right, or every attempt scored the same", () => {
    expect(itemStatistics({ ...five, correct: 5, sumPercentCorrect: 300 }).discrimination).toBeNull();
    expect(itemStatistics({ ...five, correct: 0, sumPercentCorrect: 0 }).discrimination).toBeNull();
    const flat = { ...five, sumPercent: 250, sumPercentSquared: 12500, sumPercentCorrect: 150 };
    expect(itemStatistics(flat).discrimination).toBeNull();
    expect(itemStatistics({ ...five, drawn: 0, correct: 0, picks: [] })).toMatchObject({
      facility: null,
      discrimination: null,
      flags: [],
    });
  });

  it("turns a closed attempt into one delta per drawn question", () => {
    const scored: AttemptScore = {
      score: 1.5,
      maxScore: 2,
      percent: 75,
      passed: false,
      chapters: [],
      items: [
        { key: "c/q1", slug: "c", questionId: "q1", section: 1, points: 1, correct: true, selected: ["b"] },
        {
          key: "c/q2",
          slug: "c",
          questionId: "q2",
          section: 2,
          points: 0.5,
          correct: false,
          selected: ["a"],
        },
      ],
    };
    expect(itemSumsDeltas(scored)).toEqual([
      {
        key: "c/q1",
        slug: "c",
        questionId: "q1",
        correct: 1,
        percent: 75,
        percentSquared: 5625,
        percentIfCorrect: 75,
        picked: ["b"],
      },
      {
        key: "c/q2",
        slug: "c",
        questionId: "q2",
        correct: 0,
        percent: 75,
        percentSquared: 5625,
        percentIfCorrect: 0,
        picked: ["a"],
      },
    ]);
  });
});
