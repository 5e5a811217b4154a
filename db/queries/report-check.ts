import "server-only";
import { sql } from "drizzle-orm";
import { type Db, db as defaultDb } from "../client";
import { branchReportStats, learnerItemStats } from "../schema";
import { branchStatsSql, recomputedStatsSql, toStatRows } from "./report-stats";
import { tuples } from "./rows";

/** One summary row that differs from its recomputation; `null` on the side that has no such row. */
export type ReportDrift = {
  table: "learner_item_stats" | "branch_report_stats";
  key: string;
  stored: number[] | null;
  expected: number[] | null;
};

/** Sums of percentages are kept by adding and subtracting doubles: equal up to rounding. */
const close = (a: number[], b: number[]) =>
  a.length === b.length &&
  a.every((x, i) => Math.abs(x - (b[i] as number)) <= 1e-6 * Math.max(1, Math.abs(x)));

function compare(
  table: ReportDrift["table"],
  stored: Map<string, number[]>,
  expected: Map<string, number[]>,
): ReportDrift[] {
  const drift: ReportDrift[] = [];
  for (const [key, want] of expected) {
    const have = stored.get(key);
    if (!have || !close(have, want)) drift.push({ table, key, stored: have ?? null, expected: want });
  }
  for (const [key, have] of stored) {
    if (!expected.has(key)) drift.push({ table, key, stored: have, expected: null });
  }
  return drift;
}

/**
 * Every way the reports' summaries differ from a full recomputation from the attempts, the people
 * and the assignments (none, when all is well). What `npm run db:check` and the tests rely on.
 */
export async function findReportDrift({ db = defaultDb }: { db?: Db } = {}): Promise<ReportDrift[]> {
  const learnerKey = (r: { userId: string; itemType: string; itemSlug: string }) =>
    `${r.userId}|${r.itemType}|${r.itemSlug}`;
  const learnerValue = (r: {
    passed: unknown;
    bestPercent: number | null;
    attempts: number;
    relearn: unknown;
  }) => [Number(r.passed), r.bestPercent ?? -1, r.attempts, Number(r.relearn)];
  // One batch, so stored and recomputed figures are read from the same state of the database.
  const [storedLearners, storedBranches, recomputed, recomputedBranches] = await db.batch([
    db.select().from(learnerItemStats),
    db.select().from(branchReportStats),
    db.values<unknown[]>(recomputedStatsSql()),
    db.values<[string, string, number, number, number]>(branchStatsSql(sql`1 = 1`)),
  ]);
  const recomputedLearners = toStatRows(tuples(recomputed));
  return [
    ...compare(
      "learner_item_stats",
      new Map(storedLearners.map((r) => [learnerKey(r), learnerValue(r)])),
      new Map(recomputedLearners.map((r) => [learnerKey(r), learnerValue(r)])),
    ),
    ...compare(
      "branch_report_stats",
      new Map(storedBranches.map((r) => [`${r.branchId}|${r.key}`, [r.people, r.passed, r.percentSum]])),
      new Map(
        tuples(recomputedBranches).map((r) => [
          `${r[0]}|${r[1]}`,
          [Number(r[2]), Number(r[3]), Number(r[4])],
        ]),
      ),
    ),
  ];
}

/** How many differing rows a check names in its detail. */
const EXAMPLES = 5;

/**
 * The summaries' lines of `npm run db:check` (`{ check, ok, detail }`, one per table): which rows
 * differ from their recomputation, a few named with their stored and recomputed figures.
 */
export async function reportCheckResults({ db = defaultDb }: { db?: Db } = {}) {
  const drift = await findReportDrift({ db });
  return (["learner_item_stats", "branch_report_stats"] as const).map((table) => {
    const rows = drift.filter((d) => d.table === table);
    const shown = rows
      .slice(0, EXAMPLES)
      .map((d) => `${d.key}: ${d.stored?.join("/") ?? "missing"} → ${d.expected?.join("/") ?? "missing"}`);
    return rows.length === 0
      ? { check: table, ok: true, detail: "every row equals its recomputation" }
      : {
          check: table,
          ok: false,
          detail: `rows that differ from their recomputation: ${rows.length} (${shown.join("; ")})`,
        };
  });
}
