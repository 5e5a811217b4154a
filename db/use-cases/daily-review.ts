import "server-only";
import { sql } from "drizzle-orm";
import { buildAttemptItems, publicItems } from "../../lib/assessment/attempt-items";
import { startOfBankDay } from "../../lib/assessment/bank-day";
import { DAILY_REVIEW } from "../../lib/assessment/kinds";
import { afterReview, DAILY_REVIEW_SIZE, dueToday } from "../../lib/assessment/leitner";
import { newSeed } from "../../lib/assessment/random";
import { scoreAttempt } from "../../lib/assessment/score";
import { validateSubmission } from "../../lib/assessment/submission";
import { submissionError } from "../../lib/assessment/submission-error";
import {
  type DailyReviewState,
  type PinnedContent,
  type ReviewFeedback,
  showReview,
} from "../../lib/assessment/views";
import { AppError } from "../../lib/errors";
import type { Locale } from "../../lib/i18n/locales";
import { type Db, db as defaultDb } from "../client";
import {
  attemptsStartedSince,
  findAttempt,
  findOpenAttempt,
  latestAttempt,
  openAttempt,
} from "../queries/assessment-attempts";
import { loadCatalog } from "../queries/content-catalog";
import {
  dropCardsStatement,
  findCard,
  listDueCards,
  reviewAnswerStatements,
  reviewAnswersOf,
  reviewQueueSummary,
} from "../queries/review-queue";
import type { AssessmentAttempt, ReviewAnswerRow } from "../schema";
import { writeBatch } from "../write";
import { pinnedContent } from "./attempt-content";

type Who = { user: { id: string }; locale: Locale; now?: Date; db?: Db };
const subjectOf = (userId: string) => ({ userId, kind: "review" as const, subject: DAILY_REVIEW });

/** Full feedback on one answered question of a review attempt. */
function feedbackOf(
  attempt: AssessmentAttempt,
  key: string,
  content: PinnedContent,
  nextDueAt: Date | null,
): ReviewFeedback | null {
  const item = attempt.items.find((i) => i.key === key);
  if (!item) return null;
  const picked = Object.hasOwn(attempt.saved, key) ? attempt.saved[key] : undefined;
  const scored = scoreAttempt([item], new Map(picked ? [[key, picked]] : []), content.lookup, 0);
  const review = showReview("full", [item], scored, content);
  const question = review.shows === "full" ? review.questions[0] : undefined;
  return question ? { question, nextDueAt } : null;
}

function answeredOf(attempt: AssessmentAttempt, answers: ReviewAnswerRow[], content: PinnedContent) {
  return Object.fromEntries(
    answers.flatMap((a) => {
      const key = `${a.slug}/${a.questionId}`;
      const feedback = feedbackOf(attempt, key, content, null);
      return feedback ? [[key, feedback]] : [];
    }),
  );
}

/** The learner's daily review: what is due, whether today's is done, the open one with its answers so far. */
export async function reviewState({
  user,
  locale,
  now = new Date(),
  db = defaultDb,
}: Who): Promise<DailyReviewState> {
  const [summary, open, latest] = await Promise.all([
    reviewQueueSummary({ userId: user.id, now, db }),
    findOpenAttempt({ ...subjectOf(user.id), db }),
    latestAttempt({ ...subjectOf(user.id), db }),
  ]);
  const today = latest !== null && latest.startedAt.getTime() >= startOfBankDay(now).getTime();
  let openView: DailyReviewState["open"] = null;
  let finished: DailyReviewState["finished"] = null;
  const shown = open ?? (today ? latest : null);
  if (shown) {
    const content = await pinnedContent({ revisions: shown.revisions, locale, db });
    const answers = await reviewAnswersOf({ attemptId: shown.id, db });
    if (open)
      openView = {
        attemptId: open.id,
        items: publicItems(open.items, content.lookup),
        answered: answeredOf(open, answers, content),
      };
    else finished = { right: answers.filter((a) => a.right).length, total: shown.items.length };
  }
  return { ...summary, doneToday: today && !open, open: openView, finished };
}

/**
 * Starts today's review: up to 5 due questions (the longest overdue first), each in the current
 * revision of its chapter; questions gone from their chapter leave the queue. One review per
 * Beijing day; an open one is resumed.
 */
export async function startReview({
  user,
  locale,
  now = new Date(),
  db = defaultDb,
}: Who): Promise<DailyReviewState> {
  const subject = subjectOf(user.id);
  if (!(await findOpenAttempt({ ...subject, db }))) {
    const latest = await latestAttempt({ ...subject, db });
    const today = startOfBankDay(now);
    if (latest && latest.startedAt.getTime() >= today.getTime()) throw new AppError("conflict:review_done");
    const catalog = await loadCatalog({ db });
    const cards = await listDueCards({ userId: user.id, now, limit: 50, db });
    const found = cards.map((card) => {
      const entry = catalog.findChapter(card.slug, locale);
      const chapter = entry?.result.ok ? entry.result.chapter : null;
      return { card, chapter, question: chapter?.questions.find((q) => q.id === card.questionId) ?? null };
    });
    const gone = found.filter((f) => !f.question).map((f) => f.card);
    if (gone.length > 0) await writeBatch([dropCardsStatement({ userId: user.id, cards: gone, db })], db);
    const due = dueToday(
      found.flatMap((f) =>
        f.question && f.chapter ? [{ ...f, question: f.question, chapter: f.chapter }] : [],
      ),
      now,
      DAILY_REVIEW_SIZE,
    );
    if (due.length === 0) throw new AppError("not_found:review_due");
    const seed = newSeed();
    const opened = await openAttempt({
      attempt: {
        ...subject,
        id: crypto.randomUUID(),
        locale,
        revisions: Object.fromEntries(due.map((d) => [d.card.slug, d.chapter.version])),
        seed,
        items: buildAttemptItems(
          seed,
          due.map((d) => ({ slug: d.card.slug, question: d.question })),
        ),
        passScore: null,
        startedAt: now,
        deadlineAt: null,
      },
      guard: sql`${attemptsStartedSince(subject, today)} = 0`,
      db,
    });
    if (!opened) throw new AppError("conflict:review_done");
  }
  return reviewState({ user, locale, now, db });
}

/**
 * One answer of the daily review, scored on the server: full feedback at once, and the question
 * moves in the Leitner boxes (right: the next box, or out of the queue after the last; wrong: box
 * 1, due tomorrow). It counts for nothing else. A question answered already is a 409.
 */
export async function answerReview({
  user,
  attemptId,
  key,
  tokens,
  locale,
  now = new Date(),
  db = defaultDb,
}: {
  user: { id: string };
  attemptId: string;
  key: string;
  tokens: string[];
  locale: Locale;
  now?: Date;
  db?: Db;
}): Promise<ReviewFeedback & { done: boolean }> {
  const attempt = await findAttempt({ id: attemptId, db });
  if (!attempt || attempt.userId !== user.id || attempt.kind !== "review")
    throw new AppError("not_found:attempt");
  const validated = validateSubmission(attempt.items, { [key]: tokens }, "partial");
  if (!validated.ok) throw submissionError(validated.problem);
  const picked = validated.answers.get(key);
  const item = attempt.items.find((i) => i.key === key);
  if (!picked || !item) throw new AppError("bad_request:pick_count", key);
  if (attempt.closedAt) throw new AppError("conflict:attempt_closed");
  if ((await reviewAnswersOf({ attemptId, db })).some((a) => `${a.slug}/${a.questionId}` === key))
    throw new AppError("conflict:review_answered");

  const scoring = await pinnedContent({ revisions: attempt.revisions, locale: attempt.locale, db });
  const right = scoreAttempt([item], new Map([[key, picked]]), scoring.lookup, 0).items[0]?.correct === true;
  const stored = await findCard({ userId: user.id, slug: item.slug, questionId: item.questionId, db });
  const card = stored ?? { box: 1, dueAt: now, mistakeAt: now };
  const next = afterReview(card, right, now);
  const answerId = crypto.randomUUID();
  const [insert] = await writeBatch(
    reviewAnswerStatements({
      answerId,
      attemptId,
      userId: user.id,
      slug: item.slug,
      questionId: item.questionId,
      right,
      picked,
      card,
      next,
      items: attempt.items.length,
      now,
      db,
    }),
    db,
  );
  if ((insert as { rowsAffected?: number }).rowsAffected !== 1)
    throw new AppError("conflict:review_answered");
  const after = await findAttempt({ id: attemptId, db });
  const content = await pinnedContent({ revisions: attempt.revisions, locale, db });
  const feedback = after ? feedbackOf(after, key, content, next?.dueAt ?? null) : null;
  if (!after || !feedback) throw new AppError("not_found:attempt");
  return { ...feedback, done: after.closedAt !== null };
}
