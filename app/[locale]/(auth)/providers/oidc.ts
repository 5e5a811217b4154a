import type { OIDCConfig } from "next-auth/providers";
import { jwtPayload, mergeOidcClaims, oidcIdentity } from "@/lib/auth/oidc-claims";
import type { SsoSettings } from "@/lib/auth/sso-env";
import type { Env } from "@/lib/env";

type Claims = Record<string, unknown>;

/**
 * The bank's OpenID Connect provider. Discovery is fetched when someone signs in, not at start-up,
 * so the app starts while the provider is down (the button then reports it unavailable).
 */
export function oidcProvider(env: Env, settings: NonNullable<SsoSettings["oidc"]>): OIDCConfig<Claims> {
  return {
    id: "oidc",
    name: env.OIDC_NAME,
    type: "oidc",
    issuer: settings.issuer,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: env.OIDC_SCOPE } },
    checks: ["pkce", "state"],
    // With type "oidc" Auth.js builds the profile from the ID token alone unless idToken is false,
    // and many providers (oidc-provider by default) put only `sub` there. With false it also calls
    // userinfo, checking its `sub` against the ID token's; profile() then merges both.
    idToken: false,
    profile(userinfo, tokens) {
      const claims = mergeOidcClaims(jwtPayload(tokens.id_token), userinfo);
      const sso = oidcIdentity(claims, { employeeNoClaim: env.OIDC_EMPLOYEE_NO_CLAIM }) ?? undefined;
      return { id: sso?.subject, name: typeof claims.name === "string" ? claims.name : null, sso };
    },
  };
}
