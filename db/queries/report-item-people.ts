import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { ReportSubject } from "../../lib/reports/subject";
import { type Db, db as defaultDb } from "../client";
import { branches, learnerItemStats, users } from "../schema";
import { subtreeOf } from "../sql/subtree";

export type ItemPersonRow = {
  id: string;
  employeeNo: string;
  name: string;
  branchName: string;
  branchNameEn: string;
  /** Best-attempt percentage of the item; null without a result. */
  bestPercent: number | null;
  passed: boolean;
  attempts: number;
};

/**
 * The active learners behind one cell of the reports: the branch's subtree (or its own staff only)
 * inside the viewer's scope, with their best result of the item, weakest first (no result before
 * any result), then by name. A branch outside the scope yields no rows.
 */
export async function listItemPeople({
  scope,
  branchPath,
  own,
  subject,
  db = defaultDb,
}: {
  scope: string;
  branchPath: string;
  own: boolean;
  subject: Pick<ReportSubject, "statType" | "statSlug">;
  db?: Db;
}): Promise<ItemPersonRow[]> {
  const rows = await db
    .select({
      id: users.id,
      employeeNo: users.employeeNo,
      name: users.name,
      branchName: branches.name,
      branchNameEn: branches.nameEn,
      bestPercent: learnerItemStats.bestPercent,
      passed: sql<number>`coalesce(${learnerItemStats.passed}, 0)`,
      attempts: sql<number>`coalesce(${learnerItemStats.attempts}, 0)`,
    })
    .from(users)
    .innerJoin(branches, eq(branches.id, users.branchId))
    .leftJoin(
      learnerItemStats,
      and(
        eq(learnerItemStats.userId, users.id),
        eq(learnerItemStats.itemType, subject.statType),
        eq(learnerItemStats.itemSlug, subject.statSlug),
      ),
    )
    .where(
      and(
        subtreeOf(scope),
        own ? eq(branches.path, branchPath) : subtreeOf(branchPath),
        eq(users.active, true),
        eq(users.role, "learner"),
      ),
    )
    .orderBy(
      sql`${learnerItemStats.bestPercent} is not null`,
      asc(learnerItemStats.bestPercent),
      asc(users.name),
    )
    .limit(1000);
  return rows.map((r) => ({ ...r, passed: Boolean(r.passed), attempts: Number(r.attempts) }));
}
