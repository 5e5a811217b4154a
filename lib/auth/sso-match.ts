/**
 * Which of our people a single sign-on identity is. Nobody is created on the fly: an identity
 * either names an existing account or it is refused.
 */

export const SSO_PROVIDERS = ["oidc", "wecom", "wecom-app", "dingtalk"] as const;
export type SsoProviderId = (typeof SSO_PROVIDERS)[number];

export function isSsoProvider(id: unknown): id is SsoProviderId {
  return typeof id === "string" && (SSO_PROVIDERS as readonly string[]).includes(id);
}

/** What a provider told us about the person, reduced to what matching needs. */
export interface SsoIdentity {
  provider: SsoProviderId;
  /** The provider's own stable id for the person (OIDC `sub`, WeCom `userid`, DingTalk `unionId`). */
  subject: string;
  employeeNo?: string;
  /** Lower case; absent when the provider says the address is not verified. */
  email?: string;
}

export interface SsoCandidate {
  id: string;
  employeeNo: string;
  email: string | null;
  active: boolean;
}

export type SsoRefusal = "unknown" | "inactive" | "ambiguous";
export type SsoMatch = { status: "matched"; userId: string } | { status: SsoRefusal; userId?: string };

/** A claim's text, trimmed, when it is a non-empty string or a number no longer than `max`. */
export function claimText(value: unknown, max = 254): string | undefined {
  const text = typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
  return text.length > 0 && text.length <= max ? text : undefined;
}

/**
 * The employee number decides when the provider sends one (e-mail addresses change and are
 * shared more often than staff numbers); the e-mail address is used only when it does not.
 * An e-mail shared by two active people names nobody.
 */
export function matchSsoUser(identity: SsoIdentity, candidates: readonly SsoCandidate[]): SsoMatch {
  if (identity.employeeNo) {
    const user = candidates.find((c) => c.employeeNo === identity.employeeNo);
    if (!user) return { status: "unknown" };
    return user.active ? { status: "matched", userId: user.id } : { status: "inactive", userId: user.id };
  }
  const email = identity.email?.toLowerCase();
  if (!email) return { status: "unknown" };
  const same = candidates.filter((c) => c.email?.toLowerCase() === email);
  const active = same.filter((c) => c.active);
  if (active.length > 1) return { status: "ambiguous" };
  if (active[0]) return { status: "matched", userId: active[0].id };
  if (same[0]) return { status: "inactive", userId: same[0].id };
  return { status: "unknown" };
}
