import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { planImport, runImport, storeUpload } from "@/db/queries/admin-import";
import { onboardingAssignments } from "@/db/queries/assignments";
import { consumePasswordToken, findPasswordToken, issuePasswordReset } from "@/db/queries/password-tokens";
import { assignments, auditLog, branches, notifications, passwordTokens, users } from "@/db/schema";
import { setUpTestDb } from "./test-db";

const { db } = setUpTestDb();
const now = new Date("2026-03-02T02:00:00Z");

const csv = (lines: string[]) =>
  new TextEncoder().encode(["员工号,姓名,机构,角色,邮箱,入职日期,在职", ...lines].join("\n"));

async function upload(bytes: Uint8Array) {
  return storeUpload({ actorId: "admin", fileName: "hr.csv", bytes, now, db });
}

async function importFile(bytes: Uint8Array) {
  const plan = await planImport({ bytes, db });
  const uploadId = await upload(bytes);
  return { plan, result: await runImport({ uploadId, digest: plan.digest, actorId: "admin", now, db }) };
}

beforeAll(async () => {
  await db.insert(branches).values([
    { id: "hq", code: "HQ", name: "总行", nameEn: "HQ", path: "/hq/" },
    { id: "east", code: "EAST", name: "华东分行", nameEn: "East", parentId: "hq", path: "/hq/east/" },
    {
      id: "ja",
      code: "EAST-JA",
      name: "静安支行",
      nameEn: "Jing'an",
      parentId: "east",
      path: "/hq/east/ja/",
    },
  ]);
  await db.insert(users).values([
    {
      id: "admin",
      employeeNo: "E9001",
      name: "管理员",
      role: "admin",
      branchId: "hq",
      hireDate: "2020-01-01",
    },
    {
      id: "old",
      employeeNo: "E1001",
      name: "王晓明",
      role: "learner",
      branchId: "ja",
      hireDate: "2025-01-01",
    },
  ]);
});

const FILE = csv([
  "E5001,张三,总行/华东分行/静安支行,学员,zhang@bank.cn,2026-03-01,是",
  "E5002,李四,EAST,培训师,,2026-03-01,是",
  "E1001,王晓明,EAST,学员,,2025-01-01,是",
  "E5003,坏行,总行/火星分行,学员,,2026-03-01,是",
]);

describe("importing employees", () => {
  it("plans create, update and error rows without writing", async () => {
    const plan = await planImport({ bytes: FILE, db });
    expect(plan.rows.map((r) => r.action)).toEqual(["create", "create", "update", "error"]);
    expect(plan.rows[2]?.changes).toEqual(["branch"]);
    expect(plan.rows[3]?.errors).toEqual([{ field: "branch", code: "unknown_branch" }]);
    expect(plan.counts).toEqual({ create: 2, update: 1, unchanged: 0, error: 1 });
    expect(await db.select().from(users)).toHaveLength(2);
  });

  it("imports the valid rows with onboarding, one-time links and audit entries", async () => {
    const { result } = await importFile(FILE);
    expect(result).toMatchObject({ status: "imported", updated: 1, skipped: 0 });
    if (result.status !== "imported") throw new Error("not imported");
    expect(result.created.map((c) => c.employeeNo)).toEqual(["E5001", "E5002"]);

    const zhang = await db.query.users.findFirst({ where: eq(users.employeeNo, "E5001") });
    expect(zhang).toMatchObject({
      branchId: "ja",
      role: "learner",
      email: "zhang@bank.cn",
      passwordHash: null,
    });
    const onboarding = await db
      .select()
      .from(assignments)
      .where(eq(assignments.userId, zhang?.id ?? ""));
    const expected = onboardingAssignments({
      userId: zhang?.id ?? "",
      hireDate: "2026-03-01",
      createdAt: now,
    });
    const key = (a: { itemType: string; itemSlug: string; dueDate: string; source: string }) =>
      `${a.itemType}:${a.itemSlug}:${a.dueDate}:${a.source}`;
    expect(onboarding.map(key).sort()).toEqual(expected.map(key).sort());
    expect(onboarding.every((a) => a.dueDate === "2026-03-31")).toBe(true);
    const notes = await db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, zhang?.id ?? ""));
    expect(notes).toHaveLength(expected.length);
    const trainer = await db.query.users.findFirst({ where: eq(users.employeeNo, "E5002") });
    expect(
      await db
        .select()
        .from(assignments)
        .where(eq(assignments.userId, trainer?.id ?? "")),
    ).toEqual([]);

    expect((await db.query.users.findFirst({ where: eq(users.id, "old") }))?.branchId).toBe("east");
    const actions = (await db.select({ a: auditLog.action }).from(auditLog)).map((r) => r.a).sort();
    expect(actions).toEqual(["user.create", "user.create", "user.import", "user.update"]);
    const [update] = await db.select().from(auditLog).where(eq(auditLog.action, "user.update"));
    expect(update?.before).toMatchObject({ branch: "EAST-JA" });
    expect(update?.after).toMatchObject({ branch: "EAST" });

    const link = result.created[0]?.token ?? "";
    expect(await findPasswordToken({ token: link, now, db })).toMatchObject({ employeeNo: "E5001" });
  });

  it("is idempotent: importing the same file again changes nothing", async () => {
    const plan = await planImport({ bytes: FILE, db });
    expect(plan.counts).toEqual({ create: 0, update: 0, unchanged: 3, error: 1 });
    const before = await db.select({ n: sql<number>`count(*)` }).from(users);
    const { result } = await importFile(FILE);
    expect(result).toMatchObject({ status: "imported", created: [], updated: 0 });
    expect(await db.select({ n: sql<number>`count(*)` }).from(users)).toEqual(before);
  });

  it("imports an upload once, and nothing when the database changed since the dry run", async () => {
    const file = csv(["E5010,新人,HQ,学员,,2026-03-01,是"]);
    const plan = await planImport({ bytes: file, db });
    const uploadId = await upload(file);
    await db.update(users).set({ name: "改名" }).where(eq(users.id, "old"));
    const changedFile = csv(["E1001,王晓明,HQ,学员,,2025-01-01,是"]);
    const stalePlan = await planImport({ bytes: changedFile, db });
    await db.update(users).set({ name: "王晓明" }).where(eq(users.id, "old"));
    const staleId = await upload(changedFile);
    expect(
      await runImport({ uploadId: staleId, digest: stalePlan.digest, actorId: "admin", now, db }),
    ).toEqual({
      status: "changed",
    });

    const first = await runImport({ uploadId, digest: plan.digest, actorId: "admin", now, db });
    expect(first.status).toBe("imported");
    expect(await runImport({ uploadId, digest: plan.digest, actorId: "admin", now, db })).toEqual({
      status: "already",
    });
  });

  it("refuses to deactivate or demote the last active admin", async () => {
    const plan = await planImport({ bytes: csv(["E9001,管理员,HQ,学员,,2020-01-01,是"]), db });
    expect(plan.rows[0]).toMatchObject({ action: "error", errors: [{ code: "last_admin" }] });
  });

  it("deactivates with active = 否, keeping the person, and ends their sessions", async () => {
    const before = await db.query.users.findFirst({ where: eq(users.id, "old") });
    const { result } = await importFile(csv(["E1001,王晓明,EAST,学员,,2025-01-01,否"]));
    expect(result).toMatchObject({ status: "imported", updated: 1 });
    const after = await db.query.users.findFirst({ where: eq(users.id, "old") });
    expect(after?.active).toBe(false);
    expect(after?.sessionVersion).toBe((before?.sessionVersion ?? 0) + 1);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, "user.deactivate"));
    expect(entry?.targetId).toBe("old");
  });
});

describe("one-time set-password links", () => {
  it("sets a password once, and a reset voids older links and ends sessions", async () => {
    const reset = await issuePasswordReset({ userId: "admin", actorId: "admin", now, db });
    if (!reset) throw new Error("no reset");
    const second = await issuePasswordReset({ userId: "admin", actorId: "admin", now, db });
    if (!second) throw new Error("no reset");
    expect(await findPasswordToken({ token: reset.token, now, db })).toBeNull();
    const results = await Promise.all([
      consumePasswordToken({ token: second.token, passwordHash: "h1", now, db }),
      consumePasswordToken({ token: second.token, passwordHash: "h2", now, db }),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const admin = await db.query.users.findFirst({ where: eq(users.id, "admin") });
    expect(admin?.passwordHash).toBe(results[0] ? "h1" : "h2");
    expect(await consumePasswordToken({ token: second.token, passwordHash: "h3", now, db })).toBe(false);
    const stored = await db
      .select()
      .from(passwordTokens)
      .where(and(eq(passwordTokens.userId, "admin")));
    expect(stored.every((t) => t.tokenHash !== second.token)).toBe(true);
    const actions = (
      await db.select({ a: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, "admin"))
    ).map((r) => r.a);
    expect(actions.filter((a) => a === "user.password_set")).toHaveLength(1);
    expect(actions.filter((a) => a === "user.password_reset")).toHaveLength(2);
  });

  it("cannot edit or delete audit entries", async () => {
    await expect(db.delete(auditLog)).rejects.toThrow();
    await expect(db.update(auditLog).set({ action: "x" })).rejects.toThrow();
  });
});
