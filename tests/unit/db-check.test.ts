import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDatabase } from "@/db/check";
import { createDb, openClient } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { rebuildReportStats, refreshChapterStats } from "@/db/queries/report-stats";
import { branches, branchReportStats, checkAttempts, learnerItemStats, users } from "@/db/schema";
import { writeBatch } from "@/db/write";

const dir = mkdtempSync(path.join(tmpdir(), "db-check-"));
const url = `file:${path.join(dir, "test.db")}`;
const client = openClient(url);
const db = createDb(client);

const failing = async () => (await checkDatabase(db)).filter((r) => !r.ok).map((r) => r.check);

beforeAll(async () => {
  await runMigrations(db, url);
  await db.insert(branches).values({ id: "b1", code: "B1", name: "总行", nameEn: "HQ", path: "/b1/" });
  await db.insert(users).values(
    ["u1", "u2"].map((id) => ({
      id,
      employeeNo: id.toUpperCase(),
      name: id,
      branchId: "b1",
      hireDate: "2026-01-01",
    })),
  );
  for (const [i, [userId, percent]] of (
    [
      ["u1", 90],
      ["u2", 40],
      ["u1", 70],
    ] as const
  ).entries()) {
    await writeBatch(
      [
        db.insert(checkAttempts).values({
          id: `c${i}`,
          userId,
          moduleSlug: "basic-skills",
          contentVersion: "v",
          locale: "zh-CN",
          answers: {},
          score: percent,
          maxScore: 100,
          percent,
          passed: percent >= 80,
        }),
        ...refreshChapterStats({ userId, slug: "basic-skills", db }),
      ],
      db,
    );
  }
});
afterAll(() => {
  client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("checkDatabase", () => {
  it("passes a database written the way the app writes", async () => {
    const results = await checkDatabase(db);
    expect(results.map((r) => r.check)).toEqual([
      "integrity_check",
      "foreign_key_check",
      "migrations",
      "employee_numbers",
      "learner_item_stats",
      "branch_report_stats",
    ]);
    expect(results.filter((r) => !r.ok)).toEqual([]);
  });

  it("finds a summary row that differs from its recomputation, and a repair puts it right", async () => {
    await db.update(learnerItemStats).set({ bestPercent: 99 }).where(eq(learnerItemStats.userId, "u2"));
    const [problem] = (await checkDatabase(db)).filter((r) => !r.ok);
    expect(problem).toMatchObject({ check: "learner_item_stats" });
    expect(problem?.detail).toContain("u2|chapter|basic-skills: 0/99/1/0 → 0/40/1/0");
    await rebuildReportStats({ db });
    expect(await failing()).toEqual([]);
  });

  it("fails branch totals that are wrong, and passes a learner's move, which the deltas carry", async () => {
    await db.update(branchReportStats).set({ passed: 5 }).where(eq(branchReportStats.branchId, "b1"));
    expect(await failing()).toEqual(["branch_report_stats"]);
    await rebuildReportStats({ db });
    expect(await failing()).toEqual([]);
    // A learner moves to another branch: the triggers move their rows in the same statement.
    await db.insert(branches).values({ id: "b2", code: "B2", name: "支行", nameEn: "Sub", path: "/b1/b2/" });
    await db.update(users).set({ branchId: "b2" }).where(eq(users.id, "u2"));
    expect(await failing()).toEqual([]);
  });

  it("finds a dangling reference written with foreign keys off, and a missing migration", async () => {
    // migrate() runs its batch with foreign keys off, on a file and on a server alike.
    await client.migrate([
      "insert into users (id, employee_no, name, branch_id, hire_date, role) values ('u9', 'U9', 'u9', 'gone', '2026-01-01', 'admin')",
    ]);
    await db.run(
      sql`delete from __drizzle_migrations where created_at = (select max(created_at) from __drizzle_migrations)`,
    );
    const results = await checkDatabase(db);
    expect(results.filter((r) => !r.ok).map((r) => r.check)).toEqual(["foreign_key_check", "migrations"]);
    expect(results[1]?.detail).toContain("users rowid");
    expect(results[2]?.detail).toMatch(/migration \d+ \(\d+\) is not applied/);
  });
});
