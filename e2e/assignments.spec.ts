import { expect, test } from "./fixtures";
import { assignmentsDueOn } from "./support/arrange";

const inDays = (days: number) => {
  const d = new Date(Date.now() + days * 86400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(d);
};
const shown = (iso: string) =>
  new Intl.DateTimeFormat("zh-CN", { dateStyle: "medium", timeZone: "Asia/Shanghai" }).format(
    new Date(`${iso}T00:00:00+08:00`),
  );

test("a manager assigns chapter 5 to a 支行 in their 分行 and its learner sees it with the due date", async ({
  managerPage,
  learnerPage: learner,
}) => {
  const due = inDays(17);
  await managerPage.goto("/reports");
  await managerPage.getByRole("link", { name: "分配培训" }).click();
  await managerPage.getByLabel("培训内容").selectOption({ label: "银行产品与服务知识要点" });
  await managerPage.getByRole("combobox", { name: "网点", exact: true }).selectOption("br-east-jingan");
  await managerPage.getByLabel("截止日期").fill(due);
  await managerPage.getByRole("button", { name: "分配" }).click();
  await expect(managerPage.getByRole("status")).toContainText(/已分配给 \d+ 人/);

  await learner.goto("/");
  const due5 = learner
    .getByRole("region", { name: "待完成的培训" })
    .getByRole("listitem")
    .filter({ hasText: "银行产品与服务知识要点" });
  await expect(due5).toContainText(`截止 ${shown(due)}`);
  await expect(due5).toContainText("还剩 17 天");
  await expect(learner.getByRole("region", { name: "通知" })).toContainText(
    `新的培训任务：银行产品与服务知识要点，截止 ${shown(due)}`,
  );
});

test("a manager cannot assign outside their 分行, by branch or by person", async ({ managerPage }) => {
  const due = inDays(11);
  await managerPage.goto("/reports/assign");
  const branch = managerPage.getByRole("combobox", { name: "网点", exact: true });
  await expect(branch.getByRole("option", { name: /天河支行/ })).toHaveCount(0);
  // A tampered form: the 华南分行 branch is not offered, so put it in by hand.
  await branch.evaluate((select) => {
    const option = document.createElement("option");
    option.value = "br-south-tianhe";
    option.textContent = "天河支行";
    select.append(option);
  });
  await branch.selectOption("br-south-tianhe");
  await managerPage.getByLabel("截止日期").fill(due);
  await managerPage.getByRole("button", { name: "分配" }).click();
  await expect(managerPage.getByRole("status")).toHaveText("您管辖的网点中没有该网点或员工，未做任何分配。");

  await managerPage.getByLabel("单个员工").check();
  await managerPage.getByLabel("员工号").fill("E1005"); // a learner in 天河支行
  await managerPage.getByRole("button", { name: "分配" }).click();
  await expect(managerPage.getByRole("status")).toHaveText("您管辖的网点中没有该网点或员工，未做任何分配。");

  expect(await assignmentsDueOn(due)).toBe(0);
});

test("after an assignment the form keeps what it shows, so a second one needs only the new item", async ({
  managerPage,
}) => {
  const due = inDays(23);
  await managerPage.goto("/reports/assign");
  const item = managerPage.getByLabel("培训内容");
  await item.selectOption({ label: "银行产品与服务知识要点" });
  await managerPage.getByLabel("单个员工").check();
  await managerPage.getByLabel("员工号").fill("E1003"); // a learner in 浦东支行, under the manager's 华东分行
  await managerPage.getByLabel("截止日期").fill(due);
  await managerPage.getByRole("button", { name: "分配" }).click();
  await expect(managerPage.getByRole("status")).toHaveText("已分配给 1 人，学员会在首页和通知中看到。");

  // What is visible is what was submitted: the same person, item and date.
  await expect(managerPage.getByLabel("单个员工")).toBeChecked();
  await expect(managerPage.getByLabel("员工号")).toHaveValue("E1003");
  await expect(item.locator("option:checked")).toHaveText("银行产品与服务知识要点");
  await expect(managerPage.getByLabel("截止日期")).toHaveValue(due);

  await item.selectOption({ label: "处理客户投诉与难题应对" });
  await managerPage.getByRole("button", { name: "分配" }).click();
  await expect(managerPage.getByRole("status")).toHaveText("已分配给 1 人，学员会在首页和通知中看到。");
  await expect(managerPage.getByLabel("员工号")).toHaveValue("E1003");
  expect(await assignmentsDueOn(due)).toBe(2);
});
