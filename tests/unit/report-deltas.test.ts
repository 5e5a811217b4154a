import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { updateUserRoleAndBranch } from "@/db/queries/admin-users";
import { createContentItem, getContentItem, publishDraft } from "@/db/queries/content-authoring";
import { advanceScenarioAttempt, type Completion, createScenarioAttempt } from "@/db/queries/practice";
import { findReportDrift, reportCheckResults } from "@/db/queries/report-check";
import { rebuildReportStats } from "@/db/queries/report-stats";
import { saveReview } from "@/db/queries/reviews";
import { assignments, branches, branchReportStats, scenarioAttempts, users } from "@/db/schema";
import { storeCheckAttempt } from "./take-check";
import { setUpTestDb } from "./test-db";

// The branch totals are kept by deltas (db/migrations/0010_report_deltas.sql). Each case below
// writes through the query module the request path uses and checks the exact totals it leaves.

const { db } = setUpTestDb(async (db) => {
  await db.insert(branches).values([
    { id: "hq", code: "HQ", name: "总行", nameEn: "HQ", path: "/hq/" },
    { id: "b1", code: "B1", name: "一", nameEn: "One", parentId: "hq", path: "/hq/b1/" },
    { id: "b2", code: "B2", name: "二", nameEn: "Two", parentId: "hq", path: "/hq/b2/" },
  ]);
  const person = (id: string, branchId: string, role: "learner" | "trainer" | "admin" = "learner") => ({
    id,
    employeeNo: id.toUpperCase(),
    name: id,
    role,
    branchId,
    hireDate: "2026-01-01",
  });
  await db
    .insert(users)
    .values([
      person("l1", "b1"),
      person("l2", "b1"),
      person("t1", "hq", "trainer"),
      person("a1", "hq", "admin"),
    ]);
  await db.insert(assignments).values({
    userId: "l1",
    itemType: "chapter",
    itemSlug: "ch-a",
    dueDate: "2026-07-01",
    source: "manager",
  });
});

const MINUTE = 60_000;
const longAgo = Date.now() - 60 * MINUTE;

/** The branch's stored totals but its headcount: key → [people, passed, sum of best percentages]. */
async function totals(branchId: string) {
  const rows = await db.select().from(branchReportStats).where(eq(branchReportStats.branchId, branchId));
  return Object.fromEntries(
    rows
      .filter((r) => r.key !== "learners")
      .map((r) => [r.key, [r.people, r.passed, Math.round(r.percentSum * 1e6) / 1e6]]),
  );
}

/** The branch's stored headcount of active learners. */
async function learners(branchId: string) {
  const rows = await db.select().from(branchReportStats).where(eq(branchReportStats.branchId, branchId));
  return rows.find((r) => r.key === "learners")?.people ?? 0;
}

let n = 0;
async function check(userId: string, percent: number, at = longAgo + n * 1000) {
  n++;
  await storeCheckAttempt({
    attempt: {
      id: crypto.randomUUID(),
      userId,
      moduleSlug: "ch-a",
      contentVersion: "v1",
      locale: "zh-CN",
      answers: {},
      score: percent,
      maxScore: 100,
      percent,
      passed: percent >= 80,
      createdAt: new Date(at),
    },
    db,
  });
}

const completion = (empathy: number): Completion => ({
  score: empathy,
  maxScore: 10,
  percent: empathy * 10,
  passed: empathy >= 7,
  outcome: null,
  competencies: [{ id: "empathy", score: empathy, max: 10 }],
});

describe("branch totals kept by deltas", () => {
  it("a first attempt adds the person to the item's totals; the assignment stays open while not passed", async () => {
    expect(await totals("b1")).toEqual({ "open:2026-07-01": [1, 0, 0] });
    expect(await learners("b1")).toBe(2);
    await check("l1", 60);
    expect(await totals("b1")).toEqual({ "chapter:ch-a": [1, 0, 60], "open:2026-07-01": [1, 0, 0] });
    await check("l2", 90);
    expect(await totals("b1")).toEqual({ "chapter:ch-a": [2, 1, 150], "open:2026-07-01": [1, 0, 0] });
    expect(await findReportDrift({ db })).toEqual([]);
  });

  it("a better attempt adds only its difference and a pass closes the open assignment", async () => {
    await check("l1", 85);
    expect(await totals("b1")).toEqual({ "chapter:ch-a": [2, 2, 175] });
    expect(await findReportDrift({ db })).toEqual([]);
  });

  it("a worse attempt changes no total", async () => {
    const before = await db.select().from(branchReportStats);
    await check("l1", 40);
    await check("l2", 10);
    expect(await db.select().from(branchReportStats)).toEqual(before);
    expect(await findReportDrift({ db })).toEqual([]);
  });

  it("a pass turns into a fail after a major revision, and the assignment opens again", async () => {
    await createContentItem({ kind: "chapter", slug: "ch-a", actorId: "t1", db });
    const version = (await getContentItem({ kind: "chapter", slug: "ch-a", db }))?.draft.version ?? 0;
    const outcome = await publishDraft({
      kind: "chapter",
      slug: "ch-a",
      version,
      note: "重大修订",
      major: true,
      actorId: "t1",
      db,
    });
    expect(outcome).toMatchObject({ ok: true });
    // Best percentages stay; nobody has passed the current revision.
    expect(await totals("b1")).toEqual({ "chapter:ch-a": [2, 0, 175], "open:2026-07-01": [1, 0, 0] });
    await check("l1", 80, Date.now() + 2000);
    expect(await totals("b1")).toEqual({ "chapter:ch-a": [2, 1, 175] });
    expect(await findReportDrift({ db })).toEqual([]);
  });

  it("a role-play re-scored by a trainer moves the scenario and competency totals by the difference", async () => {
    const state = { stepId: "end", mood: 3, turns: [], ended: true };
    const attempt = await createScenarioAttempt({
      userId: "l1",
      scenarioSlug: "greeting",
      contentVersion: "v1",
      locale: "zh-CN",
      state: { ...state, ended: false },
      extendedTime: false,
      now: longAgo,
      db,
    });
    const done = await advanceScenarioAttempt({
      id: attempt.id,
      userId: "l1",
      scenarioSlug: "greeting",
      version: attempt.version,
      state,
      now: longAgo + MINUTE,
      completion: completion(5),
      db,
    });
    expect(done).toBe(true);
    expect(await totals("b1")).toMatchObject({
      "scenario:greeting": [1, 0, 50],
      "competency:greeting:empathy": [1, 0, 50],
    });

    const [stored] = await db.select().from(scenarioAttempts).where(eq(scenarioAttempts.id, attempt.id));
    if (!stored) throw new Error("attempt missing");
    const saved = await saveReview({
      attempt: stored,
      state,
      completion: completion(8),
      reviewerId: "t1",
      stepId: "end",
      before: { empathy: 5 },
      after: { empathy: 8 },
      db,
    });
    expect(saved).toBe(true);
    expect(await totals("b1")).toMatchObject({
      "scenario:greeting": [1, 1, 80],
      "competency:greeting:empathy": [1, 0, 80],
    });
    expect(await findReportDrift({ db })).toEqual([]);
  });

  it("a learner moving branch takes exactly their own rows from one branch to the other", async () => {
    const result = await updateUserRoleAndBranch({
      actorId: "a1",
      userId: "l1",
      role: "learner",
      branchId: "b2",
      db,
    });
    expect(result).toBe("updated");
    expect([await learners("b1"), await learners("b2")]).toEqual([1, 1]);
    // l2 stays in b1 with 90% (not passed since the major revision); l1 brings 85% and their pass.
    expect(await totals("b1")).toEqual({ "chapter:ch-a": [1, 0, 90] });
    expect(await totals("b2")).toEqual({
      "chapter:ch-a": [1, 1, 85],
      "scenario:greeting": [1, 1, 80],
      "competency:greeting:empathy": [1, 0, 80],
    });
    expect(await findReportDrift({ db })).toEqual([]);

    // Becoming a trainer takes them out of the learners' totals; back to learner brings them back.
    await updateUserRoleAndBranch({ actorId: "a1", userId: "l1", role: "trainer", branchId: "b2", db });
    expect(await totals("b2")).toEqual({});
    expect(await learners("b2")).toBe(0);
    await updateUserRoleAndBranch({ actorId: "a1", userId: "l1", role: "learner", branchId: "b1", db });
    expect(await totals("b1")).toMatchObject({ "chapter:ch-a": [2, 1, 175] });
    expect(await findReportDrift({ db })).toEqual([]);
  });

  it("a summary that differs from its recomputation is found and named, and a rebuild puts it right", async () => {
    // Written past the query modules: one person's best percentage (checked against the attempts;
    // its trigger moves the branch total along, which is checked against the people's rows) and,
    // separately, one branch headcount.
    await db.run(sql`update learner_item_stats set best_percent = best_percent + 5
      where user_id = 'l2' and item_type = 'chapter' and item_slug = 'ch-a'`);
    await db.run(
      sql`update branch_report_stats set people = people + 1 where branch_id = 'b1' and key = 'learners'`,
    );
    const drift = await findReportDrift({ db });
    expect(drift).toEqual([
      { table: "learner_item_stats", key: "l2|chapter|ch-a", stored: [0, 95, 2, 1], expected: [0, 90, 2, 1] },
      { table: "branch_report_stats", key: "b1|learners", stored: [3, 0, 0], expected: [2, 0, 0] },
    ]);
    expect(await reportCheckResults({ db })).toEqual([
      {
        check: "learner_item_stats",
        ok: false,
        detail: "rows that differ from their recomputation: 1 (l2|chapter|ch-a: 0/95/2/1 → 0/90/2/1)",
      },
      {
        check: "branch_report_stats",
        ok: false,
        detail: "rows that differ from their recomputation: 1 (b1|learners: 3/0/0 → 2/0/0)",
      },
    ]);

    await rebuildReportStats({ db });
    expect(await findReportDrift({ db })).toEqual([]);
    expect((await reportCheckResults({ db })).map((r) => r.ok)).toEqual([true, true]);
  });
});
