import type { Question } from "@/lib/content/types";

/** The options a learner picked, by question id: a Map, as content ids must never meet Object.prototype. */
export type Answers = ReadonlyMap<string, string[]>;

/** Answers as stored and sent (a JSON object) to the Map the scoring reads. Own keys only. */
export function answersFrom(record: Readonly<Record<string, string[]>>): Answers {
  return new Map(Object.entries(record));
}

export type QuestionResult = {
  questionId: string;
  points: number;
  /** Full marks on this question. */
  correct: boolean;
  selected: string[];
  /** Feedback for each option the learner picked, in option order. */
  feedback: { optionId: string; text: string; correct: boolean }[];
};

export type CheckResult = {
  score: number;
  maxScore: number;
  /** Floored, so a shown 80% always means at least 80%. */
  percent: number;
  passed: boolean;
  questions: QuestionResult[];
};

/**
 * One point per question. A multiple-choice question earns (right picks − wrong picks) / number
 * of correct options, never below zero, so ticking every box earns nothing.
 */
export function scoreQuestion(q: Question, picked: readonly string[]): number {
  const correctIds = new Set(q.options.filter((o) => o.correct).map((o) => o.id));
  const right = picked.filter((id) => correctIds.has(id)).length;
  const wrong = picked.length - right;
  if (q.type !== "multiple") return right === 1 && wrong === 0 ? 1 : 0;
  return Math.max(0, (right - wrong) / correctIds.size);
}

/** A score as a percentage, floored, so a shown 80% always means at least 80%. */
export function percentOf(score: number, maxScore: number): number {
  return maxScore === 0 ? 0 : Math.floor((score / maxScore) * 100 + 1e-9);
}

export function scoreKnowledgeCheck(questions: Question[], answers: Answers, passScore: number): CheckResult {
  const results = questions.map((q): QuestionResult => {
    const selected = [...(answers.get(q.id) ?? [])];
    const points = scoreQuestion(q, selected);
    return {
      questionId: q.id,
      points,
      correct: points === 1,
      selected,
      feedback: q.options
        .filter((o) => selected.includes(o.id))
        .map((o) => ({ optionId: o.id, text: o.feedback, correct: o.correct })),
    };
  });
  const score = results.reduce((sum, r) => sum + r.points, 0);
  const maxScore = questions.length;
  const percent = percentOf(score, maxScore);
  return { score, maxScore, percent, passed: percent >= passScore, questions: results };
}
