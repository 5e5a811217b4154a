import { describe, expect, it } from "vitest";
import { z } from "zod";
import { completeSsoGroups, configuredSso, SSO_ENV } from "@/lib/auth/sso-env";

const schema = z.object(SSO_ENV).superRefine(completeSsoGroups);

describe("single sign-on configuration", () => {
  it("offers nothing and uses the platforms' real hosts when nothing is set", () => {
    const env = schema.parse({});
    expect(configuredSso(env)).toEqual([]);
    expect(env.WECOM_LOGIN_URL).toBe("https://login.work.weixin.qq.com");
    expect(env.WECOM_API_URL).toBe("https://qyapi.weixin.qq.com");
    expect(env.DINGTALK_API_URL).toBe("https://api.dingtalk.com");
    expect(env.DINGTALK_MATCH).toBe("job_number");
    expect(env.OIDC_SCOPE).toBe("openid profile email");
  });
  it("turns a provider on when all of its variables are set, and normalises the issuer", () => {
    const env = schema.parse({
      OIDC_ISSUER: "https://idp.bank.cn/realms/staff/",
      OIDC_CLIENT_ID: "training",
      OIDC_CLIENT_SECRET: "s",
      DINGTALK_CLIENT_ID: "ding1",
      DINGTALK_CLIENT_SECRET: "s",
      DINGTALK_API_URL: "http://127.0.0.1:3233/",
    });
    expect(configuredSso(env)).toEqual(["oidc", "dingtalk"]);
    expect(env.OIDC_ISSUER).toBe("https://idp.bank.cn/realms/staff");
    expect(env.DINGTALK_API_URL).toBe("http://127.0.0.1:3233");
  });
  it("treats empty values as unset", () => {
    expect(configuredSso(schema.parse({ WECOM_CORP_ID: "", WECOM_AGENT_ID: "", WECOM_SECRET: "" }))).toEqual(
      [],
    );
  });
  it("names every missing variable of a half-configured provider", () => {
    const result = schema.safeParse({
      WECOM_CORP_ID: "ww1",
      WECOM_SECRET: "s",
      OIDC_ISSUER: "https://idp.bank.cn",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual([
      "OIDC_CLIENT_ID",
      "OIDC_CLIENT_SECRET",
      "WECOM_AGENT_ID",
    ]);
  });
  it("refuses bad values", () => {
    expect(schema.safeParse({ WECOM_AGENT_ID: "agent" }).success).toBe(false);
    expect(schema.safeParse({ OIDC_SCOPE: "profile email" }).success).toBe(false);
    expect(schema.safeParse({ OIDC_ISSUER: "ftp://idp" }).success).toBe(false);
    expect(schema.safeParse({ DINGTALK_MATCH: "mobile" }).success).toBe(false);
  });
});
