// The app with DATABASE_URL=http://… (a libSQL server): reading, answering, reporting, checking.
import { expect, test } from "@playwright/test";
import { signIn } from "../../e2e/fixtures";
import { passKnowledgeCheck } from "./flows";
import { runScript } from "./servers";

const HRANA = `http://127.0.0.1:${Number(process.env.HRANA_PORT ?? 3172)}`;

test("on a libSQL server a learner passes a knowledge check, a manager sees it, and db:check agrees", async ({
  page,
  browser,
}) => {
  expect(await (await page.request.get("/api/ready")).json()).toEqual({ status: "ready" });
  await signIn(page, "E1001");
  await expect(page.getByRole("heading", { level: 1, name: "我的培训" })).toBeVisible();
  await passKnowledgeCheck(page, "basic-skills");
  await page.goto("/learn");
  await expect(page.getByRole("listitem").filter({ hasText: "已通过" }).first()).toBeVisible();

  const manager = await (await browser.newContext()).newPage();
  await signIn(manager, "E3001");
  await expect(manager.getByRole("heading", { level: 1, name: "培训报表" })).toBeVisible();
  const csv = await (await manager.request.get("/reports/export/people.csv")).text();
  expect(csv).toContain("E1001,");

  const check = runScript("scripts/db-check.ts", ["--db", HRANA]);
  expect(check.stdout).toContain('"ok":true');
});
