import type { NextAuthConfig } from "next-auth";

export const authConfig = {
  // Auth.js errors (a failed or cancelled single sign-on) land on the sign-in page with ?error=….
  pages: { signIn: "/login", error: "/login" },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  providers: [],
  trustHost: true,
} satisfies NextAuthConfig;
