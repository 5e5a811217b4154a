import "server-only";
import { getCurrentUser } from "@/app/[locale]/(auth)/session";
import type { SessionUser } from "@/db/queries/users";
import { can } from "@/lib/auth/roles";

/** For server actions: the signed-in admin, or null (every action is a public endpoint, so each checks). */
export async function currentAdmin(): Promise<SessionUser | null> {
  const user = await getCurrentUser();
  return user && can(user.role, "admin") ? user : null;
}
