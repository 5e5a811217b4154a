import type { Page } from "@playwright/test";
import { expectNoSeriousViolations } from "./axe";
import { IDP_PASSWORD, type IdpUsername } from "./support/oidc-provider";
import { passSecondStep } from "./support/second-factor";
import { OIDC_NAME } from "./support/sso-env";
import { adminPage, expect, test } from "./support/sso-fixtures";

/**
 * OIDC sign-in through a real provider (oidc-provider on 127.0.0.1, its own sign-in and consent
 * pages), with accounts whose claims arrive in userinfo or in the ID token.
 */

async function startSso(page: Page) {
  await page.goto("/login");
  await page.getByRole("button", { name: OIDC_NAME, exact: true }).click();
}

/** Signs in at the identity provider and allows the app to read the person's details. */
async function signInAtIdp(page: Page, username: IdpUsername) {
  await startSso(page);
  await page.getByLabel("IdP username").fill(username);
  await page.getByLabel("IdP password").fill(IDP_PASSWORD);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Allow" }).click();
}

const MATCHES = [
  { username: "sun.haoran", how: "employee_no, sent in userinfo", path: "/", heading: "我的培训" },
  { username: "ma.xiaoyan", how: "employee_no, sent only in the ID token", path: "/", heading: "我的培训" },
  {
    username: "zhao.liping",
    how: "e-mail in another case, sent in userinfo",
    path: "/reports",
    heading: "培训报表",
  },
  {
    username: "chen.jingyi",
    how: "e-mail, sent only in the ID token",
    path: "/author",
    heading: "内容管理",
    // A trainer: the single sign-on is the first factor only, the second step follows.
    secondStep: "E2001",
  },
] as const;

for (const match of MATCHES) {
  const { username, how, path, heading } = match;
  test(`OIDC: ${username} is matched by ${how} and lands on their home`, async ({ page }) => {
    await signInAtIdp(page, username);
    if ("secondStep" in match) {
      await expect(page).toHaveURL("/login/verify");
      expect(await (await page.request.get("/api/auth/session")).json()).toBeNull();
      await passSecondStep(page, match.secondStep);
    }
    await expect(page).toHaveURL(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  });
}

test("OIDC: the sign-in is audit-logged with who and which provider", async ({ page, browser }) => {
  await signInAtIdp(page, "sun.haoran");
  await expect(page.getByRole("heading", { level: 1, name: "我的培训" })).toBeVisible();

  const admin = await adminPage(browser);
  await admin.goto("/admin/audit?action=auth.signin&actor=E1011");
  const row = admin.getByRole("row").filter({ hasText: "孙浩然 (E1011)" }).first();
  await expect(row).toContainText("登录成功");
  await expect(row).toContainText("登录方式：OIDC 单点登录");
  await expect(row).toContainText("身份标识：00u-1011");
});

test("OIDC: an unknown identity is refused with a clear page in Chinese and in English, and logged", async ({
  page,
  browser,
}) => {
  await signInAtIdp(page, "stranger");
  await expect(page).toHaveURL(/\/login\?error=sso_unknown&provider=oidc$/);
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert.getByRole("heading", { name: `未能通过${OIDC_NAME}登录` })).toBeVisible();
  await expect(alert).toContainText("没有对应本平台的账户");
  await expectNoSeriousViolations(page);
  await expect(page.getByRole("button", { name: OIDC_NAME, exact: true })).toBeVisible();

  const english = await (await browser.newContext()).newPage();
  await english.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
  await english.goto("/login?error=sso_unknown&provider=oidc");
  await expect(
    english
      .getByRole("main")
      .getByRole("alert")
      .getByRole("heading", { name: `Could not sign you in with ${OIDC_NAME}` }),
  ).toBeVisible();
  await expect(english.getByRole("main").getByRole("alert")).toContainText(
    "is not linked to an account on this platform",
  );

  const admin = await adminPage(browser);
  await admin.goto("/admin/audit?action=auth.sso_refused&target=oidc:00u-9999");
  const row = admin.getByRole("row").filter({ hasText: "oidc:00u-9999" });
  await expect(row).toContainText("单点登录被拒绝");
  await expect(row).toContainText("原因：找不到对应员工");
  await expect(row).toContainText("员工号：E5999");
});

test("OIDC: deactivation ends the session as for passwords, and the next sign-in is refused", async ({
  page,
  browser,
}) => {
  await signInAtIdp(page, "zhu.wenbo");
  await expect(page.getByRole("heading", { level: 1, name: "我的培训" })).toBeVisible();

  const admin = await adminPage(browser);
  await admin.goto("/admin/users?q=E1013");
  await admin.getByRole("link", { name: "E1013" }).click();
  await admin.getByText("停用账户", { exact: true }).click();
  await admin.getByRole("button", { name: "确认停用" }).click();
  await expect(admin.getByText("已保存。")).toBeVisible();

  await page.reload();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("status")).toContainText("登录已失效");
  // The provider still knows this person (session and consent), so it sends them straight back.
  await startSso(page);
  await expect(page).toHaveURL(/\/login\?error=sso_inactive&provider=oidc$/);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("您的账户已停用");
});

test("OIDC: a refused consent at the provider comes back as a clear message", async ({ page }) => {
  await startSso(page);
  await page.getByLabel("IdP username").fill("sun.haoran");
  await page.getByLabel("IdP password").fill(IDP_PASSWORD);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Deny" }).click();
  await expect(page).toHaveURL(/\/login\?error=/);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("登录没有完成");
});

test("OIDC: while the provider is down the app keeps running and sign-in says so", async ({
  page,
  request,
  sso,
}) => {
  await sso.oidc.stop();
  try {
    await startSso(page);
    await expect(page).toHaveURL(/\/login\?error=sso_unavailable&provider=oidc$/);
    await expect(page.getByRole("main").getByRole("alert")).toContainText(`暂时无法连接${OIDC_NAME}`);
    expect((await request.get("/api/health")).status()).toBe(200);
  } finally {
    await sso.oidc.start();
  }
  await signInAtIdp(page, "sun.haoran");
  await expect(page.getByRole("heading", { level: 1, name: "我的培训" })).toBeVisible();
});
