import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expectNoSeriousViolations } from "./axe";
import { expect, signIn, test } from "./fixtures";
import { userIdOf } from "./support/arrange";

/** Screenshots for review when SHOTS_DIR is set (e.g. SHOTS_DIR=/work/shots/admin). */
async function shot(page: Page, name: string) {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** Entries as the app's own writers store them: a role and branch change, an import with a long e-mail. */
async function arrangeEntries() {
  const [{ db }, { auditLog }] = await Promise.all([import("@/db/client"), import("@/db/schema")]);
  const [admin, person] = await Promise.all([userIdOf("E9001"), userIdOf("E1002")]);
  await db.insert(auditLog).values([
    {
      actorId: admin,
      action: "user.update",
      targetType: "user",
      targetId: person,
      before: { employeeNo: "E1002", role: "learner", branch: "EAST-JA" },
      after: { employeeNo: "E1002", role: "manager", branch: "EAST-PD" },
    },
    {
      actorId: admin,
      action: "user.create",
      targetType: "user",
      targetId: person,
      after: {
        employeeNo: "E1002",
        name: "测试",
        branch: "EAST-PD",
        role: "learner",
        email: "a.very.long.address.that.would.push.the.column.wide@counter-service-training.demo-bank.cn",
        hireDate: "2026-03-01",
        active: true,
        via: "import",
      },
    },
  ]);
}

async function useLocale(page: Page, locale: "zh-CN" | "en") {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, domain: "127.0.0.1", path: "/" }]);
}

/** Every header cell ends inside the table's visible box, and nothing widens the page. */
async function expectNoColumnCutOff(page: Page) {
  const table = page.getByTestId("audit-table");
  await expect(table).toBeVisible();
  const box = await table.boundingBox();
  const viewport = page.viewportSize();
  expect(box && viewport && box.x + box.width <= viewport.width).toBe(true);
  const headers = table.getByRole("columnheader");
  await expect(headers).toHaveCount(6);
  for (const header of await headers.all()) {
    const cell = await header.boundingBox();
    expect(
      cell && box && cell.x + cell.width <= box.x + box.width + 0.5,
      (await header.textContent()) ?? "",
    ).toBe(true);
  }
  expect(await page.evaluate(() => document.body.scrollWidth <= document.body.clientWidth)).toBe(true);
}

/** Elements reaching past the page's right edge (none, when nothing widens the page), for the message. */
async function overflowing(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .filter((el) => !el.closest("[hidden], .sr-only"))
      .slice(0, 5)
      .map(
        (el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`,
      );
  });
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  await arrangeEntries();
});

test("the audit log names people and branches and labels the fields, in both languages", async ({
  adminPage: page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/admin/audit?action=user.update&target=E1002");
  const row = page.getByRole("row").filter({ hasText: "修改角色/机构" });
  await expect(row.getByRole("cell").nth(1)).toHaveText("周建军 (E9001)");
  await expect(row.getByRole("cell").nth(3)).toHaveText(/^\S+ \(E1002\)$/);
  await expect(row.getByRole("cell").nth(4)).toContainText("角色：学员");
  await expect(row.getByRole("cell").nth(4)).toContainText("机构：静安支行 (EAST-JA)");
  await expect(row.getByRole("cell").nth(5)).toContainText("角色：管理者");
  await expect(row.getByRole("cell").nth(5)).toContainText("机构：浦东支行 (EAST-PD)");
  await expect(row).not.toContainText("employeeNo");

  await useLocale(page, "en");
  await page.reload();
  const english = page.getByRole("row").filter({ hasText: "Role/branch changed" });
  await expect(english.getByRole("cell").nth(4)).toContainText("Role: Learner");
  await expect(english.getByRole("cell").nth(5)).toContainText("Branch: Pudong Sub-branch (EAST-PD)");
  await expect(english.getByRole("cell").nth(5)).toContainText("Employee no.: E1002");
  await useLocale(page, "zh-CN");
});

test("a failed sign-in shows someone anonymous, from an address, trying the account", async ({
  adminPage,
  browser,
}) => {
  const context = await browser.newContext();
  const stranger = await context.newPage();
  await signIn(stranger, "E1001", "not-the-password");
  await expect(stranger.getByRole("status")).toContainText("员工号或密码不正确");
  await context.close();

  await adminPage.goto("/admin/audit?action=auth.signin_failed&target=E1001");
  const row = adminPage.getByRole("row").filter({ hasText: "登录失败" }).first();
  await expect(row.getByRole("cell").nth(1)).toHaveText(/^匿名（来自 (127\.0\.0\.1|::1)）$/);
  await expect(row.getByRole("cell").nth(3)).toHaveText("尝试登录的账户：王晓明 (E1001)");
  await expect(row.getByRole("cell").nth(5)).toContainText("失败次数：1");
});

for (const locale of ["zh-CN", "en"] as const) {
  test(`no column of the audit log is cut off at 1280 px or on a phone (${locale})`, async ({
    adminPage: page,
  }) => {
    await useLocale(page, locale);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/admin/audit");
    await expectNoColumnCutOff(page);
    await expectNoSeriousViolations(page);
    await shot(page, `audit-1280-${locale}`);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/admin/audit");
    await expect(page.getByTestId("audit-table")).toBeHidden();
    const cards = page.getByTestId("audit-cards");
    await expect(cards.getByRole("listitem").first()).toBeVisible();
    await shot(page, `audit-390-${locale}`);
    expect(await overflowing(page)).toEqual([]);
    await expectNoSeriousViolations(page);
    await useLocale(page, "zh-CN");
  });
}

test("the CSV has headers in the viewer's language and Beijing times", async ({ adminPage: page }) => {
  const zh = await (await page.request.get("/api/admin/audit?action=user.update&target=E1002")).text();
  const [zhHeader, zhRow] = zh.replace(/^\uFEFF/, "").split("\r\n");
  expect(zhHeader).toMatch(/^时间（北京时间）,操作人,/);
  expect(zhRow).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2},周建军 \(E9001\)/);
  expect(zhRow).toContain("角色：管理者；机构：浦东支行 (EAST-PD)");

  await useLocale(page, "en");
  const en = await (await page.request.get("/api/admin/audit?action=user.update&target=E1002")).text();
  expect(en.replace(/^\uFEFF/, "").split("\r\n")[0]).toMatch(/^Time \(Beijing time\),Actor,/);
  await useLocale(page, "zh-CN");
});
