import { z } from "zod";
import { claimText, type SsoIdentity } from "./sso-match";

/**
 * WeCom (企业微信) sign-in, server side: the code from the web (QR) login or the in-app OAuth
 * page is exchanged with the corp's access token for the member's `userid`
 * (developer.work.weixin.qq.com/document/path/98176 and /91023; token: /91039; member: /90196).
 */

export interface WeComConfig {
  /** https://qyapi.weixin.qq.com, or a stand-in. */
  apiUrl: string;
  corpId: string;
  secret: string;
  fetch?: typeof fetch;
}

export class WeComError extends Error {
  constructor(
    readonly api: string,
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`WeCom ${api} failed: errcode ${errcode}, ${errmsg}`);
  }
}

const envelope = z.object({ errcode: z.number(), errmsg: z.string() }).loose();
const tokenReply = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });
const identityReply = z.object({
  userid: z.string().min(1).optional(),
  openid: z.string().min(1).optional(),
});
const memberReply = z.object({
  extattr: z
    .object({
      attrs: z.array(
        z.object({
          name: z.string(),
          value: z.string().optional(),
          text: z.object({ value: z.string() }).optional(),
        }),
      ),
    })
    .optional(),
});

/** Errcodes of a corp token that is invalid (40014) or expired (42001): fetch a new one and retry once. */
const STALE_TOKEN = new Set([40014, 42001]);
/** Refresh this long before WeCom's stated expiry, so a token never dies between check and use. */
const EXPIRY_MARGIN_MS = 5 * 60 * 1000;

/**
 * Corp tokens by corp id and secret. WeCom asks callers to cache them (gettoken is rate-limited);
 * each app instance keeps its own, which is safe to lose.
 */
const corpTokens = new Map<string, { token: string; expiresAt: number }>();

export function weComClient(config: WeComConfig) {
  const doFetch = config.fetch ?? fetch;
  const cacheKey = `${config.apiUrl}|${config.corpId}|${config.secret}`;

  async function get(api: string, query: Record<string, string>) {
    const url = new URL(`${config.apiUrl}${api}`);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    const res = await doFetch(url, { headers: { accept: "application/json" } });
    if (!res.ok) throw new WeComError(api, -res.status, `HTTP ${res.status}`);
    const body = envelope.parse(await res.json());
    if (body.errcode !== 0) throw new WeComError(api, body.errcode, body.errmsg);
    return body;
  }

  async function corpToken(now = Date.now()): Promise<string> {
    const cached = corpTokens.get(cacheKey);
    if (cached && cached.expiresAt > now) return cached.token;
    const reply = tokenReply.parse(
      await get("/cgi-bin/gettoken", { corpid: config.corpId, corpsecret: config.secret }),
    );
    corpTokens.set(cacheKey, {
      token: reply.access_token,
      expiresAt: now + reply.expires_in * 1000 - EXPIRY_MARGIN_MS,
    });
    return reply.access_token;
  }

  /** A call that needs the corp token, retried once with a fresh token if WeCom says it went stale. */
  async function withToken(api: string, query: Record<string, string>) {
    try {
      return await get(api, { access_token: await corpToken(), ...query });
    } catch (e) {
      if (!(e instanceof WeComError && STALE_TOKEN.has(e.errcode))) throw e;
      corpTokens.delete(cacheKey);
      return get(api, { access_token: await corpToken(), ...query });
    }
  }

  return {
    /** Who signed in: a member's `userid`, or only an `openid` for someone outside the corp. */
    async loginIdentity(code: string) {
      return identityReply.parse(await withToken("/cgi-bin/auth/getuserinfo", { code }));
    },
    /** The value of a member's custom attribute (extattr) by its name, e.g. 工号. */
    async memberAttribute(userid: string, name: string): Promise<string | undefined> {
      const member = memberReply.parse(await withToken("/cgi-bin/user/get", { userid }));
      const attr = member.extattr?.attrs.find((a) => a.name === name);
      return attr?.text?.value ?? attr?.value;
    },
  };
}

export interface WeComProfile {
  userid?: string;
  openid?: string;
  /** Present when WECOM_EMPLOYEE_NO_ATTR names the custom attribute that holds the employee number. */
  attribute?: { name: string; value?: string };
}

/**
 * A member's employee number is their `userid`, unless the corp keeps it in a custom attribute
 * (then a member without it has none). Someone outside the corp (only an `openid`) has none either
 * and will be refused.
 */
export function weComIdentity(profile: WeComProfile, provider: "wecom" | "wecom-app"): SsoIdentity | null {
  const subject = claimText(profile.userid) ?? claimText(profile.openid);
  if (!subject) return null;
  if (!profile.userid) return { provider, subject };
  const employeeNo = profile.attribute ? profile.attribute.value : profile.userid;
  return { provider, subject, employeeNo: claimText(employeeNo, 32) };
}
