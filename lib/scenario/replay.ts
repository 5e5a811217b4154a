import { type Answer, type ApplyError, apply, type PlayState, start } from "./engine";
import type { Scenario } from "./schema";

/**
 * "Replay from this step": a fresh practice run that starts at a step the learner reached in a
 * finished attempt, with no points yet and the customer's mood as it was when they got there. It is
 * plain data, never stored: every request re-applies the replay's answers from here.
 */
export function replayStart(s: Scenario, played: PlayState, from: string): PlayState | null {
  const index = played.turns.findIndex((t) => t.stepId === from);
  if (index < 0) return null;
  const step = s.steps[from];
  if (!step || step.kind === "end") return null;
  const previous = played.turns[index - 1];
  const mood = index === 0 ? start(s).mood : (step.mood ?? previous?.moodAfter ?? start(s).mood);
  return { stepId: from, mood, turns: [], ended: false };
}

export type ReplayAnswer = { stepId: string; answer: Answer };

/** Applies the replay's answers in order; each must answer the step the replay is on. */
export function replay(
  s: Scenario,
  played: PlayState,
  from: string,
  answers: readonly ReplayAnswer[],
): { state: PlayState } | { error: ApplyError | "not-visited" | "not-current" } {
  let state = replayStart(s, played, from);
  if (!state) return { error: "not-visited" };
  for (const a of answers) {
    if (a.stepId !== state.stepId) return { error: "not-current" };
    const next = apply(s, state, a.answer);
    if ("error" in next) return next;
    state = next.state;
  }
  return { state };
}
