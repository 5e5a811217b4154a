import { randomUUID } from "node:crypto";
import { fileCatalog } from "@/lib/content/catalog";
import { expectNoSeriousViolations } from "./axe";
import { expect, test } from "./fixtures";
import { answerDrawn, drawnGroup } from "./pages/questions";
import { ChapterReader } from "./pages/reader";
import {
  attemptById,
  attemptCount,
  checkAttemptsWithId,
  type DrawnQuestion,
  moveAttemptsBack,
  openAttemptOf,
} from "./support/arrange";

function keyOf(slug: string, locale: "zh-CN" | "en" = "zh-CN") {
  const entry = fileCatalog().findChapter(slug, locale);
  if (!entry?.result.ok) throw new Error(`chapter ${slug} does not compile`);
  return entry.result.chapter;
}

const CHECK = { employeeNo: "E1001", kind: "check" as const, subject: "basic-skills" };
const MINUTES_11 = 11 * 60_000;

test("E1001 fails chapter 2 and sees which questions were wrong and where to re-read, never the key; a retry draws another set, a reload keeps it, and the daily limit shows", async ({
  learnerPage: page,
}) => {
  test.setTimeout(150_000);
  const chapter = keyOf("basic-skills");
  const reader = new ChapterReader(page);
  await page.goto("/learn");
  const card = page.getByRole("listitem").filter({ hasText: chapter.meta.title });
  await expect(card.getByText("未开始")).toBeVisible();
  await card.getByRole("link", { name: chapter.meta.title }).click();

  await expect(reader.heading(chapter.meta.title)).toBeVisible();
  await expect(reader.toc.getByRole("link")).toHaveCount(chapter.toc.length + 1);
  await expect(page.getByText(`每次作答从题库中随机抽取 ${chapter.draw} 道题`)).toBeVisible();
  await expect(page.getByText("今天还可作答 3 次")).toBeVisible();

  // The first attempt: drawn on the server; the browser gets tokens, never option ids or the key.
  const started = page.waitForResponse(
    (r) => r.url().endsWith("/api/learn/basic-skills/check") && r.request().method() === "POST",
  );
  await page.getByRole("button", { name: "开始作答" }).click();
  const startBody = await (await started).text();
  expect(startBody).not.toMatch(/"correct"|"optionId"|"feedback"/);
  const first = await openAttemptOf(CHECK);
  expect(first.drawn).toHaveLength(chapter.draw);
  const wrong = first.drawn.slice(0, 3);
  await answerDrawn(page, first.drawn, { wrong: wrong.map((d) => d.key) });
  const submitted = page.waitForResponse((r) => r.url().endsWith("/api/learn/basic-skills/attempts"));
  await reader.submit();
  const failedBody = await (await submitted).text();
  const stored = await attemptById(first.id);
  expect(stored?.passed).toBe(false);
  await expect(reader.result(stored?.percent ?? -1)).toBeVisible();
  await expect(page.getByText("未达到 80% 的通过线")).toBeVisible();

  // Which questions were wrong, each with a link to the section it tests; no option, no key.
  const wrongList = page.getByRole("region", { name: "答错的题目" });
  await expect(wrongList.getByRole("listitem")).toHaveCount(wrong.length);
  for (const d of wrong) {
    const item = wrongList.getByRole("listitem").filter({ hasText: d.question.prompt });
    await expect(item.getByRole("link", { name: /^重读第 \d+ 节：/ })).toHaveAttribute(
      "href",
      `#s-${d.question.section}`,
    );
  }
  await expect(page.getByText("正确答案", { exact: true })).toHaveCount(0);
  expect(failedBody).not.toMatch(/"correct"\s*:\s*true|"feedback"|"options"/);
  for (const d of first.drawn)
    for (const o of d.question.options) if (o.feedback) expect(failedBody).not.toContain(o.feedback);

  // The wait after a failure, in plain words; the server refuses an early start and stores nothing.
  await expect(page.getByText(/^\d+ 分钟后可再次作答（\d\d:\d\d）$/)).toBeVisible();
  await expect(page.getByRole("button", { name: "重新作答" })).toHaveCount(0);
  const early = await page.request.post("/api/learn/basic-skills/check", { data: {} });
  expect(early.status()).toBe(409);
  expect((await early.json()).code).toBe("conflict:attempt_policy");
  expect(await attemptCount("E1001", "check", "basic-skills")).toBe(1);

  // Eleven minutes later (the stored clock moved back): a retry avoids the first draw.
  await moveAttemptsBack({ employeeNo: "E1001", ms: MINUTES_11 });
  await page.reload();
  await expect(page.getByText("今天还可作答 2 次")).toBeVisible();
  await reader.retry();
  const second = await openAttemptOf(CHECK);
  expect(second.id).not.toBe(first.id);
  const firstKeys = new Set(first.drawn.map((d) => d.key));
  expect(second.drawn.filter((d) => firstKeys.has(d.key))).toEqual([]);

  // Half answered, saved as the learner goes: a reload resumes the same attempt with its answers.
  const half = second.drawn.slice(0, 4);
  const saved = page.waitForResponse(
    (r) => r.url().includes(`/api/attempts/${second.id}/answers`) && r.status() === 200,
  );
  await answerDrawn(page, half);
  await saved;
  await expect(page.getByText("答案已自动保存，刷新页面也不会丢失")).toBeVisible();
  await expect
    .poll(async () => Object.keys((await attemptById(second.id))?.saved ?? {}).length)
    .toBe(half.length);
  await page.reload();
  await expect(page.getByText(`已作答 ${half.length} / ${chapter.draw} 题`)).toBeVisible();
  for (const d of half) {
    const right = d.question.options.find((o) => o.correct);
    await expect(drawnGroup(page, d.key).getByLabel(right?.text ?? "", { exact: true })).toBeChecked();
  }
  expect((await openAttemptOf(CHECK)).id).toBe(second.id);
  expect(await attemptCount("E1001", "check", "basic-skills")).toBe(2);

  await answerDrawn(page, second.drawn.slice(4));
  await reader.submit();
  await expect(reader.result(100)).toBeVisible();
  await expect(page.getByText("恭喜，已通过本章检测！")).toBeVisible();
  // A pass shows the full feedback, key included.
  await expect(page.getByText("正确答案", { exact: true }).first()).toBeVisible();
  await expect(reader.history.getByRole("row")).toHaveCount(3);

  // The third and last attempt of the day, failed: after the wait, the daily limit speaks.
  await expect(page.getByText("今天还可作答 1 次")).toBeVisible();
  await reader.retry();
  const third = await openAttemptOf(CHECK);
  await answerDrawn(page, third.drawn, { wrong: third.drawn.map((d) => d.key) });
  await reader.submit();
  await expect(page.getByText("未达到 80% 的通过线")).toBeVisible();
  await moveAttemptsBack({ employeeNo: "E1001", ms: MINUTES_11 });
  await page.reload();
  await expect(page.getByText("今天的作答次数已用完，明天 00:00 后可再次作答")).toBeVisible();
  await expect(page.getByRole("button", { name: "重新作答" })).toHaveCount(0);
  const refused = await page.request.post("/api/learn/basic-skills/check", { data: {} });
  expect(refused.status()).toBe(409);
  expect(await attemptCount("E1001", "check", "basic-skills")).toBe(3);

  await page.goto("/learn");
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

test("the chapter page the learner receives contains no question of the pool and no key", async ({
  learnerPage: page,
}) => {
  const chapter = keyOf("needs-and-personalisation");
  const response = await page.request.get("/learn/needs-and-personalisation");
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).toContain(chapter.meta.title);
  expect(html).not.toMatch(/"correct"\s*:|\bcorrect(=|\\":)|data-correct/);
  for (const q of chapter.questions) {
    expect(html).not.toContain(q.prompt);
    for (const o of q.options) if (o.feedback) expect(html).not.toContain(o.feedback);
  }
});

// Learners of their own: the passing submission stored here must not show up in the shared learner's progress.
test("tampered submissions get a clear 4xx and store nothing; a retried submission is stored once", async ({
  freshSignIn,
}) => {
  const page = await freshSignIn("E1011");
  const other = await freshSignIn("E1012");
  const slug = "service-importance";
  const chapter = keyOf(slug);
  const check = `/api/learn/${slug}/check`;
  const url = `/api/learn/${slug}/attempts`;

  const before = await attemptCount("E1011", "check", slug);
  expect(
    (await page.request.post(check, { data: "{}", headers: { "content-type": "text/plain" } })).status(),
  ).toBe(415);
  expect(await attemptCount("E1011", "check", slug)).toBe(before);
  expect((await page.request.post(check, { data: {} })).status()).toBe(200);
  expect((await other.request.post(check, { data: {} })).status()).toBe(200);
  const mine = await openAttemptOf({ employeeNo: "E1011", kind: "check", subject: slug });
  const theirs = await openAttemptOf({ employeeNo: "E1012", kind: "check", subject: slug });
  const full = Object.fromEntries(mine.drawn.map((d) => [d.key, d.rightTokens]));
  const [a, b] = mine.drawn as [DrawnQuestion, DrawnQuestion];
  const drawnIds = new Set(mine.drawn.map((d) => d.question.id));
  const undrawn = chapter.questions.find((q) => !drawnIds.has(q.id));
  const { [a.key]: _, ...missingOne } = full;

  const cases: {
    name: string;
    status: number;
    code: RegExp;
    data: unknown;
    headers?: Record<string, string>;
  }[] = [
    {
      name: "a question that was not drawn",
      status: 400,
      code: /^bad_request:undrawn_question$/,
      data: { attemptId: mine.id, answers: { ...full, [`${slug}/${undrawn?.id}`]: b.rightTokens } },
    },
    {
      name: "a drawn question left out",
      status: 400,
      code: /^bad_request:missing_question$/,
      data: { attemptId: mine.id, answers: missingOne },
    },
    {
      name: "an option of another question",
      status: 400,
      code: /^bad_request:foreign_token$/,
      data: { attemptId: mine.id, answers: { ...full, [a.key]: b.rightTokens } },
    },
    {
      name: "a key guessed from another learner's shuffle",
      status: 400,
      code: /^bad_request:(unknown|foreign)_token$/,
      data: {
        attemptId: mine.id,
        answers: Object.fromEntries(mine.drawn.map((d, i) => [d.key, theirs.drawn[i]?.rightTokens ?? []])),
      },
    },
    {
      name: "a score sent along",
      status: 400,
      code: /^bad_request:submission$/,
      data: { attemptId: mine.id, answers: full, score: 100 },
    },
    {
      name: "not an attempt id",
      status: 400,
      code: /^bad_request:submission$/,
      data: { attemptId: "x", answers: full },
    },
    {
      name: "not JSON",
      status: 415,
      code: /^unsupported:body$/,
      data: JSON.stringify({ attemptId: mine.id, answers: full }),
      headers: { "content-type": "text/plain" },
    },
    {
      name: "another learner's attempt",
      status: 404,
      code: /^not_found:attempt$/,
      data: { attemptId: theirs.id, answers: full },
    },
    {
      name: "no such attempt",
      status: 404,
      code: /^not_found:attempt$/,
      data: { attemptId: randomUUID(), answers: full },
    },
  ];
  for (const c of cases) {
    const response = await page.request.post(url, { data: c.data, headers: c.headers });
    expect(response.status(), c.name).toBe(c.status);
    expect((await response.json()).code, c.name).toMatch(c.code);
    expect(await checkAttemptsWithId(mine.id), c.name).toBe(0);
    expect((await attemptById(mine.id))?.closedAt, c.name).toBeNull();
  }
  expect((await attemptById(theirs.id))?.closedAt).toBeNull();
  const elsewhere = await page.request.post("/api/learn/basic-skills/attempts", {
    data: { attemptId: mine.id, answers: full },
  });
  expect(elsewhere.status()).toBe(404);
  expect(
    (
      await page.request.post("/api/learn/no-such-chapter/attempts", {
        data: { attemptId: mine.id, answers: full },
      })
    ).status(),
  ).toBe(404);
  expect(await checkAttemptsWithId(mine.id)).toBe(0);

  const first = await page.request.post(url, { data: { attemptId: mine.id, answers: full } });
  const again = await page.request.post(url, { data: { attemptId: mine.id, answers: full } });
  expect(first.status()).toBe(200);
  expect(again.status()).toBe(200);
  expect(await again.json()).toMatchObject({ review: { percent: 100, passed: true } });
  const changed = Object.fromEntries(mine.drawn.map((d) => [d.key, d.rightTokens]));
  changed[b.key] = (await attemptById(mine.id))?.items
    .find((i) => i.key === b.key)
    ?.options.map((o) => o.token)
    .filter((t) => !b.rightTokens.includes(t))
    .slice(0, 1) as string[];
  const resubmitted = await page.request.post(url, { data: { attemptId: mine.id, answers: changed } });
  expect(resubmitted.status()).toBe(409);
  expect((await resubmitted.json()).code).toBe("conflict:attempt_closed");
  const late = await page.request.put(`/api/attempts/${mine.id}/answers`, { data: { answers: changed } });
  expect(late.status()).toBe(409);
  expect(await checkAttemptsWithId(mine.id)).toBe(1);
  expect((await attemptById(mine.id))?.percent).toBe(100);
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
  await expect(page.getByText(`Each attempt draws ${chapter.draw} questions at random`)).toBeVisible();
  await expect(page.getByText("3 attempts left today")).toBeVisible();
  await reader.startWith("Start the check");
  const open = await openAttemptOf({ employeeNo: "E1002", kind: "check", subject: "basic-skills" });
  const english = new Map(chapter.questions.map((q) => [q.id, q.prompt]));
  for (const d of open.drawn)
    await expect(drawnGroup(page, d.key)).toContainText(english.get(d.question.id) ?? "?");
  await expectNoSeriousViolations(page);
});
