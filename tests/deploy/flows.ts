// Small browser flows the deployment tests share with nothing else (the main suite has its own).
import { expect, type Page } from "@playwright/test";
import { fileCatalog } from "@/lib/content/catalog";
import type { Scenario } from "@/lib/scenario/schema";

export function chapter(slug: string) {
  const entry = fileCatalog().findChapter(slug, "zh-CN");
  if (!entry?.result.ok) throw new Error(`chapter ${slug} does not compile`);
  return entry.result.chapter;
}

export function scenario(slug: string): Scenario {
  const found = fileCatalog().findScenario(slug, "zh-CN");
  if (!found) throw new Error(`scenario ${slug} is invalid`);
  return found.scenario;
}

/**
 * Opens a chapter, starts its knowledge check (the server draws the questions), answers the drawn
 * ones correctly (found among the pool by their prompts) and waits for the result.
 */
export async function passKnowledgeCheck(page: Page, slug: string, base = "") {
  const { meta, questions, draw } = chapter(slug);
  await page.goto(`${base}/learn/${slug}`);
  await expect(page.getByRole("heading", { level: 1, name: meta.title })).toBeVisible();
  const drawn = page.waitForResponse(
    (r) => r.url().endsWith(`/api/learn/${slug}/check`) && r.request().method() === "POST",
  );
  await page.getByRole("button", { name: "开始作答" }).click();
  expect((await drawn).status()).toBe(200);
  await expect(page.getByRole("button", { name: "提交答案" })).toBeVisible();
  let answered = 0;
  for (const q of questions) {
    const group = page.getByRole("group", { name: q.prompt });
    if ((await group.count()) === 0) continue;
    const role = q.type === "multiple" ? "checkbox" : "radio";
    for (const o of q.options.filter((o) => o.correct)) {
      await group.getByRole(role, { name: o.text, exact: true }).check();
    }
    answered++;
  }
  expect(answered).toBe(draw);
  await page.getByRole("button", { name: "提交答案" }).click();
  await expect(page.getByRole("heading", { name: "检测结果: 得分 100%" })).toBeVisible();
}

/** Plays the complaint role-play along its best path to the result page. */
export async function playComplaint(page: Page) {
  const s = scenario("complaint");
  await page.goto("/practice");
  await page.getByRole("link", { name: s.title }).click();
  await page.getByRole("button", { name: "开始演练" }).click();
  const moves = [
    ["arrive", "a"],
    ["vent", "a"],
    ["apologise"],
    ["check-record", "a"],
    ["explain-steps"],
    ["push-today", "a"],
    ["prevent", "a"],
    ["callback", "a"],
  ] as const;
  for (const [id, choiceId] of moves) {
    const step = s.steps[id];
    if (!step) throw new Error(`no step ${id}`);
    if (step.customer) await expect(page.getByText(step.customer, { exact: true }).last()).toBeVisible();
    if (step.kind === "text") {
      await page.getByRole("textbox", { name: "您的回答" }).fill(step.modelAnswer);
      await page.getByRole("button", { name: "发送" }).click();
    } else if (step.kind === "choice" || step.kind === "timed") {
      const choice = step.choices.find((c) => c.id === choiceId);
      await page.getByRole("button", { name: choice?.text, exact: true }).click();
    }
  }
  await expect(page).toHaveURL(/\/practice\/complaint\/result\//);
  await expect(page.getByRole("heading", { name: "总分 100%" })).toBeVisible();
}
