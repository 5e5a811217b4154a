import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { type Db, db as defaultDb } from "../client";
import {
  branches,
  certificates,
  checkAttempts,
  learnerItemStats,
  scenarioAttempts,
  scenarioScores,
  users,
} from "../schema";
import { subtreeOf } from "../sql/subtree";
import { personColumns } from "./columns";

/** A person, when they lie inside the viewer's scope; null otherwise (the page answers 404). */
export async function findPersonInScope({
  id,
  scope,
  db = defaultDb,
}: {
  id: string;
  scope: string;
  db?: Db;
}) {
  const [row] = await db
    .select(personColumns)
    .from(users)
    .innerJoin(branches, eq(branches.id, users.branchId))
    .where(and(eq(users.id, id), subtreeOf(scope)));
  return row ?? null;
}

/** Everything the person page shows besides assignments: attempts, competency scores, certificates. */
export async function getPersonRecord({ userId, db = defaultDb }: { userId: string; db?: Db }) {
  const [checks, plays, certs, relearn] = await db.batch([
    db
      .select({
        id: checkAttempts.id,
        slug: checkAttempts.moduleSlug,
        percent: checkAttempts.percent,
        passed: checkAttempts.passed,
        at: checkAttempts.createdAt,
      })
      .from(checkAttempts)
      .where(eq(checkAttempts.userId, userId))
      .orderBy(desc(checkAttempts.createdAt), desc(checkAttempts.id)),
    db
      .select({
        id: scenarioAttempts.id,
        slug: scenarioAttempts.scenarioSlug,
        status: scenarioAttempts.status,
        percent: scenarioAttempts.percent,
        passed: scenarioAttempts.passed,
        at: scenarioAttempts.createdAt,
        completedAt: scenarioAttempts.completedAt,
      })
      .from(scenarioAttempts)
      .where(eq(scenarioAttempts.userId, userId))
      .orderBy(desc(scenarioAttempts.createdAt), desc(scenarioAttempts.id)),
    db.select().from(certificates).where(eq(certificates.userId, userId)).orderBy(desc(certificates.cycle)),
    db
      .select({ itemType: learnerItemStats.itemType, itemSlug: learnerItemStats.itemSlug })
      .from(learnerItemStats)
      .where(and(eq(learnerItemStats.userId, userId), eq(learnerItemStats.relearn, true))),
  ]);
  const completed = plays.filter((p) => p.status === "completed").map((p) => p.id);
  const scores = completed.length
    ? await db.select().from(scenarioScores).where(inArray(scenarioScores.attemptId, completed))
    : [];
  return { checks, plays, certificates: certs, scores, relearn };
}

export type PersonRecord = Awaited<ReturnType<typeof getPersonRecord>>;
