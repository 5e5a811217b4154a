import "server-only";
import { headers } from "next/headers";
import { getCurrentUser } from "@/app/[locale]/(auth)/session";
import type { SessionUser } from "@/db/queries/users";
import { can } from "@/lib/auth/roles";
import { env } from "@/lib/env";

/** For server actions: the signed-in admin, or null (every action is a public endpoint, so each checks). */
export async function currentAdmin(): Promise<SessionUser | null> {
  const user = await getCurrentUser();
  return user && can(user.role, "admin") ? user : null;
}

/** The address the admin is using, for links shown to them; e-mails use APP_URL. */
export async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host");
  if (!host) return env.APP_URL;
  const proto = h.get("x-forwarded-proto") ?? (env.APP_URL.startsWith("https:") ? "https" : "http");
  return `${proto}://${host}`;
}
