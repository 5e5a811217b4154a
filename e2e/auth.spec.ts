import { expect, signIn, test } from "./fixtures";
import { deactivate } from "./support/arrange";

const HOMES = [
  { employeeNo: "E1001", path: "/", heading: "我的培训" },
  { employeeNo: "E2001", path: "/author", heading: "内容管理" },
  { employeeNo: "E3001", path: "/reports", heading: "培训报表" },
  { employeeNo: "E3002", path: "/reports", heading: "培训报表" },
  { employeeNo: "E9001", path: "/admin", heading: "系统管理" },
];

for (const { employeeNo, path, heading } of HOMES) {
  test(`${employeeNo} signs in and lands on their home`, async ({ page }) => {
    await signIn(page, employeeNo);
    await expect(page).toHaveURL(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/login$/);
  });
}

test("a wrong password shows a Chinese error and stays on sign-in", async ({ page }) => {
  await signIn(page, "E1002", "wrong-password");
  await expect(page.getByRole("status")).toContainText("员工号或密码不正确");
  await expect(page).toHaveURL(/\/login$/);
});

test("the sixth attempt after five failures is locked out even with the right password", async ({ page }) => {
  for (let i = 0; i < 5; i++) {
    await signIn(page, "E1030", `wrong-${i}`);
    await expect(page.getByRole("status")).not.toBeEmpty();
  }
  await signIn(page, "E1030");
  await expect(page.getByRole("status")).toContainText("账户已临时锁定 15 分钟");
  await expect(page).toHaveURL(/\/login$/);
});

test("a user deactivated while signed in is signed out on the next page load", async ({ freshSignIn }) => {
  const page = await freshSignIn("E1031");
  await expect(page.getByRole("heading", { level: 1, name: "我的培训" })).toBeVisible();

  await deactivate("E1031");

  await page.reload();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("status")).toContainText("登录已失效");
  await signIn(page, "E1031");
  await expect(page.getByRole("status")).toContainText("员工号或密码不正确");
});

test("visitors who are not signed in are sent to sign-in, and APIs answer 401", async ({ page, request }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login$/);
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok" });
});
