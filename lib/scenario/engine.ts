import { maxScores } from "./max-scores";
import { gradeFreeText, type RubricGrade } from "./rubric";
import type { Scenario, Step } from "./schema";
import { isLate, timeAllowedMs } from "./timing";

export type Scores = Record<string, number>;

export type Answer =
  | { type: "choice"; choiceId: string }
  | { type: "timeout" }
  | { type: "text"; text: string };

/** A trainer's confirmation or adjustment of the automatic marks for a free-text answer. */
export type Review = { points: Scores; comment: string; reviewerName: string; at: string };

export type Turn = {
  stepId: string;
  answer: Answer;
  points: Scores;
  feedback: string;
  grade?: RubricGrade;
  moodAfter: number;
  review?: Review;
};

/** The points a turn counts for: the trainer's, once reviewed, else the automatic ones. */
export function turnPoints(turn: Turn): Scores {
  return turn.review?.points ?? turn.points;
}

/** Everything an attempt needs to continue: plain data, stored as JSON between requests. */
export type PlayState = {
  stepId: string;
  mood: number;
  turns: Turn[];
  ended: boolean;
  /** Set by each later write (a review), so statements in its batch can check that it was the one applied. */
  writeId?: string;
};

export type ApplyError = "ended" | "wrong-answer-type" | "unknown-choice" | "empty-text";

const DEFAULT_MOOD = 3;
const clampMood = (m: number) => Math.min(5, Math.max(1, m));

function stepOf(s: Scenario, id: string): Step {
  const step = s.steps[id];
  if (!step) throw new Error(`scenario ${s.slug} has no step ${id}`);
  return step;
}

export function start(s: Scenario): PlayState {
  const first = stepOf(s, s.start);
  return { stepId: s.start, mood: first.mood ?? DEFAULT_MOOD, turns: [], ended: first.kind === "end" };
}

/**
 * Applies the learner's answer to the current step and moves to the next one. Returns an error
 * (and changes nothing) when the answer does not fit the step.
 */
export function apply(
  s: Scenario,
  state: PlayState,
  answer: Answer,
): { state: PlayState } | { error: ApplyError } {
  if (state.ended) return { error: "ended" };
  const step = stepOf(s, state.stepId);
  let points: Scores = {};
  let moodChange = 0;
  let feedback = "";
  let next: string;
  let grade: RubricGrade | undefined;

  if (step.kind === "choice" || step.kind === "timed") {
    if (answer.type === "timeout" && step.kind === "timed") {
      ({ points, feedback, next } = step.onTimeout);
      moodChange = step.onTimeout.moodChange ?? 0;
    } else if (answer.type === "choice") {
      const choice = step.choices.find((c) => c.id === answer.choiceId);
      if (!choice) return { error: "unknown-choice" };
      ({ points, feedback, next } = choice);
      moodChange = choice.moodChange ?? 0;
    } else return { error: "wrong-answer-type" };
  } else if (step.kind === "text") {
    if (answer.type !== "text") return { error: "wrong-answer-type" };
    if (!answer.text.trim()) return { error: "empty-text" };
    grade = gradeFreeText(step.rubric, answer.text);
    points = grade.points;
    const total = grade.total;
    next = step.branches.find((b) => total >= b.minPoints)?.next ?? step.next;
    feedback = step.modelAnswer;
  } else return { error: "ended" };

  const moodAfter = clampMood(state.mood + moodChange);
  const nextStep = stepOf(s, next);
  return {
    state: {
      stepId: next,
      mood: nextStep.mood ?? moodAfter,
      turns: [...state.turns, { stepId: state.stepId, answer, points, feedback, grade, moodAfter }],
      ended: nextStep.kind === "end",
    },
  };
}

export function totals(s: Scenario, turns: readonly Turn[]): Scores {
  const sums: Scores = Object.fromEntries(s.competencies.map((c) => [c.id, 0]));
  for (const t of turns) for (const [c, p] of Object.entries(turnPoints(t))) sums[c] = (sums[c] ?? 0) + p;
  return sums;
}

export type ScenarioResult = {
  competencies: { id: string; label: string; score: number; max: number; percent: number }[];
  score: number;
  max: number;
  percent: number;
  passed: boolean;
  outcome: { id: string; label: string; debrief: string } | null;
};

/**
 * Scores against the per-competency maxima over all paths. A competency below zero counts as zero
 * in the total, so one disastrous skill cannot cancel others out. Percentages are floored.
 */
export function result(s: Scenario, state: PlayState): ScenarioResult {
  const max = maxScores(s);
  const sums = totals(s, state.turns);
  const competencies = s.competencies.map((c) => {
    const m = Math.max(0, max[c.id] ?? 0);
    const score = sums[c.id] ?? 0;
    return {
      id: c.id,
      label: c.label,
      score,
      max: m,
      percent: m ? Math.floor((Math.max(0, score) / m) * 100) : 0,
    };
  });
  const total = competencies.reduce((a, c) => a + Math.min(Math.max(0, c.score), c.max), 0);
  const maxTotal = competencies.reduce((a, c) => a + c.max, 0);
  const percent = maxTotal ? Math.floor((total / maxTotal) * 100 + 1e-9) : 0;
  const end = s.steps[state.stepId];
  return {
    competencies,
    score: total,
    max: maxTotal,
    percent,
    passed: state.ended && percent >= s.passScore,
    outcome:
      state.ended && end?.kind === "end"
        ? { id: end.outcome, label: end.outcomeLabel, debrief: end.debrief }
        : null,
  };
}

/** The current step as the browser may see it: words only, no points, feedback or targets. */
export function publicStep(s: Scenario, stepId: string) {
  const step = stepOf(s, stepId);
  return {
    id: stepId,
    kind: step.kind,
    narration: step.narration ?? null,
    customer: step.customer ?? null,
    choices:
      step.kind === "choice" || step.kind === "timed"
        ? step.choices.map((c) => ({ id: c.id, text: c.text }))
        : [],
    timeLimit: step.kind === "timed" ? step.timeLimit : null,
    prompt: step.kind === "text" ? step.prompt : null,
  };
}
export type PublicStep = ReturnType<typeof publicStep>;

/** When an answer arrives, as the server measured it: when the step was shown, now, and extended time. */
export type AnswerClock = { stepStartedAt: number; now: number; extendedTime: boolean };

/**
 * Applies an answer that arrived at `clock.now`: on a timed step, a choice sent after the allowed
 * time (plus grace for the network) counts as no answer, the time ran out. The server's clock
 * decides, never the browser's.
 */
export function applyAnswer(
  s: Scenario,
  state: PlayState,
  answer: Answer,
  clock: AnswerClock,
): { state: PlayState } | { error: ApplyError } {
  const step = stepOf(s, state.stepId);
  const allowed = timeAllowedMs(step.kind === "timed" ? step.timeLimit : null, clock.extendedTime);
  const late = answer.type === "choice" && isLate(clock.stepStartedAt, clock.now, allowed);
  return apply(s, state, late ? { type: "timeout" } : answer);
}
