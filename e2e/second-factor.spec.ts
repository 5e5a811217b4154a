import { expect, signIn, test } from "./fixtures";
import { auditEntries, requireSecondFactorForManagers, setRole } from "./support/arrange";
import { enrolOnPage, nextCode, passSecondStep } from "./support/second-factor";

// Accounts of these tests' own (learners made trainers or managers here), so the shared demo
// admin, trainer and managers keep their states.

test("a trainer enrols an authenticator at the first sign-in, then signs in with a computed code, or a recovery code once", async ({
  browser,
}) => {
  // Three codes from the app within a minute: the last may wait for the next 30-second step.
  test.setTimeout(150_000);
  await setRole("E1027", "trainer");
  const context = await browser.newContext();
  const page = await context.newPage();

  await signIn(page, "E1027");
  await expect(page).toHaveURL(/\/login\/verify$/);
  await expect(page.getByRole("heading", { level: 1, name: "设置双重验证" })).toBeVisible();
  await expect(page.getByRole("img", { name: "用于添加账户到身份验证器应用的二维码" })).toBeVisible();
  await expect(page.getByTestId("totp-secret")).toHaveText(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);

  // The password alone gives no session: nothing to skip to.
  expect(await (await page.request.get("/api/auth/session")).json()).toBeNull();
  expect((await context.cookies()).map((c) => c.name)).not.toContain("authjs.session-token");
  await page.goto("/author");
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/login/verify");

  await page.getByLabel("6 位验证码").fill("000000");
  await page.getByRole("button", { name: "确认" }).click();
  await expect(page.getByRole("status")).toContainText("验证码不正确或已使用");

  const recovery = await enrolOnPage(page, "E1027");
  expect(recovery).toHaveLength(10);
  await page.getByRole("button", { name: "我已保存恢复码，继续登录" }).click();
  await expect(page).toHaveURL("/author", { timeout: 30_000 });
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login$/);

  // Every later sign-in: the code after the password.
  await signIn(page, "E1027");
  await expect(page.getByRole("heading", { level: 1, name: "输入动态验证码" })).toBeVisible();
  await page.getByLabel("验证码或恢复码").fill(await nextCode("E1027"));
  await page.getByRole("button", { name: "验证并登录" }).click();
  await expect(page).toHaveURL("/author", { timeout: 30_000 });
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login$/);

  // A recovery code instead of the phone: once.
  const [code] = recovery as [string];
  await signIn(page, "E1027");
  await page.getByLabel("验证码或恢复码").fill(code.toUpperCase());
  await page.getByRole("button", { name: "验证并登录" }).click();
  await expect(page).toHaveURL("/author", { timeout: 30_000 });
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await signIn(page, "E1027");
  await page.getByLabel("验证码或恢复码").fill(code);
  await page.getByRole("button", { name: "验证并登录" }).click();
  await expect(page.getByRole("status")).toContainText("验证码不正确或已使用");
  await context.close();

  const signIns = await auditEntries({ action: "auth.signin", target: "E1027" });
  expect(signIns.map((e) => (e.after as { secondFactor: string }).secondFactor)).toEqual([
    "enrolment",
    "totp",
    "recovery_code",
  ]);
  expect(await auditEntries({ action: "auth.second_factor_enrolled", target: "E1027" })).toHaveLength(1);
  expect(await auditEntries({ action: "auth.second_factor_failed", target: "E1027" })).not.toHaveLength(0);
});

test("an admin resets a person's second factor: their sessions end and they enrol again", async ({
  adminPage,
  freshSignIn,
}) => {
  await setRole("E1029", "trainer");
  const trainer = await freshSignIn("E1029");
  await expect(trainer).toHaveURL("/author");

  await adminPage.goto("/admin/users?q=E1029");
  await adminPage.getByRole("link", { name: "E1029" }).click();
  await expect(adminPage.getByText(/已启用（.*剩余 10 个恢复码）/)).toBeVisible();
  await adminPage.getByText("重置双重验证", { exact: true }).click();
  await adminPage.getByRole("button", { name: "确认重置双重验证" }).click();
  await expect(adminPage.getByText("双重验证已重置。")).toBeVisible();

  await trainer.reload();
  await expect(trainer).toHaveURL(/\/login$/);
  await signIn(trainer, "E1029");
  await expect(trainer.getByRole("heading", { level: 1, name: "设置双重验证" })).toBeVisible();
  const [reset] = await auditEntries({ action: "user.second_factor_reset", target: "E1029" });
  expect(reset?.actorEmployeeNo).toBe("E9001");
});

test("an admin requires the second factor for managers too, and the change is audited", async ({
  adminPage,
  browser,
}) => {
  await setRole("E1028", "manager");
  try {
    await adminPage.goto("/admin/security");
    await adminPage.getByLabel("要求管理者使用双重验证登录").check();
    await adminPage.getByRole("button", { name: "保存" }).click();
    await expect(adminPage.getByText("已保存。")).toBeVisible();

    const context = await browser.newContext();
    const manager = await context.newPage();
    await signIn(manager, "E1028");
    await expect(manager.getByRole("heading", { level: 1, name: "设置双重验证" })).toBeVisible();
    await passSecondStep(manager, "E1028");
    await expect(manager).toHaveURL("/reports");
    await context.close();

    const [change] = await auditEntries({ action: "settings.update" });
    expect(change).toMatchObject({ actorEmployeeNo: "E9001", after: { value: true } });
  } finally {
    // The demo managers' shared states sign in without it.
    await requireSecondFactorForManagers(false);
  }
});

test("a failed sign-in is recorded as someone anonymous, from their address, for the account", async ({
  page,
  adminPage,
}) => {
  await signIn(page, "E1017", "not-the-password");
  await expect(page.getByRole("status")).toContainText("员工号或密码不正确");

  const [failure] = await auditEntries({ action: "auth.signin_failed", target: "E1017" });
  expect(failure).toMatchObject({ actorEmployeeNo: null, targetType: "employee_no", targetId: "E1017" });
  expect(failure?.actorAddress).toMatch(/^(127\.0\.0\.1|::1)$/);

  await adminPage.goto("/admin/audit?action=auth.signin_failed&target=E1017");
  const row = adminPage.getByRole("row").filter({ hasText: "E1017" });
  await expect(row.getByRole("cell").nth(1)).toHaveText(/^匿名（来自 (127\.0\.0\.1|::1)）$/);
  const csv = await (
    await adminPage.request.get("/api/admin/audit?action=auth.signin_failed&target=E1017")
  ).text();
  expect(csv.split("\n")[0]).toContain("来源地址");
});
