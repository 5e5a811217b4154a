import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listBranchesUnder } from "@/db/queries/branches";
import { branches } from "@/db/schema";
import { escapeLike, subtreeOf } from "@/db/sql/subtree";
import { areasFor, can, homeFor } from "@/lib/auth/roles";
import { canViewUser, childPath, isInSubtree, scopeOf, type Viewer } from "@/lib/auth/scope";
import { setUpTestDb } from "./test-db";

const hq = childPath(null, "hq");
const east = childPath(hq, "east");
const south = childPath(hq, "south");
const jingan = childPath(east, "jingan");
const tianhe = childPath(south, "tianhe");

const managerEast: Viewer = { id: "m1", role: "manager", branchPath: east };
const learner: Viewer = { id: "l1", role: "learner", branchPath: jingan };

// Ids with LIKE's wildcards in them: a path with "_" or "%" must match only itself and what is below it.
const { db } = setUpTestDb((db) =>
  db.insert(branches).values([
    { id: "hq", code: "HQ", name: "总行", nameEn: "HQ", path: hq },
    { id: "east", code: "EAST", name: "华东", nameEn: "East", parentId: "hq", path: east },
    { id: "jingan", code: "JA", name: "静安", nameEn: "Jing'an", parentId: "east", path: jingan },
    { id: "eastern", code: "EASTERN", name: "东部", nameEn: "Eastern", parentId: "hq", path: "/hq/eastern/" },
    { id: "south", code: "SOUTH", name: "华南", nameEn: "South", parentId: "hq", path: south },
    { id: "tianhe", code: "TH", name: "天河", nameEn: "Tianhe", parentId: "south", path: tianhe },
    { id: "a_b", code: "AB", name: "甲乙", nameEn: "AB", parentId: "hq", path: "/hq/a_b/" },
    { id: "axb", code: "AXB", name: "甲丙", nameEn: "AXB", parentId: "hq", path: "/hq/axb/" },
    { id: "p%", code: "PCT", name: "百分", nameEn: "Pct", parentId: "hq", path: "/hq/p%/" },
    { id: "pq", code: "PQ", name: "丁", nameEn: "PQ", parentId: "hq", path: "/hq/pq/" },
  ]),
);

/** The ids of the branches the subtree rule selects, in path order. */
async function subtree(root: string) {
  const rows = await db
    .select({ id: branches.id })
    .from(branches)
    .where(subtreeOf(root))
    .orderBy(branches.path);
  return rows.map((r) => r.id);
}

describe("the branch-subtree rule", () => {
  it("builds paths from the root", () => {
    expect(jingan).toBe("/hq/east/jingan/");
  });
  it("a manager of 分行 A sees 支行 under A, not under B, in TypeScript and in SQL", async () => {
    expect(isInSubtree(jingan, east)).toBe(true);
    expect(isInSubtree(tianhe, east)).toBe(false);
    expect(await subtree(east)).toEqual(["east", "jingan"]);
    expect(await subtree("/")).toHaveLength(10);
  });
  it("does not confuse branches whose ids share a prefix", async () => {
    expect(isInSubtree(childPath(hq, "eastern"), east)).toBe(false);
    expect(await subtree(east)).not.toContain("eastern");
  });
  it("escapes LIKE's wildcards in the root instead of matching with them", async () => {
    expect(escapeLike("a_b%c\\")).toBe("a\\_b\\%c\\\\");
    expect(await subtree("/hq/a_b/")).toEqual(["a_b"]);
    expect(await subtree("/hq/p%/")).toEqual(["p%"]);
  });
  it("takes the root from SQL too (a column or subquery), escaped the same way", async () => {
    const rows = await db
      .select({ id: branches.id })
      .from(branches)
      .where(subtreeOf(sql`(select path from ${branches} where id = 'a_b')`));
    expect(rows.map((r) => r.id)).toEqual(["a_b"]);
  });
  it("lists the active branches of a scope for the assign form", async () => {
    expect((await listBranchesUnder({ path: south, db })).map((b) => b.id)).toEqual(["south", "tianhe"]);
  });
});

describe("scopeOf and canViewUser", () => {
  it("scopes managers to their branch subtree and admins to the whole bank; nobody else has one", () => {
    expect(scopeOf(managerEast)).toBe(east);
    expect(scopeOf({ id: "a", role: "admin", branchPath: hq })).toBe("/");
    expect(scopeOf(learner)).toBeNull();
    expect(scopeOf({ id: "t", role: "trainer", branchPath: hq })).toBeNull();
  });
  it("lets a manager see people in their subtree only", () => {
    expect(canViewUser(managerEast, { id: "x", branchPath: jingan })).toBe(true);
    expect(canViewUser(managerEast, { id: "x", branchPath: east })).toBe(true);
    expect(canViewUser(managerEast, { id: "y", branchPath: tianhe })).toBe(false);
    expect(canViewUser(managerEast, { id: "z", branchPath: hq })).toBe(false);
  });
  it("lets a learner see only themselves", () => {
    expect(canViewUser(learner, { id: "l1", branchPath: jingan })).toBe(true);
    expect(canViewUser(learner, { id: "l2", branchPath: jingan })).toBe(false);
  });
  it("lets an admin see everyone and a trainer no one else", () => {
    expect(canViewUser({ id: "a", role: "admin", branchPath: hq }, { id: "y", branchPath: tianhe })).toBe(
      true,
    );
    expect(canViewUser({ id: "t", role: "trainer", branchPath: hq }, { id: "y", branchPath: tianhe })).toBe(
      false,
    );
  });
});

describe("role gates", () => {
  it("gives each role its own area and home", () => {
    expect(can("learner", "reports")).toBe(false);
    expect(can("manager", "reports")).toBe(true);
    expect(can("manager", "admin")).toBe(false);
    expect(can("trainer", "author")).toBe(true);
    expect(can("admin", "admin")).toBe(true);
    expect(homeFor("learner")).toBe("/");
    expect(homeFor("trainer")).toBe("/author");
    expect(homeFor("manager")).toBe("/reports");
    expect(homeFor("admin")).toBe("/admin");
    expect(areasFor("admin")).toEqual(["author", "reports", "admin"]);
  });
});
