import { expectNoSeriousViolations } from "./axe";
import { expect, test } from "./fixtures";

test("an admin finds the xAPI forwarder's state from the admin home, in Chinese and in English", async ({
  adminPage: page,
  baseURL,
}) => {
  await page.goto("/admin");
  await page.getByRole("link", { name: /学习记录推送（xAPI）/ }).click();
  await expect(page).toHaveURL(/\/admin\/xapi$/);
  await expect(page.getByRole("heading", { name: "学习记录推送（xAPI）", level: 1 })).toBeVisible();
  // The e2e server has no LRS: statements only queue, and the page says so.
  await expect(page.getByText("未配置 LRS_URL：记录只入队，不发送。")).toBeVisible();
  await expect(page.getByText("待发送", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "发送失败的记录" })).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: String(baseURL) }]);
  await page.goto("/admin/xapi");
  await expect(page.getByRole("heading", { name: "Learning records (xAPI)", level: 1 })).toBeVisible();
  await expect(page.getByText("LRS_URL is not set: records are queued, not sent.")).toBeVisible();
  await expect(page.getByText("Last successful send")).toBeVisible();
});

test("only admins may see it", async ({ learnerPage, managerPage, trainerPage }) => {
  for (const page of [learnerPage, managerPage, trainerPage])
    expect((await page.goto("/admin/xapi"))?.status()).toBe(403);
});
