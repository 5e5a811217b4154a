import { mkdir } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expectNoSeriousViolations } from "./axe";
import { expect, test } from "./fixtures";
import { assignmentsDueOn, userIdOf } from "./support/arrange";

const SHOTS = "/work/shots/reports";
const inDays = (days: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(
    new Date(Date.now() + days * 86400_000),
  );
const shown = (iso: string) =>
  new Intl.DateTimeFormat("zh-CN", { dateStyle: "medium", timeZone: "Asia/Shanghai" }).format(
    new Date(`${iso}T00:00:00+08:00`),
  );

/** Nothing but the marked scroll regions is wider than the viewport; each region is focusable and labelled. */
async function expectFitsViewport(page: Page) {
  const layout = await page.evaluate(() => ({
    body: document.body.scrollWidth,
    viewport: document.documentElement.clientWidth,
    regions: [...document.querySelectorAll<HTMLElement>("[data-scroll-region]")].map((el) => ({
      tabIndex: el.tabIndex,
      label: el.getAttribute("aria-label") ?? "",
      role: el.getAttribute("role") ?? (el.tagName === "SECTION" ? "region" : ""),
    })),
  }));
  expect(layout.body).toBeLessThanOrEqual(layout.viewport);
  for (const r of layout.regions) {
    expect(r).toMatchObject({ tabIndex: 0, role: "region" });
    expect(r.label).not.toBe("");
  }
}

test("heatmap → people → assign: E3001 assigns the role-play to a 静安 learner, who is notified", async ({
  managerPage: page,
  learnerPage: learner,
}) => {
  const due = inDays(23);
  const e1001 = await userIdOf("E1001");
  await page.goto("/reports");
  const heatmap = page.getByRole("table", { name: /平均最佳成绩/ });
  await heatmap.getByRole("row").filter({ hasText: "静安支行" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/reports\/cell\?branch=br-east-jingan&subject=competency%3Agreeting%3A/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("静安支行");
  await expect(page.getByRole("navigation", { name: "当前位置" })).toContainText("静安支行");

  const people = page.getByTestId("cell-people");
  // Weakest first: no result ("—") before any score, then rising scores.
  const scores = (await people.locator("tbody tr td:nth-child(4)").allTextContents()).map((s) =>
    s === "—" ? -1 : Number.parseFloat(s),
  );
  expect(scores.length).toBeGreaterThan(0);
  expect(scores).toEqual([...scores].sort((a, b) => a - b));
  // Those below the bar start ticked, the others not.
  for (const row of await people.locator("tbody tr").all()) {
    const below = (await row.locator("td").last().textContent()) === "未达标";
    await expect(row.getByRole("checkbox")).toBeChecked({ checked: below });
  }
  await expectNoSeriousViolations(page);

  await page.getByRole("button", { name: "全部取消" }).click();
  const row = people.locator("tbody tr").filter({ has: page.locator(`a[href="/reports/people/${e1001}"]`) });
  await row.getByRole("checkbox").check();
  await page.getByLabel("截止日期").fill(due);
  // Other specs may assign something due the same day: count this action's row only.
  const before = await assignmentsDueOn(due);
  await page.getByRole("button", { name: /为所选人员分配/ }).click();
  await expect(page.getByRole("status")).toContainText("已分配给 1 人");
  expect(await assignmentsDueOn(due)).toBe(before + 1);

  await learner.goto("/");
  await expect(learner.getByRole("region", { name: "通知" })).toContainText(`截止 ${shown(due)}`);
});

test("a forged selection outside E3001's 分行 assigns nobody", async ({ managerPage: page }) => {
  const due = inDays(24);
  const outsider = await userIdOf("E1005"); // 天河支行, 华南
  await page.goto("/reports/cell?branch=br-east-jingan&subject=scenario%3Agreeting");
  await page.getByRole("button", { name: "全部取消" }).click();
  await page.getByTestId("cell-people").getByRole("checkbox").first().check();
  await page
    .getByTestId("cell-people")
    .getByRole("checkbox")
    .first()
    .evaluate((box, id) => {
      (box as HTMLInputElement).value = id;
    }, outsider);
  await page.getByLabel("截止日期").fill(due);
  const before = await assignmentsDueOn(due);
  await page.getByRole("button", { name: /为所选人员分配/ }).click();
  await expect(page.getByRole("status")).toHaveText("您管辖的网点中没有该网点或员工，未做任何分配。");
  expect(await assignmentsDueOn(due)).toBe(before);
  expect(
    (await page.goto("/reports/cell?branch=br-south-tianhe&subject=scenario%3Agreeting"))?.status(),
  ).toBe(404);
  expect((await page.goto("/reports/cell?branch=br-east-jingan&subject=scenario%3Anope"))?.status()).toBe(
    404,
  );
});

test("a leaf branch has a breadcrumb and its people; the person page assigns", async ({
  managerPage: page,
}) => {
  await page.goto("/reports?branch=br-east-jingan");
  const trail = page.getByRole("navigation", { name: "当前位置" });
  await expect(trail.getByRole("link", { name: "培训报表" })).toBeVisible();
  await expect(trail).toContainText("静安支行");
  await expect(page.getByRole("table", { name: /按下属网点汇总/ })).toHaveCount(0);
  await page.getByRole("link", { name: "查看 静安支行 的人员" }).click();
  await expect(page).toHaveURL(/\/reports\/people\?branch=br-east-jingan/);

  await page.goto(`/reports/people/${await userIdOf("E1001")}`);
  await page.getByRole("link", { name: "分配培训" }).first().click();
  await expect(page.getByLabel("单个员工")).toBeChecked();
  await expect(page.getByLabel("员工号")).toHaveValue("E1001");
});

test("the changed report pages fit 390 px (scroll regions apart), pass axe, and are shot in both languages", async ({
  managerPage: page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await mkdir(SHOTS, { recursive: true });
  const person = await userIdOf("E1001");
  const pages = [
    ["overview", "/reports"],
    ["leaf", "/reports?branch=br-east-jingan"],
    ["cell", "/reports/cell?branch=br-east-jingan&subject=competency%3Agreeting%3Afirst-impression"],
    ["person", `/reports/people/${person}`],
    ["people", "/reports/people"],
  ] as const;
  for (const locale of ["zh-CN", "en"]) {
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: String(baseURL) }]);
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      for (const [name, url] of pages) {
        await page.goto(url);
        await expect(page.locator("h1")).toBeVisible();
        await page.waitForLoadState("networkidle");
        if (width === 390) await expectFitsViewport(page);
        if (width === 390 || locale === "en") await expectNoSeriousViolations(page);
        await page.screenshot({ path: `${SHOTS}/${name}-${width}-${locale}.png`, fullPage: true });
      }
    }
  }
});
