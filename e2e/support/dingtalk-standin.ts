import type { IncomingMessage } from "node:http";
import { escapeHtml, page, readBody, readForm } from "./html";
import { Codes, fixture, html, json, type RunningStandIn, redirect, serve, token } from "./standin";

/**
 * A local stand-in for DingTalk (钉钉): the login and consent page (login.dingtalk.com/oauth2/auth),
 * the user and app token endpoints and contact/users/me (api.dingtalk.com), and the address-book
 * look-ups topapi/user/getbyunionid and topapi/v2/user/get (oapi.dingtalk.com), answering with the
 * documented payloads of tests/fixtures/sso/dingtalk.json and enforcing the documented rules.
 */

const docs = fixture("dingtalk").endpoints;
const CODE_TTL_MS = 5 * 60 * 1000;
const TOKEN_TTL_S = 7200;

export interface DingTalkPerson {
  unionId: string;
  nick: string;
  email?: string;
  /** Absent for someone who is not in the organisation's address book. */
  userid?: string;
  jobNumber?: string;
}

const newApiError = (code: string, message: string) => ({ code, message, requestid: token() });

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  if (!(req.headers["content-type"] ?? "").startsWith("application/json")) return undefined;
  try {
    return JSON.parse(await readBody(req));
  } catch {
    return undefined;
  }
}

export async function startDingTalkStandIn({
  port,
  clientId,
  clientSecret,
  redirectUri,
  people,
}: {
  port: number;
  clientId: string;
  clientSecret: string;
  /** The redirect URL registered for the app (安全设置 · 重定向URL). */
  redirectUri: string;
  people: DingTalkPerson[];
}): Promise<RunningStandIn> {
  const codes = new Codes<DingTalkPerson>(CODE_TTL_MS);
  const userTokens = new Map<string, { person: DingTalkPerson; expiresAt: number }>();
  const appTokens = new Map<string, number>();
  let appToken: string | undefined;

  const validAppToken = (value: string | null) => value !== null && (appTokens.get(value) ?? 0) > Date.now();
  const back = (params: Record<string, string>) => {
    const target = new URL(redirectUri);
    for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
    return target.href;
  };

  return serve(port, {
    "GET /oauth2/auth": (_req, res, url) => {
      const q = url.searchParams;
      const scopes = (q.get("scope") ?? "").split(" ");
      if (q.get("client_id") !== clientId)
        return html(res, 400, page("无效的应用", "<p>client_id 不存在。</p>"));
      if (q.get("redirect_uri") !== redirectUri)
        return html(res, 400, page("重定向地址不匹配", "<p>redirect_uri 未在应用中登记。</p>"));
      if (q.get("response_type") !== "code" || !scopes.includes("openid") || q.get("prompt") !== "consent")
        return html(
          res,
          400,
          page("参数错误", "<p>response_type=code、scope 含 openid、prompt=consent 为必填。</p>"),
        );
      const state = `<input type="hidden" name="state" value="${escapeHtml(q.get("state") ?? "")}">`;
      const buttons = people
        .map(
          (p) =>
            `<button type="submit" name="who" value="${escapeHtml(p.unionId)}">同意授权：${escapeHtml(p.nick)}</button>`,
        )
        .join("");
      return html(
        res,
        200,
        page(
          "钉钉登录（本地替身）",
          `<p>应用申请获取你的个人信息。</p><form method="post" action="/oauth2/confirm">${state}${buttons}
          <button type="submit" name="who" value="">拒绝</button></form>`,
        ),
      );
    },
    "POST /oauth2/confirm": async (req, res) => {
      const form = await readForm(req);
      const state = form.get("state") ?? "";
      const person = people.find((p) => p.unionId === form.get("who"));
      // Approved: ?authCode=…&state=…; refused: ?error=…&state=… (documented).
      return redirect(
        res,
        back(person ? { authCode: codes.issue(person), state } : { error: "access_denied", state }),
      );
    },
    "POST /v1.0/oauth2/userAccessToken": async (req, res) => {
      const body = await jsonBody(req);
      if (!body) return json(res, 400, newApiError("MissingBody", "请求体须为 JSON"));
      if (body.clientId !== clientId || body.clientSecret !== clientSecret)
        return json(res, 400, newApiError("InvalidClient", "不合法的应用凭证"));
      if (body.grantType !== "authorization_code")
        return json(res, 400, newApiError("InvalidGrantType", "grantType 不正确"));
      const person = codes.redeem(typeof body.code === "string" ? body.code : null);
      if (!person) return json(res, 400, { ...docs.userAccessToken.responses.error, requestid: token() });
      const accessToken = token();
      userTokens.set(accessToken, { person, expiresAt: Date.now() + TOKEN_TTL_S * 1000 });
      return json(res, 200, {
        ...docs.userAccessToken.responses.ok,
        accessToken,
        refreshToken: token(),
        expireIn: TOKEN_TTL_S,
      });
    },
    "GET /v1.0/contact/users/me": (req, res) => {
      const header = req.headers["x-acs-dingtalk-access-token"];
      const entry = typeof header === "string" ? userTokens.get(header) : undefined;
      if (!entry || entry.expiresAt <= Date.now())
        return json(res, 401, newApiError("InvalidAuthentication", "不合法的access_token"));
      const { person } = entry;
      return json(res, 200, {
        ...docs.me.responses.ok,
        nick: person.nick,
        unionId: person.unionId,
        openId: `open-${person.unionId}`,
        email: person.email ?? "",
      });
    },
    "POST /v1.0/oauth2/accessToken": async (req, res) => {
      const body = await jsonBody(req);
      if (body?.appKey !== clientId || body.appSecret !== clientSecret)
        return json(res, 400, newApiError("InvalidAppKey", "不合法的appKey或appSecret"));
      if (!appToken || !validAppToken(appToken)) {
        appToken = token();
        appTokens.set(appToken, Date.now() + TOKEN_TTL_S * 1000);
      }
      return json(res, 200, {
        ...docs.appAccessToken.responses.ok,
        accessToken: appToken,
        expireIn: TOKEN_TTL_S,
      });
    },
    "POST /topapi/user/getbyunionid": async (req, res, url) => {
      if (!validAppToken(url.searchParams.get("access_token")))
        return json(res, 200, { errcode: 40014, errmsg: "不合法的access_token", request_id: token() });
      const body = await jsonBody(req);
      const person = people.find((p) => p.unionId === body?.unionid && p.userid);
      if (!person?.userid)
        return json(res, 200, { ...docs.userIdByUnionId.responses.notFound, request_id: token() });
      const ok = docs.userIdByUnionId.responses.ok;
      return json(res, 200, { ...ok, result: { ...ok.result, userid: person.userid }, request_id: token() });
    },
    "POST /topapi/v2/user/get": async (req, res, url) => {
      if (!validAppToken(url.searchParams.get("access_token")))
        return json(res, 200, { errcode: 40014, errmsg: "不合法的access_token", request_id: token() });
      const body = await jsonBody(req);
      const person = people.find((p) => p.userid && p.userid === body?.userid);
      if (!person) return json(res, 200, { errcode: 60121, errmsg: "找不到该用户", request_id: token() });
      const ok = docs.userDetails.responses.ok;
      return json(res, 200, {
        ...ok,
        result: {
          ...ok.result,
          userid: person.userid,
          unionid: person.unionId,
          name: person.nick,
          job_number: person.jobNumber ?? "",
        },
        request_id: token(),
      });
    },
  });
}
