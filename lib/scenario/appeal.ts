import { type AppealState, nextAppealState } from "./appeal-state";
import { type PlayState, result, type ScenarioResult, type Turn } from "./engine";
import { rubricMinimum } from "./review-bounds";
import type { Scenario } from "./schema";

/** Why this turn's grade cannot be contested, or null when it can. */
export function contestRefusal(
  turn: Turn | undefined,
  state: AppealState,
): "not-free-text" | "already-contested" | null {
  if (turn?.answer.type !== "text") return "not-free-text";
  return nextAppealState(state, "contest") ? null : "already-contested";
}

/**
 * The attempt as it stands for certain while answers are contested: each contested answer
 * counted at its rubric's minimum, the worst a trainer could decide.
 */
export function floorResult(s: Scenario, state: PlayState, contested: readonly string[]): ScenarioResult {
  const turns = state.turns.map((t) => {
    const step = s.steps[t.stepId];
    if (!contested.includes(t.stepId) || step?.kind !== "text") return t;
    return { ...t, points: rubricMinimum(step.rubric), review: undefined };
  });
  return result(s, { ...state, turns });
}

/**
 * Whether a pass waits for the trainer: "depends on" a contested grade means the attempt passes
 * as graded and would not if the contested answers earned their rubric's minimum. A certificate
 * depends on it in the same way, against the certification's own threshold (the floor percent).
 */
export function passPending(s: Scenario, state: PlayState, contested: readonly string[]): boolean {
  if (contested.length === 0) return false;
  return result(s, state).passed && !floorResult(s, state, contested).passed;
}
