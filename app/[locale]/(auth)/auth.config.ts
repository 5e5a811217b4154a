import type { NextAuthConfig } from "next-auth";
import { SESSION_ABSOLUTE_MS } from "@/lib/auth/session-clock";

export const authConfig = {
  // Auth.js errors (a failed or cancelled single sign-on) land on the sign-in page with ?error=….
  pages: { signIn: "/login", error: "/login" },
  // The token's own lifetime; the 12 hours count from signing in and the idle end from the last
  // request, both checked on every request (lib/auth/session-clock.ts).
  session: { strategy: "jwt", maxAge: SESSION_ABSOLUTE_MS / 1000 },
  providers: [],
  trustHost: true,
} satisfies NextAuthConfig;
