import { expectNoSeriousViolations } from "./axe";
import { expect, test } from "./fixtures";

test("a page asks for no missing file: the tab icon is served", async ({ managerPage: page }) => {
  const missing: string[] = [];
  page.on("response", (r) => r.status() === 404 && missing.push(r.url()));
  await page.goto("/reports");
  await page.waitForLoadState("networkidle");
  expect(missing).toEqual([]);
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  const icon = await page.request.get(new URL(href as string, page.url()).toString());
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});

test("the header marks the page being shown, a section's pages included", async ({ learnerPage: page }) => {
  const nav = page.getByRole("navigation", { name: "主导航" });
  await page.goto("/");
  await expect(nav.getByRole("link", { name: "我的培训" })).toHaveAttribute("aria-current", "page");
  await nav.getByRole("link", { name: "章节学习" }).click();
  await expect(nav.getByRole("link", { name: "章节学习" })).toHaveAttribute("aria-current", "page");
  await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
  await page.goto("/learn/basic-skills");
  await expect(nav.getByRole("link", { name: "章节学习" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "我的培训" })).not.toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("button", { name: "菜单" })).toBeHidden();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the navigation sits behind a menu button that the keyboard opens and closes", async ({
    managerPage: page,
  }) => {
    await page.goto("/reports/assign");
    const menu = page.getByRole("button", { name: "菜单" });
    const nav = page.getByRole("navigation", { name: "主导航" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
    await expect(page.getByRole("button", { name: "退出登录" })).toBeHidden();
    expect(await page.evaluate(() => document.body.scrollWidth <= document.body.clientWidth)).toBe(true);

    await menu.focus();
    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(nav.getByRole("link", { name: "培训报表" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
    await expectNoSeriousViolations(page);

    await page.keyboard.press("Tab");
    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();

    await menu.click();
    await nav.getByRole("link", { name: "培训报表" }).click();
    await expect(page).toHaveURL(/\/reports$/);
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
  });
});
