import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { type Db, db as defaultDb } from "../client";
import {
  assignments,
  branchReportStats,
  checkAttempts,
  learnerItemStats,
  scenarioAttempts,
  scenarioScores,
  users,
} from "../schema";
import { majorCutoff } from "../sql/major-cutoff";
import { tuples } from "./rows";

// Each refresh recomputes a person's summary rows for one item from the attempts themselves, so it
// can run in any submission's batch (even one whose guarded update lost) and always ends correct.
// The branch totals follow by triggers on learner_item_stats (db/migrations/0006_report_deltas.sql):
// the changed row's difference is added to its branch's totals in the same transaction, so a
// submission's cost does not depend on how many people the branch has.

const upsert = sql`on conflict (user_id, item_type, item_slug) do update
  set passed = excluded.passed, best_percent = excluded.best_percent, attempts = excluded.attempts,
    relearn = excluded.relearn`;

function chapterRows(where: SQL) {
  // Passes before the chapter's latest major revision no longer count (db/sql/major-cutoff.ts).
  const current = sql`case when a.created_at > ${majorCutoff("chapter", sql`a.module_slug`)}
    then coalesce(a.passed, 0) else 0 end`;
  return sql`select a.user_id, 'chapter', a.module_slug, max(${current}), max(a.percent), count(*),
      coalesce(max(a.passed), 0) > max(${current})
    from ${checkAttempts} a
    where ${where} group by a.user_id, a.module_slug`;
}

function scenarioRows(where: SQL) {
  const current = sql`case when a.completed_at > ${majorCutoff("scenario", sql`a.scenario_slug`)}
    then coalesce(a.passed, 0) else 0 end`;
  return sql`select a.user_id, 'scenario', a.scenario_slug, max(${current}), max(a.percent), count(*),
      coalesce(max(a.passed), 0) > max(${current})
    from ${scenarioAttempts} a
    where a.status = 'completed' and ${where} group by a.user_id, a.scenario_slug`;
}

/** Per competency, its percentage in each person's best completed attempt of each scenario. */
function competencyRows(where: SQL) {
  return sql`select b.user_id, 'competency', b.scenario_slug || ':' || s.competency as item_slug, 0,
      100.0 * max(0, min(s.score, s.max_score)) / s.max_score, 1, 0
    from (select a.id, a.user_id, a.scenario_slug, row_number() over (partition by a.user_id,
            a.scenario_slug order by a.percent desc, a.completed_at, a.id) as rank
          from ${scenarioAttempts} a where a.status = 'completed' and ${where}) b
    join ${scenarioScores} s on s.attempt_id = b.id
    where b.rank = 1 and s.max_score > 0`;
}

const columns = sql`(user_id, item_type, item_slug, passed, best_percent, attempts, relearn)`;

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
      ${chapterRows(sql`a.user_id = ${userId} and a.module_slug = ${slug}`)} ${upsert}`),
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
  const who = sql`a.user_id = ${userId} and a.scenario_slug = ${slug}`;
  // Upserted, then the competencies the best attempt no longer has are removed: unchanged rows
  // stay as they are and move no totals.
  return [
    db.run(sql`insert into ${learnerItemStats} ${columns} ${scenarioRows(who)} ${upsert}`),
    db.run(sql`insert into ${learnerItemStats} ${columns} ${competencyRows(who)} ${upsert}`),
    db.run(sql`delete from ${learnerItemStats} where user_id = ${userId} and item_type = 'competency'
      and substr(item_slug, 1, ${slug.length + 1}) = ${`${slug}:`}
      and item_slug not in (select c.item_slug from (${competencyRows(who)}) c)`),
  ] satisfies BatchItem<"sqlite">[];
}

/**
 * Rebuilds the whole summary from the attempts (seeding, an existing database, a repair). The
 * triggers' deltas along the way are thrown away: the branch totals are recomputed last.
 */
export async function rebuildReportStats({ db = defaultDb }: { db?: Db } = {}) {
  const all = sql`1 = 1`;
  await db.batch([
    db.run(sql`delete from ${learnerItemStats}`),
    db.run(sql`insert into ${learnerItemStats} ${columns} ${chapterRows(all)} ${upsert}`),
    db.run(sql`insert into ${learnerItemStats} ${columns} ${scenarioRows(all)} ${upsert}`),
    db.run(sql`insert into ${learnerItemStats} ${columns} ${competencyRows(all)} ${upsert}`),
    db.run(sql`delete from ${branchReportStats}`),
    ...refreshBranchStats({ branches: all, db }),
  ]);
}

/**
 * Statements for the batch that publishes a major revision: everyone's summary of that item is
 * recomputed, so earlier passes stop counting (and are flagged "relearn") in the same write; the
 * branch totals follow for the rows that changed. Rows are never removed: an item's row exists
 * while its attempts do.
 */
export function refreshItemStatsForAll({
  kind,
  slug,
  db = defaultDb,
}: {
  kind: "chapter" | "scenario";
  slug: string;
  db?: Db;
}) {
  const rows =
    kind === "chapter"
      ? chapterRows(sql`a.module_slug = ${slug}`)
      : scenarioRows(sql`a.scenario_slug = ${slug}`);
  return [
    db.run(sql`insert into ${learnerItemStats} ${columns} ${rows} ${upsert}`),
  ] satisfies BatchItem<"sqlite">[];
}

export type StatRow = {
  userId: string;
  itemType: string;
  itemSlug: string;
  passed: number;
  bestPercent: number | null;
  attempts: number;
  relearn: boolean;
};

/** The summary as a full recomputation gives it, as SQL (columns in StatRow's order). */
export function recomputedStatsSql() {
  const all = sql`1 = 1`;
  return sql`select * from (${chapterRows(all)} union all ${scenarioRows(all)} union all ${competencyRows(all)})`;
}

/** The rows of `recomputedStatsSql` as StatRows. */
export function toStatRows(rows: unknown[][]): StatRow[] {
  return rows.map((r) => {
    const [userId, itemType, itemSlug, passed, bestPercent, attempts, relearn] = r as [
      string,
      string,
      string,
      number,
      number | null,
      number,
      number,
    ];
    return { userId, itemType, itemSlug, passed, bestPercent, attempts, relearn: relearn === 1 };
  });
}

/** The summary as a full recomputation gives it, without touching the table (for checking it). */
export async function recomputeReportStats({ db = defaultDb }: { db?: Db } = {}): Promise<StatRow[]> {
  return toStatRows(tuples(await db.values<unknown[]>(recomputedStatsSql())));
}

const ACTIVE_LEARNER = sql`u.role = 'learner' and u.active = 1`;

/**
 * A branch's totals as branch_report_stats stores them, computed from scratch from learner_item_stats
 * and the assignments for the branches `u.branch_id` may take: the definition the triggers keep by
 * deltas (db/migrations/0006_report_deltas.sql).
 */
export function branchStatsSql(branches: SQL) {
  return sql`select u.branch_id, 'learners', count(*), 0, 0
      from ${users} u where ${ACTIVE_LEARNER} and ${branches}
      group by u.branch_id
    union all
    select u.branch_id, s.item_type || ':' || s.item_slug, count(*), sum(s.passed),
        coalesce(sum(s.best_percent), 0)
      from ${users} u join ${learnerItemStats} s on s.user_id = u.id
      where ${ACTIVE_LEARNER} and ${branches}
      group by u.branch_id, s.item_type, s.item_slug
    union all
    select u.branch_id, 'open:' || a.due_date, count(*), 0, 0
      from ${users} u join ${assignments} a on a.user_id = u.id
      where ${ACTIVE_LEARNER} and ${branches} and a.item_type in ('chapter', 'scenario')
        and not exists (select 1 from ${learnerItemStats} s where s.user_id = a.user_id
          and s.item_type = a.item_type and s.item_slug = a.item_slug and s.passed = 1)
      group by u.branch_id, a.due_date
    union all
    select u.branch_id, 'cert:' || a.due_date, count(*), 0, 0
      from ${users} u join ${assignments} a on a.user_id = u.id
      where ${ACTIVE_LEARNER} and ${branches} and a.item_type = 'certification'
      group by u.branch_id, a.due_date`;
}

/**
 * Statements that rebuild the stored totals of the branches `u.branch_id` may take (a condition
 * on `u.branch_id`) from scratch: a repair, or after a bulk load. Writes keep them by deltas.
 */
export function refreshBranchStats({ branches, db = defaultDb }: { branches: SQL; db?: Db }) {
  const target = sql`branch_id in (select u.branch_id from ${users} u where ${branches})`;
  return [
    db.run(sql`delete from ${branchReportStats} where ${target}`),
    db.run(
      sql`insert into ${branchReportStats} (branch_id, key, people, passed, percent_sum) ${branchStatsSql(branches)}`,
    ),
  ] satisfies BatchItem<"sqlite">[];
}
