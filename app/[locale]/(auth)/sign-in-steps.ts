import "server-only";
import { cookies, headers } from "next/headers";
import { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { issuePasswordRenewal } from "@/db/queries/password-tokens";
import { getPasswordChangedAt } from "@/db/queries/users";
import { beginSecondStep, passSecondStep, type StepRefusal } from "@/db/use-cases/second-sign-in-step";
import { looksLikeToken, setPasswordPath } from "@/lib/auth/one-time-token";
import { passwordExpired } from "@/lib/auth/password-policy";
import { CHALLENGE_TTL_MS } from "@/lib/auth/second-factor-policy";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";

/**
 * What happens between a passed first factor and the session (GB/T 22239 level 3: two factors for
 * privileged users). Every provider's `signIn` callback ends in `afterFirstFactor`, so a password
 * and a single sign-on alike lead to the same second step; only the "second-factor" provider
 * below issues a session for someone who needs one, and only once their code is verified.
 */
export const SECOND_FACTOR_PROVIDER = "second-factor";
export const SECOND_STEP_PATH = "/login/verify";

/** Holds the second step's token (its SHA-256 is in sign_in_challenges); httpOnly, this site only. */
export const CHALLENGE_COOKIE = "training.second-step";

/** The client's address as server.ts resolved it from trusted proxies, or null. */
export async function requestAddress(): Promise<string | null> {
  const address = clientIp((await headers()).get("x-forwarded-for"));
  return address === "unknown" ? null : address;
}

export async function challengeToken(): Promise<string | null> {
  const token = (await cookies()).get(CHALLENGE_COOKIE)?.value;
  return token && looksLikeToken(token) ? token : null;
}

export async function clearChallengeCookie() {
  (await cookies()).delete(CHALLENGE_COOKIE);
}

/** A refusal the sign-in forms show; its code is one of StepRefusal or "locked". */
class StepRefused extends CredentialsSignin {
  constructor(code: StepRefusal) {
    super();
    this.code = code;
  }
}

/**
 * The `signIn` callback's answer once a first factor has passed for `userId`: true to issue the
 * session now, or where to send the person instead. A password past PASSWORD_MAX_AGE_DAYS goes to
 * a one-time set-password link; someone who needs a second factor goes to the code step (no session
 * exists until it passes). Throws "locked" while too many wrong codes were entered lately.
 */
export async function afterFirstFactor({ userId, provider }: { userId: string; provider: string }) {
  const now = new Date();
  if (provider === "credentials" && env.PASSWORD_MAX_AGE_DAYS) {
    const changedAt = await getPasswordChangedAt({ id: userId });
    if (changedAt && passwordExpired(changedAt, env.PASSWORD_MAX_AGE_DAYS, now))
      return setPasswordPath(await issuePasswordRenewal({ userId, now }));
  }
  const step = await beginSecondStep({ userId, provider, address: await requestAddress(), now });
  if (step.status === "not_needed") return true;
  if (step.status === "refused") return false;
  if (step.status === "locked") throw new StepRefused("locked");
  (await cookies()).set(CHALLENGE_COOKIE, step.token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: new URL(env.APP_URL).protocol === "https:",
    maxAge: CHALLENGE_TTL_MS / 1000,
  });
  return SECOND_STEP_PATH;
}

/** Where a sign-in's redirect leads when it is not yet a session: the code step or a new password. */
export function pendingStep(url: string): string | null {
  const { pathname } = new URL(url, "http://x");
  return pathname === SECOND_STEP_PATH || pathname.startsWith(setPasswordPath("")) ? pathname : null;
}

const stepForm = z.object({ code: z.string().max(64).default("") });

/**
 * The provider that issues the session after the second step: the token from the cookie, and a
 * code from the app or a recovery code (none when the enrolment was confirmed just now).
 */
export const secondFactorProvider = Credentials({
  id: SECOND_FACTOR_PROVIDER,
  credentials: { code: {} },
  async authorize(raw) {
    const token = await challengeToken();
    const parsed = stepForm.safeParse(raw ?? {});
    if (!token || !parsed.success) throw new StepRefused("expired");
    const outcome = await passSecondStep({ token, code: parsed.data.code, address: await requestAddress() });
    if (outcome.status !== "passed") throw new StepRefused(outcome.status);
    await clearChallengeCookie();
    const { user, method } = outcome;
    return {
      id: user.userId,
      name: user.name,
      role: user.role,
      branchId: user.branchId,
      sessionVersion: user.sessionVersion,
      firstFactor: user.provider,
      secondFactor: method,
    };
  },
});
