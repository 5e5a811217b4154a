// npm run rubric:eval: grades every labelled answer in content/scenarios/eval/ with the word grader
// (new) and the old substring grader (old), prints precision/recall/F1 per element and per step,
// forbidden phrases, branch errors and negated answers credited. The last line is one JSON object.
// --holdout also grades content/scenarios/eval/holdout/ (holdout_* fields); --verbose lists every
// wrong decision of the new grader; --scenarios=DIR grades against the scenario files in DIR.
import { EVAL_DIR, type EvalStep, HOLDOUT_DIR, loadEvalSets } from "./eval-set";
import {
  type CaseOutcome,
  evaluate,
  figures,
  type GraderName,
  missedTargets,
  stepKey,
  type Tally,
  total,
} from "./evaluate";
import { type Counts, scores } from "./metrics";

const args = new Set(process.argv.slice(2));
const scenarios = process.argv.find((a) => a.startsWith("--scenarios="))?.slice("--scenarios=".length);
const f2 = (n: number) => n.toFixed(2);
const row = (label: string, old: Counts, now: Counts) => {
  const o = scores(old);
  const n = scores(now);
  const support = now.tp + now.fn;
  return `  ${label.padEnd(34)} ${String(support).padStart(4)}   ${f2(o.precision)} ${f2(o.recall)} ${f2(o.f1)}  | ${f2(n.precision)} ${f2(n.recall)} ${f2(n.f1)}`;
};
const header = (title: string) => `${title.padEnd(36)} true   old P    R    F1  | new P    R    F1`;

function report(steps: EvalStep[], results: Record<GraderName, Tally>, outcomes: CaseOutcome[]) {
  const { old, new: now } = results;
  for (const step of steps) {
    const key = stepKey(step);
    console.log(`\n${header(key)}`);
    for (const r of step.step.rubric.required) {
      const k = `${key} ${r.id}`;
      console.log(row(r.id, old.required.get(k) as Counts, now.required.get(k) as Counts));
    }
    console.log(row("(step, required)", total(old.required, `${key} `), total(now.required, `${key} `)));
    for (const r of step.step.rubric.forbidden) {
      const k = `${key} ${r.id}`;
      console.log(row(`forbidden ${r.id}`, old.forbidden.get(k) as Counts, now.forbidden.get(k) as Counts));
    }
  }
  console.log(`\n${header("whole set")}`);
  for (const locale of [...new Set(steps.map((s) => s.scenario.locale))])
    console.log(
      row(`required, ${locale}`, total(old.required, `${locale} `), total(now.required, `${locale} `)),
    );
  console.log(row("required", total(old.required), total(now.required)));
  console.log(row("forbidden", total(old.forbidden), total(now.forbidden)));
  console.log(
    `\n  answers sent down the wrong branch: old ${old.branchErrors}, new ${now.branchErrors} (of ${now.cases})`,
  );
  console.log(
    `  negated answers credited: old ${old.negatedCredited.length}, new ${now.negatedCredited.length}`,
  );
  for (const o of now.negatedCredited)
    console.log(
      `    ${o.case.id}: credited ${o.credited.filter((id) => !o.case.meets.includes(id)).join(", ")}`,
    );
  if (args.has("--verbose")) {
    console.log("\nwrong decisions of the new grader:");
    for (const o of outcomes) {
      const fp = o.credited.filter((id) => !o.case.meets.includes(id));
      const fn = o.case.meets.filter((id) => !o.credited.includes(id));
      const ffp = o.flagged.filter((id) => !o.case.violates.includes(id));
      const ffn = o.case.violates.filter((id) => !o.flagged.includes(id));
      if (fp.length + fn.length + ffp.length + ffn.length === 0) continue;
      const parts = [
        fp.length ? `+${fp.join(",")}` : "",
        fn.length ? `-${fn.join(",")}` : "",
        ffp.length ? `+!${ffp.join(",")}` : "",
        ffn.length ? `-!${ffn.join(",")}` : "",
      ].filter(Boolean);
      console.log(`  ${o.case.id} [${o.case.tags.join(",")}] ${parts.join(" ")}  ${o.case.answer}`);
    }
  }
}

function run(dir: string) {
  const { steps, problems } = loadEvalSets(dir, scenarios);
  for (const p of problems) console.error(p);
  const now = evaluate("new", steps);
  const old = evaluate("old", steps);
  return { steps, problems, now, old };
}

const main = run(EVAL_DIR);
const cases = main.now.tally.cases;
console.log(
  `rubric:eval: ${cases} labelled answers in ${EVAL_DIR} (old = substring grader, new = word grader)`,
);
report(main.steps, { old: main.old.tally, new: main.now.tally }, main.now.outcomes);
const result: Record<string, number> = {};
const nowFigures = figures(main.now.tally);
const oldFigures = figures(main.old.tally);
Object.assign(result, nowFigures);
for (const [k, v] of Object.entries(oldFigures)) if (k !== "cases") result[`baseline_${k}`] = v;
if (args.has("--holdout")) {
  const holdout = run(HOLDOUT_DIR);
  console.log(`\nholdout: ${holdout.now.tally.cases} answers in ${HOLDOUT_DIR}`);
  report(holdout.steps, { old: holdout.old.tally, new: holdout.now.tally }, holdout.now.outcomes);
  for (const [k, v] of Object.entries(figures(holdout.now.tally))) result[`holdout_${k}`] = v;
  for (const [k, v] of Object.entries(figures(holdout.old.tally)))
    if (k !== "cases") result[`holdout_baseline_${k}`] = v;
}
const missed = cases > 0 ? missedTargets(nowFigures) : [];
if (missed.length) console.log(`\nbelow the targets: ${missed.join("; ")}`);
const rounded = Object.fromEntries(Object.entries(result).map(([k, v]) => [k, Math.round(v * 1000) / 1000]));
console.log(JSON.stringify(rounded));
process.exit(main.problems.length > 0 || missed.length > 0 ? 1 : 0);
