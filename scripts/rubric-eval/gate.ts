import { EVAL_DIR, loadEvalSets } from "./eval-set";
import { evaluate, figures, missedTargets } from "./evaluate";

/**
 * What content:check asks of the free-text grader: every scenario that has an eval set is graded
 * with its labelled answers, and the whole set must reach issue 14's targets.
 */
export function gateRubrics(dir = EVAL_DIR): { problems: string[]; summary: string } {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const { steps, problems } = loadEvalSets(dir);
  if (steps.length === 0) return { problems, summary: "rubric eval: no eval set" };
  const f = figures(evaluate("new", steps).tally);
  const below = missedTargets(f).map((m) => `${dir}:1:1 the free-text grader is below its target: ${m}`);
  const ms = Math.round(performance.now() - started);
  const used = process.cpuUsage(cpu);
  const cpuMs = Math.round((used.user + used.system) / 1000);
  return {
    problems: [...problems, ...below],
    summary:
      `rubric eval: ${f.cases} answers, required precision ${f.precision.toFixed(3)} recall ${f.recall.toFixed(3)}, ` +
      `forbidden F1 ${f.forbidden_f1.toFixed(3)}, ${f.negated_credited} negated credited (${ms} ms, ${cpuMs} ms CPU)`,
  };
}
