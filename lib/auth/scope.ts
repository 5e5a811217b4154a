import type { Role } from "./roles";

/** A branch's materialised path: the ids from the root down to it, e.g. "/hq/east/jingan/". */
export type BranchPath = string;

export function childPath(parentPath: BranchPath | null, id: string): BranchPath {
  return `${parentPath ?? "/"}${id}/`;
}

/** True when `path` is the branch at `rootPath` or any branch below it. */
export function isInSubtree(path: BranchPath, rootPath: BranchPath): boolean {
  return path.startsWith(rootPath);
}

/** Every branch in the subtree rooted at `rootPath`, in the order given. */
export function branchSubtree<T extends { path: BranchPath }>(
  branches: readonly T[],
  rootPath: BranchPath,
): T[] {
  return branches.filter((b) => isInSubtree(b.path, rootPath));
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

/** The branch path a viewer's reports are limited to, or null when they may not see reports. */
export function reportScope(viewer: Viewer): BranchPath | null {
  if (viewer.role === "admin") return "/";
  if (viewer.role === "manager") return viewer.branchPath;
  return null;
}
