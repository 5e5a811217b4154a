import "server-only";
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { PlayState, ScenarioResult } from "../../lib/scenario/engine";
import { type Db, db as defaultDb } from "../client";
import { type ScenarioAttempt, scenarioAttempts, scenarioScores } from "../schema";
import { standingPercent } from "../sql/appeal-standing";
import { rowsAffected, writeBatch } from "../write";
import { refreshScenarioStats } from "./report-stats";

export async function createScenarioAttempt({
  db = defaultDb,
  ...a
}: {
  userId: string;
  scenarioSlug: string;
  contentVersion: string;
  locale: ScenarioAttempt["locale"];
  state: PlayState;
  extendedTime: boolean;
  now: number;
  db?: Db;
}): Promise<ScenarioAttempt> {
  const id = crypto.randomUUID();
  const [[created]] = await writeBatch(
    [
      db
        .insert(scenarioAttempts)
        .values({ ...a, id, stepStartedAt: a.now, createdAt: new Date(a.now) })
        .returning(),
    ],
    db,
  );
  if (!created) throw new Error("scenario attempt was not stored");
  return created;
}

/** An attempt, only if it belongs to this user (anyone else gets nothing, as if it did not exist). */
export async function getScenarioAttempt({
  id,
  userId,
  db = defaultDb,
}: {
  id: string;
  userId: string;
  db?: Db;
}) {
  const [row] = await db
    .select()
    .from(scenarioAttempts)
    .where(and(eq(scenarioAttempts.id, id), eq(scenarioAttempts.userId, userId)));
  return row ?? null;
}

export type Completion = {
  score: number;
  maxScore: number;
  percent: number;
  passed: boolean;
  outcome: string | null;
  competencies: { id: string; score: number; max: number }[];
};

/** The parts of a scenario result that are stored with the attempt. */
export function toCompletion(r: ScenarioResult): Completion {
  return {
    score: r.score,
    maxScore: r.max,
    percent: r.percent,
    passed: r.passed,
    outcome: r.outcome?.id ?? null,
    competencies: r.competencies.map((c) => ({ id: c.id, score: c.score, max: c.max })),
  };
}

/** SQL: the attempt stands at `version` (what the rest of a step's batch is guarded by). */
export function scenarioAttemptAt({ id, version }: { id: string; version: number }): SQL {
  return sql`exists (select 1 from ${scenarioAttempts} where id = ${id} and version = ${version})`;
}

/**
 * Stores one answered step, guarded by the version read: if another request advanced the attempt
 * first, nothing is written and false comes back. A finishing step stores the scores in the same batch.
 */
export async function advanceScenarioAttempt({
  db = defaultDb,
  ...a
}: {
  id: string;
  userId: string;
  scenarioSlug: string;
  version: number;
  state: PlayState;
  now: number;
  completion: Completion | null;
  /**
   * Statements for the same atomic batch, after the update (the step's xAPI statements, a
   * certificate this completes); guard them with `scenarioAttemptAt({ id, version: version + 1 })`.
   */
  alongside?: BatchItem<"sqlite">[];
  db?: Db;
}): Promise<boolean> {
  const next = a.version + 1;
  const done = a.completion;
  const [update] = await writeBatch(
    [
      db
        .update(scenarioAttempts)
        .set({
          state: a.state,
          stepStartedAt: a.now,
          version: next,
          ...(done
            ? {
                status: "completed" as const,
                score: done.score,
                maxScore: done.maxScore,
                percent: done.percent,
                passed: done.passed,
                outcome: done.outcome,
                completedAt: new Date(a.now),
              }
            : {}),
        })
        .where(
          and(
            eq(scenarioAttempts.id, a.id),
            eq(scenarioAttempts.version, a.version),
            eq(scenarioAttempts.status, "active"),
          ),
        ),
      ...(done?.competencies ?? []).map((c) =>
        db.run(sql`insert into ${scenarioScores} (attempt_id, competency, score, max_score)
        select ${a.id}, ${c.id}, ${c.score}, ${c.max}
        where ${scenarioAttemptAt({ id: a.id, version: next })}`),
      ),
      ...(done ? refreshScenarioStats({ userId: a.userId, slug: a.scenarioSlug, db }) : []),
      ...(a.alongside ?? []),
    ],
    db,
  );
  return rowsAffected(update) === 1;
}

/**
 * A learner's best role-play result: `bestPercent` as graded, `standingPercent` as it counts towards
 * a certificate (contested answers at their floor); they differ only while an appeal is open.
 */
export type ScenarioStanding = {
  bestPercent: number;
  standingPercent: number;
  passed: boolean;
  attempts: number;
};

export async function getScenarioStandings({
  userId,
  db = defaultDb,
}: {
  userId: string;
  db?: Db;
}): Promise<Map<string, ScenarioStanding>> {
  const rows = await db
    .select({
      slug: scenarioAttempts.scenarioSlug,
      best: sql<number>`max(${scenarioAttempts.percent})`,
      standing: sql<number>`max(${standingPercent()})`,
      passed: sql<number>`max(${scenarioAttempts.passed})`,
      attempts: sql<number>`count(*)`,
    })
    .from(scenarioAttempts)
    .where(and(eq(scenarioAttempts.userId, userId), eq(scenarioAttempts.status, "completed")))
    .groupBy(scenarioAttempts.scenarioSlug);
  return new Map(
    rows.map((r) => [
      r.slug,
      { bestPercent: r.best, standingPercent: r.standing, passed: r.passed === 1, attempts: r.attempts },
    ]),
  );
}

export async function listScenarioAttempts({
  userId,
  scenarioSlug,
  db = defaultDb,
}: {
  userId: string;
  scenarioSlug: string;
  db?: Db;
}) {
  return db
    .select({
      id: scenarioAttempts.id,
      percent: scenarioAttempts.percent,
      passed: scenarioAttempts.passed,
      outcome: scenarioAttempts.outcome,
      completedAt: scenarioAttempts.completedAt,
    })
    .from(scenarioAttempts)
    .where(
      and(
        eq(scenarioAttempts.userId, userId),
        eq(scenarioAttempts.scenarioSlug, scenarioSlug),
        eq(scenarioAttempts.status, "completed"),
      ),
    )
    .orderBy(desc(scenarioAttempts.completedAt))
    .limit(20);
}
