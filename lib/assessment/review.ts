import type { QuestionType, ReviewMode } from "@/lib/content/types";
import { type AttemptItem, type QuestionLookup, questionOfItem } from "./attempt-items";
import type { AttemptScore } from "./score";

type Outcome = Pick<AttemptScore, "score" | "maxScore" | "percent" | "passed">;
type Breakdown = { chapters: AttemptScore["chapters"] };

/** A question the learner got wrong (not full marks), with the section to re-read; no options. */
export type WrongQuestion = { key: string; slug: string; section: number | null; prompt: string };

/** A question with everything: each option in the attempt's order, picked or not, right or not, its feedback. */
export type FullQuestion = {
  key: string;
  slug: string;
  section: number | null;
  type: QuestionType;
  prompt: string;
  points: number;
  correct: boolean;
  options: { token: string; text: string; picked: boolean; correct: boolean; feedback: string }[];
};

/**
 * What a closed attempt may show. `full`: the key and all feedback. `wrong`: the score, the
 * per-chapter breakdown and which questions were wrong, never an option. `score`: the score and
 * pass/fail only.
 */
export type AttemptReview =
  | ({ shows: "full"; questions: FullQuestion[] } & Outcome & Breakdown)
  | ({ shows: "wrong"; wrong: WrongQuestion[] } & Outcome & Breakdown)
  | ({ shows: "score" } & Outcome);

export type ReviewLevel = AttemptReview["shows"];

/**
 * Which of the three a chapter's review mode grants an attempt with this outcome: `always` → full;
 * `after-pass` → full on a pass, otherwise wrong; `never` → score.
 */
export function reviewLevel(mode: ReviewMode, passed: boolean): ReviewLevel {
  if (mode === "always") return "full";
  if (mode === "never") return "score";
  return passed ? "full" : "wrong";
}

/**
 * The response body a CLOSED attempt may send at a level: for a check
 * `reviewLevel(meta.review, scored.passed)`, for the exam "wrong" (score, per-chapter breakdown,
 * which were wrong with their sections, never a key). The server sends exactly this, so nothing
 * the level withholds reaches the browser. Never call it for an open attempt.
 */
export function reviewAttempt(
  level: ReviewLevel,
  items: readonly AttemptItem[],
  scored: AttemptScore,
  lookup: QuestionLookup,
): AttemptReview {
  const outcome: Outcome = {
    score: scored.score,
    maxScore: scored.maxScore,
    percent: scored.percent,
    passed: scored.passed,
  };
  if (level === "score") return { shows: "score", ...outcome };
  const byKey = new Map(scored.items.map((s) => [s.key, s]));
  const rows = items.map((item) => ({ item, s: byKey.get(item.key), q: questionOfItem(item, lookup) }));
  if (level === "wrong")
    return {
      shows: "wrong",
      ...outcome,
      chapters: scored.chapters,
      wrong: rows
        .filter(({ s }) => !s?.correct)
        .map(({ item, q }) => ({ key: item.key, slug: item.slug, section: q.section, prompt: q.prompt })),
    };
  return {
    shows: "full",
    ...outcome,
    chapters: scored.chapters,
    questions: rows.map(({ item, s, q }) => {
      const options = new Map(q.options.map((o) => [o.id, o]));
      return {
        key: item.key,
        slug: item.slug,
        section: q.section,
        type: q.type,
        prompt: q.prompt,
        points: s?.points ?? 0,
        correct: s?.correct ?? false,
        options: item.options.map(({ token, optionId }) => {
          const o = options.get(optionId);
          return {
            token,
            text: o?.text ?? "",
            picked: s?.selected.includes(optionId) ?? false,
            correct: o?.correct ?? false,
            feedback: o?.feedback ?? "",
          };
        }),
      };
    }),
  };
}
