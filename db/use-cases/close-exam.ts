import "server-only";
import type { BatchItem } from "drizzle-orm/batch";
import type { QuestionLookup } from "../../lib/assessment/attempt-items";
import { examClosing } from "../../lib/assessment/exam-timing";
import { scoreAttempt } from "../../lib/assessment/score";
import { sameAnswers, validateSubmission } from "../../lib/assessment/submission";
import { submissionError } from "../../lib/assessment/submission-error";
import { AppError } from "../../lib/errors";
import type { Answers } from "../../lib/training/score-check";
import { answersFrom } from "../../lib/training/score-check";
import { type Db, db as defaultDb } from "../client";
import {
  type Closing,
  closeAttemptStatement,
  closedBy,
  findAttempt,
  selectAttempt,
} from "../queries/assessment-attempts";
import { issuanceStatements } from "../queries/certificates";
import { itemStatsStatements } from "../queries/item-stats";
import { mistakeStatements } from "../queries/review-queue";
import { employeeNoOf } from "../queries/users";
import { examClosedInserts } from "../queries/xapi-events";
import type { AssessmentAttempt } from "../schema";
import { writeBatch } from "../write";
import { pinnedContent } from "./attempt-content";
import { settleCertificates } from "./settle-certificates";

/**
 * Everything an exam's close writes, in one batch: the attempt closed (guarded: of two closes one
 * wins, and the rest runs only for it), the questions' statistics, the review queue, and the
 * certificate a pass completes (`issuing`).
 */
function examCloseBatch({
  closing,
  attempt,
  issuing,
  learner,
  lookup,
  db,
}: {
  closing: Closing;
  attempt: AssessmentAttempt;
  issuing: BatchItem<"sqlite">[];
  learner: { employeeNo: string };
  lookup: QuestionLookup;
  db: Db;
}) {
  return [
    closeAttemptStatement({ closing, db }),
    ...itemStatsStatements({ closing, db }),
    ...mistakeStatements({ closing, db }),
    ...examClosedInserts({ learner, attempt, closing, lookup, guard: closedBy(closing), db }),
    ...issuing,
    selectAttempt({ id: closing.id, db }),
  ] as const;
}

/**
 * Closes a learner's exam attempt: with the submitted answers before the deadline; at or after it
 * with what was saved before the deadline (a late submission's answers are not stored), lazily by
 * any later request and always the same way, since the score is a pure function of those answers.
 * Returns the closed attempt. An attempt already closed is returned as it is, unless different
 * answers are sent to it (409). Answers that do not fit the attempt are a 400 and store nothing.
 */
export async function closeExam({
  user,
  certificationId,
  attemptId,
  answers: sent,
  now = new Date(),
  db = defaultDb,
}: {
  user: { id: string };
  certificationId: string;
  attemptId: string;
  /** The submission; absent when the deadline passed and a later request closes the attempt. */
  answers?: Record<string, string[]>;
  now?: Date;
  db?: Db;
}): Promise<AssessmentAttempt> {
  const attempt = await findAttempt({ id: attemptId, db });
  if (
    !attempt ||
    attempt.userId !== user.id ||
    attempt.kind !== "exam" ||
    attempt.subject !== certificationId
  )
    throw new AppError("not_found:attempt");
  let submitted: Answers | undefined;
  if (sent) {
    const validated = validateSubmission(attempt.items, sent, "partial");
    if (!validated.ok) throw submissionError(validated.problem);
    submitted = validated.answers;
  }
  const sameAsStored = (row: AssessmentAttempt) =>
    !submitted || row.closeReason === "deadline" || sameAnswers(answersFrom(row.saved), submitted);
  if (attempt.closedAt) {
    if (!sameAsStored(attempt)) throw new AppError("conflict:attempt_closed");
    return attempt;
  }
  const deadline = attempt.deadlineAt ?? now;
  const how = examClosing({ deadline, saved: answersFrom(attempt.saved), submitted, now });
  if (!how)
    throw new AppError("bad_request:answers", "an open exam closes with a submission or at its deadline");
  const content = await pinnedContent({ revisions: attempt.revisions, locale: attempt.locale, db });
  const scored = scoreAttempt(attempt.items, how.answers, content.lookup, attempt.passScore ?? 0);
  const closing: Closing = {
    id: attempt.id,
    userId: user.id,
    closeId: crypto.randomUUID(),
    closedAt: how.closedAt,
    reason: how.reason,
    answers: how.answers,
    scored,
  };
  const issuing = await issuanceStatements({
    userId: user.id,
    next: {
      kind: "exam",
      attemptId: attempt.id,
      closeId: closing.closeId,
      certificationId: attempt.subject,
      percent: scored.percent,
      passed: scored.passed,
      at: how.closedAt,
    },
    now,
    db,
  });
  const learner = { employeeNo: await employeeNoOf({ userId: user.id, db }) };
  const batch = examCloseBatch({ closing, attempt, issuing, learner, lookup: content.lookup, db });
  const results = await writeBatch(batch, db);
  const [stored] = results.at(-1) as AssessmentAttempt[];
  if (!stored) throw new AppError("not_found:attempt");
  const won = stored.closeId === closing.closeId;
  if (!won && !sameAsStored(stored)) throw new AppError("conflict:attempt_closed");
  if (won) await settleCertificates({ userId: user.id, issuing, counts: scored.passed, at: now, db });
  return stored;
}
