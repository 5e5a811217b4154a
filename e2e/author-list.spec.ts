import { expectNoSeriousViolations } from "./axe";
import { expect, test } from "./fixtures";

const READING_ORDER = [
  "银行服务的重要性与客户期待",
  "银行服务的基本技巧",
  "客户需求识别与个性化服务",
  "处理客户投诉与难题应对",
  "银行产品与服务知识要点",
  "提升服务效率的实用工具与技巧",
  "服务创新与未来趋势",
];

test("the content list follows the curriculum and numbers its chapters as learners see them", async ({
  trainerPage: page,
}) => {
  await page.goto("/author");
  const firstCells = page.getByRole("table").getByRole("row").locator("td:first-child");
  const cells = (await firstCells.allInnerTexts()).slice(0, READING_ORDER.length);
  expect(cells.map((c) => c.split("\n").slice(0, 2).join(" "))).toEqual(
    READING_ORDER.map((title, i) => `第 ${i + 1} 章 ${title}`),
  );
  await expectNoSeriousViolations(page);
});
