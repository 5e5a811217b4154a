import "server-only";
import { and, desc, eq, gt, isNull, or, type SQL, sql } from "drizzle-orm";
import type { AttemptKind, CloseReason } from "../../lib/assessment/kinds";
import type { PastAttempt } from "../../lib/assessment/policy";
import type { AttemptScore } from "../../lib/assessment/score";
import type { Answers } from "../../lib/training/score-check";
import { type Db, db as defaultDb } from "../client";
import {
  type AssessmentAttempt,
  assessmentAttempts,
  checkAttempts,
  type NewAssessmentAttempt,
} from "../schema";
import { rowsAffected, writeBatch } from "../write";

type Subject = { userId: string; kind: AttemptKind; subject: string };

/** The learner's open attempt of a kind and subject (at most one: the partial unique index). */
export async function findOpenAttempt({ userId, kind, subject, db = defaultDb }: Subject & { db?: Db }) {
  const [row] = await db
    .select()
    .from(assessmentAttempts)
    .where(
      and(
        eq(assessmentAttempts.userId, userId),
        eq(assessmentAttempts.kind, kind),
        eq(assessmentAttempts.subject, subject),
        isNull(assessmentAttempts.closedAt),
      ),
    );
  return row ?? null;
}

export async function findAttempt({ id, db = defaultDb }: { id: string; db?: Db }) {
  const [row] = await db.select().from(assessmentAttempts).where(eq(assessmentAttempts.id, id));
  return row ?? null;
}

/** The learner's latest attempt of a kind and subject by start, open or closed (or only closed ones). */
export async function latestAttempt({
  userId,
  kind,
  subject,
  closed = false,
  db = defaultDb,
}: Subject & { closed?: boolean; db?: Db }): Promise<AssessmentAttempt | null> {
  const [row] = await db
    .select()
    .from(assessmentAttempts)
    .where(
      and(
        eq(assessmentAttempts.userId, userId),
        eq(assessmentAttempts.kind, kind),
        eq(assessmentAttempts.subject, subject),
        closed ? sql`${assessmentAttempts.closedAt} is not null` : undefined,
      ),
    )
    .orderBy(desc(assessmentAttempts.startedAt))
    .limit(1);
  return row ?? null;
}

/**
 * A learner's attempts at a chapter's check that the policy may count: those started or closed
 * since `since`. Submissions from before server-held attempts (a `check_attempts` row without an
 * attempt of the same id) count as started and closed when they were stored.
 */
export async function recentCheckAttempts({
  userId,
  slug,
  since,
  db = defaultDb,
}: {
  userId: string;
  slug: string;
  since: Date;
  db?: Db;
}): Promise<PastAttempt[]> {
  const from = since.getTime();
  const [held, legacy] = await db.batch([
    db
      .select({
        startedAt: assessmentAttempts.startedAt,
        closedAt: assessmentAttempts.closedAt,
        passed: assessmentAttempts.passed,
      })
      .from(assessmentAttempts)
      .where(
        and(
          eq(assessmentAttempts.userId, userId),
          eq(assessmentAttempts.kind, "check"),
          eq(assessmentAttempts.subject, slug),
          or(
            sql`${assessmentAttempts.startedAt} >= ${from}`,
            sql`${assessmentAttempts.closedAt} >= ${from}`,
            isNull(assessmentAttempts.closedAt),
          ),
        ),
      ),
    db
      .select({ at: checkAttempts.createdAt, passed: checkAttempts.passed })
      .from(checkAttempts)
      .where(
        and(
          eq(checkAttempts.userId, userId),
          eq(checkAttempts.moduleSlug, slug),
          sql`${checkAttempts.createdAt} >= ${Math.floor(from / 1000)}`,
          sql`not exists (select 1 from ${assessmentAttempts} a where a.id = ${checkAttempts.id})`,
        ),
      ),
  ]);
  return [...held, ...legacy.map((r) => ({ startedAt: r.at, closedAt: r.at, passed: r.passed }))];
}

/**
 * Creates an attempt unless one of its kind and subject is open or `guard` (SQL) says no, and
 * returns the open attempt: the new one, or the one a concurrent request opened first. Null when
 * the guard refused.
 */
export async function openAttempt({
  attempt,
  guard = sql`1`,
  db = defaultDb,
}: {
  attempt: Required<Pick<NewAssessmentAttempt, "id" | "userId" | "kind" | "subject" | "locale">> &
    Pick<NewAssessmentAttempt, "revisions" | "seed" | "items" | "passScore" | "startedAt" | "deadlineAt">;
  guard?: SQL;
  db?: Db;
}): Promise<AssessmentAttempt | null> {
  const a = attempt;
  const [, rows] = await writeBatch(
    [
      db.run(sql`insert into ${assessmentAttempts} (id, user_id, kind, subject, locale, revisions, seed, items,
          pass_score, saved, started_at, deadline_at)
        select ${a.id}, ${a.userId}, ${a.kind}, ${a.subject}, ${a.locale}, ${JSON.stringify(a.revisions)},
          ${a.seed}, ${JSON.stringify(a.items)}, ${a.passScore ?? null}, '{}', ${a.startedAt.getTime()},
          ${a.deadlineAt?.getTime() ?? null}
        where ${guard}
        on conflict do nothing`),
      db
        .select()
        .from(assessmentAttempts)
        .where(
          and(
            eq(assessmentAttempts.userId, a.userId),
            eq(assessmentAttempts.kind, a.kind),
            eq(assessmentAttempts.subject, a.subject),
            isNull(assessmentAttempts.closedAt),
          ),
        ),
    ],
    db,
  );
  return (rows as AssessmentAttempt[])[0] ?? null;
}

/** SQL: attempts of a learner's kind and subject started at or after `since` (after it: `strict`), for a guard. */
export function attemptsStartedSince({ userId, kind, subject }: Subject, since: Date, strict = false): SQL {
  const from = sql`${since.getTime()}`;
  return sql`(select count(*) from ${assessmentAttempts} where user_id = ${userId} and kind = ${kind}
    and subject = ${subject} and started_at ${strict ? sql`>` : sql`>=`} ${from})`;
}

/**
 * Replaces an open attempt's saved answers, before its deadline. False when nothing changed: the
 * attempt is not the learner's, closed, or past its deadline.
 */
export async function saveAttemptAnswers({
  id,
  userId,
  answers,
  now,
  db = defaultDb,
}: {
  id: string;
  userId: string;
  answers: Answers;
  now: Date;
  db?: Db;
}): Promise<boolean> {
  const [result] = await writeBatch(
    [
      db
        .update(assessmentAttempts)
        .set({ saved: Object.fromEntries(answers), savedAt: now })
        .where(
          and(
            eq(assessmentAttempts.id, id),
            eq(assessmentAttempts.userId, userId),
            isNull(assessmentAttempts.closedAt),
            or(isNull(assessmentAttempts.deadlineAt), gt(assessmentAttempts.deadlineAt, now)),
          ),
        ),
    ],
    db,
  );
  return rowsAffected(result) === 1;
}

/** How an attempt closes: who closes it (a fresh `closeId`), when, why, with what and how it scored. */
export type Closing = {
  id: string;
  userId: string;
  closeId: string;
  closedAt: Date;
  reason: CloseReason;
  answers: Answers;
  scored: AttemptScore;
};

/**
 * The statement that closes an open attempt, guarded by `closed_at is null`: of two closes, one
 * writes. The others in its batch run only where `closedBy(closing)` holds, i.e. for the close
 * that won. It records the learner's branch, whose item statistics the attempt counts in.
 */
export function closeAttemptStatement({ closing: c, db = defaultDb }: { closing: Closing; db?: Db }) {
  return db
    .update(assessmentAttempts)
    .set({
      closedAt: c.closedAt,
      closeReason: c.reason,
      closeId: c.closeId,
      saved: Object.fromEntries(c.answers),
      score: c.scored.score,
      maxScore: c.scored.maxScore,
      percent: c.scored.percent,
      passed: c.scored.passed,
      results: c.scored.items,
      branchId: sql`(select branch_id from users where id = ${c.userId})`,
    })
    .where(
      and(
        eq(assessmentAttempts.id, c.id),
        eq(assessmentAttempts.userId, c.userId),
        isNull(assessmentAttempts.closedAt),
      ),
    );
}

/** SQL: the attempt was closed by this close (the guard of everything else in its batch). */
export function closedBy({ id, closeId }: Pick<Closing, "id" | "closeId">): SQL {
  return sql`exists (select 1 from ${assessmentAttempts} where id = ${id} and close_id = ${closeId})`;
}

/** The attempt as stored, read at the end of a batch. */
export function selectAttempt({ id, db = defaultDb }: { id: string; db?: Db }) {
  return db.select().from(assessmentAttempts).where(eq(assessmentAttempts.id, id));
}
