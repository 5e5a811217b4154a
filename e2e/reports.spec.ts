import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { expectNoSeriousViolations } from "./axe";
import { expect, test } from "./fixtures";
import { branchFacts, userIdOf } from "./support/arrange";

const pct = (n: number, of: number) => `${(Math.round((n * 1000) / of) / 10).toFixed(1)}%`;

/** The figures the 静安支行 row must show, computed here from the attempts themselves. */
async function jinganFromAttempts() {
  const facts = await branchFacts({
    branchId: "br-east-jingan",
    chapter: "service-importance",
    scenario: "greeting",
    competency: "first-impression",
  });
  const best = new Map<string, { percent: number; at: number; id: string; value: number }>();
  for (const r of facts.plays) {
    const row = {
      percent: r.percent,
      at: r.completedAt,
      id: r.id,
      value: (Math.max(0, Math.min(r.score, r.maxScore)) / r.maxScore) * 100,
    };
    const known = best.get(r.userId);
    const better =
      !known ||
      row.percent > known.percent ||
      (row.percent === known.percent && (row.at < known.at || (row.at === known.at && row.id < known.id)));
    if (better) best.set(r.userId, row);
  }
  const values = [...best.values()].map((b) => b.value);
  const average = values.reduce((a, b) => a + b, 0) / values.length;
  return {
    head: facts.headcount,
    passedCh1: facts.passedChapter,
    greetingFirstImpression: `${(Math.round(average * 10) / 10).toFixed(1)}%`,
  };
}

test("E3001's overview and heatmap show the seeded results of their 支行 and nothing of 华南", async ({
  managerPage: page,
}) => {
  const expected = await jinganFromAttempts();
  expect(expected.head).toBeGreaterThan(0);
  await page.goto("/reports");
  await expect(page.getByRole("heading", { level: 1, name: "培训报表" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "报表导航" }).getByRole("link", { name: "概览" }),
  ).toHaveAttribute("aria-current", "page");

  const comparison = page.getByRole("table", { name: /按下属网点汇总/ });
  await expect(comparison.getByRole("row")).toHaveCount(4); // header + 静安, 浦东, 徐汇
  await expect(comparison).not.toContainText("天河支行");
  const jingan = comparison.getByRole("row").filter({ hasText: "静安支行" });
  await expect(jingan.getByRole("cell").nth(0)).toHaveText(String(expected.head));
  await expect(jingan.getByRole("cell").nth(5)).toHaveText(pct(expected.passedCh1, expected.head));

  const heatmap = page.getByRole("table", { name: /平均最佳成绩/ });
  await expect(heatmap.getByRole("row").filter({ hasText: "静安支行" }).getByRole("cell").nth(0)).toHaveText(
    expected.greetingFirstImpression,
  );

  // Sorting by head count is a link, so it works from the keyboard and without scripts.
  await comparison.getByRole("link", { name: /^在职学员/ }).click();
  await expect(page).toHaveURL(/sort=headcount/);
  await expect(page.getByRole("columnheader", { name: /在职学员/ }).first()).toHaveAttribute(
    "aria-sort",
    /ending/,
  );
  await expectNoSeriousViolations(page);
});

test("E3001 filters the people list, opens a person and downloads the CSV and the XLSX", async ({
  managerPage: page,
}) => {
  await page.goto("/reports");
  await page.getByRole("navigation", { name: "报表导航" }).getByRole("link", { name: "人员" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "人员" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "E1005" })).toHaveCount(0); // 天河支行 is 华南's
  await expectNoSeriousViolations(page);

  await page.getByLabel("网点").selectOption("br-east-jingan");
  await page.getByLabel("角色").selectOption("learner");
  await page.getByLabel("姓名或员工号").fill("张伟");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/branch=br-east-jingan/);
  await expect(page.getByText("共 1 人")).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "E1002" });
  await expect(row).toContainText("静安支行");

  const csvDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出 CSV" }).click();
  const csv = await csvDownload;
  const bytes = await readFile((await csv.path()) as string);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString("utf8").slice(1);
  const lines = text.trim().split("\r\n");
  expect(lines[0]).toBe("员工号,姓名,网点,角色,入职日期,章节通过,演练通过,认证,逾期任务");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(/^E1002,张伟,静安支行,学员,2026-01-01,\d,\d,/);

  const xlsxDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出 Excel" }).click();
  const xlsx = await xlsxDownload;
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile((await xlsx.path()) as string);
  const sheet = book.worksheets[0];
  expect(sheet?.getRow(1).getCell(1).value).toBe("员工号");
  expect(sheet?.getRow(2).getCell(1).value).toBe("E1002");
  expect(sheet?.getRow(2).getCell(2).value).toBe("张伟");

  await row.getByRole("link", { name: "张伟" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "张伟" })).toBeVisible();
  await expect(page.getByText("E1002 · 静安支行 · 学员")).toBeVisible();
  await expect(page.getByRole("heading", { name: "作答记录" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "章节测验" }).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "培训任务" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "证书与历史" })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("E3001 gets 404 and no data for 华南's people and branches, however asked", async ({
  managerPage: page,
}) => {
  const south = await userIdOf("E1005");
  expect((await page.goto(`/reports/people/${south}`))?.status()).toBe(404);
  expect((await page.goto("/reports?branch=br-south"))?.status()).toBe(404);
  expect((await page.goto("/reports/people?branch=br-south-tianhe"))?.status()).toBe(404);
  for (const url of [
    "/reports/export/people.csv?branch=br-south-tianhe",
    "/reports/export/people.xlsx?branch=br-south-tianhe",
    "/reports/export/branches.csv?branch=br-south",
    "/api/reports/overview?branch=br-south",
  ]) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(404);
    expect(await response.text()).not.toContain("天河");
  }
  const search = await page.request.get("/reports/export/people.csv?q=E1005");
  expect(search.status()).toBe(200);
  expect((await search.text()).trim().split("\r\n")).toHaveLength(1); // the header only
  const all = await (await page.request.get("/reports/export/people.csv")).text();
  expect(all).toContain("E1002");
  expect(all).not.toMatch(/天河支行|福田支行|南山支行|华南分行/);
});

test("a learner gets no report data; the item analysis shows answers to trainers, with axe passing", async ({
  learnerRequest,
  trainerPage,
}) => {
  expect((await learnerRequest.get("/api/reports/overview")).status()).toBe(403);
  expect((await learnerRequest.get("/reports/export/people.csv")).status()).toBe(403);

  await trainerPage.goto("/reports/items");
  await expect(trainerPage.getByRole("heading", { level: 1, name: "题目分析" })).toBeVisible();
  await expect(trainerPage.getByText(/答对率 \d+\.\d%/).first()).toBeVisible();
  // Item statistics of the pool: times drawn and discrimination per question, explained.
  await expect(
    trainerPage.getByText(/^第 \d+ 节 · 抽到 \d+ 次 · 答对率 \d+\.\d% · 区分度 -?\d\.\d+$/).first(),
  ).toBeVisible();
  await expect(trainerPage.getByText(/^区分度是点双列相关系数/)).toBeVisible();
  await trainerPage.getByLabel("选择内容").selectOption("scenario:greeting");
  await trainerPage.getByRole("button", { name: "查看" }).click();
  await expect(trainerPage.getByText(/作答 \d+ 次/).first()).toBeVisible();
  await expectNoSeriousViolations(trainerPage);
});

test("E3001's 复习习惯 tab shows, per 支行 of their own only, the review habit and the retention", async ({
  managerPage: page,
}) => {
  await page.goto("/reports");
  await page.getByRole("navigation", { name: "报表导航" }).getByRole("link", { name: "复习习惯" }).click();
  // The tab's first render on a fresh server computes the branches' review figures.
  await expect(page.getByRole("heading", { level: 1, name: "复习习惯" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/^复习习惯：最近 14 天/)).toBeVisible();
  const table = page.getByRole("table", { name: "各网点的复习习惯与保持率" });
  await expect(table.getByRole("row").filter({ hasText: "静安支行" })).toBeVisible();
  await expect(
    table
      .getByRole("row")
      .filter({ hasText: "静安支行" })
      .getByText(/^\d+\.\d%$/)
      .first(),
  ).toBeVisible();
  await expect(table).not.toContainText("天河支行");
  await expectNoSeriousViolations(page);
});
