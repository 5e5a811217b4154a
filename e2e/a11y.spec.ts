import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("sign-in page has no serious accessibility violations", async ({ page }) => {
  await page.goto("/login");
  await expectNoSeriousViolations(page);
});

for (const employeeNo of ["E1001", "E2001", "E3001", "E9001"]) {
  test(`home page of ${employeeNo} has no serious accessibility violations`, async ({ page }) => {
    await signIn(page, employeeNo);
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    await expectNoSeriousViolations(page);
  });
}
