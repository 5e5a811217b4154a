import "server-only";
import type { BatchItem } from "drizzle-orm/batch";
import type { QuestionLookup } from "../../lib/assessment/attempt-items";
import { scoreAttempt } from "../../lib/assessment/score";
import { answersByQuestionId, sameAnswers, validateSubmission } from "../../lib/assessment/submission";
import { submissionError } from "../../lib/assessment/submission-error";
import type { CheckSubmitted } from "../../lib/assessment/views";
import { AppError } from "../../lib/errors";
import type { Locale } from "../../lib/i18n/locales";
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
import { checkAttemptStatement } from "../queries/learning";
import { refreshChapterStats } from "../queries/report-stats";
import { mistakeStatements } from "../queries/review-queue";
import { employeeNoOf } from "../queries/users";
import { checkClosedInserts } from "../queries/xapi-events";
import type { AssessmentAttempt } from "../schema";
import { writeBatch } from "../write";
import { pinnedContent } from "./attempt-content";
import { checkAvailability, checkResultView, currentChapter } from "./check-attempt";

import { settleCertificates } from "./settle-certificates";

/**
 * Everything a check's close writes, in one batch: the attempt closed (guarded: of two closes one
 * wins, and the rest runs only for it), the `check_attempts` row every report, standing and
 * certification query reads, the learner's report summary, the questions' statistics, the
 * review queue, and any certificate the pass completes (`issuing`).
 */
function checkCloseBatch({
  closing,
  attempt,
  issuing,
  learner,
  lookup,
  chapterTitle,
  db,
}: {
  closing: Closing;
  attempt: AssessmentAttempt;
  issuing: BatchItem<"sqlite">[];
  learner: { employeeNo: string };
  lookup: QuestionLookup;
  chapterTitle: string;
  db: Db;
}) {
  const slug = attempt.subject;
  return [
    closeAttemptStatement({ closing, db }),
    checkAttemptStatement({
      closing,
      slug,
      version: attempt.revisions[slug] ?? "",
      locale: attempt.locale,
      answers: answersByQuestionId(attempt.items, closing.answers),
      db,
    }),
    ...refreshChapterStats({ userId: closing.userId, slug, db }),
    ...itemStatsStatements({ closing, db }),
    ...mistakeStatements({ closing, db }),
    ...checkClosedInserts({ learner, attempt, closing, lookup, chapterTitle, guard: closedBy(closing), db }),
    ...issuing,
    selectAttempt({ id: closing.id, db }),
  ] as const;
}

/**
 * A learner submits the open attempt of a chapter's check: exactly its drawn questions, each with
 * tokens of that question. Anything else is a 400 and stores nothing; another learner's attempt
 * or one of another chapter is a 404; an attempt already closed is a 409, unless this is the same
 * submission again (a retry after a lost response), which gets the stored result back.
 */
export async function submitCheck({
  user,
  slug,
  attemptId,
  answers: sent,
  locale,
  now = new Date(),
  db = defaultDb,
}: {
  /** The signed-in learner; `employeeNo` when the session has it (else it is read). */
  user: { id: string; employeeNo?: string };
  slug: string;
  attemptId: string;
  answers: Record<string, string[]>;
  locale: Locale;
  now?: Date;
  db?: Db;
}): Promise<CheckSubmitted> {
  const { chapter, catalog } = await currentChapter({ slug, locale, db });
  const attempt = await findAttempt({ id: attemptId, db });
  if (!attempt || attempt.userId !== user.id || attempt.kind !== "check" || attempt.subject !== slug)
    throw new AppError("not_found:attempt");
  const validated = validateSubmission(attempt.items, sent, "complete");
  if (!validated.ok) throw submissionError(validated.problem);
  const { answers } = validated;

  let stored = attempt;
  let issuing: BatchItem<"sqlite">[] = [];
  let closedNow = false;
  // What this request scored, so the response is built from it instead of reading and scoring again.
  let known: Parameters<typeof checkResultView>[3] = { catalog };
  if (!attempt.closedAt) {
    const scoring = await pinnedContent({
      revisions: attempt.revisions,
      locale: attempt.locale,
      db,
      catalog,
    });
    const scored = scoreAttempt(
      attempt.items,
      answers,
      scoring.lookup,
      attempt.passScore ?? chapter.meta.passScore,
    );
    const closing: Closing = {
      id: attempt.id,
      userId: user.id,
      closeId: crypto.randomUUID(),
      closedAt: now,
      reason: "submitted",
      answers,
      scored,
    };
    issuing = await issuanceStatements({
      userId: user.id,
      next: { kind: "chapter", attemptId, slug, percent: scored.percent, passed: scored.passed },
      now,
      db,
    });
    const learner = { employeeNo: user.employeeNo ?? (await employeeNoOf({ userId: user.id, db })) };
    const batch = checkCloseBatch({
      closing,
      attempt,
      issuing,
      learner,
      lookup: scoring.lookup,
      chapterTitle: chapter.meta.title,
      db,
    });
    const results = await writeBatch(batch, db);
    const [row] = results.at(-1) as AssessmentAttempt[];
    if (!row) throw new AppError("not_found:attempt");
    stored = row;
    closedNow = row.closeId === closing.closeId;
    if (!closedNow) issuing = [];
    // The stored answers are the ones scored here; the view shows the score against the stored pass mark.
    else if (row.passScore === (attempt.passScore ?? chapter.meta.passScore))
      known = { catalog, scored, content: row.locale === locale ? scoring : undefined };
  }
  // Closed by an earlier or a concurrent request: the same answers get its result, others a 409.
  if (!closedNow && !sameAnswers(answersFrom(stored.saved), answers))
    throw new AppError("conflict:attempt_closed");
  const [certificate, availability, view] = await Promise.all([
    settleCertificates({
      userId: user.id,
      issuing,
      counts: stored.passed === true,
      at: stored.closedAt ?? now,
      db,
    }),
    checkAvailability({ userId: user.id, chapter, now, db }),
    checkResultView(stored, locale, db, known),
  ]);
  return { ...view, certificate, availability };
}
