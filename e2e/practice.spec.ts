import type { Page } from "@playwright/test";
import { fileCatalog } from "@/lib/content/catalog";
import type { Scenario } from "@/lib/scenario/schema";
import { expectNoSeriousViolations } from "./axe";
import { ACCOUNTS, expect, test } from "./fixtures";
import { ScenarioPlayer, ScenarioResult } from "./pages/player";
import { ChapterReader } from "./pages/reader";
import { auditEntries, scenarioAttempt } from "./support/arrange";

function scenario(slug: string): Scenario {
  const found = fileCatalog().findScenario(slug, "zh-CN");
  if (!found) throw new Error(`scenario ${slug} is invalid`);
  return found.scenario;
}

async function startScenario(page: Page, s: Scenario) {
  await page.goto("/practice");
  await page.getByRole("link", { name: s.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: s.title })).toBeVisible();
  await expectNoSeriousViolations(page);
  const player = new ScenarioPlayer(page);
  await player.start();
  return player;
}

test("the complaint played along the best path passes with the satisfied ending", async ({
  learnerPage: page,
}) => {
  const s = scenario("complaint");
  const player = await startScenario(page, s);
  await expect(player.mood.getByText("非常愤怒")).toBeVisible();
  await player.play(s, [
    { step: "arrive", choice: "a" },
    { step: "vent", choice: "a" },
    { step: "apologise" },
    { step: "check-record", choice: "a" },
    { step: "explain-steps" },
    { step: "push-today", choice: "a" },
    { step: "prevent", choice: "a" },
    { step: "callback", choice: "a" },
  ]);
  await expect(page).toHaveURL(/\/practice\/complaint\/result\//);
  const result = new ScenarioResult(page);
  await expect(result.total(100)).toBeVisible();
  await expect(page.getByText("已通过（通过线 80%）")).toBeVisible();
  await expect(page.getByText("客户满意离开")).toBeVisible();
  await expect(result.competencies.getByRole("row")).toHaveCount(6);
  await expect(page.getByText("参考说法：").first()).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.goto("/practice");
  await expect(
    page.getByRole("listitem").filter({ hasText: s.title }).getByText("最高分: 100%"),
  ).toBeVisible();
});

test("blaming the system ends in an escalation and fails", async ({ learnerPage: page }) => {
  const s = scenario("complaint");
  const player = await startScenario(page, s);
  await player.play(s, [{ step: "arrive", choice: "a" }]);
  await expectNoSeriousViolations(page);
  await player.play(s, [
    { step: "vent", choice: "a" },
    { step: "apologise" },
    { step: "check-record", choice: "c" },
    { step: "deflected", choice: "b" },
  ]);
  await expect(page).toHaveURL(/\/result\//);
  await expect(page.getByText(/未通过/)).toBeVisible();
  const end = s.steps["regulator-complaint"];
  await expect(page.getByText(end?.kind === "end" ? end.outcomeLabel : "?")).toBeVisible();
});

test("when the greeting's 7-second timer runs out, the timeout step follows", async ({
  learnerPage: page,
}) => {
  const s = scenario("greeting");
  await startScenario(page, s);
  await expect(page.getByText(/剩余 \d 秒/)).toBeVisible();
  await expect(page.getByText("时间到，客户没有等到您的回应。")).toBeVisible({ timeout: 12_000 });
  const annoyed = s.steps.annoyed;
  await expect(page.getByText(annoyed?.customer ?? "?", { exact: true })).toBeVisible();
});

test("a replayed or skipped step is refused and changes nothing", async ({ learnerPage: page }) => {
  const start = await page.request.post("/api/practice/complaint/attempts", { data: {} });
  expect(start.status()).toBe(200);
  const { attemptId, step } = await start.json();
  expect(JSON.stringify(step)).not.toMatch(/points|feedback|next/);
  const url = `/api/practice/attempts/${attemptId}/answer`;

  expect((await page.request.post(url, { data: { stepId: "arrive", choiceId: "a" } })).status()).toBe(200);
  const replay = await page.request.post(url, { data: { stepId: "arrive", choiceId: "a" } });
  expect(replay.status()).toBe(409);
  expect((await replay.json()).code).toBe("conflict:step");
  expect((await page.request.post(url, { data: { stepId: "callback", choiceId: "a" } })).status()).toBe(409);
  expect((await page.request.post(url, { data: { stepId: "vent", choiceId: "z" } })).status()).toBe(400);
  expect((await page.request.post(url, { data: { stepId: "vent", text: "x" } })).status()).toBe(400);
  expect(
    (await page.request.post(url, { data: { stepId: "vent", choiceId: "a", points: 9 } })).status(),
  ).toBe(400);

  const stored = await scenarioAttempt(attemptId, ACCOUNTS.learner);
  expect(stored?.version).toBe(1);
  expect(stored?.state.turns).toHaveLength(1);

  const other = await page.request.post(
    "/api/practice/attempts/00000000-0000-4000-8000-000000000000/answer",
    {
      data: { stepId: "arrive", choiceId: "a" },
    },
  );
  expect(other.status()).toBe(404);
});

const ANSWER = "张先生，真是抱歉，我理解您现在很着急，我马上帮您查清楚这两笔扣款。";

test("a trainer adjusts a free-text score and the learner sees it", async ({ learnerPage, trainerPage }) => {
  const s = scenario("complaint");
  const player = await startScenario(learnerPage, s);
  await player.play(s, [
    { step: "arrive", choice: "a" },
    { step: "vent", choice: "a" },
    { step: "apologise", text: ANSWER },
    { step: "check-record", choice: "c" },
    { step: "deflected", choice: "b" },
  ]);
  await expect(learnerPage).toHaveURL(/\/result\//);
  const result = new ScenarioResult(learnerPage);
  const before = await result.total().textContent();

  await trainerPage.goto("/author");
  await trainerPage.getByRole("link", { name: /自由作答评审/ }).click();
  await expect(trainerPage.getByRole("heading", { level: 1, name: "自由作答评审" })).toBeVisible();
  await expectNoSeriousViolations(trainerPage);
  const item = trainerPage.getByRole("listitem").filter({ hasText: ANSWER });
  await item.getByRole("spinbutton", { name: "同理心 得分" }).fill("2");
  await item
    .getByRole("textbox", { name: "评语（学员可见）" })
    .fill("道歉到位，但还可以更具体地回应客户的担心。");
  await item.getByRole("button", { name: "确认并保存" }).click();
  await expect(item).toHaveCount(0); // reviewed answers leave the queue

  const audit = await auditEntries({ action: "scenario.review" });
  expect(audit).toHaveLength(1);
  expect(JSON.stringify(audit[0]?.after)).toContain("道歉到位");

  await learnerPage.reload();
  await expect(learnerPage.getByText("“道歉到位，但还可以更具体地回应客户的担心。”")).toBeVisible();
  await expect(learnerPage.getByText(/培训师评审（评审人：/)).toBeVisible();
  const after = await result.total().textContent();
  expect(after).not.toBe(before);
});

// A learner of its own: opening chapter 2 records reading progress, which the shared learner's
// chapter 2 journey (learn.spec.ts) expects not to find.
test("chapter 2 embeds the greeting and listening role-plays, playable in place", async ({ freshSignIn }) => {
  const greeting = scenario("greeting");
  const reader = new ChapterReader(await freshSignIn("E1012"));
  await reader.open("basic-skills");
  const card = reader.scenarioCard(greeting.title);
  await expect(card).toBeVisible();
  await expect(reader.scenarioCard(scenario("listening").title)).toBeVisible();
  await card.getByRole("button", { name: "在本章中练习" }).click();
  const player = new ScenarioPlayer(card);
  await player.start();
  const first = greeting.steps[greeting.start];
  if (first?.kind !== "timed") throw new Error("greeting starts with a timed step");
  await player.choose(first.choices[0]?.text);
  await expect(card.getByText("您", { exact: true }).first()).toBeVisible();
});
