import "server-only";
import path from "node:path";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { Db } from "./client";
import { reportCheckResults } from "./queries/report-check";
import { tuples } from "./queries/rows";

export type CheckResult = { check: string; ok: boolean; detail: string };

const EXAMPLES = 5;
const MIGRATIONS = path.join(import.meta.dirname, "migrations");

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
  const checks: [string, (db: Db) => Promise<CheckResult | CheckResult[]>][] = [
    ["integrity_check", integrity],
    ["foreign_key_check", foreignKeys],
    ["migrations", migrations],
    ["employee_numbers", employeeNumbers],
    // learner_item_stats and branch_report_stats against their recomputation from the attempts.
    ["report_summaries", (db) => reportCheckResults({ db })],
  ];
  const results: CheckResult[] = [];
  for (const [name, run] of checks) {
    const outcome = await run(db).catch((e: unknown) => ({
      check: name,
      ok: false,
      detail: `could not run: ${e instanceof Error ? e.message : String(e)}`,
    }));
    results.push(...(Array.isArray(outcome) ? outcome : [outcome]));
  }
  return results;
}
