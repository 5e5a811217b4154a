import "server-only";
import { and, asc, count, eq, lte, min, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { afterMistake, type ReviewCard } from "../../lib/assessment/leitner";
import { type Db, db as defaultDb } from "../client";
import { assessmentAttempts, reviewAnswers, reviewCards } from "../schema";
import { type Closing, closedBy } from "./assessment-attempts";

/**
 * Statements for a check's or exam's close batch: every question not fully right enters the
 * learner's review queue, or goes back to box 1 (due tomorrow, Beijing time), with this close as
 * its latest mistake. Only for the close that won.
 */
export function mistakeStatements({
  closing,
  db = defaultDb,
}: {
  closing: Closing;
  db?: Db;
}): BatchItem<"sqlite">[] {
  const wrong = closing.scored.items.filter((i) => !i.correct);
  if (wrong.length === 0) return [];
  const card = afterMistake(closing.closedAt);
  const rows = sql.join(
    wrong.map((i) => sql`(${i.slug}, ${i.questionId})`),
    sql`, `,
  );
  return [
    db.run(sql`insert into ${reviewCards} (user_id, slug, question_id, box, due_at, mistake_at)
      select ${closing.userId}, v.column1, v.column2, ${card.box}, ${card.dueAt.getTime()}, ${closing.closedAt.getTime()}
      from (values ${rows}) v
      where ${closedBy(closing)}
      on conflict (user_id, slug, question_id) do update set box = excluded.box, due_at = excluded.due_at,
        mistake_at = excluded.mistake_at`),
  ];
}

/** A learner's due cards, the longest overdue first (then the lowest box), at most `limit`. */
export async function listDueCards({
  userId,
  now,
  limit,
  db = defaultDb,
}: {
  userId: string;
  now: Date;
  limit: number;
  db?: Db;
}) {
  return db
    .select()
    .from(reviewCards)
    .where(and(eq(reviewCards.userId, userId), lte(reviewCards.dueAt, now)))
    .orderBy(asc(reviewCards.dueAt), asc(reviewCards.box))
    .limit(limit);
}

/** How many of a learner's cards are due now, and when the next one not yet due falls due. */
export async function reviewQueueSummary({
  userId,
  now,
  db = defaultDb,
}: {
  userId: string;
  now: Date;
  db?: Db;
}) {
  const [[due], [later]] = await db.batch([
    db
      .select({ n: count() })
      .from(reviewCards)
      .where(and(eq(reviewCards.userId, userId), lte(reviewCards.dueAt, now))),
    db
      .select({ next: min(reviewCards.dueAt), total: count() })
      .from(reviewCards)
      .where(and(eq(reviewCards.userId, userId), sql`${reviewCards.dueAt} > ${now.getTime()}`)),
  ]);
  return { due: due?.n ?? 0, waiting: later?.total ?? 0, nextDueAt: later?.next ?? null };
}

export async function findCard({
  userId,
  slug,
  questionId,
  db = defaultDb,
}: {
  userId: string;
  slug: string;
  questionId: string;
  db?: Db;
}) {
  const [row] = await db
    .select()
    .from(reviewCards)
    .where(
      and(eq(reviewCards.userId, userId), eq(reviewCards.slug, slug), eq(reviewCards.questionId, questionId)),
    );
  return row ?? null;
}

/** Removes cards whose question is gone from the chapter's current revision. */
export function dropCardsStatement({
  userId,
  cards,
  db = defaultDb,
}: {
  userId: string;
  cards: readonly { slug: string; questionId: string }[];
  db?: Db;
}) {
  return db.run(sql`delete from ${reviewCards} where user_id = ${userId} and (slug, question_id) in
    (values ${sql.join(
      cards.map((c) => sql`(${c.slug}, ${c.questionId})`),
      sql`, `,
    )})`);
}

/** The answers already given in a review attempt, by item key. */
export async function reviewAnswersOf({ attemptId, db = defaultDb }: { attemptId: string; db?: Db }) {
  return db.select().from(reviewAnswers).where(eq(reviewAnswers.attemptId, attemptId));
}

/**
 * The batch of one review answer: the answer is stored once per attempt and question (the unique
 * index; a retry or a concurrent second answer stores nothing), and only where it was stored, the
 * card moves to its next box (or leaves the queue: `next` null), the picks are kept with the
 * attempt, and the attempt closes once every question has an answer.
 */
export function reviewAnswerStatements({
  answerId,
  attemptId,
  userId,
  slug,
  questionId,
  right,
  picked,
  card,
  next,
  items,
  now,
  db = defaultDb,
}: {
  answerId: string;
  attemptId: string;
  userId: string;
  slug: string;
  questionId: string;
  right: boolean;
  /** The option ids picked, kept with the attempt so a reload shows the feedback again. */
  picked: string[];
  card: ReviewCard & { mistakeAt: Date };
  next: ReviewCard | null;
  items: number;
  now: Date;
  db?: Db;
}) {
  const stored = sql`exists (select 1 from ${reviewAnswers} where id = ${answerId})`;
  const thisCard = sql`user_id = ${userId} and slug = ${slug} and question_id = ${questionId}`;
  return [
    db
      .insert(reviewAnswers)
      .values({
        id: answerId,
        attemptId,
        userId,
        slug,
        questionId,
        right,
        box: card.box,
        mistakeAt: card.mistakeAt,
        answeredAt: now,
      })
      .onConflictDoNothing(),
    next
      ? db.run(sql`update ${reviewCards} set box = ${next.box}, due_at = ${next.dueAt.getTime()}
          where ${thisCard} and ${stored}`)
      : db.run(sql`delete from ${reviewCards} where ${thisCard} and ${stored}`),
    db.run(sql`update ${assessmentAttempts} set saved = json_set(saved, ${`$."${slug}/${questionId}"`}, json(${JSON.stringify(picked)})),
        saved_at = ${now.getTime()}
      where id = ${attemptId} and ${stored}`),
    db.run(sql`update ${assessmentAttempts} set closed_at = ${now.getTime()}, close_reason = 'answered'
      where id = ${attemptId} and closed_at is null and ${stored}
        and (select count(*) from ${reviewAnswers} where attempt_id = ${attemptId}) >= ${items}`),
  ] as const;
}
