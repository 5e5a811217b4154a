"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { findUserByEmployeeNo } from "@/db/queries/users";
import { homeFor } from "@/lib/auth/roles";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { signIn, signOut } from "./auth";
import { authorizedAction } from "./authorized-action";

export type LoginState = { status: "idle" | "invalid" | "locked" | "missing" | "error"; employeeNo?: string };

const credentials = z.object({
  employeeNo: z.string().trim().min(1).max(32),
  password: z.string().min(1).max(256),
});

/** The form as typed: anything goes, so an empty or overlong field gets its own message and keeps the number. */
const loginForm = z.object({ employeeNo: z.string().default(""), password: z.string().default("") });

export const login = authorizedAction("public", loginForm, async (form): Promise<LoginState> => {
  const employeeNo = form.employeeNo.slice(0, 32);
  const parsed = credentials.safeParse(form);
  if (!parsed.success) return { status: "missing", employeeNo };

  try {
    const url = await signIn("credentials", { ...parsed.data, redirect: false });
    const code = new URL(url, "http://x").searchParams.get("code");
    if (code) return { status: code === "locked" ? "locked" : "invalid", employeeNo };
  } catch (e) {
    if (e instanceof CredentialsSignin)
      return { status: e.code === "locked" ? "locked" : "invalid", employeeNo };
    if (e instanceof AuthError) return { status: "error", employeeNo };
    throw e;
  }

  const user = await findUserByEmployeeNo({ employeeNo: parsed.data.employeeNo });
  if (!user) return { status: "invalid", employeeNo };
  (await cookies()).set(LOCALE_COOKIE, user.locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  redirect(homeFor(user.role));
});

/** Public on purpose: a session that is no longer valid must still be able to sign out. */
export const signOutAction = authorizedAction("public", z.object({}), async () => {
  await signOut({ redirectTo: "/login" });
  return { status: "idle" as const };
});

export const ssoSignIn = authorizedAction("public", z.object({}), async () => {
  await signIn("oidc", { redirectTo: "/" });
  return { status: "idle" as const };
});
