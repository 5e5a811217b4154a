import type { AttemptScore } from "../assessment/score";

/**
 * The running sums one question's statistics need, kept by deltas as attempts close. x is the
 * percent of the attempt the question was drawn in; "correct" means full marks on the question.
 */
export type ItemSums = {
  /** n: attempts that drew the question. */
  drawn: number;
  /** n₁: of them, attempts with the question fully correct. */
  correct: number;
  /** Σx over all n attempts. */
  sumPercent: number;
  /** Σx² over all n attempts. */
  sumPercentSquared: number;
  /** Σx over the n₁ correct attempts. */
  sumPercentCorrect: number;
  /** Times each option was picked (a multiple-choice answer counts for each option it picked). */
  picks: readonly { optionId: string; count: number }[];
};

export type ItemFlag = "too-easy" | "too-hard" | "negative-discrimination";

export type ItemStatistics = {
  drawn: number;
  /** Share fully correct, 0…1; null when never drawn. */
  facility: number | null;
  /**
   * Point-biserial correlation, −1…1, between the question's 0/1 correctness and the attempt's
   * percent (the question's own point included); null when everyone or no one got it right, or all
   * attempts scored the same.
   */
  discrimination: number | null;
  /** Per option, the share of attempts that drew the question and picked it, 0…1. */
  options: { optionId: string; share: number | null }[];
  /** Only once the question has been drawn `minSample` times, so noise is not flagged. */
  flags: ItemFlag[];
};

export const TOO_EASY = 0.95;
export const TOO_HARD = 0.3;
export const MIN_SAMPLE = 20;

/**
 * Facility, discrimination and option shares from the sums. With mean m = Σx/n and population
 * standard deviation s = √(Σx²/n − m²), the point-biserial is
 * r = (M₁ − M₀) / s · √(p(1 − p)), where p = n₁/n, M₁ = Σx(correct)/n₁, M₀ = (Σx − Σx(correct))/(n − n₁).
 */
export function itemStatistics(sums: ItemSums, minSample = MIN_SAMPLE): ItemStatistics {
  const n = sums.drawn;
  const n1 = sums.correct;
  const facility = n > 0 ? n1 / n : null;
  let discrimination: number | null = null;
  if (n > 1 && n1 > 0 && n1 < n) {
    const mean = sums.sumPercent / n;
    const variance = sums.sumPercentSquared / n - mean * mean;
    if (variance > 1e-9) {
      const m1 = sums.sumPercentCorrect / n1;
      const m0 = (sums.sumPercent - sums.sumPercentCorrect) / (n - n1);
      const p = n1 / n;
      discrimination = ((m1 - m0) / Math.sqrt(variance)) * Math.sqrt(p * (1 - p));
    }
  }
  const flags: ItemFlag[] = [];
  if (n >= minSample && facility !== null) {
    if (facility > TOO_EASY) flags.push("too-easy");
    if (facility < TOO_HARD) flags.push("too-hard");
    if (discrimination !== null && discrimination < 0) flags.push("negative-discrimination");
  }
  return {
    drawn: n,
    facility,
    discrimination,
    options: sums.picks.map((p) => ({ optionId: p.optionId, share: n > 0 ? p.count / n : null })),
    flags,
  };
}

/** What one closed attempt adds to the sums of each question it drew. */
export type ItemSumsDelta = {
  key: string;
  slug: string;
  questionId: string;
  correct: 0 | 1;
  percent: number;
  percentSquared: number;
  percentIfCorrect: number;
  picked: string[];
};

/** The deltas a closed attempt adds, one per drawn question, for the summaries kept in the close batch. */
export function itemSumsDeltas(scored: AttemptScore): ItemSumsDelta[] {
  const x = scored.percent;
  return scored.items.map((item) => ({
    key: item.key,
    slug: item.slug,
    questionId: item.questionId,
    correct: item.correct ? 1 : 0,
    percent: x,
    percentSquared: x * x,
    percentIfCorrect: item.correct ? x : 0,
    picked: item.selected,
  }));
}
