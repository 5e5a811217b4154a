import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { type Db, db as defaultDb } from "../client";
import { checkAttempts, learnerItemStats, scenarioAttempts, scenarioScores } from "../schema";

// Each refresh recomputes a person's summary rows for one item from the attempts themselves, so it
// can run in any submission's batch (even one whose guarded update lost) and always ends correct.

const upsert = sql`on conflict (user_id, item_type, item_slug) do update
  set passed = excluded.passed, best_percent = excluded.best_percent, attempts = excluded.attempts`;

function chapterRows(where: SQL) {
  return sql`select user_id, 'chapter', module_slug, max(passed), max(percent), count(*)
    from ${checkAttempts} where ${where} group by user_id, module_slug`;
}

function scenarioRows(where: SQL) {
  return sql`select user_id, 'scenario', scenario_slug, max(passed), max(percent), count(*)
    from ${scenarioAttempts} where status = 'completed' and ${where} group by user_id, scenario_slug`;
}

/** Per competency, its percentage in each person's best completed attempt of each scenario. */
function competencyRows(where: SQL) {
  return sql`select b.user_id, 'competency', b.scenario_slug || ':' || s.competency, 0,
      100.0 * s.score / s.max_score, 1
    from (select id, user_id, scenario_slug, row_number() over (partition by user_id, scenario_slug
            order by percent desc, completed_at, id) as rank
          from ${scenarioAttempts} where status = 'completed' and ${where}) b
    join ${scenarioScores} s on s.attempt_id = b.id
    where b.rank = 1 and s.max_score > 0`;
}

const columns = sql`(user_id, item_type, item_slug, passed, best_percent, attempts)`;

/** Statements for a submission's batch: the person's summary of one chapter after a knowledge check. */
export function refreshChapterStats({
  userId,
  slug,
  db = defaultDb,
}: {
  userId: string;
  slug: string;
  db?: Db;
}) {
  return [
    db.run(sql`insert into ${learnerItemStats} ${columns}
      ${chapterRows(sql`user_id = ${userId} and module_slug = ${slug}`)} ${upsert}`),
  ] satisfies BatchItem<"sqlite">[];
}

/** Statements for a batch that completes or re-scores a scenario attempt. */
export function refreshScenarioStats({
  userId,
  slug,
  db = defaultDb,
}: {
  userId: string;
  slug: string;
  db?: Db;
}) {
  const who = sql`user_id = ${userId} and scenario_slug = ${slug}`;
  return [
    db.run(sql`insert into ${learnerItemStats} ${columns} ${scenarioRows(who)} ${upsert}`),
    db.run(sql`delete from ${learnerItemStats} where user_id = ${userId} and item_type = 'competency'
      and substr(item_slug, 1, ${slug.length + 1}) = ${`${slug}:`}`),
    db.run(sql`insert into ${learnerItemStats} ${columns} ${competencyRows(who)} ${upsert}`),
  ] satisfies BatchItem<"sqlite">[];
}

/** Rebuilds the whole summary from the attempts (seeding, an existing database, a repair). */
export async function rebuildReportStats({ db = defaultDb }: { db?: Db } = {}) {
  const all = sql`1 = 1`;
  await db.batch([
    db.run(sql`delete from ${learnerItemStats}`),
    db.run(sql`insert into ${learnerItemStats} ${columns} ${chapterRows(all)} ${upsert}`),
    db.run(sql`insert into ${learnerItemStats} ${columns} ${scenarioRows(all)} ${upsert}`),
    db.run(sql`insert into ${learnerItemStats} ${columns} ${competencyRows(all)} ${upsert}`),
  ]);
}

export type StatRow = {
  userId: string;
  itemType: string;
  itemSlug: string;
  passed: number;
  bestPercent: number | null;
  attempts: number;
};

/** The summary as a full recomputation gives it, without touching the table (for checking it). */
export async function recomputeReportStats({ db = defaultDb }: { db?: Db } = {}): Promise<StatRow[]> {
  const all = sql`1 = 1`;
  const rows = await db.all<[string, string, string, number, number | null, number]>(
    sql`select * from (${chapterRows(all)} union all ${scenarioRows(all)} union all ${competencyRows(all)})`,
  );
  return rows.map((r) => {
    const [userId, itemType, itemSlug, passed, bestPercent, attempts] = Object.values(r) as [
      string,
      string,
      string,
      number,
      number | null,
      number,
    ];
    return { userId, itemType, itemSlug, passed, bestPercent, attempts };
  });
}
