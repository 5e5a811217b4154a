import type { DefaultSession } from "next-auth";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cache } from "react";
import { z } from "zod";
import {
  claimAddressAttempt,
  clearLoginFailures,
  getThrottleDecision,
  recordLoginFailure,
  succeededFromAddress,
} from "@/db/queries/throttle";
import { endSession, findUserByEmployeeNo, findUserForSso } from "@/db/queries/users";
import { canonicalEmployeeNo } from "@/lib/auth/employee-no";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { env, oidcEnabled } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { authConfig } from "./auth.config";

declare module "next-auth" {
  interface User {
    role?: Role;
    branchId?: string;
    sessionVersion?: number;
  }
  interface Session {
    user: { id: string; role: Role; branchId: string; sessionVersion: number } & DefaultSession["user"];
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    branchId?: string;
    sessionVersion?: number;
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
    const state = await recordLoginFailure({ employeeNo, now });
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
  events: {
    // Signing out (the shell's button or POST /api/auth/signout) ends the token at once, not at its expiry.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (token?.uid && token.sessionVersion !== undefined) {
        await endSession({ userId: token.uid, sessionVersion: token.sessionVersion });
      }
    },
  },
  providers: [
    Credentials({
      id: "credentials",
      credentials: { employeeNo: {}, password: {} },
      authorize: authorizeCredentials,
    }),
    ...oidcProvider,
  ],
  callbacks: {
    async signIn({ account, profile }) {
      if (account?.provider !== "oidc") return true;
      const match = await findUserForSso({
        email: typeof profile?.email === "string" ? profile.email : undefined,
        employeeNo: typeof profile?.employee_no === "string" ? profile.employee_no : undefined,
      });
      return Boolean(match?.active);
    },
    async jwt({ token, user, account, profile }) {
      if (account?.provider === "oidc") {
        const match = await findUserForSso({
          email: typeof profile?.email === "string" ? profile.email : undefined,
          employeeNo: typeof profile?.employee_no === "string" ? profile.employee_no : undefined,
        });
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
      return token;
    },
    session({ session, token }) {
      if (token.uid && token.role && token.branchId) {
        session.user.id = token.uid;
        session.user.role = token.role;
        session.user.branchId = token.branchId;
        session.user.sessionVersion = token.sessionVersion ?? 0;
      }
      return session;
    },
  },
});

/** Read the session once per request. */
export const auth = cache(uncachedAuth);
export { handlers, signIn, signOut };
