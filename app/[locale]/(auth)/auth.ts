import { cookies } from "next/headers";
import type { DefaultSession } from "next-auth";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cache } from "react";
import { z } from "zod";
import { recordSignIn, resolveSsoSignIn } from "@/db/queries/sign-in";
import {
  claimAddressAttempt,
  clearLoginFailures,
  getThrottleDecision,
  recordLoginFailure,
  succeededFromAddress,
} from "@/db/queries/throttle";
import { endSession, findUserByEmployeeNo } from "@/db/queries/users";
import { canonicalEmployeeNo } from "@/lib/auth/employee-no";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { clockOf, sessionEndsAt, sessionState } from "@/lib/auth/session-clock";
import { SESSION_TIMING } from "@/lib/auth/session-timing";
import { isSsoProvider, type SsoIdentity } from "@/lib/auth/sso-match";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { authConfig } from "./auth.config";
import { ssoProviders } from "./providers";
import {
  afterFirstFactor,
  requestAddress,
  SECOND_FACTOR_PROVIDER,
  secondFactorProvider,
} from "./sign-in-steps";

declare module "next-auth" {
  interface User {
    role?: Role;
    branchId?: string;
    sessionVersion?: number;
    /** Set by a single sign-on provider's profile(): who the provider says this is. */
    sso?: SsoIdentity;
    /** Set by the second step: how the first factor passed, and how the second did. */
    firstFactor?: string;
    secondFactor?: string;
  }
  interface Session {
    user: { id: string; role: Role; branchId: string; sessionVersion: number } & DefaultSession["user"];
    /** When this session ends if no further request comes (idle timeout or 12-hour lifetime), in ms. */
    endsAt: number;
    /** When it ends however active it is (12 hours after signing in), in ms. */
    lifetimeEndsAt: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    branchId?: string;
    sessionVersion?: number;
    /** Milliseconds; see lib/auth/session-clock.ts. `lastSeenAt` is refreshed by proxy.ts. */
    signedInAt?: number;
    lastSeenAt?: number;
  }
}

class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}
class LockedOut extends CredentialsSignin {
  code = "locked";
}
class AddressThrottled extends CredentialsSignin {
  code = "throttled";
}

const credentialsSchema = z.object({
  employeeNo: z.string().max(64).transform(canonicalEmployeeNo).pipe(z.string().min(1).max(32)),
  password: z.string().min(1).max(256),
});

/**
 * Checks a password sign-in: first the client address's allowance (server.ts resolved the address
 * from trusted proxies), then the account's lockout, then the password, as long for an unknown
 * number as for a wrong password.
 */
async function authorizeCredentials(raw: unknown, request: Request) {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) throw new InvalidCredentials();
  const { employeeNo, password } = parsed.data;
  const now = Date.now();
  const address = clientIp(request.headers.get("x-forwarded-for"));

  if (!(await claimAddressAttempt({ address, now }))) throw new AddressThrottled();
  if (!(await getThrottleDecision({ employeeNo, now })).allowed) throw new LockedOut();

  const user = await findUserByEmployeeNo({ employeeNo });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !ok || !user.active || !user.passwordHash) {
    const state = await recordLoginFailure({ employeeNo, now, address: await requestAddress() });
    if (state?.lockedUntil) throw new LockedOut();
    throw new InvalidCredentials();
  }
  await Promise.all([clearLoginFailures({ employeeNo }), succeededFromAddress({ address, now })]);
  return {
    id: user.id,
    name: user.name,
    role: user.role,
    branchId: user.branchId,
    sessionVersion: user.sessionVersion,
  };
}

const {
  handlers,
  auth: uncachedAuth,
  signIn,
  signOut,
} = NextAuth({
  ...authConfig,
  secret: env.AUTH_SECRET,
  logger: {
    // A wrong password or a lockout is an expected outcome, not a server error worth a stack trace.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      id: "credentials",
      credentials: { employeeNo: {}, password: {} },
      authorize: authorizeCredentials,
    }),
    ...ssoProviders(env),
    secondFactorProvider,
  ],
  callbacks: {
    /**
     * Every first factor ends here, whatever its provider: a password, or a single sign-on identity
     * that names an active account (by employee number or e-mail; a refusal goes back to the sign-in
     * page with its reason). The person it matched then goes on to the second step when they need
     * one (afterFirstFactor), so no provider issues a session without it. A match turns the
     * provider's user into ours, which jwt() writes into the session token as it does for passwords.
     */
    async signIn({ user, account }) {
      const provider = account?.provider ?? "credentials";
      if (provider === SECOND_FACTOR_PROVIDER) return true;
      if (isSsoProvider(provider)) {
        const outcome = user.sso
          ? await resolveSsoSignIn({ identity: user.sso })
          : { status: "unknown" as const };
        if (outcome.status !== "matched") return `/login?error=sso_${outcome.status}&provider=${provider}`;
        const { id, name, role, branchId, sessionVersion, locale } = outcome.user;
        Object.assign(user, { id, name, role, branchId, sessionVersion });
        (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
      }
      if (!user.id) return false;
      return afterFirstFactor({ userId: user.id, provider });
    },
    jwt({ token, user }) {
      if (user?.id && user.role && user.branchId) {
        Object.assign(token, {
          uid: user.id,
          role: user.role,
          branchId: user.branchId,
          sessionVersion: user.sessionVersion,
        });
      }
      const now = Date.now();
      if (user) Object.assign(token, { signedInAt: now, lastSeenAt: now });
      // Idle for SESSION_IDLE_MINUTES, or 12 hours old: the session is over on every path.
      const clock = clockOf(token);
      if (!clock || sessionState(clock, SESSION_TIMING, now) === "ended") return null;
      return token;
    },
    session({ session, token }) {
      if (token.uid && token.role && token.branchId) {
        session.user.id = token.uid;
        session.user.role = token.role;
        session.user.branchId = token.branchId;
        session.user.sessionVersion = token.sessionVersion ?? 0;
      }
      const clock = clockOf(token);
      session.endsAt = clock ? sessionEndsAt(clock, SESSION_TIMING) : 0;
      session.lifetimeEndsAt = clock ? clock.signedInAt + SESSION_TIMING.absoluteMs : 0;
      return session;
    },
  },
  events: {
    async signIn({ user, account }) {
      if (!user.id || !account) return;
      await recordSignIn({
        userId: user.id,
        provider: user.firstFactor ?? account.provider,
        subject: user.sso?.subject,
        secondFactor: user.secondFactor ?? null,
        address: await requestAddress(),
      });
    },
    // Signing out (the shell's button or POST /api/auth/signout) ends the token at once, not at its expiry.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (token?.uid && token.sessionVersion !== undefined) {
        await endSession({ userId: token.uid, sessionVersion: token.sessionVersion });
      }
    },
  },
});

/** Read the session once per request. */
export const auth = cache(uncachedAuth);
export { handlers, signIn, signOut };
