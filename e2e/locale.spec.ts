import { expect, signIn, test } from "./fixtures";

test("switching to English changes the interface and persists across reloads and sign-ins", async ({
  page,
  context,
}) => {
  await signIn(page, "E1003");
  await expect(page.getByRole("heading", { level: 1, name: "我的培训" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My training" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "My training" })).toBeVisible();

  // The preference is stored on the user too: a fresh browser picks it up at sign-in.
  await context.clearCookies();
  await signIn(page, "E1003");
  await expect(page.getByRole("heading", { level: 1, name: "My training" })).toBeVisible();
  await page.getByRole("button", { name: "切换到中文" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "我的培训" })).toBeVisible();
});
