"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { setUserLocale } from "@/db/queries/users";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locales";
import { getCurrentUser } from "./(auth)/session";

const schema = z.object({ locale: z.enum(LOCALES) });

/** Persists the language in a cookie and, when signed in, as the user's preference. */
export async function switchLocale(formData: FormData) {
  const parsed = schema.safeParse({ locale: formData.get("locale") });
  if (!parsed.success) return;
  const { locale } = parsed.data;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  const user = await getCurrentUser();
  if (user) await setUserLocale({ userId: user.id, locale });
}
