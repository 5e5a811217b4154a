import type { Viewer } from "../auth/scope";

/**
 * Who may download a person's data (PIPL art. 45): the person themselves, whatever their role, and
 * admins for anyone. Managers see their branch's results in reports, but not a copy of everything.
 */
export function mayExportPersonData(viewer: Viewer, userId: string): boolean {
  return viewer.id === userId || viewer.role === "admin";
}
