import { expect, test } from "./fixtures";

test("a learner opening the manager area gets the 403 page", async ({ learnerPage: page }) => {
  const response = await page.goto("/reports");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
});

test("a learner gets 403 on authoring and administration too", async ({ learnerPage: page }) => {
  expect((await page.goto("/author"))?.status()).toBe(403);
  expect((await page.goto("/admin"))?.status()).toBe(403);
});

test("a manager cannot open the admin area and sees only their navigation", async ({ managerPage: page }) => {
  await page.goto("/reports");
  const nav = page.getByRole("navigation", { name: "主导航" });
  await expect(nav.getByRole("link", { name: "培训报表" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "系统管理" })).toHaveCount(0);
  expect((await page.goto("/admin"))?.status()).toBe(403);
});

test("a cross-origin state-changing API call is refused", async ({ request }) => {
  const res = await request.post("/api/health", { headers: { Origin: "https://evil.example" } });
  expect(res.status()).toBe(403);
  expect((await res.json()).code).toBe("forbidden:origin");
});

test("the app's own API routes refuse another origin's writes with a clear 403 too", async ({
  requestAs,
}) => {
  const learner = await requestAs("learner");
  const res = await learner.post("/api/learn/basic-skills/attempts", {
    headers: { Origin: "https://evil.example" },
    data: { attemptId: "00000000-0000-4000-8000-000000000001", answers: {} },
  });
  expect(res.status()).toBe(403);
  expect(await res.json()).toEqual({ code: "forbidden:origin", message: "已拒绝来自其他网站的请求。" });
});

test("responses carry security headers", async ({ request }) => {
  const res = await request.get("/login");
  const headers = res.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
  expect(headers["referrer-policy"]).toBeTruthy();
});

test("prerendered chapter pages still require a valid learner session", async ({ trainerPage, browser }) => {
  const denied = await trainerPage.goto("/learn/basic-skills");
  expect(denied?.status()).toBe(403);
  await expect(trainerPage.getByRole("heading", { name: "无权访问" })).toBeVisible();

  const forged = await browser.newContext();
  await forged.addCookies([
    { name: "authjs.session-token", value: "forged", url: String(test.info().project.use.baseURL) },
  ]);
  const page = await forged.newPage();
  await page.goto("/learn/basic-skills");
  await expect(page).toHaveURL(/\/login$/);
  const api = await page.request.get("/api/learn/basic-skills/me");
  expect(api.status()).toBe(401);
  await forged.close();
});
