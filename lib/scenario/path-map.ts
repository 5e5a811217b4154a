import type { PlayState } from "./engine";
import type { Scenario, Step } from "./schema";

export type PathOption = {
  kind: "choice" | "timeout" | "branch" | "otherwise";
  /** The choice's words, or the branch's minimum points. */
  text: string;
  minPoints?: number;
  next: string;
  taken: boolean;
};
export type PathStep = {
  stepId: string;
  customer: string | null;
  prompt: string | null;
  options: PathOption[];
};

/**
 * The branch map of one attempt, as a list: each step visited in order with every way on from
 * it, the one the learner took marked and the others not, and where each leads.
 */
export function pathMap(s: Scenario, state: PlayState): { steps: PathStep[]; end: string } {
  const steps = state.turns.map((turn, i): PathStep => {
    const step = s.steps[turn.stepId] as Step;
    const went = state.turns[i + 1]?.stepId ?? state.stepId;
    const answered = turn.answer;
    const options: PathOption[] = [];
    if (step.kind === "choice" || step.kind === "timed") {
      for (const c of step.choices)
        options.push({
          kind: "choice",
          text: c.text,
          next: c.next,
          taken: answered.type === "choice" && answered.choiceId === c.id,
        });
      if (step.kind === "timed")
        options.push({
          kind: "timeout",
          text: "",
          next: step.onTimeout.next,
          taken: answered.type === "timeout",
        });
    } else if (step.kind === "text") {
      // The first branch whose minimum the graded answer reached (as the engine decided then).
      const total = turn.grade?.total;
      const taken =
        total === undefined
          ? step.branches.findIndex((b) => b.next === went)
          : step.branches.findIndex((b) => total >= b.minPoints);
      step.branches.forEach((b, j) => {
        options.push({ kind: "branch", text: "", minPoints: b.minPoints, next: b.next, taken: j === taken });
      });
      options.push({ kind: "otherwise", text: "", next: step.next, taken: taken < 0 });
    }
    return {
      stepId: turn.stepId,
      customer: step.customer ?? null,
      prompt: step.kind === "text" ? step.prompt : null,
      options,
    };
  });
  return { steps, end: state.stepId };
}

/** How a step is named in the map: the customer's words, a free-text task, or an ending's label. */
export function stepLabel(s: Scenario, stepId: string): string {
  const step = s.steps[stepId];
  if (!step) return stepId;
  if (step.kind === "end") return step.outcomeLabel;
  return step.customer ?? step.narration ?? (step.kind === "text" ? step.prompt : stepId);
}
