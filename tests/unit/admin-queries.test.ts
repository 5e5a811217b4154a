import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  createBranch,
  listBranchTree,
  moveBranch,
  renameBranch,
  setBranchActive,
} from "@/db/queries/admin-branches";
import { forceSignOut, listUsers, setUserActive, updateUserRoleAndBranch } from "@/db/queries/admin-users";
import { listAuditEntries } from "@/db/queries/audit";
import { auditLog, branches, users } from "@/db/schema";
import { setUpTestDb } from "./test-db";

const { db } = setUpTestDb();

beforeAll(async () => {
  await db.insert(branches).values([
    { id: "hq", code: "HQ", name: "总行", nameEn: "HQ", path: "/hq/" },
    { id: "east", code: "EAST", name: "华东", nameEn: "East", parentId: "hq", path: "/hq/east/" },
    { id: "ja", code: "JA", name: "静安", nameEn: "Jing'an", parentId: "east", path: "/hq/east/ja/" },
    { id: "south", code: "SOUTH", name: "华南", nameEn: "South", parentId: "hq", path: "/hq/south/" },
  ]);
  await db.insert(users).values([
    { id: "a1", employeeNo: "E9001", name: "管理员", role: "admin", branchId: "hq", hireDate: "2020-01-01" },
    {
      id: "a2",
      employeeNo: "E9002",
      name: "副管理员",
      role: "admin",
      branchId: "hq",
      hireDate: "2020-01-01",
    },
    {
      id: "l1",
      employeeNo: "E1001",
      name: "王晓明",
      role: "learner",
      branchId: "ja",
      hireDate: "2025-01-01",
    },
  ]);
});

describe("users", () => {
  it("lists with search and branch-subtree filters", async () => {
    expect((await listUsers({ filters: { q: "晓明" }, db })).rows.map((r) => r.employeeNo)).toEqual([
      "E1001",
    ]);
    expect((await listUsers({ filters: { branchId: "east" }, db })).total).toBe(1);
    expect((await listUsers({ filters: { role: "admin" }, db })).total).toBe(2);
  });

  it("changes role and branch with an audit entry and ends sessions on a role change", async () => {
    expect(
      await updateUserRoleAndBranch({ actorId: "a1", userId: "l1", role: "trainer", branchId: "south", db }),
    ).toBe("updated");
    const user = await db.query.users.findFirst({ where: eq(users.id, "l1") });
    expect(user).toMatchObject({ role: "trainer", branchId: "south", sessionVersion: 2 });
    const { rows } = await listAuditEntries({ filters: { action: "user.update" }, db });
    expect(rows[0]).toMatchObject({
      actorEmployeeNo: "E9001",
      targetEmployeeNo: "E1001",
      before: { role: "learner", branch: "JA" },
      after: { role: "trainer", branch: "SOUTH" },
    });
  });

  it("never removes the last active admin", async () => {
    expect(await setUserActive({ actorId: "a1", userId: "a2", active: false, db })).toBe("updated");
    expect(
      await updateUserRoleAndBranch({ actorId: "a1", userId: "a1", role: "manager", branchId: "hq", db }),
    ).toBe("last_admin");
    expect(await setUserActive({ actorId: "a1", userId: "a1", active: false, db })).toBe("last_admin");
    expect((await db.query.users.findFirst({ where: eq(users.id, "a1") }))?.role).toBe("admin");
    expect(await setUserActive({ actorId: "a1", userId: "a2", active: true, db })).toBe("updated");
  });

  it("forces a sign-out", async () => {
    expect(await forceSignOut({ actorId: "a1", userId: "a2", db })).toBe(true);
    expect((await db.query.users.findFirst({ where: eq(users.id, "a2") }))?.sessionVersion).toBe(3);
  });
});

describe("branches", () => {
  it("adds, renames and moves a subtree, refusing cycles", async () => {
    expect(
      await createBranch({
        actorId: "a1",
        parentId: "ja",
        code: "JA-1",
        name: "静安一部",
        nameEn: "JA 1",
        db,
      }),
    ).toBe("created");
    expect(
      await createBranch({ actorId: "a1", parentId: "ja", code: "JA-1", name: "重复", nameEn: "Dup", db }),
    ).toBe("duplicate");
    const child = await db.query.branches.findFirst({ where: eq(branches.code, "JA-1") });
    expect(child?.path).toBe(`/hq/east/ja/${child?.id}/`);
    expect(
      await renameBranch({ actorId: "a1", id: "ja", name: "静安支行", nameEn: "Jing'an Sub-branch", db }),
    ).toBe(true);

    expect(await moveBranch({ actorId: "a1", id: "east", parentId: "ja", db })).toBe("cycle");
    expect(await moveBranch({ actorId: "a1", id: "ja", parentId: "south", db })).toBe("moved");
    const paths = await db
      .select({ id: branches.id, path: branches.path })
      .from(branches)
      .orderBy(asc(branches.path));
    expect(paths.find((p) => p.id === "ja")?.path).toBe("/hq/south/ja/");
    expect(paths.find((p) => p.id === child?.id)?.path).toBe(`/hq/south/ja/${child?.id}/`);
    const moves = await db.select().from(auditLog).where(eq(auditLog.action, "branch.move"));
    expect(moves).toHaveLength(1);
  });

  it("deactivates a branch only when it is empty", async () => {
    const tree = await listBranchTree({ db });
    expect(tree.find((b) => b.id === "ja")?.activeChildren).toBe(1);
    expect(await setBranchActive({ actorId: "a1", id: "ja", active: false, db })).toBe("not_empty");
    expect(await setBranchActive({ actorId: "a1", id: "east", active: false, db })).toBe("updated");
    expect(await setBranchActive({ actorId: "a1", id: "hq", active: false, db })).toBe("not_empty");
  });
});
