import iconv from "iconv-lite";
import { expectNoSeriousViolations } from "./axe";
import { expect, signIn, test } from "./fixtures";

const HEADER = "员工号,姓名,机构,角色,邮箱,入职日期,在职";
const ROWS = [
  "E7001,赵新,总行/华东分行/静安支行,学员,zhao.xin@demo-bank.cn,2026-03-01,是",
  "E7002,钱多,EAST-PD,培训师,,2026-03-01,是",
  "E7003,孙错,总行/火星分行,学员,,2026-03-01,是",
  "E7004,李重,HQ,学员,,2026-03-01,是",
  "E7004,李重复,HQ,学员,,2026-03-01,是",
  "E7005,周日,HQ,行长,,2026-02-30,是",
  "E7006,吴邮,HQ,学员,not-an-email,2026-03-01,是",
];
/** As Chinese Excel saves a CSV: GBK, no BOM. */
const FILE = {
  name: "员工名单.csv",
  mimeType: "text/csv",
  buffer: iconv.encode([HEADER, ...ROWS, ""].join("\r\n"), "gbk"),
};
const NEW_PASSWORD = "Counter#Teller2026";

test.describe.configure({ mode: "serial" });

test("a manager gets 403 on every admin page and API", async ({ managerPage: page }) => {
  for (const path of ["/admin", "/admin/users", "/admin/users/import", "/admin/branches", "/admin/audit"]) {
    expect((await page.goto(path))?.status(), path).toBe(403);
  }
  expect((await page.request.get("/api/admin/audit")).status()).toBe(403);
  expect((await page.request.get("/api/admin/import-template")).status()).toBe(403);
});

test("an admin imports the valid rows, the new teller sets a password, and re-importing changes nothing", async ({
  adminPage: page,
  browser,
}) => {
  await page.goto("/admin");
  await page.getByRole("link", { name: /批量导入员工/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "批量导入员工" })).toBeVisible();
  const template = await page.request.get("/api/admin/import-template?lang=zh-CN");
  expect(await template.text()).toContain("员工号,姓名,机构,角色,邮箱,入职日期,在职");

  await page.getByLabel("员工文件").setInputFiles(FILE);
  await page.getByRole("button", { name: "上传并检查" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "导入预览" })).toBeVisible();
  await expect(page.getByTestId("count-create")).toHaveText("2");
  await expect(page.getByTestId("count-error")).toHaveText("5");
  await expect(page.getByTestId("row-4")).toContainText("找不到机构「总行/火星分行」");
  await expect(page.getByTestId("row-5")).toContainText("员工号在文件中重复（另见第 6 行）");
  await expect(page.getByTestId("row-7")).toContainText("角色「行长」无效");
  await expect(page.getByTestId("row-7")).toContainText("入职日期「2026-02-30」无效");
  await expect(page.getByTestId("row-8")).toContainText("邮箱「not-an-email」格式不正确");
  await expectNoSeriousViolations(page);

  await page.getByRole("link", { name: /^新建/ }).click();
  await expect(page.getByTestId("row-2")).toContainText("赵新");
  await page.getByRole("button", { name: "只导入有效的 2 行" }).click();
  await expect(page.getByRole("heading", { name: "导入完成" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("新建 2 人，更新 0 人");
  const href = await page.getByRole("link", { name: "E7001 的设置密码链接" }).getAttribute("href");
  expect(href).toMatch(/\/set-password\/[A-Za-z0-9_-]{43}$/);

  const context = await browser.newContext();
  const teller = await context.newPage();
  await teller.goto(new URL(href as string).pathname);
  await expect(teller.getByText("赵新（员工号 E7001）")).toBeVisible();
  await teller.getByLabel("新密码", { exact: true }).fill("12345678");
  await teller.getByLabel("再次输入新密码").fill("12345678");
  await teller.getByRole("button", { name: "设置密码" }).click();
  await expect(teller.getByRole("status")).toContainText("这个密码太常见");
  await teller.getByLabel("新密码", { exact: true }).fill(NEW_PASSWORD);
  await teller.getByLabel("再次输入新密码").fill(NEW_PASSWORD);
  await teller.getByRole("button", { name: "设置密码" }).click();
  await expect(teller.getByRole("status")).toContainText("密码已设置");
  await signIn(teller, "E7001", NEW_PASSWORD);
  await expect(teller.getByRole("heading", { level: 1, name: "我的培训" })).toBeVisible();
  await expect(teller.getByText("柜面服务技能认证").first()).toBeVisible();
  await teller.goto(new URL(href as string).pathname);
  await expect(teller.getByText("此链接无效、已使用或已过期")).toBeVisible();
  await context.close();

  await page.goto("/admin/users/import");
  await page.getByLabel("员工文件").setInputFiles(FILE);
  await page.getByRole("button", { name: "上传并检查" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "导入预览" })).toBeVisible();
  await expect(page.getByTestId("count-create")).toHaveText("0");
  await expect(page.getByTestId("count-update")).toHaveText("0");
  await expect(page.getByTestId("count-unchanged")).toHaveText("2");
  await expect(page.getByText("没有需要导入的行。")).toBeVisible();
});

test("an admin changes a role, cannot demote the last admin, and the audit log shows it all", async ({
  adminPage: page,
  browser,
}) => {
  const context = await browser.newContext();
  const stranger = await context.newPage();
  await signIn(stranger, "E7002", "not-the-password");
  await expect(stranger.getByRole("status")).toContainText("员工号或密码不正确");
  await context.close();

  await page.goto("/admin/users?q=E7002");
  await expectNoSeriousViolations(page);
  await page.getByRole("link", { name: "E7002" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "钱多" })).toBeVisible();
  await page.getByLabel("角色").selectOption({ label: "管理者" });
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("已保存。")).toBeVisible();

  await page.goto("/admin/users?q=E9001");
  await page.getByRole("link", { name: "E9001" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "周建军" })).toBeVisible();
  await page.getByLabel("角色").selectOption({ label: "学员" });
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("不能停用或降级最后一位在职的系统管理员。")).toBeVisible();

  await page.goto("/admin/audit");
  await expect(page.getByRole("cell", { name: "批量导入员工" }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "登录失败" }).first()).toBeVisible();
  await page.getByRole("combobox", { name: /^操作/ }).selectOption({ label: "修改角色/机构" });
  await page.getByRole("button", { name: "筛选", exact: true }).click();
  const row = page.getByRole("row").filter({ hasText: "钱多 (E7002)" });
  await expect(row).toContainText("周建军 (E9001)");
  await expect(row).toContainText("角色：培训师");
  await expect(row).toContainText("角色：管理者");
  await expectNoSeriousViolations(page);

  const csv = await page.request.get("/api/admin/audit?action=user.update");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text).toContain("user.update");
  expect(text).toContain("E7002");
  expect(text).not.toContain("user.import");
});

test("an admin adds, renames and deactivates an empty branch but not a busy one", async ({
  adminPage: page,
}) => {
  await page.goto("/admin/branches");
  const create = page.getByRole("form", { name: "新增机构" });
  await create.getByLabel("上级机构").selectOption("br-east");
  await create.getByLabel("机构代码").fill("EAST-E2E");
  await create.getByLabel("中文名称").fill("测试支行");
  await create.getByLabel("英文名称").fill("Test Sub-branch");
  await create.getByRole("button", { name: "新增", exact: true }).click();
  await expect(create.getByText("已新增。")).toBeVisible();

  const item = page.getByTestId("branch-EAST-E2E");
  await item.getByText("编辑 EAST-E2E").click();
  await item.getByLabel("中文名称").fill("测试二支行");
  await item.getByRole("button", { name: "重命名" }).click();
  await expect(item.getByText("已重命名。")).toBeVisible();
  await item.getByRole("button", { name: "停用" }).click();
  await expect(item.getByText("已保存。")).toBeVisible();

  const busy = page.getByTestId("branch-EAST-JA");
  await busy.getByText("编辑 EAST-JA").click();
  await busy.getByRole("button", { name: "停用" }).click();
  await expect(busy.getByText("该网点还有在职员工或下级机构，不能停用。")).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("an admin resets a password with a one-time link and deactivates the account", async ({
  adminPage: page,
  browser,
}) => {
  await page.goto("/admin/users?q=E1020");
  await page.getByRole("link", { name: "E1020" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "账户与登录" })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByText("重置密码", { exact: true }).click();
  await page.getByRole("button", { name: "确认重置" }).click();
  await expect(page.getByText("密码已重置。")).toBeVisible();
  const link = await page.getByRole("link", { name: /\/set-password\// }).getAttribute("href");

  const context = await browser.newContext();
  const person = await context.newPage();
  await signIn(person, "E1020");
  await expect(person.getByRole("status")).toContainText("员工号或密码不正确");
  await person.goto(new URL(link as string).pathname);
  await expectNoSeriousViolations(person);
  await person.getByLabel("新密码", { exact: true }).fill(NEW_PASSWORD);
  await person.getByLabel("再次输入新密码").fill(NEW_PASSWORD);
  await person.getByRole("button", { name: "设置密码" }).click();
  await expect(person.getByRole("status")).toContainText("密码已设置");
  await signIn(person, "E1020", NEW_PASSWORD);
  await expect(person.getByRole("heading", { level: 1, name: "我的培训" })).toBeVisible();

  await page.getByText("停用账户", { exact: true }).click();
  await page.getByRole("button", { name: "确认停用" }).click();
  await expect(page.getByText("已保存。")).toBeVisible();
  await person.reload();
  await expect(person).toHaveURL(/\/login$/);
  await signIn(person, "E1020", NEW_PASSWORD);
  await expect(person.getByRole("status")).toContainText("员工号或密码不正确");
  await context.close();

  await page.goto("/admin/audit?target=E1020");
  for (const action of ["重置密码", "设置密码", "停用账户"]) {
    await expect(page.getByRole("cell", { name: action, exact: true })).toBeVisible();
  }
});
