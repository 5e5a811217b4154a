import { describe, expect, it } from "vitest";
import { dingTalkIdentity } from "@/lib/auth/dingtalk";
import { jwtPayload, mergeOidcClaims, normaliseIssuer, oidcIdentity } from "@/lib/auth/oidc-claims";
import { claimText, matchSsoUser, type SsoCandidate, type SsoIdentity } from "@/lib/auth/sso-match";
import { weComIdentity } from "@/lib/auth/wecom";

const people: SsoCandidate[] = [
  { id: "u1", employeeNo: "E1001", email: "wang.xiaoming@demo-bank.cn", active: true },
  { id: "u2", employeeNo: "E1002", email: "shared@demo-bank.cn", active: true },
  { id: "u3", employeeNo: "E1003", email: "shared@demo-bank.cn", active: true },
  { id: "u4", employeeNo: "E1004", email: "left@demo-bank.cn", active: false },
  { id: "u5", employeeNo: "E1005", email: "rehired@demo-bank.cn", active: false },
  { id: "u6", employeeNo: "E1006", email: "rehired@demo-bank.cn", active: true },
];
const oidc = (fields: Partial<SsoIdentity>): SsoIdentity => ({
  provider: "oidc",
  subject: "sub-1",
  ...fields,
});

describe("matching a single sign-on identity to a person", () => {
  it("matches by employee number", () => {
    expect(matchSsoUser(oidc({ employeeNo: "E1001" }), people)).toEqual({ status: "matched", userId: "u1" });
  });
  it("lets the employee number decide when the e-mail points at someone else", () => {
    expect(matchSsoUser(oidc({ employeeNo: "E1001", email: "shared@demo-bank.cn" }), people)).toEqual({
      status: "matched",
      userId: "u1",
    });
  });
  it("does not fall back to the e-mail when the employee number is unknown", () => {
    expect(matchSsoUser(oidc({ employeeNo: "E5999", email: "wang.xiaoming@demo-bank.cn" }), people)).toEqual({
      status: "unknown",
    });
  });
  it("matches by e-mail, ignoring case, when there is no employee number", () => {
    expect(matchSsoUser(oidc({ email: "Wang.XiaoMing@Demo-Bank.cn" }), people)).toEqual({
      status: "matched",
      userId: "u1",
    });
  });
  it("refuses an e-mail shared by two active people", () => {
    expect(matchSsoUser(oidc({ email: "shared@demo-bank.cn" }), people)).toEqual({ status: "ambiguous" });
  });
  it("refuses a deactivated person, naming them", () => {
    expect(matchSsoUser(oidc({ employeeNo: "E1004" }), people)).toEqual({ status: "inactive", userId: "u4" });
    expect(matchSsoUser(oidc({ email: "left@demo-bank.cn" }), people)).toEqual({
      status: "inactive",
      userId: "u4",
    });
  });
  it("prefers the active account when an e-mail moved from a leaver to a new hire", () => {
    expect(matchSsoUser(oidc({ email: "rehired@demo-bank.cn" }), people)).toEqual({
      status: "matched",
      userId: "u6",
    });
  });
  it("refuses an identity that carries neither", () => {
    expect(matchSsoUser(oidc({}), people)).toEqual({ status: "unknown" });
    expect(matchSsoUser(oidc({ email: "nobody@demo-bank.cn" }), people)).toEqual({ status: "unknown" });
  });
  it("reads claim text from strings and numbers only, trimmed and bounded", () => {
    expect(claimText("  E1001 ")).toBe("E1001");
    expect(claimText(1001)).toBe("1001");
    expect(claimText("")).toBeUndefined();
    expect(claimText("   ")).toBeUndefined();
    expect(claimText(["E1001"])).toBeUndefined();
    expect(claimText("x".repeat(33), 32)).toBeUndefined();
  });
});

describe("OIDC claims", () => {
  it("takes claims from userinfo when the ID token carries only sub", () => {
    const claims = mergeOidcClaims({ sub: "s", iss: "https://idp" }, { sub: "s", employee_no: "E1001" });
    expect(oidcIdentity(claims, { employeeNoClaim: "employee_no" })).toEqual({
      provider: "oidc",
      subject: "s",
      employeeNo: "E1001",
      email: undefined,
    });
  });
  it("takes claims from the ID token when userinfo carries only sub", () => {
    const claims = mergeOidcClaims(
      { sub: "s", email: "Chen@Demo-Bank.cn", email_verified: true },
      { sub: "s" },
    );
    expect(oidcIdentity(claims, { employeeNoClaim: "employee_no" })?.email).toBe("chen@demo-bank.cn");
  });
  it("prefers userinfo where both carry a value, and never lets an empty value hide one", () => {
    expect(
      mergeOidcClaims({ sub: "s", employee_no: "E1" }, { sub: "s", employee_no: "E2" }).employee_no,
    ).toBe("E2");
    expect(
      mergeOidcClaims({ sub: "s", employee_no: "E1" }, { employee_no: "", email: null }).employee_no,
    ).toBe("E1");
  });
  it("reads the employee number from the configured claim", () => {
    expect(oidcIdentity({ sub: "s", staffId: 1001 }, { employeeNoClaim: "staffId" })?.employeeNo).toBe(
      "1001",
    );
  });
  it("drops an e-mail the provider says is unverified, as a boolean or as text", () => {
    const opts = { employeeNoClaim: "employee_no" };
    expect(oidcIdentity({ sub: "s", email: "a@b.cn", email_verified: false }, opts)?.email).toBeUndefined();
    expect(oidcIdentity({ sub: "s", email: "a@b.cn", email_verified: "false" }, opts)?.email).toBeUndefined();
    expect(oidcIdentity({ sub: "s", email: "a@b.cn" }, opts)?.email).toBe("a@b.cn");
  });
  it("has no identity without a subject", () => {
    expect(oidcIdentity({ email: "a@b.cn" }, { employeeNoClaim: "employee_no" })).toBeNull();
  });
  it("decodes an ID token's payload, and nothing from garbage", () => {
    const payload = Buffer.from(JSON.stringify({ sub: "s", employee_no: "E1" })).toString("base64url");
    expect(jwtPayload(`eyJhbGciOiJSUzI1NiJ9.${payload}.sig`)).toEqual({ sub: "s", employee_no: "E1" });
    expect(jwtPayload("not-a-jwt")).toEqual({});
    expect(jwtPayload(`a.${Buffer.from("[1]").toString("base64url")}.c`)).toEqual({});
    expect(jwtPayload(undefined)).toEqual({});
  });
  it("normalises the issuer: no trailing slash, no pasted discovery path", () => {
    expect(normaliseIssuer("https://idp.bank.cn/realms/staff/")).toBe("https://idp.bank.cn/realms/staff");
    expect(normaliseIssuer("https://idp.bank.cn/realms/staff")).toBe("https://idp.bank.cn/realms/staff");
    expect(normaliseIssuer("https://idp.bank.cn/.well-known/openid-configuration")).toBe(
      "https://idp.bank.cn",
    );
    expect(normaliseIssuer(" https://idp.bank.cn// ")).toBe("https://idp.bank.cn");
  });
});

describe("WeCom and DingTalk identities", () => {
  it("takes a WeCom member's userid as their employee number by default", () => {
    expect(weComIdentity({ userid: "E1001" }, "wecom")).toEqual({
      provider: "wecom",
      subject: "E1001",
      employeeNo: "E1001",
    });
  });
  it("takes the employee number from a custom attribute when configured, and none when it is missing", () => {
    expect(
      weComIdentity({ userid: "zhangsan", attribute: { name: "工号", value: "E1001" } }, "wecom")?.employeeNo,
    ).toBe("E1001");
    expect(
      weComIdentity({ userid: "zhangsan", attribute: { name: "工号" } }, "wecom")?.employeeNo,
    ).toBeUndefined();
  });
  it("gives someone outside the corp (openid only) no employee number", () => {
    expect(weComIdentity({ openid: "oAbc" }, "wecom-app")).toEqual({
      provider: "wecom-app",
      subject: "oAbc",
    });
    expect(weComIdentity({}, "wecom")).toBeNull();
  });
  it("maps DingTalk by job number or by e-mail, as configured", () => {
    const me = { unionId: "union-1", email: "Zhang@Demo-Bank.cn", jobNumber: "E1001" };
    expect(dingTalkIdentity(me, "job_number")).toEqual({
      provider: "dingtalk",
      subject: "union-1",
      employeeNo: "E1001",
    });
    expect(dingTalkIdentity(me, "email")).toEqual({
      provider: "dingtalk",
      subject: "union-1",
      email: "zhang@demo-bank.cn",
    });
    expect(dingTalkIdentity({ unionId: "union-2", jobNumber: "" }, "job_number").employeeNo).toBeUndefined();
  });
});
