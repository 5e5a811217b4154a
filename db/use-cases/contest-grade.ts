import "server-only";
import { AppError } from "../../lib/errors";
import { contestRefusal, floorResult, passPending } from "../../lib/scenario/appeal";
import { APPEAL_COMMENT } from "../../lib/scenario/appeal-state";
import { turnPoints } from "../../lib/scenario/engine";
import { type Db, db as defaultDb } from "../client";
import { fileAppeal, listAppealsForAttempt } from "../queries/appeals";
import { scenarioAtVersion } from "../queries/content-catalog";
import { getScenarioAttempt } from "../queries/practice";

/**
 * A learner contests the grade of one of their free-text answers (PIPL art. 24): once per answer,
 * with a short comment, on a finished attempt of their own. The appeal stores the attempt's floor
 * (every contested answer at its rubric's minimum), which is what the attempt counts for towards a
 * certificate until a trainer decides. Says whether the attempt's pass now waits for that decision.
 */
export async function contestGrade({
  user,
  attemptId,
  stepId,
  comment,
  now = new Date(),
  db = defaultDb,
}: {
  user: { id: string };
  attemptId: string;
  stepId: string;
  comment: string;
  now?: Date;
  db?: Db;
}): Promise<{ floorPercent: number; passPending: boolean }> {
  const text = comment.trim();
  if (text.length < APPEAL_COMMENT.min || text.length > APPEAL_COMMENT.max)
    throw new AppError("bad_request:appeal_comment");
  const attempt = await getScenarioAttempt({ id: attemptId, userId: user.id, db });
  if (attempt?.status !== "completed") throw new AppError("not_found:play");
  const found = await scenarioAtVersion({
    slug: attempt.scenarioSlug,
    locale: attempt.locale,
    version: attempt.contentVersion,
    db,
  });
  if (!found) throw new AppError("not_found:play");
  const appeals = await listAppealsForAttempt({ attemptId, db });
  const turn = attempt.state.turns.find((t) => t.stepId === stepId);
  const refusal = contestRefusal(turn, appeals.find((a) => a.stepId === stepId)?.status ?? "none");
  if (refusal === "already-contested") throw new AppError("conflict:appeal");
  if (refusal || !turn) throw new AppError("bad_request:appeal");

  const contested = [...appeals.filter((a) => a.status === "contested").map((a) => a.stepId), stepId];
  const floorPercent = floorResult(found.scenario, attempt.state, contested).percent;
  const stored = await fileAppeal({
    attempt,
    stepId,
    comment: text,
    floorPercent,
    pointsBefore: turnPoints(turn),
    now,
    db,
  });
  if (!stored) {
    // Either the same answer was contested meanwhile, or a trainer re-scored the attempt.
    const again = await listAppealsForAttempt({ attemptId, db });
    throw new AppError(again.some((a) => a.stepId === stepId) ? "conflict:appeal" : "conflict:write");
  }
  return { floorPercent, passPending: passPending(found.scenario, attempt.state, contested) };
}
