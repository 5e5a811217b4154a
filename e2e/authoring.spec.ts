import { readFileSync } from "node:fs";
import { fileCatalog } from "@/lib/content/catalog";
import { newItemSource } from "@/lib/content/templates";
import { expectNoSeriousViolations } from "./axe";
import { expect, test } from "./fixtures";
import { ContentEditor } from "./pages/editor";
import { answerDrawn } from "./pages/questions";
import { ChapterReader } from "./pages/reader";
import { auditEntries, openAttemptOf, revisionCount, userIdOf } from "./support/arrange";
import { ACCOUNTS } from "./support/sessions";

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

test("a trainer edits chapter 3 with live preview and validation, publishes, and rolls back", async ({
  trainerPage: page,
  learnerPage,
}) => {
  const marker = `本段为端到端测试新增的说明 ${Date.now()}`;
  const edited = withParagraph(ORIGINAL, marker);
  const editor = new ContentEditor(page);

  await page.goto("/author");
  await expect(page.getByRole("heading", { level: 1, name: "内容管理" })).toBeVisible();
  await page.getByRole("link", { name: chapterTitle(SLUG) }).click();
  await expect(page.getByRole("heading", { level: 1, name: chapterTitle(SLUG) })).toBeVisible();
  await expect(editor.clean).toBeVisible();
  await expectNoSeriousViolations(page);

  await editor.setSource(edited);
  await expect(editor.preview.getByText(marker)).toBeVisible();

  const broken = withQuestion(
    edited,
    '  <Question id="q-e2e" type="single" prompt="端到端测试题">\n    <Option id="a" feedback="甲">甲</Option>\n    <Option id="b" feedback="乙">乙</Option>\n  </Question>\n',
  );
  await editor.setSource(broken.source);
  await expect(editor.issues).toContainText(`第 ${broken.line} 行`);
  await expect(editor.issues).toContainText("题目“q-e2e”没有正确选项");
  await editor.note.fill("补充个性化服务的说明");
  await expect(editor.publishButton).toBeDisabled();
  await expect(page.getByText("请先修正上面的问题再发布。")).toBeVisible();
  expect(await revisionCount("chapter", SLUG)).toBe(1);

  await editor.setSource(edited);
  await expect(editor.clean).toBeVisible();
  await editor.publishButton.click();
  await expect(editor.published(2)).toBeVisible();

  const reader = new ChapterReader(learnerPage);
  await reader.open(SLUG);
  await expect(learnerPage.getByText(marker)).toBeVisible();

  await editor.rollBackTo(1, "撤回测试修改");
  await expect(editor.revision("回滚自第 1 版")).toContainText("第 3 版");
  await expect(editor.source).not.toContainText(marker);

  await learnerPage.reload();
  await expect(reader.heading(chapterTitle(SLUG))).toBeVisible();
  await expect(learnerPage.getByText(marker)).toHaveCount(0);

  await page.getByRole("link", { name: "与当前版本对比" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "版本对比" })).toBeVisible();

  const audit = await auditEntries({ action: "content.", target: `chapter:${SLUG}` });
  expect(audit.map((r) => r.action)).toEqual(["content.publish", "content.rollback"]);
});

test("a module with JavaScript or raw HTML cannot be published, and nothing in it runs", async ({
  trainerPage: page,
}) => {
  const slug = `e2e-unsafe-${Date.now()}`;
  const editor = new ContentEditor(page);
  await editor.create(slug);
  await expect(page).toHaveURL(new RegExp(`/author/chapter/${slug}$`));
  await expect(editor.clean).toBeVisible();

  const unsafe = [
    "{process.exit(1)}",
    "export const x = 1",
    "<script>alert(1)</script>",
    "[点我](javascript:alert(1))",
  ].join("\n\n");
  const malicious = withParagraph(newItemSource("chapter", slug, 99), unsafe);
  await editor.setSource(malicious);
  await expect(editor.issues).toContainText("不允许使用花括号中的 JavaScript 表达式");
  await expect(editor.issues).toContainText("章节内容中不允许使用 import/export");
  await expect(editor.issues).toContainText("必须以 https://、/ 或 # 开头");
  await editor.saveDraft();
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
  const editor = new ContentEditor(page);
  await editor.create(slug);
  await expect(page).toHaveURL(new RegExp(`/author/chapter/${slug}$`));
  await editor.setSource(newItemSource("chapter", slug, 99).replace("title: 新模块标题", `title: ${title}`));
  await expect(editor.clean).toBeVisible();
  await editor.publish("新模块");
  await expect(editor.published(1)).toBeVisible();

  const reader = new ChapterReader(learnerPage);
  await reader.open(slug);
  await expect(reader.heading(title)).toBeVisible();
  await reader.startWith("开始作答");
  const check = await openAttemptOf({ employeeNo: ACCOUNTS.learner, kind: "check", subject: slug });
  await answerDrawn(learnerPage, check.drawn);
  await reader.submit();
  await expect(reader.result(100)).toBeVisible();

  await editor.publish("重写全部内容", { major: true });
  await expect(editor.published(2)).toBeVisible();
  await expect(editor.revision("第 2 版")).toContainText("重大修订");

  await learnerPage.goto("/learn");
  await expect(
    learnerPage.getByRole("listitem").filter({ hasText: title }).getByText("需重新学习"),
  ).toBeVisible();
  await learnerPage.goto("/");
  await expect(
    learnerPage.getByRole("region", { name: "需重新学习" }).getByRole("link", { name: title }),
  ).toBeVisible();

  const audit = await auditEntries({ action: "content.publish", target: `chapter:${slug}` });
  expect(audit.map((r) => (r.after as { major?: boolean } | null)?.major)).toEqual([false, true]);
  await managerPage.goto(`/reports/people/${await userIdOf("E1001")}`);
  await expect(managerPage.getByRole("note").filter({ hasText: "需重新学习" })).toContainText(title);
});
