"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { setUserLocale } from "@/db/queries/users";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locales";
import { authorizedAction } from "./(auth)/authorized-action";

/** Persists the language in a cookie and, when signed in, as the user's preference (public: the sign-in page has it too). */
export const switchLocale = authorizedAction(
  "public",
  z.object({ locale: z.enum(LOCALES) }),
  async ({ locale }, user) => {
    (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
    if (user) await setUserLocale({ userId: user.id, locale });
    return { status: "switched" as const };
  },
);
