import "server-only";
import { sql } from "drizzle-orm";
import { bankDayStart } from "../../lib/assessment/bank-day";
import { HABIT_MIN_DAYS, HABIT_WINDOW_DAYS, RETENTION_DAYS } from "../../lib/assessment/review-metrics";
import type { BranchRef } from "../../lib/reports/overview";
import type { ReviewCounts } from "../../lib/reports/review-habits";
import { type Db, db as defaultDb } from "../client";
import { branches, reviewAnswers, users } from "../schema";
import { subtreeOf } from "../sql/subtree";
import { tuples } from "./rows";

/** Beijing calendar day number of a millisecond timestamp (UTC+8 all year). */
const bankDay = (ms: ReturnType<typeof sql>) => sql`((${ms} + 28800000) / 86400000)`;
const ACTIVE_LEARNER = sql`u.role = 'learner' and u.active = 1`;

/**
 * Per branch of the subtree at `rootPath`: its active learners, those with a review habit (reviews
 * on ≥ 2 distinct Beijing days of the last 14), and retention (of the mistakes first reviewed at
 * least 7 Beijing days after they were made, how many were right) — the definitions of
 * lib/assessment/review-metrics.ts, in SQL.
 */
export async function loadReviewCounts({
  rootPath,
  now = new Date(),
  db = defaultDb,
}: {
  rootPath: string;
  now?: Date;
  db?: Db;
}): Promise<{ branches: BranchRef[]; counts: ReviewCounts[] }> {
  const inScope = subtreeOf(rootPath, sql`b.path`);
  const from = bankDayStart(now, 1 - HABIT_WINDOW_DAYS).getTime();
  const [branchRows, learners, habits, kept] = await db.batch([
    db.values<[string, string, string, string]>(
      sql`select b.id, b.path, b.name, b.name_en from ${branches} b where ${inScope}`,
    ),
    db.values<[string, number]>(sql`select u.branch_id, count(*) from ${users} u
      join ${branches} b on b.id = u.branch_id where ${ACTIVE_LEARNER} and ${inScope} group by u.branch_id`),
    db.values<[string, number]>(sql`select u.branch_id, count(*) from ${users} u
      join ${branches} b on b.id = u.branch_id
      where ${ACTIVE_LEARNER} and ${inScope} and (select count(distinct ${bankDay(sql`r.answered_at`)})
        from ${reviewAnswers} r where r.user_id = u.id and r.answered_at >= ${from}
          and r.answered_at <= ${now.getTime()}) >= ${HABIT_MIN_DAYS}
      group by u.branch_id`),
    db.values<[string, number, number]>(sql`select u.branch_id, count(*), sum(f.right) from (
        select r.user_id, r.right, row_number() over (partition by r.user_id, r.slug, r.question_id, r.mistake_at
          order by r.answered_at, r.id) as n
        from ${reviewAnswers} r
        where ${bankDay(sql`r.answered_at`)} - ${bankDay(sql`r.mistake_at`)} >= ${RETENTION_DAYS}) f
      join ${users} u on u.id = f.user_id join ${branches} b on b.id = u.branch_id
      where f.n = 1 and ${ACTIVE_LEARNER} and ${inScope}
      group by u.branch_id`),
  ]);
  const counts = new Map<string, ReviewCounts>();
  const of = (id: unknown) => {
    const key = String(id);
    const c = counts.get(key) ?? {
      branchId: key,
      learners: 0,
      withHabit: 0,
      retentionMistakes: 0,
      retentionRight: 0,
    };
    counts.set(key, c);
    return c;
  };
  for (const [id, n] of tuples<[string, number]>(learners)) of(id).learners = Number(n);
  for (const [id, n] of tuples<[string, number]>(habits)) of(id).withHabit = Number(n);
  for (const [id, n, right] of tuples<[string, number, number]>(kept)) {
    of(id).retentionMistakes = Number(n);
    of(id).retentionRight = Number(right);
  }
  return {
    branches: tuples<[string, string, string, string]>(branchRows).map(([id, path, name, nameEn]) => ({
      id: String(id),
      path: String(path),
      name: String(name),
      nameEn: String(nameEn),
    })),
    counts: [...counts.values()],
  };
}
