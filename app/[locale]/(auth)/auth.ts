import type { DefaultSession } from "next-auth";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cache } from "react";
import { z } from "zod";
import { recordSignIn } from "@/db/queries/sign-ins";
import { clearLoginFailures, getThrottleDecision, recordLoginFailure } from "@/db/queries/throttle";
import { findUserByEmployeeNo, findUserForSso } from "@/db/queries/users";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { clockOf, sessionEndsAt, sessionState } from "@/lib/auth/session-clock";
import { SESSION_TIMING } from "@/lib/auth/session-timing";
import { env, oidcEnabled } from "@/lib/env";
import { authConfig } from "./auth.config";
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

const credentialsSchema = z.object({
  employeeNo: z.string().trim().min(1).max(32),
  password: z.string().min(1).max(256),
});

async function authorizeCredentials(raw: unknown) {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) throw new InvalidCredentials();
  const { employeeNo, password } = parsed.data;
  const now = Date.now();

  if (!(await getThrottleDecision({ employeeNo, now })).allowed) throw new LockedOut();

  const user = await findUserByEmployeeNo({ employeeNo });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !ok || !user.active || !user.passwordHash) {
    const state = await recordLoginFailure({ employeeNo, now, address: await requestAddress() });
    if (state?.lockedUntil) throw new LockedOut();
    throw new InvalidCredentials();
  }
  await clearLoginFailures({ employeeNo });
  return {
    id: user.id,
    name: user.name,
    role: user.role,
    branchId: user.branchId,
    sessionVersion: user.sessionVersion,
  };
}

const ssoMatch = (profile: { email?: unknown; employee_no?: unknown } | undefined) =>
  findUserForSso({
    email: typeof profile?.email === "string" ? profile.email : undefined,
    employeeNo: typeof profile?.employee_no === "string" ? profile.employee_no : undefined,
  });

const oidcProvider = oidcEnabled
  ? [
      {
        id: "oidc",
        name: env.OIDC_NAME,
        type: "oidc" as const,
        issuer: env.OIDC_ISSUER,
        clientId: env.OIDC_CLIENT_ID,
        clientSecret: env.OIDC_CLIENT_SECRET,
      },
    ]
  : [];

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
    ...oidcProvider,
    secondFactorProvider,
  ],
  callbacks: {
    /**
     * Every first factor ends here, whatever its provider: the person it matched goes on to the
     * second step when they need one (afterFirstFactor), so no provider issues a session without it.
     */
    async signIn({ user, account, profile }) {
      const provider = account?.provider ?? "credentials";
      if (provider === SECOND_FACTOR_PROVIDER) return true;
      const person = provider === "oidc" ? await ssoMatch(profile) : user;
      if (!person?.id || (provider === "oidc" && !(person as { active?: boolean }).active)) return false;
      return afterFirstFactor({ userId: person.id, provider });
    },
    async jwt({ token, user, account, profile }) {
      if (account?.provider === "oidc") {
        const match = await ssoMatch(profile);
        if (match)
          Object.assign(token, {
            uid: match.id,
            role: match.role,
            branchId: match.branchId,
            sessionVersion: match.sessionVersion,
          });
      } else if (user?.id) {
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
    async signIn({ user, account, profile }) {
      const provider = account?.provider ?? "credentials";
      const userId = provider === "oidc" ? (await ssoMatch(profile))?.id : user.id;
      if (!userId) return;
      await recordSignIn({
        userId,
        provider: user.firstFactor ?? provider,
        secondFactor: user.secondFactor ?? null,
        address: await requestAddress(),
      });
    },
  },
});

/** Read the session once per request. */
export const auth = cache(uncachedAuth);
export { handlers, signIn, signOut };
