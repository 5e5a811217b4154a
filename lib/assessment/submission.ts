import type { Answers } from "@/lib/training/score-check";
import { type AttemptItem, tokensToOptionIds } from "./attempt-items";

/** Why answers do not fit an attempt; each is the learner's (or a tamperer's) fault: a 400. */
export type SubmissionProblem =
  /** A question that this attempt did not draw. */
  | { code: "undrawn-question"; key: string }
  /** A drawn question without an answer, when the whole attempt must be answered. */
  | { code: "missing-question"; key: string }
  /** A token that is no token of this attempt (a raw option id, another attempt's token…). */
  | { code: "unknown-token"; key: string; token: string }
  /** A token of another question of this attempt. */
  | { code: "foreign-token"; key: string; token: string }
  | { code: "duplicate-pick"; key: string; token: string }
  /** single, truefalse and scenario take exactly one pick, multiple at least one. */
  | { code: "pick-count"; key: string; picks: number };

export type ValidatedSubmission = { ok: true; answers: Answers } | { ok: false; problem: SubmissionProblem };

/**
 * Answers sent by the browser (item key → tokens), checked against the attempt's items and turned
 * into option ids keyed by item key, in the attempt's order. `complete` (a check's submission):
 * exactly the drawn questions, each answered. `partial` (an exam's autosave or submission): any
 * of the drawn questions; an empty list clears an answer and is left out of the result.
 * The first problem found is returned, questions in the attempt's order.
 */
export function validateSubmission(
  items: readonly AttemptItem[],
  submitted: Readonly<Record<string, readonly string[]>>,
  mode: "complete" | "partial",
): ValidatedSubmission {
  const byKey = new Map(items.map((item) => [item.key, item]));
  const sent = new Map(Object.entries(submitted));
  for (const key of sent.keys()) {
    if (!byKey.has(key)) return { ok: false, problem: { code: "undrawn-question", key } };
  }
  const answers: [string, string[]][] = [];
  for (const item of items) {
    const tokens = sent.get(item.key);
    if (tokens === undefined || (tokens.length === 0 && mode === "partial")) {
      if (mode === "complete") return { ok: false, problem: { code: "missing-question", key: item.key } };
      continue;
    }
    const { optionIds, unknown, foreign } = tokensToOptionIds(items, item.key, tokens);
    if (unknown[0] !== undefined)
      return { ok: false, problem: { code: "unknown-token", key: item.key, token: unknown[0] } };
    if (foreign[0] !== undefined)
      return { ok: false, problem: { code: "foreign-token", key: item.key, token: foreign[0] } };
    const twice = tokens.find((t, i) => tokens.indexOf(t) !== i);
    if (twice !== undefined)
      return { ok: false, problem: { code: "duplicate-pick", key: item.key, token: twice } };
    const one = item.type !== "multiple";
    if (optionIds.length === 0 || (one && optionIds.length !== 1))
      return { ok: false, problem: { code: "pick-count", key: item.key, picks: optionIds.length } };
    answers.push([item.key, optionIds]);
  }
  return { ok: true, answers: new Map(answers) };
}

/** A single chapter's answers keyed by item key, re-keyed by question id (as `check_attempts` stores them). */
export function answersByQuestionId(items: readonly AttemptItem[], answers: Answers): Answers {
  return new Map(
    items.flatMap((item): [string, string[]][] => {
      const picked = answers.get(item.key);
      return picked ? [[item.questionId, picked]] : [];
    }),
  );
}

/**
 * Whether two answer sets pick the same options for the same questions, order aside: a retried
 * submission is the same one, and gets the stored result back.
 */
export function sameAnswers(a: Answers, b: Answers): boolean {
  const norm = (x: Answers) =>
    JSON.stringify(
      [...x.entries()]
        .filter(([, ids]) => ids.length > 0)
        .map(([key, ids]) => [key, [...ids].sort()] as const)
        .sort(([k1], [k2]) => (k1 < k2 ? -1 : k1 > k2 ? 1 : 0)),
    );
  return norm(a) === norm(b);
}
