import { describe, expect, it } from "vitest";
import { DingTalkError, dingTalkClient } from "@/lib/auth/dingtalk";
import { WeComError, weComClient } from "@/lib/auth/wecom";
import dingtalk from "../fixtures/sso/dingtalk.json";
import wecom from "../fixtures/sso/wecom.json";

/**
 * Contract tests: the WeCom and DingTalk clients against the payloads the platforms document
 * (tests/fixtures/sso/*.json name the pages). Each fake answer is a documented example; each
 * request is checked against the documented method, path, parameters and headers.
 */

type Call = { method: string; url: URL; headers: Headers; body: unknown };
type Reply = { status?: number; body: unknown };

function fakeFetch(route: (call: Call) => Reply) {
  const calls: Call[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const body = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
    const call = {
      method: init?.method ?? "GET",
      url: new URL(String(input)),
      headers: new Headers(init?.headers),
      body,
    };
    calls.push(call);
    const reply = route(call);
    return Response.json(reply.body, { status: reply.status ?? 200 });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const we = wecom.endpoints;
let corp = 0;
/** A fresh corp per test: corp tokens are cached per API URL, corp id and secret. */
const weComConfig = (fetch: typeof globalThis.fetch) => ({
  apiUrl: `https://qyapi.test/${++corp}`,
  corpId: "ww-corp",
  secret: "corp-secret",
  fetch,
});

describe("contract: WeCom web login and in-app login", () => {
  it("gets the corp token with corpid and corpsecret, then the member's userid for the code", async () => {
    const { fetch, calls } = fakeFetch(({ url }) =>
      url.pathname.endsWith("/cgi-bin/gettoken")
        ? { body: we.gettoken.responses.ok }
        : { body: { ...we.loginIdentity.responses.member, userid: "E1001" } },
    );
    expect(await weComClient(weComConfig(fetch)).loginIdentity("CODE")).toEqual({ userid: "E1001" });
    expect(calls.map((c) => [c.method, c.url.pathname.replace(/^\/\d+/, "")])).toEqual([
      ["GET", "/cgi-bin/gettoken"],
      ["GET", "/cgi-bin/auth/getuserinfo"],
    ]);
    expect(Object.fromEntries(calls[0]?.url.searchParams ?? [])).toEqual({
      corpid: "ww-corp",
      corpsecret: "corp-secret",
    });
    expect(Object.fromEntries(calls[1]?.url.searchParams ?? [])).toEqual({
      access_token: we.gettoken.responses.ok.access_token,
      code: "CODE",
    });
  });

  it("reuses the corp token until it expires, as WeCom requires", async () => {
    const { fetch, calls } = fakeFetch(({ url }) =>
      url.pathname.endsWith("/gettoken")
        ? { body: we.gettoken.responses.ok }
        : { body: we.inAppIdentity.responses.member },
    );
    const client = weComClient(weComConfig(fetch));
    await client.loginIdentity("A");
    expect(await client.loginIdentity("B")).toEqual({ userid: "USERID" });
    expect(calls.filter((c) => c.url.pathname.endsWith("/gettoken"))).toHaveLength(1);
  });

  it("fetches a new corp token once when WeCom says it expired (42001)", async () => {
    let identityCalls = 0;
    const { fetch, calls } = fakeFetch(({ url }) => {
      if (url.pathname.endsWith("/gettoken")) return { body: we.gettoken.responses.ok };
      identityCalls += 1;
      return {
        body:
          identityCalls === 1 ? we.loginIdentity.responses.expiredToken : we.loginIdentity.responses.member,
      };
    });
    expect(await weComClient(weComConfig(fetch)).loginIdentity("CODE")).toEqual({ userid: "USERID" });
    expect(calls.filter((c) => c.url.pathname.endsWith("/gettoken"))).toHaveLength(2);
  });

  it("reports a used or expired code (40029) and a wrong secret (40001) with their errcode", async () => {
    const bad = fakeFetch(({ url }) =>
      url.pathname.endsWith("/gettoken")
        ? { body: we.gettoken.responses.ok }
        : { body: we.loginIdentity.responses.invalidCode },
    );
    await expect(weComClient(weComConfig(bad.fetch)).loginIdentity("USED")).rejects.toMatchObject({
      errcode: 40029,
      api: "/cgi-bin/auth/getuserinfo",
    });
    const secret = fakeFetch(() => ({ body: we.gettoken.responses.invalidSecret }));
    await expect(weComClient(weComConfig(secret.fetch)).loginIdentity("CODE")).rejects.toBeInstanceOf(
      WeComError,
    );
  });

  it("returns only an openid for someone outside the corp", async () => {
    const { fetch } = fakeFetch(({ url }) =>
      url.pathname.endsWith("/gettoken")
        ? { body: we.gettoken.responses.ok }
        : { body: we.loginIdentity.responses.nonMember },
    );
    expect(await weComClient(weComConfig(fetch)).loginIdentity("CODE")).toEqual({ openid: "OPENID" });
  });

  it("reads a member's custom attribute from 读取成员 (text attributes)", async () => {
    const { fetch, calls } = fakeFetch(({ url }) =>
      url.pathname.endsWith("/gettoken")
        ? { body: we.gettoken.responses.ok }
        : { body: we.getMember.responses.ok },
    );
    const client = weComClient(weComConfig(fetch));
    expect(await client.memberAttribute("zhangsan", "文本名称")).toBe("文本");
    expect(await client.memberAttribute("zhangsan", "网页名称")).toBeUndefined();
    expect(await client.memberAttribute("zhangsan", "工号")).toBeUndefined();
    expect(calls[1]?.url.searchParams.get("userid")).toBe("zhangsan");
  });
});

const dt = dingtalk.endpoints;
const dingTalkConfig = (fetch: typeof globalThis.fetch, clientId = "ding-app") => ({
  apiUrl: "https://api.test",
  oapiUrl: "https://oapi.test",
  clientId,
  clientSecret: "app-secret",
  fetch,
});

describe("contract: DingTalk login", () => {
  it("exchanges the authCode for a user token with the documented JSON body", async () => {
    const { fetch, calls } = fakeFetch(() => ({ body: dt.userAccessToken.responses.ok }));
    expect(await dingTalkClient(dingTalkConfig(fetch)).userAccessToken("AUTH_CODE")).toEqual(
      dt.userAccessToken.responses.ok,
    );
    const [call] = calls;
    expect([call?.method, call?.url.href]).toEqual(["POST", "https://api.test/v1.0/oauth2/userAccessToken"]);
    expect(call?.headers.get("content-type")).toBe("application/json");
    expect(call?.body).toEqual({
      clientId: "ding-app",
      clientSecret: "app-secret",
      code: "AUTH_CODE",
      grantType: "authorization_code",
    });
    expect(Object.keys(call?.body as object).every((k) => k in dt.userAccessToken.body)).toBe(true);
  });

  it("reports a refused code with DingTalk's error code", async () => {
    const { fetch } = fakeFetch(() => ({ status: 400, body: dt.userAccessToken.responses.error }));
    const refused = dingTalkClient(dingTalkConfig(fetch)).userAccessToken("USED");
    await expect(refused).rejects.toBeInstanceOf(DingTalkError);
    await expect(refused).rejects.toMatchObject({ code: dt.userAccessToken.responses.error.code });
  });

  it("reads the person's card with the user token in x-acs-dingtalk-access-token", async () => {
    const { fetch, calls } = fakeFetch(() => ({ body: dt.me.responses.ok }));
    expect(await dingTalkClient(dingTalkConfig(fetch)).me("USER_TOKEN")).toEqual(dt.me.responses.ok);
    expect([calls[0]?.method, calls[0]?.url.href]).toEqual(["GET", "https://api.test/v1.0/contact/users/me"]);
    expect(calls[0]?.headers.get("x-acs-dingtalk-access-token")).toBe("USER_TOKEN");
  });

  it("looks up the job number with the app token: getbyunionid, then v2/user/get", async () => {
    const { fetch, calls } = fakeFetch(({ url }) => {
      if (url.pathname === "/v1.0/oauth2/accessToken") return { body: dt.appAccessToken.responses.ok };
      if (url.pathname === "/topapi/user/getbyunionid") return { body: dt.userIdByUnionId.responses.ok };
      return { body: dt.userDetails.responses.ok };
    });
    expect(await dingTalkClient(dingTalkConfig(fetch, "ding-jobs")).jobNumber("z21HjQliSzpw0Yxxxx")).toBe(
      "4",
    );
    expect(calls.map((c) => `${c.method} ${c.url.origin}${c.url.pathname}`)).toEqual([
      "POST https://api.test/v1.0/oauth2/accessToken",
      "POST https://oapi.test/topapi/user/getbyunionid",
      "POST https://oapi.test/topapi/v2/user/get",
    ]);
    expect(calls[0]?.body).toEqual({ appKey: "ding-jobs", appSecret: "app-secret" });
    const appToken = dt.appAccessToken.responses.ok.accessToken;
    expect(calls[1]?.url.searchParams.get("access_token")).toBe(appToken);
    expect(calls[1]?.body).toEqual(dt.userIdByUnionId.body);
    expect(calls[2]?.body).toEqual(dt.userDetails.body);
  });

  it("has no job number for someone outside the organisation (60121)", async () => {
    const { fetch, calls } = fakeFetch(({ url }) =>
      url.pathname === "/v1.0/oauth2/accessToken"
        ? { body: dt.appAccessToken.responses.ok }
        : { body: dt.userIdByUnionId.responses.notFound },
    );
    expect(
      await dingTalkClient(dingTalkConfig(fetch, "ding-outsider")).jobNumber("someone-else"),
    ).toBeUndefined();
    expect(calls).toHaveLength(2);
  });
});
