import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { certifications } from "@/lib/certification/catalog";
import type { Certification } from "@/lib/certification/definition";
import { fileCatalog } from "@/lib/content/catalog";
import { expectNoSeriousViolations } from "./axe";
import { e2eDb, expect, signIn, test } from "./fixtures";

const LEARNER = { employeeNo: "E1010", name: "徐丽" };
const def = certifications()[0] as Certification;
const [last, ...earlier] = [...def.chapters].reverse() as [string, ...string[]];

/** Everything but the last chapter's check, stored as if the learner had done it last week. */
async function arrangeAlmostCertified() {
  const db = e2eDb();
  const { rows } = await db.execute({
    sql: "select id from users where employee_no = ?",
    args: [LEARNER.employeeNo],
  });
  const userId = String(rows[0]?.id);
  const weekAgo = Math.floor(Date.now() / 1000) - 7 * 86400;
  await db.batch([
    ...earlier.map((slug) => ({
      sql: `insert into check_attempts (id, user_id, module_slug, content_version, locale, answers, score, max_score, percent, passed, created_at)
            values (?, ?, ?, 'e2e', 'zh-CN', '{}', 8, 8, 100, 1, ?)`,
      args: [randomUUID(), userId, slug, weekAgo],
    })),
    ...def.scenarios.map((s) => ({
      sql: `insert into scenario_attempts (id, user_id, scenario_slug, content_version, locale, state, step_started_at, version, status, score, max_score, percent, passed, completed_at)
            values (?, ?, ?, 'e2e', 'zh-CN', '{}', ?, 9, 'completed', ?, 100, ?, 1, ?)`,
      args: [randomUUID(), userId, s.slug, weekAgo * 1000, s.minPercent, s.minPercent, weekAgo],
    })),
  ]);
  db.close();
}

async function pdfText(path: string) {
  const pdf = await getDocument({ data: new Uint8Array(await readFile(path)), disableFontFace: true })
    .promise;
  const page = await pdf.getPage(1);
  const content = await page.getTextContent();
  return content.items.map((i) => ("str" in i ? i.str : "")).join("");
}

test("passing the last requirement issues a certificate: PDF, public verify page, then revocation", async ({
  browser,
  adminPage,
  managerPage,
}) => {
  await arrangeAlmostCertified();
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, LEARNER.employeeNo);
  await page.waitForURL("/");
  await expect(page.getByText("您还没有证书")).toBeVisible();

  const entry = fileCatalog().findChapter(last, "zh-CN");
  if (!entry?.result.ok) throw new Error("chapter does not compile");
  await page.goto(`/learn/${last}`);
  for (const q of entry.result.chapter.questions) {
    const group = page.getByRole("group", { name: q.prompt });
    for (const o of q.options.filter((x) => x.correct)) {
      await group
        .getByRole(q.type === "multiple" ? "checkbox" : "radio", { name: o.text, exact: true })
        .check();
    }
  }
  await page.getByRole("button", { name: "提交答案" }).click();
  await expect(page.getByText("您已完成全部认证要求，证书已颁发")).toBeVisible();

  await page.goto("/");
  const certificates = page.getByRole("region", { name: "我的证书" });
  await expect(certificates.getByText("有效", { exact: true })).toBeVisible();
  const code = (await certificates.locator(".font-mono").first().textContent())?.trim() ?? "";
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{12}$/);
  await expect(
    page.getByRole("region", { name: "通知" }).getByText(`已颁发证书，核验编号 ${code}`),
  ).toBeVisible();
  await expectNoSeriousViolations(page);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    certificates.getByRole("link", { name: "下载 PDF" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`certificate-${code}.pdf`);
  const text = await pdfText(await download.path());
  expect(text).toContain(LEARNER.name);
  expect(text).toContain(code);
  expect(text).toContain(LEARNER.employeeNo);

  // The holder's 分行 manager may download it; another learner and the other 分行's manager may not.
  const pdfUrl = (await certificates.getByRole("link", { name: "下载 PDF" }).getAttribute("href")) ?? "";
  const managerPdf = await managerPage.request.get(pdfUrl);
  expect(managerPdf.status()).toBe(200);
  expect(managerPdf.headers()["content-type"]).toBe("application/pdf");
  for (const outsider of ["E1003", "E3002"]) {
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, outsider);
    await otherPage.waitForURL((url) => !url.pathname.startsWith("/login"));
    expect((await otherPage.request.get(pdfUrl)).status(), outsider).toBe(404);
    await other.close();
  }

  // The public verify page needs no sign-in.
  const visitor = await browser.newContext();
  const verify = await visitor.newPage();
  await verify.goto(`/verify/${code.toLowerCase()}`);
  await expect(verify.getByText("有效", { exact: true })).toBeVisible();
  await expect(verify.getByText("徐*")).toBeVisible();
  await expect(verify.getByText(LEARNER.name)).toHaveCount(0);
  await expectNoSeriousViolations(verify);

  await adminPage.goto("/admin/certificates");
  await adminPage.getByLabel("核验编号、员工号或姓名").fill(code);
  await adminPage.getByRole("button", { name: "查找" }).click();
  const row = adminPage.getByRole("row").filter({ hasText: code });
  await row.getByText("撤销证书…").click();
  await row.getByLabel(`撤销 ${code} 的原因`).fill("抽查发现代考，撤销证书");
  await row.getByRole("button", { name: "确认撤销" }).click();
  const revoked = adminPage.getByRole("row").filter({ hasText: code });
  await expect(revoked.getByText("已撤销", { exact: true })).toBeVisible();
  await expect(revoked).toContainText("抽查发现代考，撤销证书");

  await verify.reload();
  await expect(verify.getByText("已撤销", { exact: true })).toBeVisible();
  await expect(verify.getByText(/已于 .+ 撤销。/)).toBeVisible();
  await visitor.close();

  const db = e2eDb();
  const audit = await db.execute({
    sql: "select count(*) as n from audit_log where action = 'certificate.revoke' and json_extract(after, '$.code') = ?",
    args: [code],
  });
  db.close();
  expect(Number(audit.rows[0]?.n)).toBe(1);

  await page.reload();
  await expect(certificates.getByText("已撤销", { exact: true })).toBeVisible();
  await context.close();
});

test("unknown and malformed codes say not found without hints; lookups are rate-limited per address", async ({
  page,
}) => {
  await page.goto("/verify/ZZZZZZZZZZZZ");
  await expect(page.getByText("未找到与该编号对应的证书")).toBeVisible();
  await page.goto("/verify/%3Cscript%3E");
  await expect(page.getByText("未找到与该编号对应的证书")).toBeVisible();

  await page.goto("/verify");
  await page.getByLabel("证书核验编号").fill("abc");
  await page.getByRole("button", { name: "核验" }).click();
  await expect(page.getByText("编号格式不正确")).toBeVisible();

  const address = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
  const statuses: boolean[] = [];
  for (let i = 0; i < 31; i++) {
    const html = await (
      await page.request.get("/verify/ZZZZZZZZZZZZ", { headers: { "x-forwarded-for": address } })
    ).text();
    statuses.push(html.includes("查询过于频繁"));
  }
  expect(statuses.slice(0, 30).every((limited) => !limited)).toBe(true);
  expect(statuses[30]).toBe(true);
  const elsewhere = await page.request.get("/verify/ZZZZZZZZZZZZ", {
    headers: { "x-forwarded-for": "203.0.113.9" },
  });
  expect(await elsewhere.text()).not.toContain("查询过于频繁");
});
