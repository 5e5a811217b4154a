import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type AssignmentActor,
  assignOnboarding,
  assignTraining,
  listAssignmentsForUser,
  listAssignmentsToRemind,
  onboardingAssignments,
} from "@/db/queries/assignments";
import {
  assignments,
  auditLog,
  branches,
  certificates,
  checkAttempts,
  notifications,
  readingProgress,
  scenarioAttempts,
  users,
} from "@/db/schema";
import { fileCatalog } from "@/lib/content/catalog";
import { addCalendarDays, bankDate } from "@/lib/training/assignment-status";
import { setUpTestDb } from "./test-db";

const { db } = setUpTestDb();

const now = new Date("2026-03-02T02:00:00Z");
const today = bankDate(now);
const inDays = (n: number) => addCalendarDays(today, n);

const admin: AssignmentActor = { id: "admin", role: "admin", branchPath: "/hq/" };
const eastManager: AssignmentActor = { id: "m-east", role: "manager", branchPath: "/hq/east/" };
const learnerActor: AssignmentActor = { id: "l-ja", role: "learner", branchPath: "/hq/east/ja/" };
const trainerActor: AssignmentActor = { id: "t-ja", role: "trainer", branchPath: "/hq/east/ja/" };

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
    { id: "th", code: "S-TH", name: "天河", nameEn: "Tianhe", parentId: "south", path: "/hq/south/th/" },
    // A sibling whose id shares a prefix with "east": must not count as part of east's subtree.
    { id: "east2", code: "E2", name: "华东二", nameEn: "East 2", parentId: "hq", path: "/hq/east2/" },
  ]);
  await db
    .insert(users)
    .values([
      person("admin", "hq", { role: "admin" }),
      person("m-east", "east", { role: "manager" }),
      person("t-ja", "ja", { role: "trainer" }),
      person("l-ja", "ja"),
      person("l-east", "east"),
      person("l-ja-inactive", "ja", { active: false }),
      person("l-th", "th"),
      person("l-east2", "east2"),
    ]);
});

const item = { itemType: "chapter" as const, itemSlug: "basic-skills" };
const assignedTo = async (itemSlug = item.itemSlug) =>
  (await db.select().from(assignments).where(eq(assignments.itemSlug, itemSlug)))
    .map((a) => `${a.userId}@${a.dueDate}`)
    .sort();

describe("assignTraining scope", () => {
  it("refuses learners and trainers", async () => {
    for (const actor of [learnerActor, trainerActor]) {
      await expect(
        assignTraining({ db, now, actor, ...item, dueDate: inDays(7), target: { userId: "l-ja" } }),
      ).rejects.toMatchObject({ code: "forbidden:assignment", status: 403 });
    }
  });

  it("refuses a manager outside their subtree and writes nothing", async () => {
    await expect(
      assignTraining({
        db,
        now,
        actor: eastManager,
        ...item,
        dueDate: inDays(7),
        target: { branchId: "south" },
      }),
    ).rejects.toMatchObject({ code: "forbidden:assignment", status: 403 });
    await expect(
      assignTraining({
        db,
        now,
        actor: eastManager,
        ...item,
        dueDate: inDays(7),
        target: { userId: "l-th" },
      }),
    ).rejects.toMatchObject({ code: "forbidden:assignment" });
    await expect(
      assignTraining({
        db,
        now,
        actor: eastManager,
        ...item,
        dueDate: inDays(7),
        target: { branchId: "east2" },
      }),
    ).rejects.toMatchObject({ code: "forbidden:assignment" });
    await expect(
      assignTraining({
        db,
        now,
        actor: eastManager,
        ...item,
        dueDate: inDays(7),
        target: { branchId: "hq" },
      }),
    ).rejects.toMatchObject({ code: "forbidden:assignment" });
    expect(await db.select().from(assignments)).toEqual([]);
    expect(await db.select().from(notifications)).toEqual([]);
    expect(await db.select().from(auditLog)).toEqual([]);
  });

  it("answers 404 for an unknown branch, person or item and 400 for a bad date", async () => {
    const base = { db, now, actor: eastManager, ...item, dueDate: inDays(7) };
    await expect(assignTraining({ ...base, target: { branchId: "nowhere" } })).rejects.toMatchObject({
      status: 404,
    });
    await expect(assignTraining({ ...base, target: { userId: "nobody" } })).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      assignTraining({ ...base, itemSlug: "no-such-chapter", target: { userId: "l-ja" } }),
    ).rejects.toMatchObject({ status: 404 });
    for (const dueDate of [inDays(-1), "2026-02-30", "soon"]) {
      await expect(assignTraining({ ...base, dueDate, target: { userId: "l-ja" } })).rejects.toMatchObject({
        code: "bad_request:due_date",
      });
    }
    await expect(assignTraining({ ...base, target: { userId: "l-ja-inactive" } })).rejects.toMatchObject({
      code: "bad_request:assignee",
    });
  });
});

describe("assignTraining to a subtree", () => {
  it("reaches active learners in the branch and below, nobody else", async () => {
    const count = await assignTraining({
      db,
      now,
      actor: eastManager,
      ...item,
      dueDate: inDays(7),
      target: { branchId: "east" },
    });
    expect(count).toBe(2);
    expect(await assignedTo()).toEqual([`l-east@${inDays(7)}`, `l-ja@${inDays(7)}`]);
    const sent = await db.select().from(notifications).where(eq(notifications.kind, "assigned"));
    expect(sent).toHaveLength(2);
    const [mine] = await db.select().from(assignments).where(eq(assignments.userId, "l-ja"));
    const note = sent.find((n) => n.userId === "l-ja");
    expect(note?.dedupeKey).toBe(`assigned:${mine?.id}:${inDays(7)}`);
    expect(note?.payload).toEqual({ ...item, dueDate: inDays(7) });
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "assignment.create"));
    expect(audit).toMatchObject({ actorId: "m-east", targetType: "branch", targetId: "east" });
    expect(audit?.after).toEqual({ ...item, dueDate: inDays(7), count: 2 });
  });

  it("moves the due date when assigned again, without duplicates", async () => {
    const again = { db, now, actor: eastManager, ...item, target: { branchId: "east" } };
    expect(await assignTraining({ ...again, dueDate: inDays(14) })).toBe(2);
    expect(await assignedTo()).toEqual([`l-east@${inDays(14)}`, `l-ja@${inDays(14)}`]);
    expect(await db.select().from(notifications)).toHaveLength(4);
    // The same date once more: still two assignments, no new notification.
    expect(await assignTraining({ ...again, dueDate: inDays(14) })).toBe(2);
    expect(await db.select().from(notifications)).toHaveLength(4);
    expect(await db.select().from(auditLog)).toHaveLength(3);
  });

  it("lets a manager assign one person in their subtree and an admin anyone", async () => {
    const scenario = { itemType: "scenario" as const, itemSlug: "complaint", dueDate: inDays(3) };
    expect(
      await assignTraining({ db, now, actor: eastManager, ...scenario, target: { userId: "l-ja" } }),
    ).toBe(1);
    expect(await assignTraining({ db, now, actor: admin, ...scenario, target: { userId: "l-th" } })).toBe(1);
    expect(await assignedTo("complaint")).toEqual([`l-ja@${inDays(3)}`, `l-th@${inDays(3)}`]);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, "user"), eq(auditLog.targetId, "l-th")));
    expect(audit?.actorId).toBe("admin");
  });

  it("handles a subtree of thousands of learners in one batch", async () => {
    await db.insert(branches).values({
      id: "big",
      code: "BIG",
      name: "大支行",
      nameEn: "Big",
      parentId: "south",
      path: "/hq/south/big/",
    });
    const many = Array.from({ length: 3000 }, (_, i) => person(`bulk-${i}`, "big"));
    for (let i = 0; i < many.length; i += 500) await db.insert(users).values(many.slice(i, i + 500));
    const started = performance.now();
    const count = await assignTraining({
      db,
      now,
      actor: admin,
      itemType: "certification",
      itemSlug: "counter-service",
      dueDate: inDays(30),
      target: { branchId: "south" },
    });
    const ms = performance.now() - started;
    expect(count).toBe(3001);
    expect(ms).toBeLessThan(5000);
    const notes = await db.$count(notifications, eq(notifications.kind, "assigned"));
    expect(notes).toBe(4 + 2 + 3001);
  });
});

describe("onboarding", () => {
  it("builds every chapter, every scenario and the certification, due 30 days after hiring", () => {
    const rows = onboardingAssignments({ userId: "x", hireDate: "2026-01-05", createdAt: now });
    expect(rows).toHaveLength(fileCatalog().chapterSlugs().length + fileCatalog().scenarioSlugs().length + 1);
    expect(rows).toHaveLength(11);
    expect(new Set(rows.map((r) => r.dueDate))).toEqual(new Set(["2026-02-04"]));
    expect(rows.every((r) => r.source === "onboarding")).toBe(true);
    expect(rows.at(-1)).toMatchObject({ itemType: "certification", itemSlug: "counter-service" });
    // Without a hire date, from the day the person was created (bank time).
    const fromCreation = onboardingAssignments({ userId: "x", createdAt: new Date("2026-03-01T16:30:00Z") });
    expect(fromCreation[0]?.dueDate).toBe("2026-04-01");
  });

  it("creates 11 assignments with a notification each, and nothing more when run again", async () => {
    await db.insert(users).values(person("new-hire", "ja", { hireDate: "2026-02-20" }));
    const onboard = () =>
      assignOnboarding({ db, userId: "new-hire", hireDate: "2026-02-20", createdAt: now });
    expect(await onboard()).toBe(11);
    expect(await onboard()).toBe(0);
    expect(await db.$count(assignments, eq(assignments.userId, "new-hire"))).toBe(11);
    expect(await db.$count(notifications, eq(notifications.userId, "new-hire"))).toBe(11);
  });

  it("leaves an item the person already has as it was", async () => {
    expect(await assignOnboarding({ db, userId: "l-ja", hireDate: "2026-02-20", createdAt: now })).toBe(9);
    expect(await assignedTo()).toContain(`l-ja@${inDays(14)}`);
  });
});

describe("listing with status", () => {
  it("derives each status from results and puts overdue first", async () => {
    await db.insert(users).values(person("late", "ja", { hireDate: "2026-01-01" }));
    await assignOnboarding({ db, userId: "late", hireDate: "2026-01-01", createdAt: now });
    const [first, second, third] = fileCatalog().chapterSlugs() as [string, string, string];
    await db.insert(checkAttempts).values([
      {
        id: "c1",
        userId: "late",
        moduleSlug: first,
        contentVersion: "v",
        locale: "zh-CN",
        answers: {},
        score: 1,
        maxScore: 1,
        percent: 100,
        passed: true,
        createdAt: new Date("2026-01-20T02:00:00Z"),
      },
      {
        id: "c2",
        userId: "late",
        moduleSlug: second,
        contentVersion: "v",
        locale: "zh-CN",
        answers: {},
        score: 0,
        maxScore: 1,
        percent: 0,
        passed: false,
        createdAt: new Date("2026-02-01T02:00:00Z"),
      },
      {
        id: "c3",
        userId: "late",
        moduleSlug: second,
        contentVersion: "v",
        locale: "zh-CN",
        answers: {},
        score: 1,
        maxScore: 1,
        percent: 100,
        passed: true,
        createdAt: new Date("2026-02-10T02:00:00Z"),
      },
    ]);
    await db.insert(readingProgress).values({ userId: "late", moduleSlug: third, sectionId: "s1" });
    await db.insert(scenarioAttempts).values({
      userId: "late",
      scenarioSlug: "greeting",
      contentVersion: "v",
      locale: "zh-CN",
      state: {} as never,
      stepStartedAt: 0,
      status: "completed",
      percent: 40,
      passed: false,
      completedAt: new Date("2026-01-15T02:00:00Z"),
    });
    await assignTraining({
      db,
      now,
      actor: admin,
      itemType: "chapter",
      itemSlug: third,
      dueDate: inDays(5),
      target: { userId: "late" },
    });

    const list = await listAssignmentsForUser({ db, userId: "late", now });
    const bySlug = Object.fromEntries(list.map((a) => [a.itemSlug, a]));
    expect(list).toHaveLength(11);
    expect(bySlug[first]).toMatchObject({ status: "completed", late: false });
    expect(bySlug[second]).toMatchObject({ status: "completed", late: true });
    expect(bySlug[second]?.completedAt).toEqual(new Date("2026-02-10T02:00:00Z"));
    expect(bySlug[third]).toMatchObject({ status: "in-progress", dueDate: inDays(5), daysUntilDue: 5 });
    expect(bySlug.greeting).toMatchObject({ status: "overdue" });
    expect(bySlug["counter-service"]).toMatchObject({ status: "overdue" });
    const statuses = list.map((a) => a.status);
    expect(statuses.lastIndexOf("overdue")).toBeLessThan(statuses.indexOf("completed"));
    expect(list.at(-1)?.itemSlug).toBe(third);
    // Overdue items keep reading order: chapters, then scenarios, then the certification.
    const overdue = list.filter((a) => a.status === "overdue").map((a) => a.itemType);
    expect(overdue.at(-1)).toBe("certification");
  });

  it("lists the whole bank's unfinished assignments due within three days, for active people only", async () => {
    await db.update(users).set({ active: false }).where(eq(users.id, "l-east"));
    const due = await listAssignmentsToRemind({ db, now });
    const people = new Set(due.map((a) => a.userId));
    expect(people.has("late")).toBe(true);
    expect(people.has("l-ja")).toBe(true);
    expect(people.has("l-east")).toBe(false);
    expect(due.every((a) => a.dueDate <= inDays(3) && a.status !== "completed")).toBe(true);
    // "late": 11 onboarding items, two chapters passed, one due later than three days from now.
    const late = due.filter((a) => a.userId === "late");
    expect(late).toHaveLength(8);
    expect(late.every((a) => a.status === "overdue")).toBe(true);
  });

  it("leaves out an assignment whose reminder for its state is stored", async () => {
    const [one] = (await listAssignmentsToRemind({ db, now })).filter(
      (a) => a.userId === "late" && a.itemType === "scenario",
    );
    if (!one) throw new Error("nothing to remind");
    await db.insert(notifications).values({
      userId: "late",
      kind: "overdue",
      dedupeKey: `overdue:${one.id}:${one.dueDate}`,
      payload: {},
    });
    const left = (await listAssignmentsToRemind({ db, now })).filter((a) => a.userId === "late");
    expect(left).toHaveLength(7);
    expect(left.map((a) => a.id)).not.toContain(one.id);
  });

  it("leaves out a certification whose certificate is held", async () => {
    const held = { userId: "late", certificationId: "counter-service", snapshot: {} };
    await db.insert(certificates).values({
      ...held,
      id: "cert-late",
      cycle: 1,
      kind: "initial",
      code: "TESTCODE2345",
      issuedAt: new Date("2026-02-20T02:00:00Z"),
      expiresAt: new Date("2027-02-20T02:00:00Z"),
    });
    const due = await listAssignmentsToRemind({ db, now });
    expect(due.filter((a) => a.userId === "late").map((a) => a.itemType)).not.toContain("certification");
    const [cert] = (await listAssignmentsForUser({ db, userId: "late", now })).filter(
      (a) => a.itemType === "certification",
    );
    expect(cert).toMatchObject({ status: "completed", late: true });
  });
});
