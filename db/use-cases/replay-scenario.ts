import "server-only";
import { AppError } from "../../lib/errors";
import { publicStep, result, turnPoints } from "../../lib/scenario/engine";
import { replay } from "../../lib/scenario/replay";
import { timeAllowedMs } from "../../lib/scenario/timing";
import { type Db, db as defaultDb } from "../client";
import { scenarioAtVersion } from "../queries/content-catalog";
import { getScenarioAttempt } from "../queries/practice";
import { APPLY_ERRORS, type StepAnswer, toAnswer } from "./answer-scenario-step";

/**
 * A practice replay of the learner's own finished role-play, from a step they reached in it. It
 * writes nothing: no attempt, no scores, no report summaries, no certificate, no xAPI statement.
 * The browser sends every answer of the replay so far; the server re-applies them to the revision
 * the attempt was played on and returns the next step's words, or, at the end, the practice
 * feedback. With no stored attempt behind it, a replay has nothing that could be scored.
 */
export async function replayScenario({
  user,
  attemptId,
  from,
  answers,
  extendedTime,
  db = defaultDb,
}: {
  user: { id: string };
  attemptId: string;
  from: string;
  answers: StepAnswer[];
  extendedTime: boolean;
  db?: Db;
}) {
  const attempt = await getScenarioAttempt({ id: attemptId, userId: user.id, db });
  if (!attempt) throw new AppError("not_found:play");
  if (attempt.status !== "completed") throw new AppError("bad_request:replay", "the attempt has not ended");
  const found = await scenarioAtVersion({
    slug: attempt.scenarioSlug,
    locale: attempt.locale,
    version: attempt.contentVersion,
    db,
  });
  if (!found) throw new AppError("conflict:scenario_version");
  const { scenario } = found;
  const replayed = replay(
    scenario,
    attempt.state,
    from,
    answers.map((a) => ({ stepId: a.stepId, answer: toAnswer(a) })),
  );
  if ("error" in replayed) {
    const e = replayed.error;
    if (e === "not-visited" || e === "not-current" || e === "ended")
      throw new AppError("bad_request:replay", e);
    throw new AppError(APPLY_ERRORS[e]);
  }
  const { state } = replayed;
  if (!state.ended) {
    const step = publicStep(scenario, state.stepId);
    return {
      ended: false as const,
      practice: true as const,
      attemptId,
      mood: state.mood,
      step,
      timeAllowedMs: timeAllowedMs(step.timeLimit, extendedTime),
    };
  }
  const r = result(scenario, state);
  const labels = new Map(scenario.competencies.map((c) => [c.id, c.label]));
  const end = scenario.steps[state.stepId];
  return {
    ended: true as const,
    practice: true as const,
    mood: state.mood,
    summary: {
      outcome: r.outcome?.label ?? null,
      debrief: end?.kind === "end" ? end.debrief : null,
      turns: state.turns.map((t) => ({
        stepId: t.stepId,
        points: Object.entries(turnPoints(t))
          .filter(([, p]) => p !== 0)
          .map(([c, p]) => ({ label: labels.get(c) ?? c, points: p })),
        feedback: t.feedback,
        modelAnswer: t.grade !== undefined,
      })),
    },
  };
}
export type ReplayResponse = Awaited<ReturnType<typeof replayScenario>>;
export type ReplaySummary = Extract<ReplayResponse, { ended: true }>["summary"];
