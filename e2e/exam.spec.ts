import type { Page } from "@playwright/test";
import { certifications } from "@/lib/certification/catalog";
import type { Certification } from "@/lib/certification/definition";
import { expectNoSeriousViolations } from "./axe";
import { expect, test } from "./fixtures";
import { answerDrawn, drawnGroup } from "./pages/questions";
import {
  attemptById,
  attemptCount,
  completeScenario,
  moveAttemptsBack,
  moveReviewQueueBack,
  openAttemptOf,
  passChapter,
  reviewCardsOf,
  takeChapter,
} from "./support/arrange";

const def = certifications()[0] as Certification;
const EXAM = "/api/exam/counter-service";
const HOUR = 3_600_000;

/** Every requirement but the exam, done last week through the app's own submission paths. */
async function arrangeReadyForExam(employeeNo: string) {
  const at = new Date(Date.now() - 7 * 24 * HOUR);
  for (const slug of def.chapters) await passChapter({ employeeNo, slug, at });
  for (const s of def.scenarios) await completeScenario({ employeeNo, slug: s.slug, at });
}

/** The seconds the exam page's timer shows. */
async function timerSeconds(page: Page) {
  const text = (await page.getByRole("timer").textContent()) ?? "";
  const [, mm, ss] = /(\d\d):(\d\d)/.exec(text) ?? [];
  return Number(mm) * 60 + Number(ss);
}

async function startExam(page: Page) {
  const started = page.waitForResponse((r) => r.url().endsWith(EXAM) && r.request().method() === "POST");
  await page.getByRole("button", { name: "开始考试" }).click();
  return started;
}

test("the exam: start when ready, reload keeps the time, time runs out with what was saved, a retake the next day, a pass earns the certificate", async ({
  freshSignIn,
}) => {
  test.setTimeout(240_000);
  const learner = "E1013";
  await arrangeReadyForExam(learner);
  const page = await freshSignIn(learner);
  const panel = page.getByRole("region", { name: "柜面服务技能认证 进度" });
  await expect(panel.getByText("其余要求已全部完成，可以参加认证考试。")).toBeVisible();
  await panel.getByRole("link", { name: "参加认证考试" }).click();
  await expect(page).toHaveURL("/exam/counter-service");
  // The exam's route builds its own copy of the catalog on its first request: allow for that.
  await expect(page.getByText(/^共 30 道题/)).toBeVisible({ timeout: 30_000 });
  await expectNoSeriousViolations(page);

  // Drawn on the server across the chapters; the page gets tokens, never option ids or a key.
  const body = await (await startExam(page)).text();
  expect(body).not.toMatch(/"correct"|"optionId"|"feedback"/);
  const first = await openAttemptOf({ employeeNo: learner, kind: "exam", subject: def.id });
  expect(first.drawn).toHaveLength(30);
  expect(new Set(first.drawn.map((d) => d.slug))).toEqual(new Set(def.chapters));
  await expect(page.getByText("已作答 0 / 30 题")).toBeVisible();
  await expectNoSeriousViolations(page);

  // Ten answered and saved as the learner goes; a reload keeps the questions, answers and time left.
  const ten = first.drawn.slice(0, 10);
  await answerDrawn(page, ten);
  await expect.poll(async () => Object.keys((await attemptById(first.id))?.saved ?? {}).length).toBe(10);
  const before = await timerSeconds(page);
  expect(before).toBeLessThanOrEqual(30 * 60);
  expect(before).toBeGreaterThan(25 * 60);
  await page.reload();
  await expect(page.getByText("已作答 10 / 30 题")).toBeVisible();
  const after = await timerSeconds(page);
  expect(after).toBeLessThanOrEqual(before);
  expect(after).toBeGreaterThan(before - 60);
  const right = ten[0]?.question.options.find((o) => o.correct);
  await expect(
    drawnGroup(page, ten[0]?.key ?? "").getByLabel(right?.text ?? "", { exact: true }),
  ).toBeChecked();
  expect((await openAttemptOf({ employeeNo: learner, kind: "exam", subject: def.id })).id).toBe(first.id);

  // Tampering with the open exam stores nothing.
  const undrawn = await page.request.post(`${EXAM}/submit`, {
    data: { attemptId: first.id, answers: { "basic-skills/no-such-question": ["x"] } },
  });
  expect(undrawn.status()).toBe(400);
  expect((await attemptById(first.id))?.closedAt).toBeNull();

  // A minute left (the stored clock moved on): announced to screen readers, then handed in at zero.
  const left = () => ((first.deadlineAt?.getTime() ?? 0) - Date.now()) / 1000;
  await moveAttemptsBack({ employeeNo: learner, id: first.id, ms: (left() - 63) * 1000 });
  await page.reload();
  await expect(page.getByText("还剩 1 分钟，时间到将自动交卷。")).toBeAttached({ timeout: 15_000 });
  await moveAttemptsBack({ employeeNo: learner, id: first.id, ms: 55_000 });
  await page.reload();
  await expect(page.getByRole("heading", { name: /^考试结果：得分 \d+%$/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("考试时间已到，系统按截止前保存的答案交卷。")).toBeVisible();
  const timedOut = await attemptById(first.id);
  expect(timedOut).toMatchObject({ closeReason: "deadline", passed: false });
  expect(Object.keys(timedOut?.saved ?? {})).toHaveLength(10);
  await expect(page.getByRole("heading", { name: `考试结果：得分 ${timedOut?.percent}%` })).toBeVisible();
  await expect(page.getByText("正确答案", { exact: true })).toHaveCount(0);

  // Answers sent after the deadline change nothing.
  const all = Object.fromEntries(first.drawn.map((d) => [d.key, d.rightTokens]));
  const late = await page.request.post(`${EXAM}/submit`, { data: { attemptId: first.id, answers: all } });
  expect(late.status()).toBe(200);
  expect((await attemptById(first.id))?.score).toBe(timedOut?.score);
  expect(
    (await page.request.put(`/api/attempts/${first.id}/answers`, { data: { answers: all } })).status(),
  ).toBe(409);

  // One attempt per 24 hours.
  await expect(page.getByText(/后可再次参加考试$/)).toBeVisible();
  await expect(page.getByRole("button", { name: "开始考试" })).toHaveCount(0);
  const early = await page.request.post(EXAM, { data: {} });
  expect(early.status()).toBe(409);
  expect((await early.json()).code).toBe("conflict:exam_eligibility");
  expect(await attemptCount(learner, "exam")).toBe(1);

  // The next day: a new draw that avoids the first one's questions.
  await moveAttemptsBack({ employeeNo: learner, ms: 25 * HOUR });
  await page.reload();
  await startExam(page);
  const second = await openAttemptOf({ employeeNo: learner, kind: "exam", subject: def.id });
  const firstKeys = new Set(first.drawn.map((d) => d.key));
  expect(second.drawn.filter((d) => firstKeys.has(d.key))).toEqual([]);

  // 29 saved before the deadline; the 30th sent after it does not count. 29 / 30 still passes.
  const [lastOne, ...rest] = [...second.drawn].reverse();
  await answerDrawn(page, rest);
  await expect.poll(async () => Object.keys((await attemptById(second.id))?.saved ?? {}).length).toBe(29);
  await moveAttemptsBack({
    employeeNo: learner,
    id: second.id,
    ms: (second.deadlineAt?.getTime() ?? 0) - Date.now() + 5_000,
  });
  const answers = Object.fromEntries(second.drawn.map((d) => [d.key, d.rightTokens]));
  const submitted = await page.request.post(`${EXAM}/submit`, { data: { attemptId: second.id, answers } });
  expect(submitted.status()).toBe(200);
  const closed = await attemptById(second.id);
  expect(closed).toMatchObject({ closeReason: "deadline", passed: true });
  expect(Object.keys(closed?.saved ?? {})).not.toContain(lastOne?.key);
  expect(closed?.score).toBe(29);

  await page.reload();
  await expect(page.getByText("恭喜，您已通过认证考试！")).toBeVisible();
  const code = /核验编号 ([2-9A-HJKMNP-Z]{12})/.exec(
    (await page.getByText(/证书已颁发，核验编号/).textContent()) ?? "",
  )?.[1];
  expect(code).toBeTruthy();
  await page.goto("/");
  const certificates = page.getByRole("region", { name: "我的证书" });
  await expect(certificates.getByText(code ?? "?")).toBeVisible();
  await expect(certificates.getByText("有效", { exact: true })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "柜面服务技能认证 进度" }).getByText("已通过，证书有效。"),
  ).toBeVisible();

  // Their exam's mistakes wait in the review queue (the unanswered ones too).
  const cards = await reviewCardsOf(learner);
  for (const d of first.drawn.slice(10))
    expect(cards.map((c) => `${c.slug}/${c.questionId}`)).toContain(d.key);
});

test("a missed question comes back in the daily review after its interval, with full feedback at once", async ({
  learnerPage: page,
}) => {
  const slug = def.chapters[4] as string;
  const missed = await takeChapter({ employeeNo: "E1001", slug, at: new Date(), wrong: 3 });
  expect(missed).toHaveLength(3);
  const checks = await attemptCount("E1001", "check");
  await page.goto("/");
  const review = page.getByRole("region", { name: "每日复习（错题本）" });
  await expect(review.getByText(/^错题本里还没有到期的题目。 下一道题将于 .+ 到期/)).toBeVisible();

  // A day later (the queue's clock moved back): the three are due.
  await moveReviewQueueBack({ employeeNo: "E1001", slug, ms: 24 * HOUR + 60_000 });
  await page.reload();
  await expect(review.getByText("今天有 3 道题到期。")).toBeVisible();
  await expectNoSeriousViolations(page);
  await review.getByRole("button", { name: "开始今天的复习" }).click();
  await expect(review.getByText("已完成 0 / 3 题")).toBeVisible();

  const [firstKey, secondKey] = missed as [string, string, string];
  const open = await (await page.request.get("/api/review")).json();
  const items: { key: string }[] = open.open.items;
  expect(items.map((i) => i.key).sort()).toEqual([...missed].sort());
  const { fileCatalog } = await import("@/lib/content/catalog");
  const entry = fileCatalog().findChapter(slug, "zh-CN");
  if (!entry?.result.ok) throw new Error("chapter does not compile");
  const question = (key: string) => {
    const q = entry.result.ok
      ? entry.result.chapter.questions.find((x) => `${slug}/${x.id}` === key)
      : undefined;
    if (!q) throw new Error(key);
    return q;
  };
  const drawn = (key: string) => ({ key, slug, question: question(key), rightTokens: [] });

  // Right: promoted to box 2, full feedback with the key at once.
  await answerDrawn(page, [drawn(firstKey)]);
  await drawnGroup(page, firstKey).getByRole("button", { name: "提交" }).click();
  await expect(drawnGroup(page, firstKey).getByText("✓ 回答正确")).toBeVisible();
  await expect(drawnGroup(page, firstKey).getByText("正确答案").first()).toBeVisible();
  await expect(drawnGroup(page, firstKey).getByText(/^下次复习：/)).toBeVisible();
  // Wrong: back to box 1, and the key is shown.
  await answerDrawn(page, [drawn(secondKey)], { wrong: [secondKey] });
  await drawnGroup(page, secondKey).getByRole("button", { name: "提交" }).click();
  await expect(drawnGroup(page, secondKey).getByText("✗ 回答错误")).toBeVisible();
  await expect(drawnGroup(page, secondKey).getByText("正确答案").first()).toBeVisible();
  await expect(review.getByText("已完成 2 / 3 题")).toBeVisible();

  const boxes = new Map((await reviewCardsOf("E1001")).map((c) => [`${c.slug}/${c.questionId}`, c.box]));
  expect(boxes.get(firstKey)).toBe(2);
  expect(boxes.get(secondKey)).toBe(1);
  // Review answers count for nothing else: the chapter's check attempts are unchanged.
  expect(await attemptCount("E1001", "check")).toBe(checks);
  expect(await attemptCount("E1001", "review")).toBeGreaterThan(0);
});
