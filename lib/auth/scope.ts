import type { Role } from "./roles";

/** A branch's materialised path: the ids from the root down to it, e.g. "/hq/east/jingan/". */
export type BranchPath = string;

export function childPath(parentPath: BranchPath | null, id: string): BranchPath {
  return `${parentPath ?? "/"}${id}/`;
}

/**
 * True when `path` is the branch at `rootPath` or any branch below it: the branch-subtree rule in
 * TypeScript (db/sql/subtree.ts `subtreeOf` is the same rule in SQL, used by every query).
 */
export function isInSubtree(path: BranchPath, rootPath: BranchPath): boolean {
  return path.startsWith(rootPath);
}

export interface Viewer {
  id: string;
  role: Role;
  branchPath: BranchPath;
}

export interface Person {
  id: string;
  branchPath: BranchPath;
}

/**
 * Learners see only themselves; managers see everyone in their branch and below; admins see everyone.
 * Trainers review content, not people.
 */
export function canViewUser(viewer: Viewer, target: Person): boolean {
  if (viewer.id === target.id) return true;
  switch (viewer.role) {
    case "admin":
      return true;
    case "manager":
      return isInSubtree(target.branchPath, viewer.branchPath);
    default:
      return false;
  }
}

/**
 * The one scope rule: the branch subtree a viewer may see and act on (reports, people, assigning
 * training), or null when they may see no one else. Admins: the whole bank; managers: their own
 * branch and everything below it; learners and trainers: nobody.
 */
export function scopeOf(viewer: Viewer): BranchPath | null {
  if (viewer.role === "admin") return "/";
  if (viewer.role === "manager") return viewer.branchPath;
  return null;
}
