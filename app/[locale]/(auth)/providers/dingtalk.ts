import { customFetch } from "next-auth";
import type { OAuthConfig } from "next-auth/providers";
import { DingTalkError, type DingTalkProfile, dingTalkClient, dingTalkIdentity } from "@/lib/auth/dingtalk";
import type { SsoSettings } from "@/lib/auth/sso-env";
import type { Env } from "@/lib/env";

type DingTalkClient = ReturnType<typeof dingTalkClient>;

/**
 * DingTalk's token endpoint takes JSON with camelCase names and answers
 * {accessToken, refreshToken, expireIn}. Auth.js posts an RFC 6749 form; this fetch translates the
 * request and the answer, so Auth.js sees a conforming token response.
 */
function exchangeCode(dingTalk: DingTalkClient, tokenUrl: string): typeof fetch {
  return async (input, init) => {
    if (String(input) !== tokenUrl) return fetch(input, init);
    const code = new URLSearchParams(init?.body as URLSearchParams | undefined).get("code") ?? "";
    try {
      const token = await dingTalk.userAccessToken(code);
      return Response.json({
        access_token: token.accessToken,
        token_type: "bearer",
        expires_in: token.expireIn,
        refresh_token: token.refreshToken,
      });
    } catch (e) {
      if (!(e instanceof DingTalkError)) throw e;
      return Response.json({ error: "invalid_grant", error_description: e.message }, { status: 400 });
    }
  };
}

export function dingTalkProvider(
  env: Env,
  settings: NonNullable<SsoSettings["dingtalk"]>,
): OAuthConfig<DingTalkProfile> {
  const dingTalk = dingTalkClient({
    apiUrl: env.DINGTALK_API_URL,
    oapiUrl: env.DINGTALK_OAPI_URL,
    ...settings,
  });
  const tokenUrl = `${env.DINGTALK_API_URL}/v1.0/oauth2/userAccessToken`;
  return {
    id: "dingtalk",
    name: "DingTalk",
    type: "oauth",
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: {
      url: `${env.DINGTALK_LOGIN_URL}/oauth2/auth`,
      params: { scope: "openid", prompt: "consent" },
    },
    token: tokenUrl,
    userinfo: {
      url: `${env.DINGTALK_API_URL}/v1.0/contact/users/me`,
      async request({ tokens }: { tokens: { access_token?: string } }) {
        const me = await dingTalk.me(tokens.access_token ?? "");
        if (env.DINGTALK_MATCH !== "job_number") return me;
        return { ...me, jobNumber: await dingTalk.jobNumber(me.unionId) };
      },
    },
    // DingTalk has no PKCE; state is checked.
    checks: ["state"],
    profile(profile) {
      const sso = dingTalkIdentity(profile, env.DINGTALK_MATCH);
      return { id: sso.subject, name: profile.nick ?? null, sso };
    },
    [customFetch]: exchangeCode(dingTalk, tokenUrl),
  };
}
