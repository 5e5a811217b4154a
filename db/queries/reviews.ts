import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { PlayState } from "../../lib/scenario/engine";
import { type Db, db as defaultDb } from "../client";
import { auditLog, branches, type ScenarioAttempt, scenarioAttempts, scenarioScores, users } from "../schema";
import { writtenBy } from "../sql/appeal-standing";
import { rowsAffected, writeBatch } from "../write";
import type { Completion } from "./practice";
import { refreshScenarioStats } from "./report-stats";

/** Completed attempts with at least one free-text answer no trainer has reviewed yet, oldest first. */
export async function listAttemptsAwaitingReview({
  limit = 30,
  db = defaultDb,
}: {
  limit?: number;
  db?: Db;
} = {}) {
  return db
    .select({
      id: scenarioAttempts.id,
      scenarioSlug: scenarioAttempts.scenarioSlug,
      locale: scenarioAttempts.locale,
      state: scenarioAttempts.state,
      version: scenarioAttempts.version,
      completedAt: scenarioAttempts.completedAt,
      learnerName: users.name,
      employeeNo: users.employeeNo,
      branchName: branches.name,
      branchNameEn: branches.nameEn,
    })
    .from(scenarioAttempts)
    .innerJoin(users, eq(users.id, scenarioAttempts.userId))
    .innerJoin(branches, eq(branches.id, users.branchId))
    .where(
      and(
        eq(scenarioAttempts.status, "completed"),
        sql`exists (select 1 from json_each(${scenarioAttempts.state}, '$.turns') t
          where json_extract(t.value, '$.answer.type') = 'text' and json_extract(t.value, '$.review') is null)`,
      ),
    )
    .orderBy(scenarioAttempts.completedAt)
    .limit(limit);
}

export async function getAttemptForReview({
  id,
  db = defaultDb,
}: {
  id: string;
  db?: Db;
}): Promise<ScenarioAttempt | null> {
  const [row] = await db.select().from(scenarioAttempts).where(eq(scenarioAttempts.id, id));
  return row ?? null;
}

/**
 * Stores a trainer's review of one free-text answer: the new state and scores, guarded by the
 * version read, and the audit entry (who, when, before, after) in the same batch.
 */
export async function saveReview({
  db = defaultDb,
  ...r
}: {
  attempt: ScenarioAttempt;
  state: PlayState;
  completion: Completion;
  reviewerId: string;
  stepId: string;
  before: unknown;
  after: unknown;
  /** The audit action: a review, or a review that decides the learner's appeal. */
  action?: "scenario.review" | "scenario.appeal_decide";
  /** Marks the state this batch writes; statements in `alongside` check it with `writtenBy`. */
  writeId?: string;
  /** Statements for the same atomic batch (the appeal's decision, a certificate the new score completes). */
  alongside?: BatchItem<"sqlite">[];
  db?: Db;
}): Promise<boolean> {
  const { attempt, completion } = r;
  const next = attempt.version + 1;
  // The version alone cannot tell this write from a concurrent one that reached the same version.
  const writeId = r.writeId ?? crypto.randomUUID();
  const guard = writtenBy(attempt.id, writeId);
  const [update] = await writeBatch(
    [
      db
        .update(scenarioAttempts)
        .set({
          state: { ...r.state, writeId },
          version: next,
          score: completion.score,
          percent: completion.percent,
          passed: completion.passed,
        })
        .where(and(eq(scenarioAttempts.id, attempt.id), eq(scenarioAttempts.version, attempt.version))),
      db.run(sql`delete from ${scenarioScores} where attempt_id = ${attempt.id} and ${guard}`),
      ...completion.competencies.map((c) =>
        db.run(sql`insert into ${scenarioScores} (attempt_id, competency, score, max_score)
        select ${attempt.id}, ${c.id}, ${c.score}, ${c.max} where ${guard}`),
      ),
      ...refreshScenarioStats({ userId: attempt.userId, slug: attempt.scenarioSlug, db }),
      db.run(sql`insert into ${auditLog} (id, actor_id, action, target_type, target_id, before, after)
      select ${crypto.randomUUID()}, ${r.reviewerId}, ${r.action ?? "scenario.review"}, 'scenario_attempt', ${`${attempt.id}#${r.stepId}`},
        ${JSON.stringify(r.before)}, ${JSON.stringify(r.after)} where ${guard}`),
      ...(r.alongside ?? []),
    ],
    db,
  );
  return rowsAffected(update) === 1;
}
