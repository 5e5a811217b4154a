import { type Answers, percentOf, scoreQuestion } from "@/lib/training/score-check";
import { type AttemptItem, type QuestionLookup, questionOfItem } from "./attempt-items";

export type ScoredItem = {
  key: string;
  slug: string;
  questionId: string;
  section: number | null;
  /** 0…1; a multiple-choice question can earn part of its point. */
  points: number;
  /** Full marks. */
  correct: boolean;
  /** Option ids picked, in the attempt's option order; empty when unanswered. */
  selected: string[];
};

export type AttemptScore = {
  score: number;
  maxScore: number;
  percent: number;
  passed: boolean;
  items: ScoredItem[];
  /** Per chapter, in the order the chapters first appear in the attempt (the exam's breakdown). */
  chapters: { slug: string; score: number; maxScore: number; percent: number }[];
};

/**
 * An attempt's score from its answers (option ids keyed by item key, as `validateSubmission` gives
 * them or as saved): a pure function, so closing an attempt again, lazily or after a retry, gives
 * the same result. One point per drawn question; an unanswered question earns nothing.
 */
export function scoreAttempt(
  items: readonly AttemptItem[],
  answers: Answers,
  lookup: QuestionLookup,
  passScore: number,
): AttemptScore {
  const scored = items.map((item): ScoredItem => {
    const q = questionOfItem(item, lookup);
    const picked = new Set(Object.hasOwn(answers, item.key) ? answers[item.key] : []);
    const selected = item.options.map((o) => o.optionId).filter((id) => picked.has(id));
    const points = selected.length === 0 ? 0 : scoreQuestion(q, selected);
    return {
      key: item.key,
      slug: item.slug,
      questionId: item.questionId,
      section: q.section,
      points,
      correct: points === 1,
      selected,
    };
  });
  const bySlug = new Map<string, { score: number; maxScore: number }>();
  for (const s of scored) {
    const c = bySlug.get(s.slug) ?? { score: 0, maxScore: 0 };
    c.score += s.points;
    c.maxScore += 1;
    bySlug.set(s.slug, c);
  }
  const score = scored.reduce((sum, s) => sum + s.points, 0);
  const percent = percentOf(score, scored.length);
  return {
    score,
    maxScore: scored.length,
    percent,
    passed: percent >= passScore,
    items: scored,
    chapters: [...bySlug].map(([slug, c]) => ({ slug, ...c, percent: percentOf(c.score, c.maxScore) })),
  };
}
