import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getSessionUser, type SessionUser } from "@/db/queries/users";
import { type Area, can } from "@/lib/auth/roles";
import type { Viewer } from "@/lib/auth/scope";
import { sessionCounts } from "@/lib/auth/session-version";
import { AppError } from "@/lib/errors";
import { readSessionToken } from "./session-token";

/**
 * The signed-in user as the database sees them now. A token issued before a deactivation,
 * role change or forced sign-out carries an older session version and counts as signed out.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await readSessionToken();
  if (!session) return null;
  const user = await getSessionUser({ id: session.userId });
  return user && sessionCounts(user, session.sessionVersion) ? user : null;
});

/** For pages: sends visitors who are not signed in to the sign-in page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}

/** For pages: the 403 page when the role may not use this area. */
export async function requireArea(area: Area): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user.role, area)) forbidden();
  return user;
}

/** For route handlers and server actions: throws an AppError instead of redirecting. */
export async function requireApiUser(area?: Area): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized:session");
  if (area && !can(user.role, area)) throw new AppError(`forbidden:${area}`);
  return user;
}

export function toViewer(user: SessionUser): Viewer {
  return { id: user.id, role: user.role, branchPath: user.branchPath };
}
