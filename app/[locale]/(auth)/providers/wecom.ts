import { customFetch } from "next-auth";
import type { OAuthConfig } from "next-auth/providers";
import { WeComError, type WeComProfile, weComClient, weComIdentity } from "@/lib/auth/wecom";

type WeComClient = ReturnType<typeof weComClient>;

import type { SsoSettings } from "@/lib/auth/sso-env";
import type { Env } from "@/lib/env";

type WeComSettings = NonNullable<SsoSettings["wecom"]>;

/**
 * WeCom is not OAuth2 at the token step: its code is exchanged, with the corp's own access token,
 * for a member id. Auth.js posts an RFC 6749 token request to `token.url`; this fetch answers it
 * itself from WeCom's API, so Auth.js receives a conforming token response and the client secret
 * never leaves the server. The "access token" it carries is the member id.
 */
function exchangeCode(client: WeComClient, tokenUrl: string): typeof fetch {
  return async (input, init) => {
    if (String(input) !== tokenUrl) return fetch(input, init);
    const code = new URLSearchParams(init?.body as URLSearchParams | undefined).get("code") ?? "";
    try {
      const { userid, openid } = await client.loginIdentity(code);
      const who = userid ?? openid;
      if (!who)
        return Response.json(
          { error: "invalid_grant", error_description: "WeCom named nobody" },
          { status: 400 },
        );
      return Response.json({ access_token: who, token_type: "bearer", userid, openid });
    } catch (e) {
      if (!(e instanceof WeComError)) throw e;
      return Response.json({ error: "invalid_grant", error_description: e.message }, { status: 400 });
    }
  };
}

function profileFrom(client: WeComClient, attributeName: string | undefined) {
  return async ({ tokens }: { tokens: { userid?: unknown; openid?: unknown } }): Promise<WeComProfile> => {
    const userid = typeof tokens.userid === "string" ? tokens.userid : undefined;
    const openid = typeof tokens.openid === "string" ? tokens.openid : undefined;
    const name = attributeName;
    if (!userid || !name) return { userid, openid };
    return { userid, openid, attribute: { name, value: await client.memberAttribute(userid, name) } };
  };
}

function weComConfig(
  env: Env,
  settings: WeComSettings,
  id: "wecom" | "wecom-app",
  authorization: OAuthConfig<WeComProfile>["authorization"],
): OAuthConfig<WeComProfile> {
  const tokenUrl = `${env.WECOM_API_URL}/cgi-bin/auth/getuserinfo`;
  const client = weComClient({ apiUrl: env.WECOM_API_URL, corpId: settings.corpId, secret: settings.secret });
  return {
    id,
    name: "WeCom",
    type: "oauth",
    clientId: settings.corpId,
    clientSecret: settings.secret,
    authorization,
    token: tokenUrl,
    userinfo: { url: tokenUrl, request: profileFrom(client, env.WECOM_EMPLOYEE_NO_ATTR) },
    // WeCom has no PKCE; state is checked.
    checks: ["state"],
    profile(profile) {
      const sso = weComIdentity(profile, id) ?? undefined;
      return { id: sso?.subject, sso };
    },
    [customFetch]: exchangeCode(client, tokenUrl),
  };
}

/**
 * Web (QR) login on the WeCom login page, and silent login inside the WeCom app (snsapi_base:
 * the WeCom client attaches the member's identity, nobody is asked anything).
 */
export function weComProviders(env: Env, settings: WeComSettings): OAuthConfig<WeComProfile>[] {
  const { corpId, agentId } = settings;
  return [
    weComConfig(env, settings, "wecom", {
      url: `${env.WECOM_LOGIN_URL}/wwlogin/sso/login`,
      params: { login_type: "CorpApp", appid: corpId, agentid: agentId },
    }),
    weComConfig(env, settings, "wecom-app", {
      url: `${env.WECOM_OAUTH_URL}/connect/oauth2/authorize#wechat_redirect`,
      params: { appid: corpId, scope: "snsapi_base", agentid: agentId },
    }),
  ];
}
