import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import type { Scenario, Step } from "@/lib/scenario/schema";
import { validateScenario } from "@/lib/scenario/validate";

/** content/scenarios/eval/<scenario>.<locale>.yaml; the holdout set is in holdout/ below it. */
export const EVAL_DIR = "content/scenarios/eval";
export const HOLDOUT_DIR = path.join(EVAL_DIR, "holdout");

const ids = z
  .array(z.string())
  .nullish()
  .transform((v) => v ?? []);
const evalCase = z.object({
  id: z.string().min(1),
  // An empty answer may be written `answer:` (null) or `answer: ""`.
  answer: z.preprocess((v) => (v == null ? "" : String(v)), z.string()),
  meets: ids,
  violates: ids,
  tags: ids,
  note: z.string().nullish(),
});
const evalFile = z.object({
  scenario: z.string(),
  locale: z.string(),
  steps: z.record(z.string(), z.array(evalCase)),
});

export type EvalCase = z.infer<typeof evalCase>;
export type TextStep = Extract<Step, { kind: "text" }>;
/** One step's labelled answers, with the scenario they answer. */
export type EvalStep = {
  file: string;
  scenario: Scenario;
  stepId: string;
  step: TextStep;
  cases: EvalCase[];
};

/**
 * Loads every eval file in `dir` (not below it) with its scenario from `scenarios` (to measure a
 * draft rubric, point it elsewhere); problems are returned, not thrown.
 */
export function loadEvalSets(
  dir: string,
  scenarios = "content/scenarios",
): { steps: EvalStep[]; problems: string[] } {
  const steps: EvalStep[] = [];
  const problems: string[] = [];
  if (!existsSync(dir)) return { steps, problems };
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith(".yaml"))
    .sort()) {
    const file = path.join(dir, name);
    const parsed = evalFile.safeParse(parse(readFileSync(file, "utf8")));
    if (!parsed.success) {
      problems.push(
        `${file}:1:1 ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
      );
      continue;
    }
    const { scenario: slug, locale, steps: byStep } = parsed.data;
    const source = path.join(scenarios, `${slug}.${locale}.yaml`);
    if (!existsSync(source)) {
      problems.push(`${file}:1:1 there is no scenario ${source}`);
      continue;
    }
    const checked = validateScenario(readFileSync(source, "utf8"));
    if (!("scenario" in checked)) {
      problems.push(`${source}:1:1 the scenario does not validate, so ${file} cannot be graded`);
      continue;
    }
    for (const [stepId, cases] of Object.entries(byStep)) {
      const step = checked.scenario.steps[stepId];
      if (step?.kind !== "text") {
        problems.push(`${file}:1:1 ${slug} has no free-text step "${stepId}"`);
        continue;
      }
      const required = new Set(step.rubric.required.map((r) => r.id));
      const forbidden = new Set(step.rubric.forbidden.map((r) => r.id));
      for (const c of cases) {
        for (const m of c.meets.filter((m) => !required.has(m)))
          problems.push(`${file}:1:1 ${c.id}: "${m}" is not a required element of ${stepId}`);
        for (const v of c.violates.filter((v) => !forbidden.has(v)))
          problems.push(`${file}:1:1 ${c.id}: "${v}" is not a forbidden rule of ${stepId}`);
      }
      steps.push({ file, scenario: checked.scenario, stepId, step, cases });
    }
  }
  return { steps, problems };
}
