import { expect, test } from "./fixtures";

// Accept-Language on the sign-in page: with no language cookie the browser's languages choose
// (lib/i18n/locales.ts preferredLocale); the cookie, once set, wins; Chinese otherwise.
test.describe("Accept-Language on the login page", () => {
  test("a browser set to English gets English, its failed sign-in too", async ({ browser }) => {
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    // The server action answers in the same language as the page.
    await page.getByLabel("Employee number").fill("E7777");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(
      page.getByText("The employee number or password is incorrect. Please try again."),
    ).toBeVisible();
    await context.close();
  });

  test("English as a second choice counts when Chinese is not offered first", async ({ browser }) => {
    const context = await browser.newContext({ locale: "fr-FR" });
    // Chromium sends only the context's locale: the header is set on the way out.
    await context.route("**/login", (route) =>
      route.continue({ headers: { ...route.request().headers(), "accept-language": "fr-FR, en;q=0.8" } }),
    );
    const page = await context.newPage();
    await page.goto("/login");
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await context.close();
  });

  test("the language cookie still wins over the browser's language", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ locale: "en-US" });
    await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: baseURL as string }]);
    const page = await context.newPage();
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1, name: "登录" })).toBeVisible();
    // Switching on the page sets the cookie; the choice then holds against the browser's language.
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await context.close();
  });

  test("Chinese for a Chinese browser, and for one that names no language we have", async ({ browser }) => {
    for (const locale of ["zh-CN", "de-DE"]) {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto("/login");
      await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
      await expect(page.getByRole("heading", { level: 1, name: "登录" })).toBeVisible();
      await context.close();
    }
  });
});
