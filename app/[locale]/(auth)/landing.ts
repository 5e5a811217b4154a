import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { homeFor, type Role } from "@/lib/auth/roles";
import { LOCALE_COOKIE, type Locale } from "@/lib/i18n/locales";

/** After a session is issued: the person's language follows them, and they land on their home. */
export async function landSignedIn(user: { role: Role; locale: Locale }): Promise<never> {
  (await cookies()).set(LOCALE_COOKIE, user.locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  redirect(homeFor(user.role));
}
