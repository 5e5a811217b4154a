import { randomUUID } from "node:crypto";
import { fileCatalog } from "@/lib/content/catalog";
import { expectNoSeriousViolations } from "./axe";
import { expect, test } from "./fixtures";
import { ChapterReader } from "./pages/reader";
import { checkAttemptsWithId } from "./support/arrange";

function keyOf(slug: string, locale: "zh-CN" | "en" = "zh-CN") {
  const entry = fileCatalog().findChapter(slug, locale);
  if (!entry?.result.ok) throw new Error(`chapter ${slug} does not compile`);
  return entry.result.chapter;
}

test("a learner reads chapter 2, fails its check, retries to pass, and sees 已通过", async ({
  learnerPage: page,
}) => {
  const chapter = keyOf("basic-skills");
  const reader = new ChapterReader(page);
  await page.goto("/learn");
  const card = page.getByRole("listitem").filter({ hasText: chapter.meta.title });
  await expect(card.getByText("未开始")).toBeVisible();
  await card.getByRole("link", { name: chapter.meta.title }).click();

  await expect(reader.heading(chapter.meta.title)).toBeVisible();
  await expect(reader.toc.getByRole("link")).toHaveCount(chapter.toc.length + 1);
  await expect(page.getByText("7 秒").first()).toBeVisible();

  await reader.answer(chapter.questions, ["q1", "q2"]);
  await reader.submit();
  const failedPercent = Math.floor(((chapter.questions.length - 2) / chapter.questions.length) * 100);
  await expect(reader.result(failedPercent)).toBeVisible();
  await expect(page.getByText("未达到 80% 的通过线")).toBeVisible();
  const q1 = reader.question(chapter.questions[0]?.prompt);
  await expect(q1.getByText("✗ 回答错误")).toBeVisible();
  const wrongOption = chapter.questions[0]?.options.find((o) => !o.correct);
  await expect(q1.getByText(wrongOption?.feedback ?? "")).toBeVisible();

  await reader.retry();
  await reader.answer(chapter.questions);
  await reader.submit();
  await expect(reader.result(100)).toBeVisible();
  await expect(page.getByText("恭喜，已通过本章检测！")).toBeVisible();
  await expect(reader.history.getByRole("row")).toHaveCount(3);

  await page.goto("/learn");
  await page.reload();
  const passedCard = page.getByRole("listitem").filter({ hasText: chapter.meta.title });
  await expect(passedCard.getByText("已通过")).toBeVisible();
  await expect(passedCard.getByText("最高分: 100%")).toBeVisible();

  await page.goto("/");
  const certification = page.getByRole("region", { name: "柜面服务技能认证 进度" });
  await expect(certification.getByText("章节 · 已通过 1 / 7")).toBeVisible();
  await expect(
    certification.getByRole("listitem").filter({ hasText: chapter.meta.title }).getByText("已通过"),
  ).toBeVisible();
});

test("the chapter page the learner receives contains no answer key", async ({ learnerPage: page }) => {
  const chapter = keyOf("basic-skills");
  const response = await page.request.get("/learn/basic-skills");
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).toContain(chapter.questions[0]?.prompt);
  expect(html).not.toMatch(/"correct"\s*:|\bcorrect(=|\\":)|data-correct/);
  for (const q of chapter.questions) for (const o of q.options) expect(html).not.toContain(o.feedback);
});

// A learner of its own: the passing submission it stores must not show up in the shared learner's progress.
test("tampered submissions get 400 and store nothing; a retried submission is stored once", async ({
  freshSignIn,
}) => {
  const page = await freshSignIn("E1011");
  const chapter = keyOf("service-importance");
  const url = "/api/learn/service-importance/attempts";
  const full = Object.fromEntries(
    chapter.questions.map((q) => [q.id, q.options.filter((o) => o.correct).map((o) => o.id)]),
  );
  const tampered = [
    { attemptId: randomUUID(), answers: { ...full, q1: ["zz"] } },
    { attemptId: randomUUID(), answers: { ...full, q99: ["a"] } },
    { attemptId: randomUUID(), answers: { q1: full.q1 } },
    { attemptId: randomUUID(), answers: full, score: 100 },
    { attemptId: "not-a-uuid", answers: full },
  ];
  for (const data of tampered) {
    const response = await page.request.post(url, { data });
    expect(response.status(), JSON.stringify(data)).toBe(400);
    expect((await response.json()).code).toMatch(/^bad_request:/);
    if (data.attemptId !== "not-a-uuid") expect(await checkAttemptsWithId(data.attemptId)).toBe(0);
  }
  expect(
    (await page.request.post("/api/learn/no-such-chapter/attempts", { data: tampered[0] })).status(),
  ).toBe(404);

  const attemptId = randomUUID();
  const first = await page.request.post(url, { data: { attemptId, answers: full } });
  const again = await page.request.post(url, { data: { attemptId, answers: full } });
  expect(first.status()).toBe(200);
  expect(again.status()).toBe(200);
  expect(await again.json()).toMatchObject({ percent: 100, passed: true });
  expect(await checkAttemptsWithId(attemptId)).toBe(1);
});

test("reading progress survives a reload and offers to continue", async ({ learnerPage: page }) => {
  const chapter = keyOf("needs-and-personalisation");
  await new ChapterReader(page).open("needs-and-personalisation");
  const third = chapter.toc[2];
  if (!third) throw new Error("chapter needs three sections");
  const saved = page.waitForResponse((r) => r.url().includes("/progress") && r.status() === 204);
  await page.locator(`#${third.id}`).scrollIntoViewIfNeeded();
  await saved;
  await page.reload();
  await expect(page.getByText(`继续上次的学习：`)).toBeVisible();
  await page.getByRole("link", { name: "跳转到该小节" }).click();
  await expect(page).toHaveURL(/#s-\d+$/);
});

// A learner of its own: the language choice is stored on the account.
test("the English chapter renders after switching language, and axe passes", async ({ freshSignIn }) => {
  const page = await freshSignIn("E1002");
  await page.goto("/learn");
  await expectNoSeriousViolations(page);
  await page.getByRole("button", { name: "Switch to English" }).click();
  const chapter = keyOf("basic-skills", "en");
  const reader = new ChapterReader(page);
  await expect(page.getByRole("heading", { level: 1, name: "Chapters" })).toBeVisible();
  await page.getByRole("link", { name: chapter.meta.title }).click();
  await expect(reader.heading(chapter.meta.title)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Knowledge check" })).toBeVisible();
  await expect(reader.question(chapter.questions[0]?.prompt)).toBeVisible();
  await expectNoSeriousViolations(page);
});
