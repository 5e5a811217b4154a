import "server-only";
import { AppError, type ErrorCode } from "../../lib/errors";
import { type Answer, type ApplyError, applyAnswer, publicStep, result } from "../../lib/scenario/engine";
import { timeAllowedMs } from "../../lib/scenario/timing";
import { type Db, db as defaultDb } from "../client";
import { issuanceStatements } from "../queries/certificates";
import { scenarioAtVersion } from "../queries/content-catalog";
import {
  advanceScenarioAttempt,
  getScenarioAttempt,
  scenarioAttemptAt,
  toCompletion,
} from "../queries/practice";
import { scenarioAnsweredInserts } from "../queries/xapi-events";
import { settleCertificates } from "./settle-certificates";

/** What the browser sends for a step: which step it answers, and a choice, a text or "time ran out". */
export type StepAnswer = { stepId: string } & ({ choiceId: string } | { text: string } | { timeout: true });

export const APPLY_ERRORS: Record<ApplyError, ErrorCode> = {
  ended: "bad_request:answer_type",
  "wrong-answer-type": "bad_request:answer_type",
  "unknown-choice": "bad_request:choice",
  "empty-text": "bad_request:text",
};

export function toAnswer(body: StepAnswer): Answer {
  if ("choiceId" in body) return { type: "choice", choiceId: body.choiceId };
  if ("text" in body) return { type: "text", text: body.text };
  return { type: "timeout" };
}

/**
 * A learner answers the current step of their role-play. It must be the attempt's current step (no
 * skipping or replaying); the engine applies the answer on the server's clock and scores it against
 * the revision the attempt started on; the new state is stored with a version guard, and a finishing
 * step stores the scores, the report summaries and any certificate it completes in the same batch,
 * and the batch puts the step's xAPI statements (and the role-play's "completed") in the outbox,
 * written only when the version guard let the step through.
 * Points and feedback stay on the server until the attempt ends.
 */
export async function answerScenarioStep({
  user,
  attemptId,
  answer,
  now = Date.now(),
  db = defaultDb,
}: {
  user: { id: string; employeeNo: string };
  attemptId: string;
  answer: StepAnswer;
  now?: number;
  db?: Db;
}) {
  const attempt = await getScenarioAttempt({ id: attemptId, userId: user.id, db });
  if (!attempt) throw new AppError("not_found:play");
  if (attempt.status !== "active") throw new AppError("conflict:play");
  if (answer.stepId !== attempt.state.stepId) throw new AppError("conflict:step");
  const found = await scenarioAtVersion({
    slug: attempt.scenarioSlug,
    locale: attempt.locale,
    version: attempt.contentVersion,
    db,
  });
  if (!found?.scenario.steps[attempt.state.stepId]) throw new AppError("conflict:scenario_version");
  const { scenario } = found;

  const applied = applyAnswer(scenario, attempt.state, toAnswer(answer), {
    stepStartedAt: attempt.stepStartedAt,
    now,
    extendedTime: attempt.extendedTime,
  });
  if ("error" in applied) throw new AppError(APPLY_ERRORS[applied.error]);
  const { state } = applied;
  const ending = state.ended ? result(scenario, state) : null;
  const completion = ending ? toCompletion(ending) : null;
  const at = new Date(now);
  const recorded = scenarioAnsweredInserts({
    learner: { employeeNo: user.employeeNo },
    attempt: {
      id: attempt.id,
      scenarioSlug: attempt.scenarioSlug,
      contentVersion: attempt.contentVersion,
      locale: attempt.locale,
      startedAt: attempt.createdAt,
    },
    scenario,
    state,
    result: ending,
    at,
    guard: scenarioAttemptAt({ id: attempt.id, version: attempt.version + 1 }),
    db,
  });
  const issuing = completion
    ? await issuanceStatements({
        userId: user.id,
        next: {
          kind: "scenario",
          attemptId: attempt.id,
          version: attempt.version + 1,
          slug: attempt.scenarioSlug,
          percent: completion.percent,
        },
        now: at,
        db,
      })
    : [];
  const stored = await advanceScenarioAttempt({
    id: attempt.id,
    userId: attempt.userId,
    scenarioSlug: attempt.scenarioSlug,
    version: attempt.version,
    state,
    now,
    completion,
    alongside: [...recorded, ...issuing],
    db,
  });
  if (!stored) throw new AppError("conflict:step");

  if (state.ended) {
    await settleCertificates({ userId: user.id, issuing, counts: true, at, db });
    return {
      ended: true as const,
      mood: state.mood,
      resultUrl: `/practice/${attempt.scenarioSlug}/result/${attempt.id}`,
    };
  }
  const next = publicStep(scenario, state.stepId);
  return {
    ended: false as const,
    mood: state.mood,
    timedOut: state.turns.at(-1)?.answer.type === "timeout",
    step: next,
    timeAllowedMs: timeAllowedMs(next.timeLimit, attempt.extendedTime),
  };
}
