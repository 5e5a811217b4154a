import "server-only";
import { acceptsAutosave, remainingSeconds } from "../../lib/assessment/exam-timing";
import { validateSubmission } from "../../lib/assessment/submission";
import { submissionError } from "../../lib/assessment/submission-error";
import { AppError } from "../../lib/errors";
import { type Db, db as defaultDb } from "../client";
import { findAttempt, saveAttemptAnswers } from "../queries/assessment-attempts";

/**
 * Saves the answers of the learner's open check or exam as they go (each save replaces the whole
 * set), so a reload or another device resumes them. Any of the drawn questions, each with tokens
 * of that question; after an exam's deadline nothing is saved (409), and the exam closes with
 * what was saved before it.
 */
export async function saveAnswers({
  user,
  attemptId,
  answers: sent,
  now = new Date(),
  db = defaultDb,
}: {
  user: { id: string };
  attemptId: string;
  answers: Record<string, string[]>;
  now?: Date;
  db?: Db;
}) {
  const attempt = await findAttempt({ id: attemptId, db });
  if (!attempt || attempt.userId !== user.id || attempt.kind === "review")
    throw new AppError("not_found:attempt");
  const validated = validateSubmission(attempt.items, sent, "partial");
  if (!validated.ok) throw submissionError(validated.problem);
  const late = attempt.deadlineAt !== null && !acceptsAutosave(attempt.deadlineAt, now);
  if (attempt.closedAt) throw new AppError("conflict:attempt_closed");
  if (late) throw new AppError("conflict:deadline");
  if (!(await saveAttemptAnswers({ id: attempt.id, userId: user.id, answers: validated.answers, now, db }))) {
    // Closed, or past the deadline, between the read and the write.
    const again = await findAttempt({ id: attempt.id, db });
    throw new AppError(again?.closedAt ? "conflict:attempt_closed" : "conflict:deadline");
  }
  return {
    savedAt: now,
    remainingSeconds: attempt.deadlineAt ? remainingSeconds(attempt.deadlineAt, now) : null,
  };
}
