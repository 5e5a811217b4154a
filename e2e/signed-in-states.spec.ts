import { ACCOUNTS, expect, test } from "./fixtures";
import { signOutEverywhere } from "./support/arrange";

test("a shared sign-in the server has ended is made again for the next use", async ({ pageAs }) => {
  const before = await pageAs("learner");
  await before.goto("/");
  await expect(before.getByRole("heading", { level: 1, name: "我的培训" })).toBeVisible();

  await signOutEverywhere(ACCOUNTS.learner);
  await before.reload();
  await expect(before).toHaveURL(/\/login$/);

  const after = await pageAs("learner");
  await after.goto("/");
  await expect(after.getByRole("heading", { level: 1, name: "我的培训" })).toBeVisible();
});
