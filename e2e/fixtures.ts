import { createClient } from "@libsql/client";
import { test as base, expect, type Page } from "@playwright/test";

export const PASSWORD = "Demo@2026";

export async function signIn(page: Page, employeeNo: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("员工号").fill(employeeNo);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

/** Direct access to the test server's database, for arranging states the UI of this build cannot yet reach. */
export function e2eDb() {
  return createClient({ url: "file:./data/e2e.db" });
}

type RolePages = { learnerPage: Page; trainerPage: Page; managerPage: Page; adminPage: Page };

function signedInPage(employeeNo: string) {
  return async (
    { browser }: { browser: import("@playwright/test").Browser },
    use: (p: Page) => Promise<void>,
  ) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, employeeNo);
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    await use(page);
    await context.close();
  };
}

export const test = base.extend<RolePages>({
  learnerPage: signedInPage("E1001"),
  trainerPage: signedInPage("E2001"),
  managerPage: signedInPage("E3001"),
  adminPage: signedInPage("E9001"),
});

export { expect };
