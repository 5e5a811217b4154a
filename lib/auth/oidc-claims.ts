import { claimText, type SsoIdentity } from "./sso-match";

type Claims = Record<string, unknown>;

/**
 * OIDC_ISSUER as providers write it. Auth.js compares the configured issuer with the `issuer` of
 * the discovery document exactly (after URL parsing), so `…/realms/bank/` would not match
 * `…/realms/bank`; a trailing slash and a pasted `/.well-known/openid-configuration` are dropped.
 */
export function normaliseIssuer(raw: string): string {
  return raw
    .trim()
    .replace(/\/\.well-known\/openid-configuration\/?$/, "")
    .replace(/\/+$/, "");
}

/** The payload of a JWT whose signature and claims were already checked (Auth.js validates the ID token). */
export function jwtPayload(jwt: unknown): Claims {
  if (typeof jwt !== "string") return {};
  const [, payload] = jwt.split(".");
  if (!payload) return {};
  try {
    const parsed: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Claims) : {};
  } catch {
    return {};
  }
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === "";

/**
 * The person's claims from the ID token and from userinfo together. Providers differ in where they
 * put them (oidc-provider, for one, puts only `sub` in the ID token); where both carry a value,
 * userinfo wins, being fetched last. Empty values never hide the other source's.
 */
export function mergeOidcClaims(idToken: Claims, userinfo: Claims): Claims {
  const merged: Claims = { ...idToken };
  for (const [key, value] of Object.entries(userinfo)) if (!isEmpty(value)) merged[key] = value;
  return merged;
}

/** `email_verified` may arrive as a boolean or, from some providers (Cognito), as "true"/"false". */
function verified(value: unknown): boolean {
  return value !== false && value !== "false";
}

export function oidcIdentity(
  claims: Claims,
  { employeeNoClaim }: { employeeNoClaim: string },
): SsoIdentity | null {
  const subject = claimText(claims.sub);
  if (!subject) return null;
  const email = verified(claims.email_verified) ? claimText(claims.email)?.toLowerCase() : undefined;
  return { provider: "oidc", subject, employeeNo: claimText(claims[employeeNoClaim], 32), email };
}
