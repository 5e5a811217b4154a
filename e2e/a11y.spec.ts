import { expectNoSeriousViolations } from "./axe";
import { signIn, test } from "./fixtures";

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
