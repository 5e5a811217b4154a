import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { listAssignmentsForUser } from "@/db/queries/assignments";
import { listPeople } from "@/db/queries/report-people";
import { refreshBranchStats, refreshChapterStats, refreshScenarioStats } from "@/db/queries/report-stats";
import { getOverview } from "@/db/queries/reports";
import {
  assignments,
  branches,
  certificates,
  checkAttempts,
  scenarioAttempts,
  scenarioScores,
  users,
} from "@/db/schema";
import { writeBatch } from "@/db/write";
import { peopleFilterSchema } from "@/lib/reports/people-filter";
import { checkRow } from "./rows";
import { setUpTestDb } from "./test-db";

const { db } = setUpTestDb();
const now = new Date("2026-06-15T04:00:00Z");
const DAY = 86_400_000;
const items = { passed: ["chapter:ch-a", "scenario:greeting"], competencies: ["greeting:empathy"] };

async function check(id: string, userId: string, slug: string, percent: number) {
  await writeBatch(
    [
      db.insert(checkAttempts).values(checkRow({ id, userId, slug, percent })),
      ...refreshChapterStats({ userId, slug, db }),
    ],
    db,
  );
}

async function play(id: string, userId: string, empathy: number) {
  const percent = empathy * 10;
  await writeBatch(
    [
      db.insert(scenarioAttempts).values({
        id,
        userId,
        scenarioSlug: "greeting",
        contentVersion: "v",
        locale: "zh-CN",
        state: { stepId: "end", mood: 3, turns: [], ended: true },
        stepStartedAt: 0,
        status: "completed",
        score: empathy,
        maxScore: 10,
        percent,
        passed: percent >= 70,
        completedAt: new Date(now.getTime() - DAY),
      }),
      db
        .insert(scenarioScores)
        .values({ attemptId: id, competency: "empathy", score: empathy, maxScore: 10 }),
      ...refreshScenarioStats({ userId, slug: "greeting", db }),
    ],
    db,
  );
}

beforeAll(async () => {
  await db.insert(branches).values([
    { id: "hq", code: "HQ", name: "总行", nameEn: "HQ", path: "/hq/" },
    { id: "east", code: "E", name: "华东", nameEn: "East", parentId: "hq", path: "/hq/east/" },
    { id: "ja", code: "JA", name: "静安", nameEn: "Jing'an", parentId: "east", path: "/hq/east/ja/" },
    { id: "pd", code: "PD", name: "浦东", nameEn: "Pudong", parentId: "east", path: "/hq/east/pd/" },
    { id: "south", code: "S", name: "华南", nameEn: "South", parentId: "hq", path: "/hq/south/" },
  ]);
  const person = (id: string, branchId: string, extra = {}) => ({
    id,
    employeeNo: id.toUpperCase(),
    name: id,
    branchId,
    hireDate: "2026-01-01",
    ...extra,
  });
  await db.insert(users).values([
    person("a1", "ja"),
    person("a2", "ja"),
    person("a3", "ja"), // no attempts at all
    person("gone", "ja", { active: false }),
    person("boss", "east", { role: "manager" }),
    person("s1", "south"),
  ]);
  const due = (
    userId: string,
    itemType: "chapter" | "scenario" | "certification",
    itemSlug: string,
    dueDate: string,
  ) => ({
    userId,
    itemType,
    itemSlug,
    dueDate,
    source: "manager" as const,
  });
  await db.insert(assignments).values([
    due("a1", "chapter", "ch-a", "2026-06-01"),
    due("a1", "scenario", "greeting", "2026-06-14"),
    due("a1", "certification", "counter-service", "2026-06-01"),
    due("a2", "chapter", "ch-a", "2026-06-15"), // due today: not overdue yet
    due("a2", "certification", "counter-service", "2026-06-01"),
    due("a3", "chapter", "ch-a", "2026-05-01"),
    due("gone", "chapter", "ch-a", "2026-05-01"),
    due("s1", "chapter", "ch-a", "2026-05-01"),
  ]);
  await db.insert(certificates).values({
    userId: "a2",
    certificationId: "counter-service",
    cycle: 1,
    kind: "initial",
    code: "ABCDEFGHJKMN",
    issuedAt: new Date(now.getTime() - 330 * DAY),
    expiresAt: new Date(now.getTime() + 35 * DAY),
    snapshot: {},
  });
  const [first, ...rest] = refreshBranchStats({ branches: sql`1 = 1`, db });
  if (first) await writeBatch([first, ...rest], db);
  await check("c1", "a1", "ch-a", 90);
  await check("c2", "a2", "ch-a", 50);
  await check("c3", "a2", "ch-a", 70);
  await check("c4", "gone", "ch-a", 100);
  await play("p1", "a1", 8);
  await play("p2", "a1", 6);
  await play("p3", "a2", 5);
});

describe("the overview from the database", () => {
  it("counts active learners only, keeps empty branches and rounds to one decimal", async () => {
    const o = await getOverview({ rootPath: "/hq/east/", items, now, db });
    expect(o.rows.map((r) => [r.branch.id, r.headcount])).toEqual([
      ["ja", 3],
      ["pd", 0],
    ]);
    expect(o.total.headcount).toBe(3); // the manager and the deactivated learner are not counted
    expect(o.total.passedShare).toEqual({ "chapter:ch-a": 33.3, "scenario:greeting": 33.3 });
    // Best attempts: a1 80%, a2 50%; a3 has none and does not pull the average down.
    expect(o.total.competencyAverage).toEqual({ "greeting:empathy": 65 });
    expect([o.total.certified, o.total.expiring, o.total.expired]).toEqual([1, 1, 0]);
    expect(o.total.certifiedShare).toBe(33.3);
    expect(o.rows.find((r) => r.branch.id === "pd")?.passedShare).toEqual({
      "chapter:ch-a": null,
      "scenario:greeting": null,
    });
  });

  it("counts overdue assignments as the status rules of lib/training do", async () => {
    const o = await getOverview({ rootPath: "/hq/east/", items, now, db });
    let byRules = 0;
    for (const userId of ["a1", "a2", "a3"]) {
      const list = await listAssignmentsForUser({ userId, now, db });
      byRules += list.filter((a) => a.status === "overdue").length;
    }
    // a1: the certification; a2: nothing (chapter due today, holds the certificate); a3: the chapter.
    expect(byRules).toBe(2);
    expect(o.total.overdueAssignments).toBe(byRules);

    const { rows } = await listPeople({
      scope: "/hq/east/",
      filter: peopleFilterSchema.parse({ status: "overdue" }),
      now,
      db,
    });
    expect(rows.map((r) => [r.id, r.overdue])).toEqual([
      ["a1", 1],
      ["a3", 1],
    ]);
  });

  it("recomputes a branch whose people changed behind the stored totals' back", async () => {
    await db.update(users).set({ active: false }).where(eq(users.id, "a1"));
    const o = await getOverview({ rootPath: "/hq/east/", items, now, db });
    expect(o.total.headcount).toBe(2);
    expect(o.total.passedShare["chapter:ch-a"]).toBe(0);
    expect(o.total.overdueAssignments).toBe(1);
    await db.update(users).set({ active: true }).where(eq(users.id, "a1"));
  });

  it("never lets a manager's people list or filters reach outside their subtree", async () => {
    const all = await listPeople({ scope: "/hq/east/", filter: peopleFilterSchema.parse({}), now, db });
    expect(all.rows.map((r) => r.id).sort()).toEqual(["a1", "a2", "a3", "boss"]);
    const foreign = await listPeople({
      scope: "/hq/east/",
      filter: peopleFilterSchema.parse({ branch: "south" }),
      now,
      db,
    });
    expect(foreign.total).toBe(0);
    const certified = await listPeople({
      scope: "/hq/east/",
      filter: peopleFilterSchema.parse({ status: "expiring" }),
      now,
      db,
    });
    expect(certified.rows.map((r) => [r.id, r.expiring])).toEqual([["a2", true]]);
  });
});
