import { expectNoSeriousViolations } from "./axe";
import { expect, PASSWORD, signIn, test } from "./fixtures";
import { agePassword } from "./support/arrange";

// playwright.config.ts starts the server with PASSWORD_MAX_AGE_DAYS=90.
const NEW_PASSWORD = "Window#Teller2027";

test("a password past PASSWORD_MAX_AGE_DAYS must be replaced at sign-in, under the rules the page shows", async ({
  page,
}) => {
  await agePassword("E1018", 91);
  await signIn(page, "E1018");
  await expect(page).toHaveURL(/\/set-password\/[A-Za-z0-9_-]+$/);
  await expect(page.getByRole("status").first()).toContainText("您的密码已使用超过 90 天");
  // No session: the old password only led here.
  expect(await (await page.request.get("/api/auth/session")).json()).toBeNull();

  const rules = page.locator("#password-rules");
  await expect(rules).toContainText("8 至 128 个字符");
  await expect(rules).toContainText("至少 3 类");
  await expect(rules).toContainText("常见密码");
  await expect(rules).toContainText("密码有效期 90 天");
  const field = page.getByLabel("新密码", { exact: true });
  await expect(field).toHaveAttribute("aria-describedby", /password-rules/);

  await field.fill("abcdefgh1");
  await expect(rules.getByRole("listitem").nth(0)).toContainText("已满足");
  await expect(rules.getByRole("listitem").nth(1)).toContainText("未满足");
  await expectNoSeriousViolations(page);
  await page.getByLabel("再次输入新密码").fill("abcdefgh1");
  await page.getByRole("button", { name: "设置密码" }).click();
  await expect(page.getByRole("status").last()).toContainText("至少 3 类");

  // The expired password cannot simply be set again.
  await field.fill(PASSWORD);
  await page.getByLabel("再次输入新密码").fill(PASSWORD);
  await page.getByRole("button", { name: "设置密码" }).click();
  await expect(page.getByRole("status").last()).toContainText("不能与当前密码相同");

  await field.fill(NEW_PASSWORD);
  await expect(rules.getByRole("listitem").nth(1)).toContainText("已满足");
  await page.getByLabel("再次输入新密码").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "设置密码" }).click();
  await expect(page.getByRole("status").last()).toContainText("密码已设置");

  await signIn(page, "E1018", PASSWORD);
  await expect(page.getByRole("status")).toContainText("员工号或密码不正确");
  await signIn(page, "E1018", NEW_PASSWORD);
  await expect(page.getByRole("heading", { level: 1, name: "我的培训" })).toBeVisible();
});
