import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { type AssignmentActor, assignTraining } from "@/db/queries/assignments";
import { listItemPeople } from "@/db/queries/report-item-people";
import { listBranchTrail } from "@/db/queries/reports";
import { assignments, auditLog, branches, learnerItemStats, notifications, users } from "@/db/schema";
import { fileCatalog } from "@/lib/content/catalog";
import { needsTraining, parseSubject } from "@/lib/reports/subject";
import { setUpTestDb } from "./test-db";

const { db } = setUpTestDb();
const now = new Date("2026-03-02T02:00:00Z");
const eastManager: AssignmentActor = { id: "m-east", role: "manager", branchPath: "/hq/east/" };
const skill = { statType: "competency" as const, statSlug: "greeting:first-impression" };
const person = (id: string, branchId: string, extra: Partial<typeof users.$inferInsert> = {}) => ({
  id,
  employeeNo: id,
  name: id,
  branchId,
  hireDate: "2026-01-01",
  ...extra,
});

beforeAll(async () => {
  await db.insert(branches).values([
    { id: "hq", code: "HQ", name: "总行", nameEn: "HQ", path: "/hq/" },
    { id: "east", code: "E", name: "华东", nameEn: "East", parentId: "hq", path: "/hq/east/" },
    { id: "ja", code: "E-JA", name: "静安", nameEn: "Jing'an", parentId: "east", path: "/hq/east/ja/" },
    { id: "south", code: "S", name: "华南", nameEn: "South", parentId: "hq", path: "/hq/south/" },
    { id: "east2", code: "E2", name: "华东二", nameEn: "East 2", parentId: "hq", path: "/hq/east2/" },
  ]);
  await db
    .insert(users)
    .values([
      person("m-east", "east", { role: "manager" }),
      person("t-ja", "ja", { role: "trainer" }),
      person("l-ja-a", "ja"),
      person("l-ja-b", "ja"),
      person("l-ja-none", "ja"),
      person("l-east", "east"),
      person("l-ja-gone", "ja", { active: false }),
      person("l-south", "south"),
      person("l-east2", "east2"),
    ]);
  const stat = (userId: string, bestPercent: number, passed = false) => ({
    userId,
    itemType: "competency" as const,
    itemSlug: skill.statSlug,
    bestPercent,
    passed,
    attempts: 1,
  });
  await db
    .insert(learnerItemStats)
    .values([
      stat("l-ja-a", 85, true),
      stat("l-ja-b", 40),
      stat("l-east", 65),
      stat("l-south", 10),
      stat("l-east2", 5),
    ]);
});

describe("listItemPeople", () => {
  it("lists the active learners of a branch subtree, no result first, then weakest first", async () => {
    const rows = await listItemPeople({
      scope: "/hq/east/",
      branchPath: "/hq/east/",
      own: false,
      subject: skill,
      db,
    });
    expect(rows.map((r) => [r.id, r.bestPercent])).toEqual([
      ["l-ja-none", null],
      ["l-ja-b", 40],
      ["l-east", 65],
      ["l-ja-a", 85],
    ]);
  });

  it("keeps to the branch's own staff when asked", async () => {
    const rows = await listItemPeople({
      scope: "/hq/east/",
      branchPath: "/hq/east/",
      own: true,
      subject: skill,
      db,
    });
    expect(rows.map((r) => r.id)).toEqual(["l-east"]);
  });

  it("never shows a manager another subtree, nor a sibling whose id shares the prefix", async () => {
    for (const branchPath of ["/hq/south/", "/hq/east2/", "/hq/"]) {
      const rows = await listItemPeople({ scope: "/hq/east/", branchPath, own: false, subject: skill, db });
      expect(rows.every((r) => ["l-ja-a", "l-ja-b", "l-ja-none", "l-east"].includes(r.id))).toBe(true);
      expect(rows.map((r) => r.id)).not.toContain("l-south");
      expect(rows.map((r) => r.id)).not.toContain("l-east2");
    }
    expect(
      await listItemPeople({ scope: "/hq/east/", branchPath: "/hq/south/", own: false, subject: skill, db }),
    ).toEqual([]);
  });
});

describe("listBranchTrail", () => {
  it("runs from the top of the scope down to the branch", async () => {
    const trail = await listBranchTrail({ path: "/hq/east/ja/", scope: "/hq/east/", db });
    expect(trail.map((b) => b.id)).toEqual(["east", "ja"]);
  });
});

describe("assignTraining to a selection", () => {
  const args = { actor: eastManager, itemType: "scenario" as const, itemSlug: "greeting", now, db };
  const rowsFor = async (dueDate: string) =>
    (await db.select().from(assignments).where(eq(assignments.dueDate, dueDate))).map((a) => a.userId).sort();

  it("assigns the people ticked, with their notifications and one audit entry, in one batch", async () => {
    const count = await assignTraining({
      ...args,
      dueDate: "2026-03-20",
      target: { branchId: "east", userIds: ["l-ja-b", "l-ja-none"] },
    });
    expect(count).toBe(2);
    expect(await rowsFor("2026-03-20")).toEqual(["l-ja-b", "l-ja-none"]);
    const notes = await db.select().from(notifications).where(eq(notifications.kind, "assigned"));
    expect(
      notes
        .filter((n) => n.dedupeKey.endsWith(":2026-03-20"))
        .map((n) => n.userId)
        .sort(),
    ).toEqual(["l-ja-b", "l-ja-none"]);
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, "assignment.create"));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.targetId).toBe("east");
  });

  it("writes nothing when one person is outside the scope, the branch or the active learners", async () => {
    const cases: { branchId: string; userIds: string[] }[] = [
      { branchId: "east", userIds: ["l-ja-b", "l-south"] },
      { branchId: "ja", userIds: ["l-ja-b", "l-east"] },
      { branchId: "east", userIds: ["l-ja-b", "l-ja-gone"] },
      { branchId: "east", userIds: ["l-ja-b", "t-ja"] },
      { branchId: "south", userIds: ["l-south"] },
    ];
    for (const target of cases) {
      await expect(assignTraining({ ...args, dueDate: "2026-03-21", target })).rejects.toMatchObject({
        code: "forbidden:assignment",
      });
    }
    expect(await rowsFor("2026-03-21")).toEqual([]);
  });

  it("refuses an empty or repeated selection", async () => {
    for (const userIds of [[], ["l-ja-b", "l-ja-b"]]) {
      await expect(
        assignTraining({ ...args, dueDate: "2026-03-22", target: { branchId: "east", userIds } }),
      ).rejects.toMatchObject({ code: "bad_request:assignee" });
    }
  });
});

describe("parseSubject", () => {
  const catalog = fileCatalog();
  const req = { scenarios: [{ slug: "complaint", minPercent: 80 }] };
  it("reads chapters, role-plays and skills, with the certification's minimum", () => {
    expect(parseSubject("chapter:basic-skills", catalog, req)).toMatchObject({
      assignType: "chapter",
      minPercent: null,
    });
    expect(parseSubject("scenario:complaint", catalog, req)).toMatchObject({
      assignSlug: "complaint",
      minPercent: 80,
    });
    expect(parseSubject("competency:greeting:first-impression", catalog, req)).toMatchObject({
      statSlug: "greeting:first-impression",
      assignType: "scenario",
      assignSlug: "greeting",
      minPercent: 70,
    });
  });
  it("refuses what the catalog does not have", () => {
    for (const key of [
      "",
      "chapter:nope",
      "scenario:nope",
      "competency:greeting:nope",
      "chapter:basic-skills:x",
      "cert:x",
    ]) {
      expect(parseSubject(key, catalog, req)).toBeNull();
    }
  });
  it("marks who needs the training", () => {
    const s = parseSubject("scenario:complaint", catalog, req);
    const c = parseSubject("chapter:basic-skills", catalog, req);
    if (!s || !c) throw new Error("subjects");
    expect(needsTraining(s, { bestPercent: 79.9, passed: false })).toBe(true);
    expect(needsTraining(s, { bestPercent: 80, passed: true })).toBe(false);
    expect(needsTraining(s, { bestPercent: null, passed: false })).toBe(true);
    expect(needsTraining(c, { bestPercent: 95, passed: true })).toBe(false);
    expect(needsTraining(c, { bestPercent: 95, passed: false })).toBe(true);
  });
});
