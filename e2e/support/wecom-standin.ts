import { escapeHtml, page, readForm } from "./html";
import { Codes, fixture, html, json, type RunningStandIn, redirect, serve, token } from "./standin";

/**
 * A local stand-in for WeCom (企业微信): the web login page (wwlogin/sso/login), the in-app OAuth
 * page (connect/oauth2/authorize), gettoken, auth/getuserinfo and user/get, answering with the
 * documented payloads of tests/fixtures/sso/wecom.json and enforcing the documented rules
 * (parameters, trusted domain, single-use codes that expire after 5 minutes, token expiry).
 */

const docs = fixture("wecom").endpoints;
const CODE_TTL_MS = 5 * 60 * 1000;

export interface WeComMember {
  userid: string;
  name: string;
  attrs?: { name: string; value: string }[];
}

export interface WeComStandIn extends RunningStandIn {
  /** The member the WeCom client is signed in as, for silent in-app login; null outside the app. */
  inAppMember: string | null;
  /** Makes every issued corp token expire now, as after two hours. */
  expireTokens(): void;
}

type Person = { userid: string } | { openid: string; external_userid: string };

export async function startWeComStandIn({
  port,
  corpId,
  agentId,
  secret,
  trustedHost,
  members,
  outsiders,
}: {
  port: number;
  corpId: string;
  agentId: string;
  secret: string;
  /** The app's host:port, registered as the trusted domain (可信域名). */
  trustedHost: string;
  members: WeComMember[];
  outsiders: string[];
}): Promise<WeComStandIn> {
  const codes = new Codes<Person>(CODE_TTL_MS);
  const tokens = new Map<string, number>();
  let current: { token: string; expiresAt: number } | undefined;
  let inAppMember: string | null = null;

  const trusted = (redirectUri: string | null) => {
    try {
      return redirectUri !== null && new URL(redirectUri).host === trustedHost;
    } catch {
      return false;
    }
  };
  const personOf = (choice: string | null): Person | undefined => {
    if (members.some((m) => m.userid === choice)) return { userid: choice as string };
    if (choice && outsiders.includes(choice)) return { openid: choice, external_userid: `wm${choice}` };
    return undefined;
  };
  const back = (redirectUri: string, params: Record<string, string>) => {
    const target = new URL(redirectUri);
    for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
    return target.href;
  };
  /** The errcode of a corp token that is not one we issued (40014) or has run out (42001), else 0. */
  const tokenProblem = (value: string | null) => {
    const expiresAt = value ? tokens.get(value) : undefined;
    if (expiresAt === undefined) return { errcode: 40014, errmsg: "invalid access_token" };
    if (expiresAt <= Date.now()) return docs.loginIdentity.responses.expiredToken;
    return undefined;
  };

  const running = await serve(port, {
    "GET /wwlogin/sso/login": (_req, res, url) => {
      const q = url.searchParams;
      if (q.get("login_type") !== "CorpApp" || q.get("appid") !== corpId || q.get("agentid") !== agentId)
        return html(res, 400, page("参数错误", "<p>login_type、appid 或 agentid 不正确。</p>"));
      if (!trusted(q.get("redirect_uri")))
        return html(res, 400, page("该链接无法访问", "<p>redirect_uri 的域名与应用的可信域名不一致。</p>"));
      const hidden = `<input type="hidden" name="redirect_uri" value="${escapeHtml(q.get("redirect_uri") ?? "")}">
        <input type="hidden" name="state" value="${escapeHtml(q.get("state") ?? "")}">`;
      const people = [
        ...members.map((m) => ({ id: m.userid, label: `${m.name}（${m.userid}）` })),
        ...outsiders.map((o) => ({ id: o, label: `企业外的微信用户 ${o}` })),
      ];
      const buttons = people
        .map(
          (p) =>
            `<button type="submit" name="who" value="${escapeHtml(p.id)}">扫码确认：${escapeHtml(p.label)}</button>`,
        )
        .join("");
      return html(
        res,
        200,
        page(
          "企业微信登录（本地替身）",
          `<p>请使用企业微信扫描二维码登录。</p><form method="post" action="/wwlogin/sso/confirm">${hidden}${buttons}
          <button type="submit" name="who" value="">取消</button></form>`,
        ),
      );
    },
    "POST /wwlogin/sso/confirm": async (req, res) => {
      const form = await readForm(req);
      const redirectUri = form.get("redirect_uri");
      if (!redirectUri || !trusted(redirectUri)) return html(res, 400, page("该链接无法访问", ""));
      const state = form.get("state") ?? "";
      const person = personOf(form.get("who"));
      // Approved: ?code=CODE&state=STATE; cancelled: ?state=STATE (documented).
      return redirect(res, back(redirectUri, person ? { code: codes.issue(person), state } : { state }));
    },
    "GET /connect/oauth2/authorize": (req, res, url) => {
      const q = url.searchParams;
      const state = q.get("state") ?? "";
      if (q.get("appid") !== corpId || q.get("agentid") !== agentId || q.get("response_type") !== "code")
        return html(res, 400, page("参数错误", "<p>appid、agentid 或 response_type 不正确。</p>"));
      if (!["snsapi_base", "snsapi_privateinfo"].includes(q.get("scope") ?? ""))
        return html(res, 400, page("参数错误", "<p>scope 只能是 snsapi_base 或 snsapi_privateinfo。</p>"));
      if (!/^[a-zA-Z0-9]{0,128}$/.test(state))
        return html(res, 400, page("参数错误", "<p>state 只能由 a-zA-Z0-9 组成，且不超过 128 个字节。</p>"));
      if (!trusted(q.get("redirect_uri"))) return html(res, 400, page("redirect_uri 需使用应用可信域名", ""));
      if (!/\bwxwork\//.test(req.headers["user-agent"] ?? "") || !inAppMember)
        return html(res, 200, page("请在企业微信客户端打开链接", ""));
      const code = codes.issue({ userid: inAppMember });
      return redirect(res, back(q.get("redirect_uri") as string, { code, state }));
    },
    "GET /cgi-bin/gettoken": (_req, res, url) => {
      if (url.searchParams.get("corpid") !== corpId)
        return json(res, 200, docs.gettoken.responses.invalidCorpId);
      if (url.searchParams.get("corpsecret") !== secret)
        return json(res, 200, docs.gettoken.responses.invalidSecret);
      // Asking again while a token is valid returns the same token (documented).
      if (!current || current.expiresAt <= Date.now()) {
        current = { token: token(), expiresAt: Date.now() + 7200 * 1000 };
        tokens.set(current.token, current.expiresAt);
      }
      const expiresIn = Math.round((current.expiresAt - Date.now()) / 1000);
      return json(res, 200, {
        ...docs.gettoken.responses.ok,
        access_token: current.token,
        expires_in: expiresIn,
      });
    },
    "GET /cgi-bin/auth/getuserinfo": (_req, res, url) => {
      const problem = tokenProblem(url.searchParams.get("access_token"));
      if (problem) return json(res, 200, problem);
      const person = codes.redeem(url.searchParams.get("code"));
      if (!person) return json(res, 200, docs.loginIdentity.responses.invalidCode);
      if ("userid" in person)
        return json(res, 200, { ...docs.loginIdentity.responses.member, userid: person.userid });
      return json(res, 200, { ...docs.loginIdentity.responses.nonMember, ...person });
    },
    "GET /cgi-bin/user/get": (_req, res, url) => {
      const problem = tokenProblem(url.searchParams.get("access_token"));
      if (problem) return json(res, 200, problem);
      const member = members.find((m) => m.userid === url.searchParams.get("userid"));
      if (!member) return json(res, 200, docs.getMember.responses.notFound);
      const attrs = (member.attrs ?? []).map((a) => ({ type: 0, name: a.name, text: { value: a.value } }));
      return json(res, 200, {
        ...docs.getMember.responses.ok,
        userid: member.userid,
        name: member.name,
        extattr: { attrs },
      });
    },
  });

  return {
    ...running,
    get inAppMember() {
      return inAppMember;
    },
    set inAppMember(userid: string | null) {
      inAppMember = userid;
    },
    expireTokens() {
      for (const key of tokens.keys()) tokens.set(key, 0);
      current = undefined;
    },
  };
}
