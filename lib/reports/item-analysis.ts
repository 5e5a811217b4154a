import { share } from "./rates";

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
