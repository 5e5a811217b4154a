import { describe, expect, it } from "vitest";
import { areasFor, can, homeFor } from "@/lib/auth/roles";
import {
  branchSubtree,
  canViewUser,
  childPath,
  isInSubtree,
  reportScope,
  type Viewer,
} from "@/lib/auth/scope";

const hq = childPath(null, "hq");
const east = childPath(hq, "east");
const south = childPath(hq, "south");
const jingan = childPath(east, "jingan");
const tianhe = childPath(south, "tianhe");
const all = [hq, east, south, jingan, tianhe].map((path) => ({ path }));

const managerEast: Viewer = { id: "m1", role: "manager", branchPath: east };
const learner: Viewer = { id: "l1", role: "learner", branchPath: jingan };

describe("branch subtree", () => {
  it("builds paths from the root", () => {
    expect(jingan).toBe("/hq/east/jingan/");
  });
  it("a manager of 分行 A sees 支行 under A, not under B", () => {
    expect(branchSubtree(all, east).map((b) => b.path)).toEqual([east, jingan]);
    expect(isInSubtree(tianhe, east)).toBe(false);
  });
  it("does not confuse branches whose ids share a prefix", () => {
    expect(isInSubtree(childPath(hq, "eastern"), east)).toBe(false);
  });
});

describe("canViewUser", () => {
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
  it("scopes reports to the manager's branch and the whole bank for admins", () => {
    expect(reportScope(managerEast)).toBe(east);
    expect(reportScope({ id: "a", role: "admin", branchPath: hq })).toBe("/");
    expect(reportScope(learner)).toBeNull();
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
