import type { Question } from "../content/types";
import { share } from "./rates";

/** How many answers chose exactly this selection of options ("["b","c"]" as stored). */
export type SelectionCount = { questionId: string; selection: string; count: number };

export type QuestionAnalysis = {
  id: string;
  prompt: string;
  answered: number;
  /** Percent of answers that chose exactly the correct options. */
  correctShare: number | null;
  options: { id: string; text: string; correct: boolean; count: number; share: number | null }[];
};

function parseSelection(selection: string): string[] {
  try {
    const value: unknown = JSON.parse(selection);
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}

/**
 * Per question: the share answering correctly (exactly the keyed options) and, per option, the
 * share of answers that picked it (a multiple-choice answer counts for each option it picked).
 */
export function analyseQuestions(questions: readonly Question[], counts: readonly SelectionCount[]) {
  return questions.map((q): QuestionAnalysis => {
    const key = q.options
      .filter((o) => o.correct)
      .map((o) => o.id)
      .sort()
      .join(",");
    let answered = 0;
    let correct = 0;
    const picked = new Map<string, number>();
    for (const c of counts) {
      if (c.questionId !== q.id) continue;
      const ids = parseSelection(c.selection);
      answered += c.count;
      if ([...ids].sort().join(",") === key) correct += c.count;
      for (const id of new Set(ids)) picked.set(id, (picked.get(id) ?? 0) + c.count);
    }
    return {
      id: q.id,
      prompt: q.prompt,
      answered,
      correctShare: share(correct, answered),
      options: q.options.map((o) => ({
        id: o.id,
        text: o.text,
        correct: o.correct,
        count: picked.get(o.id) ?? 0,
        share: share(picked.get(o.id) ?? 0, answered),
      })),
    };
  });
}

/** How often each choice was taken at a scenario step; `choice` is a choice id, "timeout" or "text". */
export type ChoiceCount = { stepId: string; choice: string; count: number };

export function analyseSteps(
  steps: readonly { id: string; label: string; choices: { id: string; text: string }[] }[],
  counts: readonly ChoiceCount[],
) {
  return steps.map((step) => {
    const here = counts.filter((c) => c.stepId === step.id);
    const answered = here.reduce((n, c) => n + c.count, 0);
    const known = new Set(step.choices.map((c) => c.id));
    const options = step.choices.map((c) => {
      const count = here.find((h) => h.choice === c.id)?.count ?? 0;
      return { id: c.id, text: c.text, count, share: share(count, answered) };
    });
    const other = here.filter((h) => !known.has(h.choice));
    for (const o of other)
      options.push({ id: o.choice, text: o.choice, count: o.count, share: share(o.count, answered) });
    return { id: step.id, label: step.label, answered, options };
  });
}
