import type { Page } from "@playwright/test";
import { expectNoSeriousViolations } from "./axe";
import { expect, test } from "./fixtures";
import { completeScenario, userIdOf } from "./support/arrange";

/** How wide a curly quote is drawn in the body's font, in ems: about 1 in a CJK font, under 0.5 in a Latin one. */
const quoteWidth = (page: Page) =>
  page.evaluate(() => {
    const probe = document.createElement("span");
    probe.textContent = "\u201c";
    document.body.append(probe);
    const width = probe.getBoundingClientRect().width / Number.parseFloat(getComputedStyle(probe).fontSize);
    probe.remove();
    return width;
  });

test("a person's page in English: Latin punctuation and quotes, dates as Dec 2, 2026", async ({
  managerPage: page,
  baseURL,
}) => {
  await completeScenario({ employeeNo: "E1004", slug: "greeting", at: new Date() });
  const id = await userIdOf("E1004");
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: String(baseURL) }]);
  await page.goto(`/reports/people/${id}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const main = page.getByRole("main");
  await expect(main).toContainText(/hired [A-Z][a-z]{2} \d{1,2}, \d{4}/);
  await expect(
    page
      .getByRole("table", { name: /Skills/ })
      .getByRole("cell")
      .first(),
  ).toHaveText(/^[^（）：]+ \(\d+%\)$/);
  expect(await main.innerText()).not.toMatch(/[：（），、]|\d{4}-\d{2}-\d{2}/);
  expect(await quoteWidth(page)).toBeLessThan(0.6);
  await expectNoSeriousViolations(page);
});

test("the same page in Chinese keeps Chinese punctuation, quotes and dates", async ({
  managerPage: page,
}) => {
  const id = await userIdOf("E1004");
  await page.goto(`/reports/people/${id}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("main")).toContainText(/入职 \d{4}年\d{1,2}月\d{1,2}日/);
  expect(await page.getByRole("main").innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  expect(await quoteWidth(page)).toBeGreaterThan(0.9);
});
