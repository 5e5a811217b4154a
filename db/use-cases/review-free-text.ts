import "server-only";
import { AppError } from "../../lib/errors";
import { floorResult } from "../../lib/scenario/appeal";
import { decisionOutcome } from "../../lib/scenario/appeal-state";
import { type Review, result, type Scores } from "../../lib/scenario/engine";
import { outOfBounds } from "../../lib/scenario/review-bounds";
import { type Db, db as defaultDb } from "../client";
import { appealStatementsForReview, listAppealsForAttempt } from "../queries/appeals";
import { issuanceStatements } from "../queries/certificates";
import { scenarioAtVersion } from "../queries/content-catalog";
import { toCompletion } from "../queries/practice";
import { getAttemptForReview, saveReview } from "../queries/reviews";
import { settleCertificates } from "./settle-certificates";

/**
 * A trainer confirms or changes the automatic points of one free-text answer and leaves a comment.
 * The points must lie within the step's rubric (`outOfBounds`). When the learner contested the
 * answer, this is the decision: the comment is its reason and is required. The attempt is re-scored
 * by the engine and stored with a version guard, the audit entry (who, when, before, after), the
 * appeal's decision and whatever certificate the new score completes, in one batch; then the same
 * issuance path as a submission runs. "conflict" when someone else reviewed it meanwhile.
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
  const problems = outOfBounds(step.rubric, points);
  if (problems.some((p) => p.min === undefined)) throw new AppError("bad_request:form", "competency");
  if (problems.length > 0)
    throw new AppError(
      "unprocessable:review_points",
      problems.map((p) => `${p.competency} ${p.points} ∉ [${p.min}, ${p.max}]`).join("; "),
    );

  const appeals = await listAppealsForAttempt({ attemptId, db });
  const appeal = appeals.find((a) => a.stepId === stepId && a.status === "contested");
  const reason = comment.trim();
  if (appeal && reason.length < 2) throw new AppError("unprocessable:appeal_reason");

  const review: Review = { points, comment: reason, reviewerName: reviewer.name, at: now.toISOString() };
  const state = {
    ...attempt.state,
    turns: attempt.state.turns.map((t) => (t.stepId === stepId ? { ...t, review } : t)),
  };
  const r = result(found.scenario, state);
  // Answers of this attempt still contested after this review keep it at their floor.
  const stillContested = appeals.filter((a) => a.status === "contested" && a.stepId !== stepId);
  const floorPercent = stillContested.length
    ? floorResult(
        found.scenario,
        state,
        stillContested.map((a) => a.stepId),
      ).percent
    : null;
  const writeId = crypto.randomUUID();
  const pointsBefore = turn.review?.points ?? turn.points;
  const issuing = await issuanceStatements({
    userId: attempt.userId,
    next: { kind: "rescored", attemptId, writeId, percent: floorPercent ?? r.percent },
    now,
    db,
  });
  const saved = await saveReview({
    attempt,
    state,
    reviewerId: reviewer.id,
    stepId,
    action: appeal ? "scenario.appeal_decide" : "scenario.review",
    before: {
      points: pointsBefore,
      percent: attempt.percent,
      ...(appeal ? { appeal: "contested", learnerComment: appeal.comment } : {}),
    },
    after: {
      points,
      percent: r.percent,
      comment: reason,
      ...(appeal ? { appeal: "decided", outcome: decisionOutcome(pointsBefore, points) } : {}),
    },
    completion: toCompletion(r),
    writeId,
    alongside: [
      ...appealStatementsForReview({
        attemptId,
        stepId,
        writeId,
        decidedBy: reviewer.id,
        reason,
        pointsAfter: points,
        now,
        floorPercent,
        db,
      }),
      ...issuing,
    ],
    db,
  });
  if (!saved) return "conflict";
  await settleCertificates({ userId: attempt.userId, issuing, counts: true, at: now, db });
  return "saved";
}
