import { readFile } from "node:fs/promises";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { certifications } from "@/lib/certification/catalog";
import type { Certification } from "@/lib/certification/definition";
import { expectNoSeriousViolations } from "./axe";
import { expect, test } from "./fixtures";
import { answerDrawn } from "./pages/questions";
import { ChapterReader } from "./pages/reader";
import { auditEntries, completeScenario, openAttemptOf, passChapter } from "./support/arrange";

const LEARNER = { employeeNo: "E1010", name: "徐丽" };
const def = certifications()[0] as Certification;
const [last, ...earlier] = [...def.chapters].reverse() as [string, ...string[]];

/** Everything but the last chapter's check and the exam, done last week through the app's own submission path. */
async function arrangeAlmostCertified() {
  const at = new Date(Date.now() - 7 * 86_400_000);
  for (const slug of earlier) await passChapter({ employeeNo: LEARNER.employeeNo, slug, at });
  for (const s of def.scenarios) {
    const percent = await completeScenario({ employeeNo: LEARNER.employeeNo, slug: s.slug, at });
    expect(percent, s.slug).toBeGreaterThanOrEqual(s.minPercent);
  }
}

async function pdfText(path: string) {
  const pdf = await getDocument({ data: new Uint8Array(await readFile(path)), disableFontFace: true })
    .promise;
  const page = await pdf.getPage(1);
  const content = await page.getTextContent();
  return content.items.map((i) => ("str" in i ? i.str : "")).join("");
}

test("passing the exam, the last requirement, issues a certificate: PDF, public verify page, then revocation", async ({
  browser,
  adminPage,
  managerPage,
  freshSignIn,
}) => {
  test.setTimeout(180_000);
  await arrangeAlmostCertified();
  const page = await freshSignIn(LEARNER.employeeNo);
  await expect(page).toHaveURL("/");
  await expect(page.getByText("您还没有证书")).toBeVisible();

  // The last chapter's check, in the page: a pass, and the exam is the last step.
  const reader = new ChapterReader(page);
  await reader.open(last);
  await reader.startWith("开始作答");
  const check = await openAttemptOf({ employeeNo: LEARNER.employeeNo, kind: "check", subject: last });
  await answerDrawn(page, check.drawn);
  await reader.submit();
  await expect(reader.result(100)).toBeVisible();
  await expect(page.getByText("您已完成全部认证要求，证书已颁发")).toHaveCount(0);

  // The exam: passing it completes the certification and issues the certificate at its close.
  await page.goto("/");
  await page
    .getByRole("region", { name: "柜面服务技能认证 进度" })
    .getByRole("link", { name: "参加认证考试" })
    .click();
  const started = page.waitForResponse(
    (r) => r.url().endsWith(`/api/exam/${def.id}`) && r.request().method() === "POST",
  );
  // The exam's route builds its own copy of the catalog on its first request: allow for that.
  await page.getByRole("button", { name: "开始考试" }).click({ timeout: 30_000 });
  await started;
  const exam = await openAttemptOf({ employeeNo: LEARNER.employeeNo, kind: "exam", subject: def.id });
  await answerDrawn(page, exam.drawn);
  await page.getByRole("button", { name: "交卷" }).click();
  await expect(page.getByText("恭喜，您已通过认证考试！")).toBeVisible();
  await expect(page.getByText(/^证书已颁发，核验编号 [2-9A-HJKMNP-Z]{12}。/)).toBeVisible();

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
    const otherPage = await freshSignIn(outsider);
    expect((await otherPage.request.get(pdfUrl)).status(), outsider).toBe(404);
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

  const revocations = await auditEntries({ action: "certificate.revoke", target: code });
  expect(revocations.filter((r) => (r.after as { code?: string } | null)?.code === code)).toHaveLength(1);

  await page.reload();
  await expect(certificates.getByText("已撤销", { exact: true })).toBeVisible();
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
