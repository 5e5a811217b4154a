import { z } from "zod";
import { claimText, type SsoIdentity } from "./sso-match";

/**
 * DingTalk (钉钉) sign-in, server side: the OAuth2 `authCode` is exchanged for a user access token
 * (open.dingtalk.com/document/orgapp/obtain-user-token), which reads the person's own card
 * (`contact/users/me`). The employee number (工号, `job_number`) is not on that card: it takes the
 * app's token, `topapi/user/getbyunionid` and `topapi/v2/user/get`.
 */

export interface DingTalkConfig {
  /** https://api.dingtalk.com (new-style APIs), or a stand-in. */
  apiUrl: string;
  /** https://oapi.dingtalk.com (old-style topapi), or a stand-in. */
  oapiUrl: string;
  clientId: string;
  clientSecret: string;
  fetch?: typeof fetch;
}

/** How a DingTalk person becomes one of ours: by 工号 from the address book, or by their e-mail. */
export type DingTalkMatch = "job_number" | "email";

export class DingTalkError extends Error {
  constructor(
    readonly api: string,
    readonly code: string,
    readonly detail: string,
  ) {
    super(`DingTalk ${api} failed: ${code}, ${detail}`);
  }
}

const newApiError = z.object({ code: z.string(), message: z.string() }).loose();
const oldApiReply = z.object({ errcode: z.number(), errmsg: z.string() }).loose();
const userToken = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().optional(),
  expireIn: z.number().positive(),
  corpId: z.string().optional(),
});
const appToken = z.object({ accessToken: z.string().min(1), expireIn: z.number().positive() });
const me = z.object({
  unionId: z.string().min(1),
  nick: z.string().optional(),
  openId: z.string().optional(),
  email: z.string().optional(),
  mobile: z.string().optional(),
  stateCode: z.string().optional(),
  avatarUrl: z.string().optional(),
});
export type DingTalkMe = z.infer<typeof me>;
const byUnionId = z.object({ result: z.object({ userid: z.string().min(1) }) });
const details = z.object({ result: z.object({ job_number: z.string().optional() }) });

/** 60121: 找不到该用户 (not in the organisation, or outside the app's visible range). */
const USER_NOT_FOUND = 60121;
const EXPIRY_MARGIN_MS = 5 * 60 * 1000;
/** App tokens by app key; each instance keeps its own (safe to lose). */
const appTokens = new Map<string, { token: string; expiresAt: number }>();

export function dingTalkClient(config: DingTalkConfig) {
  const doFetch = config.fetch ?? fetch;

  /** New-style API: JSON in and out; an error is an HTTP 4xx/5xx with code and message. */
  async function newApi(api: string, init: { body?: unknown; token?: string }) {
    const res = await doFetch(`${config.apiUrl}${api}`, {
      method: init.body === undefined ? "GET" : "POST",
      headers: {
        accept: "application/json",
        ...(init.body === undefined ? {} : { "content-type": "application/json" }),
        ...(init.token ? { "x-acs-dingtalk-access-token": init.token } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const body: unknown = await res.json().catch(() => ({}));
    if (!res.ok) {
      const error = newApiError.safeParse(body);
      throw new DingTalkError(api, error.data?.code ?? `HTTP ${res.status}`, error.data?.message ?? "");
    }
    return body;
  }

  /** Old-style topapi: POST JSON with the app token in the query; errors are errcode ≠ 0 on HTTP 200. */
  async function topApi(api: string, body: unknown, token: string) {
    const url = new URL(`${config.oapiUrl}${api}`);
    url.searchParams.set("access_token", token);
    const res = await doFetch(url, {
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new DingTalkError(api, `HTTP ${res.status}`, "");
    return oldApiReply.parse(await res.json());
  }

  async function appAccessToken(now = Date.now()) {
    const cached = appTokens.get(config.clientId);
    if (cached && cached.expiresAt > now) return cached.token;
    const reply = appToken.parse(
      await newApi("/v1.0/oauth2/accessToken", {
        body: { appKey: config.clientId, appSecret: config.clientSecret },
      }),
    );
    appTokens.set(config.clientId, {
      token: reply.accessToken,
      expiresAt: now + reply.expireIn * 1000 - EXPIRY_MARGIN_MS,
    });
    return reply.accessToken;
  }

  return {
    async userAccessToken(code: string) {
      return userToken.parse(
        await newApi("/v1.0/oauth2/userAccessToken", {
          body: {
            clientId: config.clientId,
            clientSecret: config.clientSecret,
            code,
            grantType: "authorization_code",
          },
        }),
      );
    },
    async me(accessToken: string): Promise<DingTalkMe> {
      return me.parse(await newApi("/v1.0/contact/users/me", { token: accessToken }));
    },
    /** The person's 工号 from the organisation's address book; undefined when they are not in it or it is empty. */
    async jobNumber(unionId: string): Promise<string | undefined> {
      const token = await appAccessToken();
      const found = await topApi("/topapi/user/getbyunionid", { unionid: unionId }, token);
      if (found.errcode === USER_NOT_FOUND) return undefined;
      if (found.errcode !== 0)
        throw new DingTalkError("/topapi/user/getbyunionid", String(found.errcode), found.errmsg);
      const { userid } = byUnionId.parse(found).result;
      const user = await topApi("/topapi/v2/user/get", { userid, language: "zh_CN" }, token);
      if (user.errcode !== 0)
        throw new DingTalkError("/topapi/v2/user/get", String(user.errcode), user.errmsg);
      return details.parse(user).result.job_number;
    },
  };
}

export interface DingTalkProfile extends DingTalkMe {
  /** Looked up only when DINGTALK_MATCH=job_number. */
  jobNumber?: string;
}

export function dingTalkIdentity(profile: DingTalkProfile, match: DingTalkMatch): SsoIdentity {
  return match === "job_number"
    ? { provider: "dingtalk", subject: profile.unionId, employeeNo: claimText(profile.jobNumber, 32) }
    : { provider: "dingtalk", subject: profile.unionId, email: claimText(profile.email)?.toLowerCase() };
}
