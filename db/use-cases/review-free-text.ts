import "server-only";
import { AppError } from "../../lib/errors";
import { type Review, result, type Scores } from "../../lib/scenario/engine";
import { type Db, db as defaultDb } from "../client";
import { scenarioAtVersion } from "../queries/content-catalog";
import { toCompletion } from "../queries/practice";
import { getAttemptForReview, saveReview } from "../queries/reviews";
import { settleCertificates } from "./settle-certificates";

/**
 * A trainer confirms or changes the automatic points of one free-text answer and leaves a comment.
 * The attempt is re-scored by the engine, stored with a version guard and an audit entry (who,
 * when, before, after), and then goes through the same issuance path as a submission, since a new
 * score can complete a certification. "conflict" when someone else reviewed it meanwhile.
 */
export async function reviewFreeText({
  reviewer,
  attemptId,
  stepId,
  points,
  comment,
  now = new Date(),
  db = defaultDb,
}: {
  reviewer: { id: string; name: string };
  attemptId: string;
  stepId: string;
  points: Scores;
  comment: string;
  now?: Date;
  db?: Db;
}): Promise<"saved" | "conflict"> {
  const attempt = await getAttemptForReview({ id: attemptId, db });
  if (attempt?.status !== "completed") throw new AppError("not_found:play");
  const found = await scenarioAtVersion({
    slug: attempt.scenarioSlug,
    locale: attempt.locale,
    version: attempt.contentVersion,
    db,
  });
  const step = found?.scenario.steps[stepId];
  const turn = attempt.state.turns.find((t) => t.stepId === stepId);
  if (!found || step?.kind !== "text" || !turn) throw new AppError("not_found:play");
  const allowed = new Set([...step.rubric.required, ...step.rubric.forbidden].map((r) => r.competency));
  if (Object.keys(points).some((c) => !allowed.has(c))) throw new AppError("bad_request:form", "competency");

  const review: Review = { points, comment, reviewerName: reviewer.name, at: now.toISOString() };
  const state = {
    ...attempt.state,
    turns: attempt.state.turns.map((t) => (t.stepId === stepId ? { ...t, review } : t)),
  };
  const r = result(found.scenario, state);
  const saved = await saveReview({
    attempt,
    state,
    reviewerId: reviewer.id,
    stepId,
    before: { points: turn.review?.points ?? turn.points, percent: attempt.percent },
    after: { points, percent: r.percent, comment },
    completion: toCompletion(r),
    db,
  });
  if (!saved) return "conflict";
  await settleCertificates({ userId: attempt.userId, issuing: [], counts: true, at: now, db });
  return "saved";
}
