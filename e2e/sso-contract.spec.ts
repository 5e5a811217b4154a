import type { Page } from "@playwright/test";
import { adminPage, expect, test, WECOM_OUTSIDER } from "./support/sso-fixtures";

/**
 * Contract tests: full browser sign-ins through local stand-ins of WeCom and DingTalk that
 * implement the documented endpoints and payloads (e2e/support/*-standin.ts,
 * tests/fixtures/sso/*.json). How to run the same journeys against the real services: README,
 * "Single sign-on".
 */

async function startWith(page: Page, button: "企业微信" | "钉钉") {
  await page.goto("/login");
  await page.getByRole("button", { name: button, exact: true }).click();
}

test("contract: WeCom web login signs a member in, their userid being the employee number", async ({
  page,
  sso,
}) => {
  const exchanges = sso.wecom.calls.get("GET /cgi-bin/auth/getuserinfo") ?? 0;
  await startWith(page, "企业微信");
  await expect(page.getByRole("heading", { name: "企业微信登录（本地替身）" })).toBeVisible();
  await page.getByRole("button", { name: "扫码确认：胡佳怡（E1014）" }).click();
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("heading", { level: 1, name: "我的培训" })).toBeVisible();
  expect(sso.wecom.calls.get("GET /cgi-bin/auth/getuserinfo")).toBe(exchanges + 1);
});

test("contract: WeCom reuses its corp token and gets a new one when it has expired", async ({
  page,
  sso,
}) => {
  const tokensBefore = sso.wecom.calls.get("GET /cgi-bin/gettoken") ?? 0;
  sso.wecom.expireTokens();
  for (let i = 0; i < 2; i++) {
    await page.context().clearCookies();
    await startWith(page, "企业微信");
    await page.getByRole("button", { name: "扫码确认：胡佳怡（E1014）" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "我的培训" })).toBeVisible();
  }
  // The first sign-in met an expired token (42001) and fetched a new one; the second reused it.
  expect((sso.wecom.calls.get("GET /cgi-bin/gettoken") ?? 0) - tokensBefore).toBe(1);
});

test("contract: WeCom refuses someone outside the corp, and a cancelled scan is not an error page", async ({
  page,
}) => {
  await startWith(page, "企业微信");
  await page.getByRole("button", { name: `扫码确认：企业外的微信用户 ${WECOM_OUTSIDER}` }).click();
  await expect(page).toHaveURL(/\/login\?error=sso_unknown&provider=wecom$/);
  await expect(
    page.getByRole("main").getByRole("alert").getByRole("heading", { name: "未能通过企业微信登录" }),
  ).toBeVisible();

  await startWith(page, "企业微信");
  await page.getByRole("button", { name: "取消" }).click();
  await expect(page).toHaveURL(/\/login\?error=/);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("登录没有完成");
});

test("contract: inside the WeCom app, sign-in is silent (snsapi_base) and needs no click", async ({
  browser,
  sso,
}) => {
  sso.wecom.inAppMember = "E1015";
  const context = await browser.newContext({
    userAgent:
      "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36 wxwork/4.1.30",
  });
  try {
    const page = await context.newPage();
    await page.goto("/login");
    // Redirects keep the URL fragment they do not replace, so #wechat_redirect rides along to the home page.
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/(#wechat_redirect)?$/);
    await expect(page.getByRole("heading", { level: 1, name: "我的培训" })).toBeVisible();
    expect(sso.wecom.calls.get("GET /connect/oauth2/authorize")).toBeGreaterThan(0);
  } finally {
    sso.wecom.inAppMember = null;
    await context.close();
  }
});

test("contract: DingTalk login maps the person through the address book's job number", async ({
  page,
  sso,
}) => {
  await startWith(page, "钉钉");
  await expect(page.getByRole("heading", { name: "钉钉登录（本地替身）" })).toBeVisible();
  await page.getByRole("button", { name: "同意授权：何雨欣" }).click();
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("heading", { level: 1, name: "我的培训" })).toBeVisible();
  for (const call of [
    "POST /v1.0/oauth2/userAccessToken",
    "GET /v1.0/contact/users/me",
    "POST /v1.0/oauth2/accessToken",
    "POST /topapi/user/getbyunionid",
    "POST /topapi/v2/user/get",
  ])
    expect(sso.dingtalk.calls.get(call), call).toBeGreaterThan(0);
});

test("contract: DingTalk refuses someone outside the organisation, and a refused consent is explained", async ({
  page,
}) => {
  await startWith(page, "钉钉");
  await page.getByRole("button", { name: "同意授权：访客" }).click();
  await expect(page).toHaveURL(/\/login\?error=sso_unknown&provider=dingtalk$/);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("您在钉钉的身份没有对应本平台的账户");

  await startWith(page, "钉钉");
  await page.getByRole("button", { name: "拒绝" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("登录没有完成");
});

test("contract: WeCom and DingTalk sign-ins are audit-logged with their provider", async ({ browser }) => {
  const admin = await adminPage(browser);
  for (const [employeeNo, providerLabel] of [
    ["E1014", "企业微信"],
    ["E1015", "企业微信（工作台应用内）"],
    ["E1016", "钉钉"],
  ]) {
    await admin.goto(`/admin/audit?action=auth.signin&actor=${employeeNo}`);
    await expect(
      admin
        .getByRole("row")
        .filter({ hasText: new RegExp(`登录方式：${providerLabel}(?!（)`) })
        .first(),
    ).toBeVisible();
  }
});
