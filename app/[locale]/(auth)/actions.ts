"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { findUserByEmployeeNo } from "@/db/queries/users";
import { SSO_PROVIDERS } from "@/lib/auth/sso-match";
import { ssoButtons } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { signIn, signOut } from "./auth";
import { authorizedAction } from "./authorized-action";
import { landSignedIn } from "./landing";
import { WECOM_STATE_COOKIE, withShortState } from "./providers/callback-url";
import { pendingStep } from "./sign-in-steps";

export type LoginState = {
  status: "idle" | "invalid" | "locked" | "throttled" | "missing" | "error";
  employeeNo?: string;
};

/** What Auth.js's error code for a refused sign-in means to the form. */
const REFUSED = { locked: "locked", throttled: "throttled" } as const;
const refusal = (code: string | null | undefined) => REFUSED[code as keyof typeof REFUSED] ?? "invalid";

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

  let step: string | null = null;
  try {
    const url = await signIn("credentials", { ...parsed.data, redirect: false });
    const code = new URL(url, "http://x").searchParams.get("code");
    if (code) return { status: refusal(code), employeeNo };
    step = pendingStep(url);
  } catch (e) {
    if (e instanceof CredentialsSignin) return { status: refusal(e.code), employeeNo };
    if (e instanceof AuthError) return { status: "error", employeeNo };
    throw e;
  }

  // The password was right but no session yet: the second step, or a new password (sign-in-steps.ts).
  if (step) redirect(step);
  const user = await findUserByEmployeeNo({ employeeNo: parsed.data.employeeNo });
  if (!user) return { status: "invalid", employeeNo };
  return landSignedIn(user);
});

/** Public on purpose: a session that is no longer valid must still be able to sign out. */
export const signOutAction = authorizedAction("public", z.object({}), async () => {
  await signOut({ redirectTo: "/login" });
  return { status: "idle" as const };
});

const ssoForm = z.object({ provider: z.enum(SSO_PROVIDERS) });

/**
 * Starts a single sign-on. The provider's discovery document (OIDC) is fetched now, so a provider
 * that is down or misconfigured is reported on the sign-in page instead of failing the request.
 * After the provider, Auth.js returns to /login, which sends the person to their home.
 */
export const ssoSignIn = authorizedAction("public", ssoForm, async ({ provider }) => {
  if (!ssoButtons.includes(provider === "wecom-app" ? "wecom" : provider))
    throw new AppError("bad_request:form");
  const unavailable = `/login?error=sso_unavailable&provider=${provider}`;
  let target: string;
  try {
    target = await signIn(provider, { redirect: false, redirectTo: "/login" });
  } catch (e) {
    if (!(e instanceof AuthError)) throw e;
    target = unavailable;
  }
  // A failure Auth.js does not throw (a network error, say) comes back as its error page, /login?error=….
  const url = new URL(target, "http://x");
  if (url.pathname === "/login" && url.searchParams.has("error")) redirect(unavailable);
  if (provider !== "wecom" && provider !== "wecom-app") redirect(target);
  const short = withShortState(target);
  if (short.state)
    (await cookies()).set(WECOM_STATE_COOKIE, short.state, {
      httpOnly: true,
      sameSite: "lax",
      secure: short.secure,
      path: "/api/auth/callback",
      maxAge: 15 * 60,
    });
  redirect(short.url);
});
