import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { fileCatalog } from "@/lib/content/catalog";
import { newItemSource } from "@/lib/content/templates";
import { expectNoSeriousViolations } from "./axe";
import { e2eDb, expect, test } from "./fixtures";

const SLUG = "needs-and-personalisation"; // chapter 3
const ORIGINAL = readFileSync(`content/chapters/${SLUG}.zh-CN.mdx`, "utf8");

function chapterTitle(slug: string) {
  const entry = fileCatalog().findChapter(slug, "zh-CN");
  if (!entry?.result.ok) throw new Error(`${slug} does not compile`);
  return entry.result.chapter.meta.title;
}

/** The source with `text` as a new paragraph right after the front matter. */
function withParagraph(source: string, text: string) {
  const end = source.indexOf("\n---\n", 4) + "\n---\n".length;
  return `${source.slice(0, end)}\n${text}\n${source.slice(end)}`;
}

/** The source with `question` added at the end of the knowledge check, and the line it starts on. */
function withQuestion(source: string, question: string) {
  const at = source.indexOf("</KnowledgeCheck>");
  return {
    source: source.slice(0, at) + question + source.slice(at),
    line: source.slice(0, at).split("\n").length,
  };
}

async function setSource(page: Page, text: string) {
  await page.getByRole("textbox", { name: "中文 源文" }).fill(text);
}

async function revisionCount(kind: string, slug: string) {
  const db = e2eDb();
  const rows = await db.execute({
    sql: "select count(*) as n from content_revisions where kind = ? and slug = ?",
    args: [kind, slug],
  });
  db.close();
  return Number(rows.rows[0]?.n);
}

test("a trainer edits chapter 3 with live preview and validation, publishes, and rolls back", async ({
  trainerPage: page,
  learnerPage,
}) => {
  const marker = `本段为端到端测试新增的说明 ${Date.now()}`;
  const edited = withParagraph(ORIGINAL, marker);

  await page.goto("/author");
  await expect(page.getByRole("heading", { level: 1, name: "内容管理" })).toBeVisible();
  await page.getByRole("link", { name: chapterTitle(SLUG) }).click();
  await expect(page.getByRole("heading", { level: 1, name: chapterTitle(SLUG) })).toBeVisible();
  const preview = page.getByRole("region", { name: /预览/ });
  await expect(page.getByText("没有发现问题，可以发布。")).toBeVisible();
  await expectNoSeriousViolations(page);

  await setSource(page, edited);
  await expect(preview.getByText(marker)).toBeVisible();

  const broken = withQuestion(
    edited,
    '  <Question id="q-e2e" type="single" prompt="端到端测试题">\n    <Option id="a" feedback="甲">甲</Option>\n    <Option id="b" feedback="乙">乙</Option>\n  </Question>\n',
  );
  await setSource(page, broken.source);
  const alert = page.getByRole("alert").filter({ hasText: "发现" });
  await expect(alert).toContainText(`第 ${broken.line} 行`);
  await expect(alert).toContainText('question "q-e2e" has no correct option');
  await page.getByLabel("修改说明").fill("补充个性化服务的说明");
  await expect(page.getByRole("button", { name: "发布新版本" })).toBeDisabled();
  await expect(page.getByText("请先修正上面的问题再发布。")).toBeVisible();
  expect(await revisionCount("chapter", SLUG)).toBe(1);

  await setSource(page, edited);
  await expect(page.getByText("没有发现问题，可以发布。")).toBeVisible();
  await page.getByRole("button", { name: "发布新版本" }).click();
  await expect(page.getByText("已发布第 2 版，学员现在看到的是新内容。")).toBeVisible();

  await learnerPage.goto(`/learn/${SLUG}`);
  await expect(learnerPage.getByText(marker)).toBeVisible();

  const first = page.getByRole("row").filter({ hasText: "第 1 版" });
  await first.getByRole("button", { name: "回滚到此版本" }).click();
  await first.getByLabel("回滚说明").fill("撤回测试修改");
  await first.getByRole("button", { name: "确认回滚" }).click();
  await expect(page.getByRole("row").filter({ hasText: "回滚自第 1 版" })).toContainText("第 3 版");
  await expect(page.getByRole("textbox", { name: "中文 源文" })).not.toContainText(marker);

  await learnerPage.reload();
  await expect(learnerPage.getByRole("heading", { level: 1, name: chapterTitle(SLUG) })).toBeVisible();
  await expect(learnerPage.getByText(marker)).toHaveCount(0);

  await page.getByRole("link", { name: "与当前版本对比" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "版本对比" })).toBeVisible();

  const db = e2eDb();
  const audit = await db.execute({
    sql: "select action from audit_log where target_type = 'content' and target_id = ? order by created_at",
    args: [`chapter:${SLUG}`],
  });
  db.close();
  expect(audit.rows.map((r) => r.action)).toEqual(["content.publish", "content.rollback"]);
});

test("a module with JavaScript or raw HTML cannot be published, and nothing in it runs", async ({
  trainerPage: page,
}) => {
  const slug = `e2e-unsafe-${Date.now()}`;
  await page.goto("/author");
  await page.getByLabel("标识（英文小写字母、数字和连字符）").fill(slug);
  await page.getByRole("button", { name: "创建" }).click();
  await expect(page).toHaveURL(new RegExp(`/author/chapter/${slug}$`));
  await expect(page.getByText("没有发现问题，可以发布。")).toBeVisible();

  const unsafe = [
    "{process.exit(1)}",
    "export const x = 1",
    "<script>alert(1)</script>",
    "[点我](javascript:alert(1))",
  ].join("\n\n");
  const malicious = withParagraph(newItemSource("chapter", slug, 99), unsafe);
  await setSource(page, malicious);
  const alert = page.getByRole("alert").filter({ hasText: "发现" });
  await expect(alert).toContainText("JavaScript expressions {…} are not allowed");
  await expect(alert).toContainText("import/export is not allowed");
  await expect(alert).toContainText("must start with https://");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText("草稿已保存。")).toBeVisible();

  // Straight at the API: the saved draft is refused with its issues, and no revision exists.
  const publish = await page.request.post(`/api/author/chapter/${slug}/publish`, {
    data: { version: 2, note: "尝试发布", major: false },
  });
  expect(publish.status()).toBe(422);
  expect(JSON.stringify((await publish.json()).issues)).toContain("JavaScript expressions");
  expect(await revisionCount("chapter", slug)).toBe(0);
  expect((await page.request.get("/api/health")).status()).toBe(200);
  await page.goto("/learn");
  expect(await page.getByText(slug).count()).toBe(0);
});

test("learners and managers are refused by the authoring pages and API", async ({
  learnerPage,
  managerPage,
}) => {
  const before = await revisionCount("chapter", SLUG);
  for (const page of [learnerPage, managerPage]) {
    expect((await page.goto("/author"))?.status()).toBe(403);
    expect((await page.goto(`/author/chapter/${SLUG}`))?.status()).toBe(403);
    const preview = await page.request.post("/api/author/preview", {
      data: { kind: "chapter", slug: SLUG, locale: "zh-CN", sources: { "zh-CN": ORIGINAL, en: "" } },
    });
    expect(preview.status()).toBe(403);
    const publish = await page.request.post(`/api/author/chapter/${SLUG}/publish`, {
      data: { version: 1, note: "越权发布", major: false },
    });
    expect(publish.status()).toBe(403);
    const exported = await page.request.get(`/api/author/chapter/${SLUG}/revisions/1`);
    expect(exported.status()).toBe(403);
  }
  expect(await revisionCount("chapter", SLUG)).toBe(before);
});

test("a major revision of a new module asks learners who passed it to study it again", async ({
  trainerPage: page,
  learnerPage,
  managerPage,
}) => {
  const slug = `e2e-major-${Date.now()}`;
  const title = `端到端重大修订模块 ${Date.now()}`;
  await page.goto("/author");
  await page.getByLabel("标识（英文小写字母、数字和连字符）").fill(slug);
  await page.getByRole("button", { name: "创建" }).click();
  await expect(page).toHaveURL(new RegExp(`/author/chapter/${slug}$`));
  await setSource(page, newItemSource("chapter", slug, 99).replace("title: 新模块标题", `title: ${title}`));
  await expect(page.getByText("没有发现问题，可以发布。")).toBeVisible();
  await page.getByLabel("修改说明").fill("新模块");
  await page.getByRole("button", { name: "发布新版本" }).click();
  await expect(page.getByText("已发布第 1 版，学员现在看到的是新内容。")).toBeVisible();

  await learnerPage.goto(`/learn/${slug}`);
  await expect(learnerPage.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await learnerPage.getByRole("radio", { name: "正确选项" }).check();
  await learnerPage.getByRole("button", { name: "提交答案" }).click();
  await expect(learnerPage.getByRole("heading", { name: "检测结果: 得分 100%" })).toBeVisible();

  await page.getByLabel("修改说明").fill("重写全部内容");
  await page.getByLabel(/重大修订/).check();
  await page.getByRole("button", { name: "发布新版本" }).click();
  await expect(page.getByText("已发布第 2 版，学员现在看到的是新内容。")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "第 2 版" })).toContainText("重大修订");

  await learnerPage.goto("/learn");
  await expect(
    learnerPage.getByRole("listitem").filter({ hasText: title }).getByText("需重新学习"),
  ).toBeVisible();
  await learnerPage.goto("/");
  await expect(
    learnerPage.getByRole("region", { name: "需重新学习" }).getByRole("link", { name: title }),
  ).toBeVisible();

  const db = e2eDb();
  const learner = await db.execute("select id from users where employee_no = 'E1001'");
  const audit = await db.execute({
    sql: "select json_extract(after, '$.major') as major from audit_log where action = 'content.publish' and target_id = ? order by created_at",
    args: [`chapter:${slug}`],
  });
  db.close();
  expect(audit.rows.map((r) => r.major)).toEqual([0, 1]);
  await managerPage.goto(`/reports/people/${learner.rows[0]?.id}`);
  await expect(managerPage.getByRole("note").filter({ hasText: "需重新学习" })).toContainText(title);
});
