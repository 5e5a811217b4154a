import type { Page } from "@playwright/test";
import { fileCatalog } from "@/lib/content/catalog";
import type { Scenario } from "@/lib/scenario/schema";
import { expectNoSeriousViolations } from "./axe";
import { ACCOUNTS, expect, test } from "./fixtures";
import { ScenarioPlayer, ScenarioResult } from "./pages/player";
import { userIdOf } from "./support/arrange";

// Number keys choose replies; after a role-play, "review my path" shows the branch map of the path
// taken, and a replay from one of its steps is practice: nothing it does is stored or counted.

const s = (fileCatalog().findScenario("complaint", "zh-CN") as { scenario: Scenario }).scenario;
const choice = (step: string, id: string) => {
  const st = s.steps[step];
  return st?.kind === "choice" || st?.kind === "timed"
    ? (st.choices.find((c) => c.id === id)?.text ?? "?")
    : "?";
};
const customer = (step: string) => s.steps[step]?.customer ?? "?";

/** Everything a counted role-play writes for the learner: attempts, scores, report summaries, statements, certificates. */
async function countedState(employeeNo: string) {
  const { db } = await import("@/db/client");
  const t = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  const userId = await userIdOf(employeeNo);
  return {
    attempts: await db.select().from(t.scenarioAttempts).where(eq(t.scenarioAttempts.userId, userId)),
    scores: (await db.select().from(t.scenarioScores)).length,
    branchStats: await db.select().from(t.branchReportStats),
    learnerStats: await db.select().from(t.learnerItemStats).where(eq(t.learnerItemStats.userId, userId)),
    statements: (await db.select({ seq: t.xapiOutbox.seq }).from(t.xapiOutbox)).length,
    certificates: (await db.select().from(t.certificates).where(eq(t.certificates.userId, userId))).length,
  };
}

async function noWiderThanViewport(page: Page) {
  const widths = await page.evaluate(() => ({
    scroll: document.body.scrollWidth,
    client: document.body.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

async function pressAndSee(page: Page, key: string, said: string) {
  await page.keyboard.press(key);
  await expect(page.getByRole("listitem").filter({ hasText: said }).last()).toBeVisible();
}

test("keyboard choices in a role-play", async ({ learnerPage: page }) => {
  await page.goto("/practice/complaint");
  await new ScenarioPlayer(page).start();
  // The first role-play start on a fresh server can be slow.
  await expect(page.getByText("提示：可按键盘数字键 1–", { exact: false })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(customer("arrive"), { exact: true }).last()).toBeVisible();
  await expectNoSeriousViolations(page);
  await pressAndSee(page, "1", choice("arrive", "a"));
  await expect(page.getByText(customer("vent"), { exact: true }).last()).toBeVisible();
  await pressAndSee(page, "1", choice("vent", "a"));

  // In the free-text step a "2" is typed into the reply, not taken as a choice.
  const reply = page.getByRole("textbox", { name: "您的回答" });
  await reply.click();
  await page.keyboard.type("2");
  await expect(reply).toHaveValue("2");
  await expect(page.getByText(customer("vent"), { exact: true }).last()).toBeVisible();
  await reply.fill("张先生，真是抱歉，我理解您现在很着急，我马上帮您查清楚这两笔扣款。");
  await page.getByRole("button", { name: "发送" }).click();

  await expect(page.getByText(customer("check-record"), { exact: true }).last()).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await noWiderThanViewport(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await pressAndSee(page, "3", choice("check-record", "c"));
  await expect(page.getByText(customer("deflected"), { exact: true }).last()).toBeVisible();
  await page.keyboard.press("2");
  await expect(page).toHaveURL(/\/practice\/complaint\/result\//);
  await expect(new ScenarioResult(page).total()).toBeVisible();
});

test("review my path, then a replay from a step is practice and not counted", async ({
  learnerPage: page,
}) => {
  await page.goto("/practice/complaint");
  const player = new ScenarioPlayer(page);
  await player.start();
  await player.play(s, [
    { step: "arrive", choice: "a" },
    { step: "vent", choice: "a" },
    { step: "apologise" },
    { step: "check-record", choice: "c" },
    { step: "deflected", choice: "b" },
  ]);
  await expect(page).toHaveURL(/\/result\//);
  // The points line explains itself and the table shows counted points of the maximum.
  await expect(page.getByText(/^计入得分：\d+ \/ \d+ 分$/)).toBeVisible();
  await expect(page.getByRole("table", { name: "各项能力得分率" })).not.toContainText("-");
  const resultUrl = page.url();

  await page.getByRole("link", { name: "回顾我的路径" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `我的路径：${s.title}` })).toBeVisible();
  const map = page.getByRole("list", { name: "路径中的各步" });
  const stepFour = map.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "第 4 步" }) });
  await expect(stepFour.getByText(customer("check-record"))).toBeVisible();
  await expect(stepFour.getByRole("listitem").filter({ hasText: "您的回答：" })).toContainText(
    choice("check-record", "c"),
  );
  await expect(stepFour.getByRole("listitem").filter({ hasText: "未选择：" })).toHaveCount(
    ((s.steps["check-record"] as { choices: unknown[] }).choices?.length ?? 1) - 1,
  );
  await expectNoSeriousViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await noWiderThanViewport(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  const before = await countedState(ACCOUNTS.learner);
  await stepFour.getByRole("link", { name: "从第 4 步重练" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `练习重练：${s.title}` })).toBeVisible();
  await expect(page.getByText(/^练习重练：本次不计分/)).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByRole("button", { name: "开始重练" }).click();
  await expect(page.getByText(customer("check-record"), { exact: true }).last()).toBeVisible();
  // A different branch this time, by keyboard.
  await pressAndSee(page, "1", choice("check-record", "a"));
  await player.play(s, [
    { step: "explain-steps" },
    { step: "push-today", choice: "a" },
    { step: "prevent", choice: "a" },
    { step: "callback", choice: "a" },
  ]);
  await expect(page.getByRole("heading", { name: "重练结束" })).toBeVisible();
  await expect(page).toHaveURL(/\/replay\//);
  await expectNoSeriousViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await noWiderThanViewport(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  expect(await countedState(ACCOUNTS.learner)).toEqual(before);
  await page.goto(resultUrl);
  await expect(new ScenarioResult(page).total()).toBeVisible();

  // The server refuses a replay from a step the attempt never reached, and another learner's attempt.
  const attemptId = resultUrl.split("/").at(-1) as string;
  const api = `/api/practice/attempts/${attemptId}/replay`;
  const never = await page.request.post(api, { data: { from: "explain-steps", answers: [] } });
  expect(never.status()).toBe(400);
  expect((await never.json()).code).toBe("bad_request:replay");
  expect((await page.request.post(api, { data: { from: "arrive", answers: [], score: 100 } })).status()).toBe(
    400,
  );
  const other = await page.request.post(
    "/api/practice/attempts/00000000-0000-4000-8000-000000000000/replay",
    {
      data: { from: "arrive", answers: [] },
    },
  );
  expect(other.status()).toBe(404);
  expect(await countedState(ACCOUNTS.learner)).toEqual(before);
});
