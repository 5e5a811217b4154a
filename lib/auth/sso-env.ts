import { z } from "zod";
import { normaliseIssuer } from "./oidc-claims";

/**
 * The single sign-on variables (lib/env.ts validates them with the rest). Each provider is on when
 * all of its required variables are set; setting only some of them stops the app with a message.
 */

const blankIsUnset = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema);
const optionalText = blankIsUnset(z.string().trim().min(1).optional());
/** A base URL without a trailing slash; the platforms' real hosts by default, a stand-in in tests. */
const baseUrl = (fallback: string) =>
  blankIsUnset(
    z
      .url({ protocol: /^https?$/ })
      .default(fallback)
      .transform((u) => u.replace(/\/+$/, "")),
  );

export const SSO_ENV = {
  OIDC_ISSUER: blankIsUnset(
    z
      .url({ protocol: /^https?$/ })
      .transform(normaliseIssuer)
      .optional(),
  ),
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  OIDC_NAME: z.string().min(1).default("SSO"),
  OIDC_SCOPE: z
    .string()
    .regex(/(^|\s)openid(\s|$)/, "OIDC_SCOPE must include openid")
    .default("openid profile email"),
  OIDC_EMPLOYEE_NO_CLAIM: z.string().min(1).default("employee_no"),

  WECOM_CORP_ID: optionalText,
  WECOM_AGENT_ID: blankIsUnset(
    z.string().regex(/^\d+$/, "WECOM_AGENT_ID is the app's numeric AgentID").optional(),
  ),
  WECOM_SECRET: optionalText,
  WECOM_EMPLOYEE_NO_ATTR: optionalText,
  WECOM_LOGIN_URL: baseUrl("https://login.work.weixin.qq.com"),
  WECOM_OAUTH_URL: baseUrl("https://open.weixin.qq.com"),
  WECOM_API_URL: baseUrl("https://qyapi.weixin.qq.com"),

  DINGTALK_CLIENT_ID: optionalText,
  DINGTALK_CLIENT_SECRET: optionalText,
  DINGTALK_MATCH: z.enum(["job_number", "email"]).default("job_number"),
  DINGTALK_LOGIN_URL: baseUrl("https://login.dingtalk.com"),
  DINGTALK_API_URL: baseUrl("https://api.dingtalk.com"),
  DINGTALK_OAPI_URL: baseUrl("https://oapi.dingtalk.com"),
};

const GROUPS = {
  oidc: ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"],
  wecom: ["WECOM_CORP_ID", "WECOM_AGENT_ID", "WECOM_SECRET"],
  dingtalk: ["DINGTALK_CLIENT_ID", "DINGTALK_CLIENT_SECRET"],
} as const;
export type SsoButton = keyof typeof GROUPS;

type SsoValues = { [K in (typeof GROUPS)[SsoButton][number]]?: string };

/** Issues for a provider configured by halves, e.g. WECOM_CORP_ID without WECOM_SECRET. */
export function completeSsoGroups(values: SsoValues, ctx: z.RefinementCtx) {
  for (const names of Object.values(GROUPS)) {
    const set = names.filter((n) => values[n] !== undefined);
    if (set.length === 0 || set.length === names.length) continue;
    for (const missing of names.filter((n) => values[n] === undefined))
      ctx.addIssue({
        code: "custom",
        path: [missing],
        message: `${missing} is required when ${set.join(", ")} is set`,
      });
  }
}

/** Each provider's required settings, or null when it is not configured. */
export function ssoSettings(v: SsoValues) {
  return {
    oidc:
      v.OIDC_ISSUER && v.OIDC_CLIENT_ID && v.OIDC_CLIENT_SECRET
        ? { issuer: v.OIDC_ISSUER, clientId: v.OIDC_CLIENT_ID, clientSecret: v.OIDC_CLIENT_SECRET }
        : null,
    wecom:
      v.WECOM_CORP_ID && v.WECOM_AGENT_ID && v.WECOM_SECRET
        ? { corpId: v.WECOM_CORP_ID, agentId: v.WECOM_AGENT_ID, secret: v.WECOM_SECRET }
        : null,
    dingtalk:
      v.DINGTALK_CLIENT_ID && v.DINGTALK_CLIENT_SECRET
        ? { clientId: v.DINGTALK_CLIENT_ID, clientSecret: v.DINGTALK_CLIENT_SECRET }
        : null,
  } satisfies Record<SsoButton, object | null>;
}
export type SsoSettings = ReturnType<typeof ssoSettings>;

/** The sign-in buttons this configuration offers, in the order the page shows them. */
export function configuredSso(values: SsoValues): SsoButton[] {
  const settings = ssoSettings(values);
  return (Object.keys(GROUPS) as SsoButton[]).filter((id) => settings[id] !== null);
}
