import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { waitingOnAppeal } from "../../lib/certification/appeal-pending";
import { certifications } from "../../lib/certification/catalog";
import type { Scores } from "../../lib/scenario/engine";
import { type Db, db as defaultDb } from "../client";
import {
  auditLog,
  branches,
  type ScenarioAttempt,
  scenarioAppeals,
  scenarioAttempts,
  users,
} from "../schema";
import { writtenBy } from "../sql/appeal-standing";
import { rowsAffected, writeBatch } from "../write";
import { loadCertificationFacts } from "./certificates";

const decider = alias(users, "decider");

/** The appeals against an attempt's answers, with who decided each. */
export async function listAppealsForAttempt({ attemptId, db = defaultDb }: { attemptId: string; db?: Db }) {
  return db
    .select({
      id: scenarioAppeals.id,
      stepId: scenarioAppeals.stepId,
      status: scenarioAppeals.status,
      comment: scenarioAppeals.comment,
      pointsBefore: scenarioAppeals.pointsBefore,
      pointsAfter: scenarioAppeals.pointsAfter,
      reason: scenarioAppeals.reason,
      createdAt: scenarioAppeals.createdAt,
      decidedAt: scenarioAppeals.decidedAt,
      deciderName: decider.name,
    })
    .from(scenarioAppeals)
    .leftJoin(decider, eq(decider.id, scenarioAppeals.decidedBy))
    .where(eq(scenarioAppeals.attemptId, attemptId))
    .orderBy(asc(scenarioAppeals.createdAt));
}
export type AppealRow = Awaited<ReturnType<typeof listAppealsForAttempt>>[number];

/** Answers waiting for a trainer's decision, oldest appeal first, with the attempt and the learner. */
export async function listOpenAppeals({ limit = 30, db = defaultDb }: { limit?: number; db?: Db } = {}) {
  return db
    .select({
      appealId: scenarioAppeals.id,
      stepId: scenarioAppeals.stepId,
      comment: scenarioAppeals.comment,
      contestedAt: scenarioAppeals.createdAt,
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
    .from(scenarioAppeals)
    .innerJoin(scenarioAttempts, eq(scenarioAttempts.id, scenarioAppeals.attemptId))
    .innerJoin(users, eq(users.id, scenarioAttempts.userId))
    .innerJoin(branches, eq(branches.id, users.branchId))
    .where(eq(scenarioAppeals.status, "contested"))
    .orderBy(asc(scenarioAppeals.createdAt))
    .limit(limit);
}

/**
 * Stores a learner's appeal against one answer, once: the insert is guarded by the attempt's
 * version (the floor was computed on that state) and by the unique (attempt, step) index. The
 * attempt's other open appeals take the new floor, and the audit entry is written, in the same
 * batch and only when the appeal was stored. False when nothing was stored.
 */
export async function fileAppeal({
  db = defaultDb,
  ...a
}: {
  attempt: Pick<ScenarioAttempt, "id" | "userId" | "version">;
  stepId: string;
  comment: string;
  floorPercent: number;
  pointsBefore: Scores;
  now: Date;
  db?: Db;
}): Promise<boolean> {
  const id = crypto.randomUUID();
  const stored = sql`exists (select 1 from ${scenarioAppeals} where id = ${id})`;
  const [insert] = await writeBatch(
    [
      db.run(sql`insert into ${scenarioAppeals}
          (id, attempt_id, step_id, user_id, comment, status, floor_percent, points_before, created_at)
        select ${id}, ${a.attempt.id}, ${a.stepId}, ${a.attempt.userId}, ${a.comment}, 'contested',
          ${a.floorPercent}, ${JSON.stringify(a.pointsBefore)}, ${Math.floor(a.now.getTime() / 1000)}
        where exists (select 1 from ${scenarioAttempts} where id = ${a.attempt.id}
          and version = ${a.attempt.version} and status = 'completed')
        on conflict do nothing`),
      db.run(sql`update ${scenarioAppeals} set floor_percent = ${a.floorPercent}
        where attempt_id = ${a.attempt.id} and status = 'contested' and ${stored}`),
      db.run(sql`insert into ${auditLog} (id, actor_id, action, target_type, target_id, before, after)
        select ${crypto.randomUUID()}, ${a.attempt.userId}, 'scenario.appeal', 'scenario_attempt',
          ${`${a.attempt.id}#${a.stepId}`}, ${JSON.stringify({ status: "none", points: a.pointsBefore })},
          ${JSON.stringify({ status: "contested", comment: a.comment, floorPercent: a.floorPercent })}
        where ${stored}`),
    ],
    db,
  );
  return rowsAffected(insert) === 1;
}

/**
 * Statements for a trainer's review batch (`writeId`): the appeal against this answer, if open,
 * becomes decided with the points and the reason; the attempt's other open appeals take the new
 * floor. Both only when the review's own write was the one applied.
 */
export function appealStatementsForReview({
  db = defaultDb,
  ...r
}: {
  attemptId: string;
  stepId: string;
  writeId: string;
  decidedBy: string;
  reason: string;
  pointsAfter: Scores;
  now: Date;
  /** The floor of the answers still contested after this review, if any. */
  floorPercent: number | null;
  db?: Db;
}) {
  const applied = writtenBy(r.attemptId, r.writeId);
  return [
    db
      .update(scenarioAppeals)
      .set({
        status: "decided",
        decidedBy: r.decidedBy,
        decidedAt: r.now,
        reason: r.reason,
        pointsAfter: r.pointsAfter,
      })
      .where(
        and(
          eq(scenarioAppeals.attemptId, r.attemptId),
          eq(scenarioAppeals.stepId, r.stepId),
          eq(scenarioAppeals.status, "contested"),
          applied,
        ),
      ),
    ...(r.floorPercent === null
      ? []
      : [
          db
            .update(scenarioAppeals)
            .set({ floorPercent: r.floorPercent })
            .where(
              and(
                eq(scenarioAppeals.attemptId, r.attemptId),
                eq(scenarioAppeals.status, "contested"),
                applied,
              ),
            ),
        ]),
  ];
}

/**
 * The certifications a learner's contested grades hold back: earned by the results as graded,
 * not by the results the issuance path counts while the appeals are open.
 */
export async function certificationsWaitingOnAppeal({
  userId,
  now = new Date(),
  db = defaultDb,
}: {
  userId: string;
  now?: Date;
  db?: Db;
}) {
  const [{ results, held }, contested] = await Promise.all([
    loadCertificationFacts({ userId, db }),
    db
      .selectDistinct({ attemptId: scenarioAttempts.id, percent: scenarioAttempts.percent })
      .from(scenarioAppeals)
      .innerJoin(scenarioAttempts, eq(scenarioAttempts.id, scenarioAppeals.attemptId))
      .where(and(eq(scenarioAppeals.userId, userId), eq(scenarioAppeals.status, "contested"))),
  ]);
  if (contested.length === 0) return [];
  const graded = new Map(contested.map((c) => [c.attemptId, c.percent ?? 0]));
  return waitingOnAppeal({
    definitions: certifications(),
    standing: results,
    asGraded: {
      ...results,
      scenarios: results.scenarios.map((r) => ({ ...r, percent: graded.get(r.attemptId) ?? r.percent })),
    },
    held: (def) => held.find((c) => c.certificationId === def.id) ?? null,
    now,
  });
}
