import { isSsoProvider, type SsoProviderId } from "@/lib/auth/sso-match";

export const SSO_NOTICES = ["unknown", "inactive", "ambiguous", "unavailable", "failed"] as const;
export type SsoNotice = (typeof SSO_NOTICES)[number];

/**
 * Why a single sign-on ended on the sign-in page: our own refusals arrive as ?error=sso_<reason>,
 * anything Auth.js reports (a cancelled consent, an error from the provider) as its error type.
 */
export function ssoNotice(params: Record<string, string | string[] | undefined>): {
  notice?: SsoNotice;
  provider?: SsoProviderId;
} {
  const error = typeof params.error === "string" ? params.error : undefined;
  const provider = isSsoProvider(params.provider) ? params.provider : undefined;
  if (!error || error === "CredentialsSignin") return {};
  const own = error.startsWith("sso_") ? error.slice(4) : undefined;
  const notice = SSO_NOTICES.find((n) => n === own) ?? "failed";
  return { notice, provider };
}
