import { expectNoSeriousViolations } from "./axe";
import { ACCOUNTS, type Role, test } from "./fixtures";

test("sign-in page has no serious accessibility violations", async ({ page }) => {
  await page.goto("/login");
  await expectNoSeriousViolations(page);
});

const HOMES: Record<Role, string> = {
  learner: "/",
  trainer: "/author",
  manager: "/reports",
  admin: "/admin",
};

for (const [role, home] of Object.entries(HOMES) as [Role, string][]) {
  test(`home page of ${ACCOUNTS[role]} has no serious accessibility violations`, async ({ pageAs }) => {
    const page = await pageAs(role);
    await page.goto(home);
    await expectNoSeriousViolations(page);
  });
}
