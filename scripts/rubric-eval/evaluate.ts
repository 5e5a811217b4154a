import { gradeFreeText } from "@/lib/scenario/rubric";
import { gradeBySubstring } from "./baseline";
import type { EvalCase, EvalStep, TextStep } from "./eval-set";
import { type Counts, scores, sum, tally, zero } from "./metrics";

export const GRADERS = { new: gradeFreeText, old: gradeBySubstring } as const;
export type GraderName = keyof typeof GRADERS;

/** What one grader decided about one answer, beside its labels. */
export type CaseOutcome = {
  step: EvalStep;
  case: EvalCase;
  credited: string[];
  flagged: string[];
  branch: string;
  expectedBranch: string;
};

/** The branch a step takes for a rubric total. */
const branchFor = (step: TextStep, total: number) =>
  step.branches.find((b) => total >= b.minPoints)?.next ?? step.next;

/** The branch the labels deserve: the labelled elements' points less the labelled violations'. */
export function expectedBranch(step: TextStep, c: EvalCase): string {
  const points = (ids: string[], list: { id: string; points: number }[]) =>
    list.filter((r) => ids.includes(r.id)).reduce((a, r) => a + r.points, 0);
  return branchFor(step, points(c.meets, step.rubric.required) - points(c.violates, step.rubric.forbidden));
}

export function gradeCase(grader: GraderName, step: EvalStep, c: EvalCase): CaseOutcome {
  const grade = GRADERS[grader](step.step.rubric, c.answer);
  return {
    step,
    case: c,
    credited: grade.matched.map((m) => m.id),
    flagged: grade.forbidden.map((f) => f.id),
    branch: branchFor(step.step, grade.total),
    expectedBranch: expectedBranch(step.step, c),
  };
}

/** Counts per element (required) and per rule (forbidden), keyed `locale scenario/step id`. */
export type Tally = {
  required: Map<string, Counts>;
  forbidden: Map<string, Counts>;
  branchErrors: number;
  /** Answers tagged `negation` credited with an element they do not meet. */
  negatedCredited: CaseOutcome[];
  cases: number;
};

export const stepKey = (s: EvalStep) => `${s.scenario.locale} ${s.scenario.slug}/${s.stepId}`;

export function evaluate(grader: GraderName, steps: EvalStep[]): { tally: Tally; outcomes: CaseOutcome[] } {
  const tally_: Tally = {
    required: new Map(),
    forbidden: new Map(),
    branchErrors: 0,
    negatedCredited: [],
    cases: 0,
  };
  const outcomes: CaseOutcome[] = [];
  const counts = (map: Map<string, Counts>, key: string) => {
    const c = map.get(key) ?? zero();
    map.set(key, c);
    return c;
  };
  for (const step of steps) {
    for (const c of step.cases) {
      const o = gradeCase(grader, step, c);
      outcomes.push(o);
      tally_.cases++;
      for (const r of step.step.rubric.required)
        tally(
          counts(tally_.required, `${stepKey(step)} ${r.id}`),
          o.credited.includes(r.id),
          c.meets.includes(r.id),
        );
      for (const r of step.step.rubric.forbidden)
        tally(
          counts(tally_.forbidden, `${stepKey(step)} ${r.id}`),
          o.flagged.includes(r.id),
          c.violates.includes(r.id),
        );
      if (o.branch !== o.expectedBranch) tally_.branchErrors++;
      if (c.tags.includes("negation") && o.credited.some((id) => !c.meets.includes(id)))
        tally_.negatedCredited.push(o);
    }
  }
  return { tally: tally_, outcomes };
}

/** Counts of all keys that start with `prefix` (a step key, a locale, or "" for everything). */
export const total = (map: Map<string, Counts>, prefix = ""): Counts =>
  sum([...map].filter(([k]) => k.startsWith(prefix)).map(([, c]) => c));

/** The figures the targets are about, for one grader over a set. */
export function figures(t: Tally) {
  const required = scores(total(t.required));
  return {
    precision: required.precision,
    recall: required.recall,
    f1: required.f1,
    forbidden_f1: scores(total(t.forbidden)).f1,
    negated_credited: t.negatedCredited.length,
    branch_errors: t.branchErrors,
    cases: t.cases,
  };
}

/** Issue 14's targets over the whole set: required precision ≥ 0.95, recall ≥ 0.90, no negated answer credited. */
export const TARGETS = { precision: 0.95, recall: 0.9, negated_credited: 0 };

export function missedTargets(f: ReturnType<typeof figures>): string[] {
  const out: string[] = [];
  if (f.precision < TARGETS.precision) out.push(`precision ${f.precision.toFixed(3)} < ${TARGETS.precision}`);
  if (f.recall < TARGETS.recall) out.push(`recall ${f.recall.toFixed(3)} < ${TARGETS.recall}`);
  if (f.negated_credited > TARGETS.negated_credited)
    out.push(`${f.negated_credited} negated answer(s) credited`);
  return out;
}
