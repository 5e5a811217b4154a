import "server-only";
import path from "node:path";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { Db } from "./client";
import { branchStateSql, branchStatsSql, recomputeReportStats } from "./queries/report-stats";
import { tuples } from "./queries/rows";

export type CheckResult = { check: string; ok: boolean; detail: string };

const EXAMPLES = 5;
const MIGRATIONS = path.join(import.meta.dirname, "migrations");
const all = sql`1 = 1`;

/** Numbers as the summaries store them: a float compared to one part in a million. */
const num = (v: unknown) =>
  v === null || v === undefined ? "null" : String(Math.round(Number(v) * 1e6) / 1e6);

/** Rows present or different on one side, as "key: stored → recomputed" lines. */
function differences(stored: Map<string, string>, recomputed: Map<string, string>) {
  const lines: string[] = [];
  for (const key of new Set([...stored.keys(), ...recomputed.keys()])) {
    const [a, b] = [stored.get(key), recomputed.get(key)];
    if (a !== b) lines.push(`${key}: ${a ?? "missing"} → ${b ?? "missing"}`);
  }
  return lines;
}

function result(check: string, problems: string[], okDetail: string): CheckResult {
  if (problems.length === 0) return { check, ok: true, detail: okDetail };
  const shown = problems.slice(0, EXAMPLES).join("; ");
  return {
    check,
    ok: false,
    detail: `${problems.length} problem(s): ${shown}${problems.length > EXAMPLES ? "; …" : ""}`,
  };
}

async function integrity(db: Db) {
  const rows = tuples<[string]>(await db.values(sql`pragma integrity_check`));
  const problems = rows.map((r) => String(r[0])).filter((m) => m !== "ok");
  return result("integrity_check", problems, "ok");
}

async function foreignKeys(db: Db) {
  const rows = tuples<[string, number, string, number]>(await db.values(sql`pragma foreign_key_check`));
  const problems = rows.map(
    ([table, rowid, parent]) => `${table} rowid ${rowid} points at a missing ${parent} row`,
  );
  return result("foreign_key_check", problems, "no dangling references");
}

async function migrations(db: Db) {
  const applied = tuples<[string, number]>(
    await db.values(sql`select hash, created_at from __drizzle_migrations`).catch(() => []),
  );
  const byTime = new Map(applied.map(([hash, at]) => [Number(at), hash]));
  const files = readMigrationFiles({ migrationsFolder: MIGRATIONS });
  const problems: string[] = [];
  for (const [i, m] of files.entries()) {
    const hash = byTime.get(m.folderMillis);
    if (hash === undefined) problems.push(`migration ${i} (${m.folderMillis}) is not applied`);
    else if (hash !== m.hash) problems.push(`migration ${i} was applied from a different file`);
  }
  return result("migrations", problems, `${files.length} of ${files.length} applied`);
}

/** learner_item_stats against the attempts themselves. */
async function itemStats(db: Db) {
  const stored = tuples<[string, string, string, unknown, unknown, unknown, unknown]>(
    await db.values(
      sql`select user_id, item_type, item_slug, passed, best_percent, attempts, relearn from learner_item_stats`,
    ),
  );
  const recomputed = await recomputeReportStats({ db });
  const row = (passed: unknown, best: unknown, attempts: unknown, relearn: unknown) =>
    `passed ${Number(passed)}, best ${num(best)}, attempts ${Number(attempts)}, relearn ${Number(relearn)}`;
  const problems = differences(
    new Map(stored.map(([u, t, s, p, b, a, r]) => [`${u}/${t}/${s}`, row(p, b, a, r)])),
    new Map(
      recomputed.map((r) => [
        `${r.userId}/${r.itemType}/${r.itemSlug}`,
        row(r.passed, r.bestPercent, r.attempts, r.relearn),
      ]),
    ),
  );
  return result("learner_item_stats", problems, `${recomputed.length} rows equal their recomputation`);
}

/**
 * branch_report_stats against a recomputation, for every branch whose people are still the ones
 * the totals were built from. Reports recompute the others live (see branch_report_state), so
 * those are counted, not failed.
 */
async function branchStats(db: Db) {
  const [storedState, liveState, stored, recomputed] = await Promise.all([
    db.values(sql`select branch_id, learners, fingerprint from branch_report_state`),
    db.values(branchStateSql(all)),
    db.values(sql`select branch_id, key, people, passed, percent_sum from branch_report_stats`),
    db.values(branchStatsSql(all)),
  ]);
  const state = (rows: unknown[]) =>
    new Map(tuples<[string, number, number]>(rows).map(([b, n, f]) => [String(b), `${n}/${f}`]));
  const [was, is] = [state(storedState), state(liveState)];
  const stale = new Set([...was.keys(), ...is.keys()].filter((b) => was.get(b) !== is.get(b)));
  const totals = (rows: unknown[]) =>
    new Map(
      tuples<[string, string, number, number, number]>(rows)
        .filter(([b]) => !stale.has(String(b)))
        .map(([b, k, people, passed, sum]) => [
          `${b}/${k}`,
          `people ${people}, passed ${passed}, sum ${num(sum)}`,
        ]),
    );
  const problems = differences(totals(stored), totals(recomputed));
  const note = stale.size > 0 ? `; ${stale.size} branch(es) changed since, which reports recompute live` : "";
  return result(
    "branch_report_stats",
    problems,
    `${is.size - stale.size} branches equal their recomputation${note}`,
  );
}

/**
 * Employee numbers in their canonical form (trimmed, upper case), one account each. The migration
 * that introduced the form folded what it could; two accounts whose numbers differ only in case
 * are listed here for an administrator to merge or deactivate.
 */
async function employeeNumbers(db: Db) {
  const rows = tuples<[string, string]>(
    await db.values(sql`select id, employee_no from users
      where employee_no <> upper(trim(employee_no)) order by employee_no`),
  );
  const problems = rows.map(([id, no]) => `${no} (account ${id}) is another spelling of an existing number`);
  return result("employee_numbers", problems, "every employee number canonical and unique");
}

/** Every check, in order; a failing query is a failed check, not a crash. */
export async function checkDatabase(db: Db): Promise<CheckResult[]> {
  const checks: [string, (db: Db) => Promise<CheckResult>][] = [
    ["integrity_check", integrity],
    ["foreign_key_check", foreignKeys],
    ["migrations", migrations],
    ["employee_numbers", employeeNumbers],
    ["learner_item_stats", itemStats],
    ["branch_report_stats", branchStats],
  ];
  const results: CheckResult[] = [];
  for (const [name, run] of checks) {
    results.push(
      await run(db).catch((e: unknown) => ({
        check: name,
        ok: false,
        detail: `could not run: ${e instanceof Error ? e.message : String(e)}`,
      })),
    );
  }
  return results;
}
